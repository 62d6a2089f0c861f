/**
 * DML over the store: insert, update, upsert (by Id or external id), delete, undelete. Checks required,
 * unique and external-id fields, lengths, restricted picklists and references; fires triggers; counts
 * limits. allOrNone=true rolls the whole call back and throws DmlException with Salesforce's message.
 */
import { asText } from "../interp/text";
import type { Interpreter } from "../interp/interpreter";
import { ApexThrow } from "../interp/errors";
import { ApexId, ApexDatetime, ApexList, ApexObject, SObject, type Value } from "../interp/values";
import type { Row } from "./store";
import { defaultFor, isReference, isTextType, validateValue } from "./fields";
import type { DataRuntime } from "./runtime";
import type { ObjectSchema } from "./schema";
import { checkObjectAccess } from "./permissions";

export type DmlOp = "insert" | "update" | "upsert" | "delete" | "undelete" | "merge";

export interface DmlError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface DmlResult {
  success: boolean;
  id: string | null;
  created: boolean;
  errors: DmlError[];
}

const VERB: Record<DmlOp, string> = {
  insert: "Insert",
  update: "Update",
  upsert: "Upsert",
  delete: "Delete",
  undelete: "Undelete",
  merge: "Merge",
};

function err(statusCode: string, message: string, fields: string[] = []): DmlError {
  return { statusCode, message, fields };
}

function records(ip: Interpreter, v: Value, op: DmlOp): SObject[] {
  if (v === null) ip.npe();
  if (v instanceof SObject) return [v];
  if (v instanceof ApexList) {
    return v.items.map((i) => {
      if (i === null) ip.npe();
      if (i instanceof SObject) return i;
      if (i instanceof ApexId || typeof i === "string") {
        if (op !== "delete" && op !== "undelete") ip.throwApex("DmlException", "Invalid record");
        return idOnly(ip, i);
      }
      return ip.throwApex("TypeException", "DML requires SObjects");
    });
  }
  if ((v instanceof ApexId || typeof v === "string") && (op === "delete" || op === "undelete")) return [idOnly(ip, v)];
  return ip.throwApex("TypeException", "DML requires SObjects");
}

function idOnly(ip: Interpreter, id: ApexId | string): SObject {
  const value = id instanceof ApexId ? id.value : id;
  const schema = ip.data.schema.byPrefix(value.slice(0, 3));
  const so = new SObject(schema ? schema.name : "SObject");
  so.fields.set("id", id instanceof ApexId ? id : new ApexId(value));
  return so;
}

function idOf(so: SObject): string | null {
  const v = so.fields.get("id");
  return v instanceof ApexId ? v.value : typeof v === "string" ? v : null;
}

function normKey(v: Value, caseSensitive: boolean): string {
  const x = asText(v instanceof ApexId ? v.value : v);
  return caseSensitive ? x : x.toLowerCase();
}

export class Dml {
  /** Per-call index of unique field values: 'object.field' → normalised value → id. */
  private readonly uniqueIndex = new Map<string, Map<string, string>>();

  constructor(private readonly data: DataRuntime) {}

  private uniqueValues(schema: ObjectSchema, field: string, caseSensitive: boolean): Map<string, string> {
    const key = `${schema.name}.${field}`.toLowerCase();
    let idx = this.uniqueIndex.get(key);
    if (!idx) {
      idx = new Map();
      for (const [id, row] of this.data.store.table(schema.name)) {
        const v = row.get(field.toLowerCase()) ?? null;
        if (v !== null && v !== "") idx.set(normKey(v, caseSensitive), id);
      }
      this.uniqueIndex.set(key, idx);
    }
    return idx;
  }

  private checkLimits(ip: Interpreter, rows: number): void {
    const l = ip.tx.limits;
    l.dmlStatements++;
    if (l.dmlStatements > 150) ip.throwApex("LimitException", `Too many DML statements: ${l.dmlStatements}`);
    l.dmlRows += rows;
    if (l.dmlRows > 10000) ip.throwApex("LimitException", `Too many DML rows: ${l.dmlRows}`);
  }

  /** Runs one DML call and returns per-record results; with allOrNone a failure rolls back and throws. */
  run(ip: Interpreter, op: DmlOp, v: Value, allOrNone: boolean, asUser: boolean, extField: string | null): DmlResult[] {
    const depth = this.data.store.depth();
    try {
      return this.runUnchecked(ip, op, v, allOrNone, asUser, extField);
    } catch (e) {
      while (this.data.store.depth() > depth) this.data.store.rollback();
      throw e;
    }
  }

  private runUnchecked(
    ip: Interpreter,
    op: DmlOp,
    v: Value,
    allOrNone: boolean,
    asUser: boolean,
    extField: string | null,
  ): DmlResult[] {
    const list = records(ip, v, op);
    this.checkLimits(ip, list.length);
    if (list.length === 0) return [];
    const objName = list[0].type;
    const schema = this.data.schema.get(objName);
    if (!schema) return ip.throwApex("DmlException", `Invalid SObject type ${objName}`);
    if (asUser)
      checkObjectAccess(
        ip,
        schema.name,
        op === "insert"
          ? "create"
          : op === "delete" || op === "undelete"
            ? "delete"
            : op === "upsert"
              ? "create"
              : "edit",
        true,
      );
    const store = this.data.store;
    store.begin();
    ip.tx.pendingDml = true;
    this.uniqueIndex.clear();
    const results: DmlResult[] = list.map(() => ({ success: true, id: null, created: false, errors: [] }));
    const trig = op === "upsert" ? null : op;
    const old =
      trig && (trig === "update" || trig === "delete") && this.data.hasTriggers(schema.name)
        ? this.data.oldRecords(schema.name, list)
        : null;
    if (trig && trig !== "merge") this.data.fireTriggers(ip, schema.name, "before", trig, list, old);
    switch (op) {
      case "insert":
        list.forEach((so, i) => this.insertOne(ip, schema, so, results[i], list));
        break;
      case "update":
        this.updateAll(ip, schema, list, results);
        break;
      case "upsert":
        this.upsertAll(ip, schema, list, results, extField);
        break;
      case "delete":
        list.forEach((so, i) => this.deleteOne(ip, schema, so, results[i]));
        break;
      case "undelete":
        list.forEach((so, i) => this.undeleteOne(ip, schema, so, results[i]));
        break;
      case "merge":
        return ip.throwApex("DmlException", "merge is not supported by the local runtime");
    }
    const failed = results.findIndex((r) => !r.success);
    if (allOrNone && failed >= 0) {
      store.rollback();
      if (op === "insert") list.forEach((so) => so.fields.delete("id"));
      const e = results[failed].errors[0];
      const ex = ip.newException(
        "DmlException",
        `${VERB[op]} failed. First exception on row ${failed}${results[failed].id ? ` with id ${results[failed].id}` : ""}; first error: ${e.statusCode}, ${e.message}: [${e.fields.join(", ")}]`,
      );
      ex.native.dml = results.map((r, i) => ({ ...r, index: i })).filter((r) => !r.success);
      throw new ApexThrow(ex);
    }
    store.commit();
    if (trig && trig !== "merge") {
      const ok = list.filter((_, i) => results[i].success);
      const okOld = old ? old.filter((_, i) => results[i].success) : null;
      if (ok.length) this.data.fireTriggers(ip, schema.name, "after", trig, ok, okOld);
    }
    return results;
  }

  private now(): ApexDatetime {
    return new ApexDatetime(this.data.clock());
  }

  private validateRow(
    ip: Interpreter,
    schema: ObjectSchema,
    row: Row,
    r: DmlResult,
    selfId: string | null,
    batch: SObject[] | null,
  ): [Map<string, string>, string][] {
    const missing: string[] = [];
    const pendingUnique: [Map<string, string>, string][] = [];
    for (const f of schema.fields.values()) {
      const v = row.get(f.name.toLowerCase()) ?? null;
      if (
        f.required &&
        !f.system &&
        f.type !== "Checkbox" &&
        f.type !== "AutoNumber" &&
        f.type !== "Formula" &&
        (v === null || v === "")
      ) {
        missing.push(f.name);
        continue;
      }
      const bad = validateValue(ip, f, v);
      if (bad) r.errors.push(err(bad[0], bad[1], [f.name]));
      if (f.unique && v !== null && v !== "") {
        const idx = this.uniqueValues(schema, f.name, f.caseSensitive);
        const k = normKey(v, f.caseSensitive);
        const other = idx.get(k);
        if (other !== undefined && other !== selfId) {
          r.errors.push(
            err("DUPLICATE_VALUE", `duplicate value found: ${f.name} duplicates value on record with id: ${other}`, [
              f.name,
            ]),
          );
        } else pendingUnique.push([idx, k]);
      }
      if (isReference(f.type) && !f.system && v instanceof ApexId && f.referenceTo.length) {
        const target = this.data.store.find(v.value);
        if (!target) r.errors.push(err("INVALID_CROSS_REFERENCE_KEY", `invalid cross reference id`, [f.name]));
      }
    }
    if (missing.length)
      r.errors.unshift(err("REQUIRED_FIELD_MISSING", `Required fields are missing: [${missing.join(", ")}]`, missing));
    void batch;
    if (r.errors.length) r.success = false;
    return pendingUnique;
  }

  private compoundName(schema: ObjectSchema, row: Row): void {
    const l = schema.name.toLowerCase();
    if (l === "contact" || l === "lead" || l === "user") {
      const first = row.get("firstname");
      const last = row.get("lastname");
      row.set(
        "name",
        [first, last]
          .filter((x) => x !== null && x !== undefined && x !== "")
          .map(asText)
          .join(" "),
      );
    }
  }

  private addErrorOf(so: SObject, r: DmlResult): boolean {
    const e = this.data.recordErrors.get(so);
    if (e === undefined) return false;
    r.success = false;
    r.errors.push(err("FIELD_CUSTOM_VALIDATION_EXCEPTION", e));
    return true;
  }

  private insertOne(ip: Interpreter, schema: ObjectSchema, so: SObject, r: DmlResult, batch: SObject[]): void {
    if (this.addErrorOf(so, r)) return;
    if (idOf(so)) {
      r.success = false;
      r.errors.push(err("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", ["Id"]));
      return;
    }
    const row: Row = new Map();
    for (const f of schema.fields.values()) {
      const d = defaultFor(f);
      if (d !== null) row.set(f.name.toLowerCase(), d);
    }
    for (const [k, v] of so.fields) {
      const f = schema.fields.get(k);
      if (!f || (f.system && k !== "ownerid")) continue;
      row.set(k, v);
    }
    this.compoundName(schema, row);
    const uniques = this.validateRow(ip, schema, row, r, null, batch);
    if (!r.success) return;
    const id = this.data.store.newId(schema.keyPrefix);
    for (const [idx, k] of uniques) idx.set(k, id);
    const now = this.now();
    const user = this.data.runningUserId(ip);
    row.set("id", new ApexId(id));
    row.set("isdeleted", false);
    row.set("createddate", now);
    row.set("lastmodifieddate", now);
    row.set("systemmodstamp", now);
    row.set("createdbyid", new ApexId(user));
    row.set("lastmodifiedbyid", new ApexId(user));
    if (schema.fields.has("ownerid") && !row.get("ownerid")) row.set("ownerid", new ApexId(user));
    for (const f of schema.fields.values()) {
      if (f.type === "AutoNumber")
        row.set(f.name.toLowerCase(), String(this.data.store.seq.get(schema.keyPrefix) ?? 0).padStart(6, "0"));
    }
    this.data.store.put(schema.name, id, row);
    so.fields.set("id", new ApexId(id));
    r.id = id;
    r.created = true;
  }

  private updateAll(ip: Interpreter, schema: ObjectSchema, list: SObject[], results: DmlResult[]): void {
    const seen = new Set<string>();
    list.forEach((so, i) => {
      const id = idOf(so);
      if (id && seen.has(id)) {
        ip.throwApex("ListException", `Duplicate id in list: ${id}`);
      }
      if (id) seen.add(id);
      this.updateOne(ip, schema, so, results[i]);
    });
  }

  private updateOne(ip: Interpreter, schema: ObjectSchema, so: SObject, r: DmlResult): void {
    if (this.addErrorOf(so, r)) return;
    const id = idOf(so);
    if (!id) {
      r.success = false;
      r.errors.push(err("MISSING_ARGUMENT", "Id not specified in an update call", ["Id"]));
      return;
    }
    r.id = id;
    const existing = this.data.store.table(schema.name).get(id);
    if (!existing) {
      r.success = false;
      r.errors.push(err("ENTITY_IS_DELETED", "entity is deleted", []));
      return;
    }
    const row: Row = new Map(existing);
    for (const [k, v] of so.fields) {
      const f = schema.fields.get(k);
      if (!f || (f.system && k !== "ownerid") || f.type === "Formula" || f.type === "AutoNumber") continue;
      row.set(k, v);
    }
    this.compoundName(schema, row);
    const uniques = this.validateRow(ip, schema, row, r, id, null);
    if (!r.success) return;
    for (const [idx, k] of uniques) idx.set(k, id);
    const now = this.now();
    row.set("lastmodifieddate", now);
    row.set("systemmodstamp", now);
    row.set("lastmodifiedbyid", new ApexId(this.data.runningUserId(ip)));
    this.data.store.put(schema.name, id, row);
  }

  private upsertAll(
    ip: Interpreter,
    schema: ObjectSchema,
    list: SObject[],
    results: DmlResult[],
    extField: string | null,
  ): void {
    const key = extField ? schema.fields.get(extField.toLowerCase()) : null;
    if (extField && (!key || !(key.externalId || key.name === "Id"))) {
      ip.throwApex(
        "SObjectException",
        `Invalid field for upsert, must be an External Id custom or standard indexed field: ${extField}`,
      );
    }
    const caseSensitive = key ? key.caseSensitive || !isTextType(key.type) : false;
    const byValue = key && key.name !== "Id" ? this.idsByValue(schema, key.name, caseSensitive) : null;
    list.forEach((so, i) => {
      const r = results[i];
      let id = idOf(so);
      if (key && key.name !== "Id") {
        const kv = so.fields.get(key.name.toLowerCase()) ?? null;
        if (kv === null || kv === "") {
          r.success = false;
          r.errors.push(err("MISSING_ARGUMENT", `${key.name} not specified`, [key.name]));
          return;
        }
        const matches = byValue?.get(normKey(kv, caseSensitive)) ?? [];
        if (matches.length > 1) {
          r.success = false;
          r.errors.push(
            err(
              "DUPLICATE_EXTERNAL_ID",
              `${key.name}: more than one record found for external id field: [${matches.join(", ")}]`,
              [key.name],
            ),
          );
          return;
        }
        if (matches.length === 1) {
          id = matches[0];
          so.fields.set("id", new ApexId(id));
        }
      }
      if (id) {
        this.updateOne(ip, schema, so, r);
      } else {
        this.insertOne(ip, schema, so, r, list);
        // a later record of the same call with this key updates the one just inserted
        const kv = key && key.name !== "Id" ? (so.fields.get(key.name.toLowerCase()) ?? null) : null;
        if (byValue && r.success && r.id && kv !== null) {
          const k = normKey(kv, caseSensitive);
          byValue.set(k, [...(byValue.get(k) ?? []), r.id]);
        }
      }
    });
  }

  /** Ids of the rows by their value of one field (normalised), in table order: one scan per upsert call. */
  private idsByValue(schema: ObjectSchema, field: string, caseSensitive: boolean): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [id, row] of this.data.store.table(schema.name)) {
      const v = row.get(field.toLowerCase()) ?? null;
      if (v === null || v === "") continue;
      const k = normKey(v, caseSensitive);
      const ids = out.get(k);
      if (ids) ids.push(id);
      else out.set(k, [id]);
    }
    return out;
  }

  private deleteOne(ip: Interpreter, schema: ObjectSchema, so: SObject, r: DmlResult): void {
    const id = idOf(so);
    r.id = id;
    const t = this.data.store.table(schema.name);
    const row = id ? t.get(id) : undefined;
    if (!id || !row) {
      r.success = false;
      r.errors.push(err("ENTITY_IS_DELETED", "entity is deleted", []));
      return;
    }
    this.data.store.remove(schema.name, id);
    const dead = new Map(row);
    dead.set("isdeleted", true);
    this.data.store.putDeleted(schema.name, id, dead);
    // master-detail children go with their parent
    for (const child of schema.children.values()) {
      const cs = this.data.schema.get(child.childObject);
      const cf = cs?.fields.get(child.field.toLowerCase());
      if (!cs || cf?.type !== "MasterDetail") continue;
      const ct = this.data.store.table(cs.name);
      for (const [cid, crow] of [...ct]) {
        const ref = crow.get(cf.name.toLowerCase());
        if (ref instanceof ApexId && ref.value === id) {
          this.data.store.remove(cs.name, cid);
          this.data.store.putDeleted(cs.name, cid, crow);
        }
      }
    }
  }

  private undeleteOne(ip: Interpreter, schema: ObjectSchema, so: SObject, r: DmlResult): void {
    const id = idOf(so);
    r.id = id;
    const bin = this.data.store.recycleBin(schema.name);
    const row = id ? bin.get(id) : undefined;
    if (!id || !row) {
      r.success = false;
      r.errors.push(err("UNDELETE_FAILED", "Entity is not in the recycle bin", []));
      return;
    }
    this.data.store.removeDeleted(schema.name, id);
    const live = new Map(row);
    live.set("isdeleted", false);
    this.data.store.put(schema.name, id, live);
  }
}

export function dmlErrorsOf(ex: ApexObject): (DmlResult & { index: number })[] {
  return (ex.native.dml as (DmlResult & { index: number })[] | undefined) ?? [];
}
