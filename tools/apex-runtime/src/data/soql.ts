/**
 * SOQL over the store: field lists with parent paths and child subqueries, WHERE (AND/OR/NOT, comparison,
 * LIKE, IN/NOT IN, INCLUDES/EXCLUDES, binds, date literals), ORDER BY with NULLS, LIMIT/OFFSET, COUNT(),
 * aggregates with GROUP BY, ALL ROWS, WITH USER_MODE / SECURITY_ENFORCED. Counts SOQL limits.
 */
import { asText } from "../interp/text";
import type { SoqlAggregate, SoqlCond, SoqlField, SoqlQuery, SoqlValue } from "../frontend/ast";
import { Decimal } from "../interp/decimal";
import { InternalError } from "../interp/errors";
import { evalExpr } from "../interp/eval";
import type { Frame } from "../interp/frame";
import { to18 } from "../interp/ids";
import type { Interpreter } from "../interp/interpreter";
import { compareValues } from "../interp/ops";
import { ApexDate, ApexDatetime, ApexId, ApexList, ApexSet, SObject, type Value } from "../interp/values";
import type { DataRuntime } from "./runtime";
import type { ObjectSchema } from "./schema";
import type { Row } from "./store";
import { hasFieldAccess, hasObjectAccess } from "./permissions";

interface Ctx {
  ip: Interpreter;
  f: Frame | null;
  binds: Map<string, Value> | null;
  inSets?: Map<SoqlCond, Set<string>>;
}

/** Hash key for IN lists: Ids in 18-character form, text case-insensitive, numbers by value. */
function inKey(v: Value): string {
  if (v instanceof ApexId) return "i:" + v.value;
  if (typeof v === "string") {
    const id = v.length === 15 || v.length === 18 ? to18(v) : null;
    return id ? "i:" + id : "s:" + v.toLowerCase();
  }
  if (typeof v === "number" || typeof v === "bigint") return "n:" + String(v);
  if (v instanceof Decimal) return "n:" + v.stripTrailingZeros().toString();
  if (v instanceof ApexDate) return "d:" + v.days;
  if (v instanceof ApexDatetime) return "t:" + v.ms;
  return "o:" + asText(v);
}

const DAY = 86400000;

function norm(v: Value): Value {
  if (v instanceof ApexId) return v.value;
  if (typeof v === "string") {
    const id = v.length === 15 || v.length === 18 ? to18(v) : null;
    return id ?? v.toLowerCase();
  }
  return v;
}

function eq(ip: Interpreter, a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (a instanceof ApexDate && b instanceof ApexDatetime) return a.days === Math.floor(b.ms / DAY);
  const c = compareValues(ip, norm(a), norm(b));
  return c === 0;
}

function likeToRegex(pattern: string): RegExp {
  let re = "";
  for (const ch of pattern) {
    if (ch === "%") re += ".*";
    else if (ch === "_") re += ".";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "is");
}

interface Range {
  start: number;
  end: number;
}

function utcDay(ms: number): number {
  return Math.floor(ms / DAY);
}

function dateLiteralRange(now: number, name: string, n: number | null): Range {
  const today = utcDay(now);
  const d = new Date(today * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const dayMs = (days: number) => days * DAY;
  const month = (yy: number, mm: number): Range => ({ start: Date.UTC(yy, mm, 1), end: Date.UTC(yy, mm + 1, 1) });
  const k = n ?? 0;
  switch (name) {
    case "TODAY":
      return { start: dayMs(today), end: dayMs(today + 1) };
    case "YESTERDAY":
      return { start: dayMs(today - 1), end: dayMs(today) };
    case "TOMORROW":
      return { start: dayMs(today + 1), end: dayMs(today + 2) };
    case "LAST_N_DAYS":
      return { start: dayMs(today - k), end: dayMs(today + 1) };
    case "NEXT_N_DAYS":
      return { start: dayMs(today + 1), end: dayMs(today + k + 1) };
    case "N_DAYS_AGO":
      return { start: dayMs(today - k), end: dayMs(today - k + 1) };
    case "LAST_90_DAYS":
      return { start: dayMs(today - 90), end: dayMs(today + 1) };
    case "NEXT_90_DAYS":
      return { start: dayMs(today + 1), end: dayMs(today + 91) };
    case "THIS_MONTH":
      return month(y, m);
    case "LAST_MONTH":
      return month(y, m - 1);
    case "NEXT_MONTH":
      return month(y, m + 1);
    case "THIS_YEAR":
      return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
    case "LAST_YEAR":
      return { start: Date.UTC(y - 1, 0, 1), end: Date.UTC(y, 0, 1) };
    case "NEXT_YEAR":
      return { start: Date.UTC(y + 1, 0, 1), end: Date.UTC(y + 2, 0, 1) };
    case "THIS_WEEK": {
      const start = today - d.getUTCDay();
      return { start: dayMs(start), end: dayMs(start + 7) };
    }
    case "LAST_WEEK": {
      const start = today - d.getUTCDay() - 7;
      return { start: dayMs(start), end: dayMs(start + 7) };
    }
    case "NEXT_WEEK": {
      const start = today - d.getUTCDay() + 7;
      return { start: dayMs(start), end: dayMs(start + 7) };
    }
  }
  throw new InternalError(`date literal ${name}`);
}

export class SoqlEngine {
  constructor(private readonly data: DataRuntime) {}

  run(ip: Interpreter, q: SoqlQuery, f: Frame | null, binds: Map<string, Value> | null): Value {
    const l = ip.tx.limits;
    l.queries++;
    if (l.queries > 100) ip.throwApex("LimitException", `Too many SOQL queries: ${l.queries}`);
    const schema = this.data.schema.get(q.from);
    if (!schema) return ip.throwApex("QueryException", `sObject type '${q.from}' is not supported.`);
    const cx: Ctx = { ip, f, binds };
    if (q.unsupported.length) throw new InternalError(`unsupported SOQL: ${q.unsupported.join(", ")}`);
    this.checkAccess(ip, q, schema);
    let rows = this.rowsOf(schema, q.allRows).filter((r) => !q.where || this.test(cx, schema, r, q.where));
    const isAgg = q.groupBy.length > 0 || q.select.some((s) => s.k === "agg");
    if (
      q.select.length === 1 &&
      q.select[0].k === "agg" &&
      q.select[0].fn === "COUNT" &&
      !q.select[0].path &&
      !q.select[0].alias &&
      q.groupBy.length === 0
    ) {
      l.queryRows += rows.length;
      return rows.length;
    }
    if (isAgg) return this.aggregate(cx, q, schema, rows);
    rows = this.order(cx, q, schema, rows);
    const offset = q.offset ? Number(this.value(cx, q.offset)) : 0;
    const limit = q.limit ? Number(this.value(cx, q.limit)) : Infinity;
    rows = rows.slice(offset, offset + limit);
    const out = new ApexList(
      { k: "sobject", name: schema.name },
      rows.map((r) => this.project(cx, q, schema, r)),
    );
    l.queryRows += rows.length;
    if (l.queryRows > 50000) ip.throwApex("LimitException", `Too many query rows: ${l.queryRows}`);
    return out;
  }

  private checkAccess(ip: Interpreter, q: SoqlQuery, schema: ObjectSchema): void {
    if (q.withMode !== "USER_MODE" && q.withMode !== "SECURITY_ENFORCED") return;
    if (!hasObjectAccess(ip, schema.name, "read")) {
      if (q.withMode === "SECURITY_ENFORCED")
        ip.throwApex("QueryException", `Insufficient permissions: secure query included inaccessible field`);
      ip.throwApex(
        "QueryException",
        `sObject type '${schema.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
      );
    }
    for (const s of q.select) {
      if (s.k !== "field" || s.path.length !== 1) continue;
      if (!hasFieldAccess(ip, schema.name, s.path[0], "read")) {
        if (q.withMode === "SECURITY_ENFORCED")
          ip.throwApex("QueryException", `Insufficient permissions: secure query included inaccessible field`);
        ip.throwApex(
          "QueryException",
          `No such column '${s.path[0]}' on entity '${schema.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
        );
      }
    }
  }

  private rowsOf(schema: ObjectSchema, allRows: boolean): Row[] {
    const rows = [...this.data.store.table(schema.name).values()];
    if (allRows) rows.push(...this.data.store.recycleBin(schema.name).values());
    return rows;
  }

  /** Value of a field path on a row ('Name', 'Account.Owner.Name'). */
  fieldValue(schema: ObjectSchema, row: Row, path: string[]): Value {
    let s = schema;
    let r: Row | undefined = row;
    let p = path;
    if (p.length > 1 && p[0].toLowerCase() === s.name.toLowerCase()) p = p.slice(1);
    for (let i = 0; i < p.length - 1; i++) {
      const rel = this.data.schema.relationshipField(s, p[i]);
      if (!rel || !r) return null;
      const id = r.get(rel.name.toLowerCase());
      if (!(id instanceof ApexId)) return null;
      const found = this.data.store.find(id.value);
      if (!found) return null;
      r = found.row;
      const ns = this.data.schema.get(found.obj);
      if (!ns) return null;
      s = ns;
    }
    const last = p[p.length - 1].toLowerCase();
    if (!s.fields.has(last)) throw new InternalError(`No such column '${p[p.length - 1]}' on entity '${s.name}'`);
    return r ? (r.get(last) ?? null) : null;
  }

  private value(cx: Ctx, v: SoqlValue): Value {
    switch (v.k) {
      case "null":
        return null;
      case "bool":
        return v.value;
      case "number":
        return v.text.includes(".") ? Decimal.parse(v.text) : Number(v.text);
      case "string":
        return v.value;
      case "date": {
        const [y, m, d] = v.text.split("-").map(Number);
        return ApexDate.of(y, m, d);
      }
      case "datetime":
        return new ApexDatetime(Date.parse(v.text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")));
      case "bind": {
        if (cx.binds) {
          if (!v.name) throw new InternalError("queryWithBinds needs simple bind names");
          const key = [...cx.binds.keys()].find((k) => k.toLowerCase() === v.name!.toLowerCase());
          if (key === undefined)
            return cx.ip.throwApex("QueryException", `Key '${v.name}' does not exist in the bindMap`);
          return cx.binds.get(key) ?? null;
        }
        if (!cx.f) throw new InternalError("bind outside a frame");
        return evalExpr(cx.ip, v.expr, cx.f);
      }
      case "list":
        return new ApexList(
          { k: "prim", name: "Object" },
          v.values.map((x) => this.value(cx, x)),
        );
      case "dateLiteral":
      case "sub":
        throw new InternalError("value kind not usable here");
    }
  }

  private listValues(cx: Ctx, v: SoqlValue, schema: ObjectSchema): Value[] {
    if (v.k === "sub") {
      const sub = v.query;
      const ss = this.data.schema.get(sub.from);
      if (!ss) cx.ip.throwApex("QueryException", `sObject type '${sub.from}' is not supported.`);
      const field = sub.select[0];
      if (field.k !== "field") throw new InternalError("semi-join needs a field");
      void schema;
      return this.rowsOf(ss, false)
        .filter((r) => !sub.where || this.test(cx, ss, r, sub.where))
        .map((r) => this.fieldValue(ss, r, field.path));
    }
    const val = this.value(cx, v);
    if (val instanceof ApexList) return val.items.map((i) => (i instanceof SObject ? (i.fields.get("id") ?? null) : i));
    if (val instanceof ApexSet) return [...val.map.values()];
    return [val];
  }

  private test(cx: Ctx, schema: ObjectSchema, row: Row, c: SoqlCond): boolean {
    switch (c.k) {
      case "and":
        return c.items.every((i) => this.test(cx, schema, row, i));
      case "or":
        return c.items.some((i) => this.test(cx, schema, row, i));
      case "not":
        return !this.test(cx, schema, row, c.item);
      case "cmp":
        return this.compare(cx, schema, row, c);
    }
  }

  private compare(cx: Ctx, schema: ObjectSchema, row: Row, c: Extract<SoqlCond, { k: "cmp" }>): boolean {
    if (c.left.k !== "field") throw new InternalError("function in WHERE");
    const left = this.fieldValue(schema, row, c.left.path);
    const ip = cx.ip;
    const op = c.op;
    if (op === "IN" || op === "NOT IN") {
      cx.inSets ??= new Map<SoqlCond, Set<string>>();
      let set = cx.inSets.get(c);
      if (!set) {
        set = new Set(
          this.listValues(cx, c.value, schema)
            .filter((v) => v !== null)
            .map(inKey),
        );
        cx.inSets.set(c, set);
      }
      const hit = left !== null && set.has(inKey(left));
      return op === "IN" ? hit : left !== null && !hit;
    }
    if (op === "INCLUDES" || op === "EXCLUDES") {
      const have = new Set(
        asText(left ?? "")
          .split(";")
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      );
      const vals = this.listValues(cx, c.value, schema).map((v) => asText(v).toLowerCase());
      const hit = vals.some((v) => v.split(";").every((p) => have.has(p.trim())));
      return op === "INCLUDES" ? hit : !hit;
    }
    if (c.value.k === "dateLiteral") {
      if (left === null) return false;
      const r = dateLiteralRange(this.data.clock(), c.value.name.replace(/_N$/, ""), c.value.n);
      const ms = left instanceof ApexDate ? left.days * DAY : left instanceof ApexDatetime ? left.ms : NaN;
      switch (op) {
        case "=":
          return ms >= r.start && ms < r.end;
        case "!=":
          return !(ms >= r.start && ms < r.end);
        case "<":
          return ms < r.start;
        case "<=":
          return ms < r.end;
        case ">":
          return ms >= r.end;
        case ">=":
          return ms >= r.start;
      }
    }
    const right = this.value(cx, c.value);
    if (op === "LIKE") return left !== null && right !== null && likeToRegex(asText(right)).test(asText(left));
    if (op === "=") return eq(ip, left, right);
    if (op === "!=" || op === "<>") return !eq(ip, left, right);
    if (left === null || right === null) return false;
    const cmp = compareValues(
      ip,
      norm(left),
      norm(right instanceof ApexDatetime && left instanceof ApexDate ? new ApexDate(utcDay(right.ms)) : right),
    );
    if (cmp === null) return false;
    switch (op) {
      case "<":
        return cmp < 0;
      case "<=":
        return cmp <= 0;
      case ">":
        return cmp > 0;
      case ">=":
        return cmp >= 0;
    }
    throw new InternalError(`SOQL operator ${op}`);
  }

  private order(cx: Ctx, q: SoqlQuery, schema: ObjectSchema, rows: Row[]): Row[] {
    if (!q.orderBy.length) return rows;
    return rows.slice().sort((a, b) => {
      for (const o of q.orderBy) {
        if (o.left.k !== "field") continue;
        const x = this.fieldValue(schema, a, o.left.path);
        const y = this.fieldValue(schema, b, o.left.path);
        const nullsFirst = o.nullsFirst ?? !o.desc;
        let c: number;
        if (x === null && y === null) c = 0;
        else if (x === null) return nullsFirst ? -1 : 1;
        else if (y === null) return nullsFirst ? 1 : -1;
        else c = compareValues(cx.ip, x, y) ?? 0;
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  }

  private project(cx: Ctx, q: SoqlQuery, schema: ObjectSchema, row: Row): SObject {
    const so = this.data.newRecord(schema.name);
    so.queried = new Set(["id"]);
    so.fields.set("id", row.get("id") ?? null);
    for (const s of q.select) {
      if (s.k === "field") this.projectPath(cx, schema, row, so, s.path);
      else if (s.k === "sub") this.projectChildren(cx, schema, row, so, s.query);
    }
    return so;
  }

  private projectPath(cx: Ctx, schema: ObjectSchema, row: Row, so: SObject, path: string[]): void {
    const p = path.length > 1 && path[0].toLowerCase() === schema.name.toLowerCase() ? path.slice(1) : path;
    if (p.length === 1) {
      const lf = p[0].toLowerCase();
      if (!schema.fields.has(lf))
        cx.ip.throwApex("QueryException", `No such column '${p[0]}' on entity '${schema.name}'`);
      so.fields.set(lf, row.get(lf) ?? null);
      so.queried?.add(lf);
      return;
    }
    const rel = this.data.schema.relationshipField(schema, p[0]);
    if (!rel) {
      cx.ip.throwApex("QueryException", `Didn't understand relationship '${p[0]}' in field path`);
      return;
    }
    so.queried?.add(p[0].toLowerCase());
    const id = row.get(rel.name.toLowerCase());
    if (!(id instanceof ApexId)) return;
    const found = this.data.store.find(id.value);
    if (!found) return;
    const ps = this.data.schema.get(found.obj)!;
    let parent = so.related.get(p[0].toLowerCase());
    if (!(parent instanceof SObject)) {
      parent = this.data.newRecord(ps.name);
      parent.queried = new Set(["id"]);
      parent.fields.set("id", id);
      so.related.set(p[0].toLowerCase(), parent);
    }
    this.projectPath(cx, ps, found.row, parent, p.slice(1));
  }

  private projectChildren(cx: Ctx, schema: ObjectSchema, row: Row, so: SObject, sub: SoqlQuery): void {
    const rel = schema.children.get(sub.from.toLowerCase());
    if (!rel) {
      cx.ip.throwApex("QueryException", `Didn't understand relationship '${sub.from}' in FROM part of query call`);
      return;
    }
    const cs = this.data.schema.get(rel.childObject)!;
    const parentId = row.get("id") as ApexId;
    let rows = this.rowsOf(cs, false).filter((r) => {
      const ref = r.get(rel.field.toLowerCase());
      return ref instanceof ApexId && ref.value === parentId.value && (!sub.where || this.test(cx, cs, r, sub.where));
    });
    rows = this.order(cx, sub, cs, rows);
    if (sub.limit) rows = rows.slice(0, Number(this.value(cx, sub.limit)));
    cx.ip.tx.limits.queryRows += rows.length;
    so.related.set(
      sub.from.toLowerCase(),
      new ApexList(
        { k: "sobject", name: cs.name },
        rows.map((r) => this.project(cx, sub, cs, r)),
      ),
    );
    so.queried?.add(sub.from.toLowerCase());
  }

  private aggregate(cx: Ctx, q: SoqlQuery, schema: ObjectSchema, rows: Row[]): Value {
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const key = q.groupBy
        .map((g) => (g.k === "field" ? asText(norm(this.fieldValue(schema, r, g.path))) : ""))
        .join("\u0000");
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    if (q.groupBy.length === 0 && groups.size === 0) groups.set("", []);
    const out: SObject[] = [];
    for (const grp of groups.values()) {
      const ar = new SObject("AggregateResult");
      let expr = 0;
      for (const s of q.select) {
        if (s.k === "field") {
          ar.fields.set(
            (s.alias ?? s.path[s.path.length - 1]).toLowerCase(),
            grp.length ? this.fieldValue(schema, grp[0], s.path) : null,
          );
        } else if (s.k === "agg") {
          const name = (s.alias ?? `expr${expr++}`).toLowerCase();
          ar.fields.set(name, this.aggValue(cx, schema, grp, s));
        }
      }
      if (q.having && !this.testHaving(cx, ar, q)) continue;
      out.push(ar);
    }
    cx.ip.tx.limits.queryRows += rows.length;
    return new ApexList({ k: "sobject", name: "AggregateResult" }, out);
  }

  private testHaving(cx: Ctx, ar: SObject, q: SoqlQuery): boolean {
    void cx;
    void ar;
    void q;
    throw new InternalError("HAVING is not supported yet");
  }

  private aggValue(cx: Ctx, schema: ObjectSchema, grp: Row[], s: SoqlAggregate): Value {
    const vals = s.path
      ? grp.map((r) => this.fieldValue(schema, r, s.path!)).filter((v) => v !== null)
      : grp.map(() => 1);
    switch (s.fn) {
      case "COUNT":
        return vals.length;
      case "COUNT_DISTINCT":
        return new Set(vals.map((v) => asText(norm(v)))).size;
      case "SUM":
        return vals.length ? vals.reduce((a: Decimal, v) => a.add(toDec(v)), Decimal.fromInt(0)) : null;
      case "AVG":
        return vals.length
          ? vals.reduce((a: Decimal, v) => a.add(toDec(v)), Decimal.fromInt(0)).div(Decimal.fromInt(vals.length))
          : null;
      case "MIN":
      case "MAX": {
        if (!vals.length) return null;
        return vals.reduce((a, v) => {
          const c = compareValues(cx.ip, v, a) ?? 0;
          return (s.fn === "MIN" ? c < 0 : c > 0) ? v : a;
        });
      }
    }
    throw new InternalError(`aggregate ${s.fn}`);
  }
}

function toDec(v: Value): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === "number" || typeof v === "bigint") return Decimal.fromInt(v);
  throw new InternalError("SUM/AVG of a non-number");
}

export type { SoqlField };
