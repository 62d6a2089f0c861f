/**
 * Database class: dynamic SOQL (query, queryWithBinds, countQuery, getQueryLocator), DML with
 * allOrNone and AccessLevel returning SaveResult / UpsertResult / DeleteResult / UndeleteResult,
 * savepoints and rollback; Trigger context variables.
 */
import { asText } from "../interp/text";
import type { SoqlQuery } from "../frontend/ast";
import type { DmlOp, DmlResult } from "../data/dml";
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { ApexId, ApexList, ApexMap, EnumValue, NativeObject, SObject, type Value } from "../interp/values";
import { s } from "./args";
import { STRING } from "../interp/types";

const queryCache = new Map<string, SoqlQuery>();
import { cachedQuery } from "../frontend/cache";

function dynamicQuery(ip: Interpreter, text: string): SoqlQuery {
  const hit = queryCache.get(text);
  if (hit) return hit;
  const r = cachedQuery(text.trim());
  if (r.errors.length) return ip.throwApex("QueryException", `unexpected token: ${r.errors[0]}`);
  if (r.unsupported.length) return ip.throwApex("QueryException", `unsupported: ${r.unsupported.join(", ")}`);
  queryCache.set(text, r.query);
  return r.query;
}

function userMode(a: Value[]): boolean {
  return a.some((v) => v instanceof EnumValue && v.type.name === "AccessLevel" && v.name === "USER_MODE");
}

function allOrNone(a: Value[], i: number): boolean {
  const v = a[i];
  if (typeof v === "boolean") return v;
  if (v instanceof NativeObject && v.className === "Database.DMLOptions") return v.state.allOrNone !== false;
  return true;
}

const RESULT_CLASS: Record<string, string> = {
  insert: "Database.SaveResult",
  update: "Database.SaveResult",
  upsert: "Database.UpsertResult",
  delete: "Database.DeleteResult",
  undelete: "Database.UndeleteResult",
};

function results(op: DmlOp, rs: DmlResult[], single: boolean): Value {
  const cls = RESULT_CLASS[op];
  const objs = rs.map((r) => new NativeObject(cls, { r }));
  return single ? objs[0] : new ApexList({ k: "native", name: cls }, objs);
}

function dml(op: DmlOp) {
  return (ip: Interpreter, a: Value[]): Value => {
    const single = !(a[0] instanceof ApexList);
    let field: string | null = null;
    let rest = 1;
    if (op === "upsert" && a[1] instanceof NativeObject && a[1].className === "SObjectField") {
      field = String(a[1].state.field);
      rest = 2;
    }
    const rs = ip.data.dmlCall(ip, op, a[0], allOrNone(a, rest), userMode(a), field);
    return results(op, rs, single);
  };
}

function withMode(q: SoqlQuery, user: boolean): SoqlQuery {
  return user && !q.withMode ? { ...q, withMode: "USER_MODE" } : q;
}

export function registerDatabase(n: Natives): void {
  n.static("Database", {
    query: (ip, a) => ip.data.runQuery(ip, withMode(dynamicQuery(ip, s(ip, a[0])), userMode(a)), ip.frame, null),
    queryWithBinds: (ip, a) => {
      const binds = new Map<string, Value>();
      const m = a[1];
      if (m instanceof ApexMap) for (const e of m.map.values()) binds.set(asText(e.key), e.value);
      return ip.data.runQuery(ip, withMode(dynamicQuery(ip, s(ip, a[0])), userMode(a)), ip.frame, binds);
    },
    countQuery: (ip, a) => ip.data.runQuery(ip, withMode(dynamicQuery(ip, s(ip, a[0])), userMode(a)), ip.frame, null),
    countQueryWithBinds: (ip, a) => {
      const binds = new Map<string, Value>();
      const m = a[1];
      if (m instanceof ApexMap) for (const e of m.map.values()) binds.set(asText(e.key), e.value);
      return ip.data.runQuery(ip, withMode(dynamicQuery(ip, s(ip, a[0])), userMode(a)), ip.frame, binds);
    },
    getQueryLocator: (ip, a) => {
      const records =
        a[0] instanceof ApexList ? a[0] : ip.data.runQuery(ip, dynamicQuery(ip, s(ip, a[0])), ip.frame, null);
      return new NativeObject("Database.QueryLocator", { records });
    },
    insert: dml("insert"),
    update: dml("update"),
    upsert: dml("upsert"),
    delete: dml("delete"),
    undelete: dml("undelete"),
    setSavepoint: (ip) => {
      ip.tx.limits.dmlStatements++;
      return new NativeObject("Savepoint", { store: ip.data.store.snapshot() });
    },
    rollback: (ip, a) => {
      const sp = a[0];
      if (!(sp instanceof NativeObject)) return ip.npe();
      ip.tx.limits.dmlStatements++;
      ip.data.store.restore(sp.state.store as never);
      return null;
    },
    releaseSavepoint: () => null,
  });
  n.ctor("Database.DMLOptions", () => new NativeObject("Database.DMLOptions", { allOrNone: true }));
  n.methods<NativeObject>("database.dmloptions", {
    "set:optallornone": (_ip, o, a) => {
      o.state.allOrNone = a[0] === true;
      return null;
    },
    "prop:optallornone": (_ip, o) => o.state.allOrNone as boolean,
  });
  const r = (o: NativeObject) => o.state.r as DmlResult;
  const common = {
    getId: (_ip: Interpreter, o: NativeObject) => (r(o).id ? new ApexId(r(o).id!) : null),
    isSuccess: (_ip: Interpreter, o: NativeObject) => r(o).success,
    getErrors: (_ip: Interpreter, o: NativeObject) =>
      new ApexList(
        { k: "native", name: "Database.Error" },
        r(o).errors.map((e) => new NativeObject("Database.Error", { e })),
      ),
  };
  n.methods<NativeObject>("database.saveresult", common);
  n.methods<NativeObject>("database.deleteresult", common);
  n.methods<NativeObject>("database.undeleteresult", common);
  n.methods<NativeObject>("database.upsertresult", { ...common, isCreated: (_ip, o) => r(o).created });
  const e = (o: NativeObject) => o.state.e as DmlResult["errors"][number];
  n.methods<NativeObject>("database.error", {
    getMessage: (_ip, o) => e(o).message,
    getStatusCode: (ip, o) => {
      const en = ip.reg.types.get("statuscode");
      return en && "byName" in en ? (en.byName.get(e(o).statusCode.toLowerCase()) ?? e(o).statusCode) : e(o).statusCode;
    },
    getFields: (_ip, o) => new ApexList(STRING, e(o).fields),
  });

  // Trigger context variables
  const ctx = (ip: Interpreter) => ip.data.triggerStack[ip.data.triggerStack.length - 1];
  const type = (ip: Interpreter) => {
    const c = ctx(ip);
    const first = c?.records[0] ?? c?.old?.[0];
    return first instanceof SObject ? first.type : "SObject";
  };
  n.staticProp("Trigger", {
    new: (ip) => (ctx(ip) && ctx(ip).op !== "delete" ? ip.data.triggerList(ctx(ip).records, type(ip)) : null),
    old: (ip) => (ctx(ip) ? ip.data.triggerList(ctx(ip).old, type(ip)) : null),
    newMap: (ip) =>
      ctx(ip) && ctx(ip).op !== "delete" && !(ctx(ip).when === "before" && ctx(ip).op === "insert")
        ? ip.data.idMap(ip, ctx(ip).records, type(ip))
        : null,
    oldMap: (ip) => (ctx(ip) ? ip.data.idMap(ip, ctx(ip).old, type(ip)) : null),
    isBefore: (ip) => ctx(ip)?.when === "before",
    isAfter: (ip) => ctx(ip)?.when === "after",
    isInsert: (ip) => ctx(ip)?.op === "insert",
    isUpdate: (ip) => ctx(ip)?.op === "update",
    isDelete: (ip) => ctx(ip)?.op === "delete",
    isUndelete: (ip) => ctx(ip)?.op === "undelete",
    isExecuting: (ip) => !!ctx(ip),
    size: (ip) => (ctx(ip) ? Math.max(ctx(ip).records.length, ctx(ip).old?.length ?? 0) : 0),
    operationType: (ip) => {
      const c = ctx(ip);
      if (!c) return null;
      const en = ip.reg.types.get("triggeroperation");
      return en && "byName" in en ? (en.byName.get(`${c.when}_${c.op}`) ?? null) : null;
    },
  });
}
