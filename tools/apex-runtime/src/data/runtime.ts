/**
 * The data side of the runtime as the interpreter sees it: SObject field access, SOQL, DML, triggers,
 * the running user, and the per-test store (seeded with the org, profiles, the running user and the
 * project's permission sets).
 */
import type { DmlOp, SoqlQuery, TriggerDecl, CompilationUnit } from "../frontend/ast";
import { InternalError } from "../interp/errors";
import { execStmt } from "../interp/exec";
import { Frame } from "../interp/frame";
import type { Interpreter } from "../interp/interpreter";
import { ApexId, ApexList, ApexMap, NativeObject, SObject, type Value } from "../interp/values";
import { mapPut } from "../interp/collections";
import { Dml, type DmlResult } from "./dml";
import { toFieldValue } from "./fields";
import { loadPermissionSets, type PermissionSetDef } from "./permissions";
import { Schema } from "./schema";
import { SoqlEngine } from "./soql";
import { Store, type Row } from "./store";
import { loadCustomMetadata } from "./custom-metadata";

export interface TriggerInfo {
  unit: CompilationUnit;
  decl: TriggerDecl;
}

export interface TriggerContext {
  when: "before" | "after";
  op: string;
  records: SObject[];
  old: SObject[] | null;
}

export class DataRuntime {
  readonly schema = new Schema();
  store = new Store();
  readonly permissionSets = new Map<string, PermissionSetDef>();
  readonly triggers = new Map<string, TriggerInfo[]>();
  readonly triggerStack: TriggerContext[] = [];
  /** SObject.addError messages, checked by DML. */
  recordErrors = new WeakMap<SObject, string>();
  readonly soql = new SoqlEngine(this);
  readonly dml = new Dml(this);
  adminUserId = "";
  /** Emails passed to Messaging.sendEmail in the current test. */
  sentEmails: Value[] = [];
  restContext: { request: Value; response: Value } = { request: null, response: null };
  /** Custom metadata records from force-app/main/default/customMetadata: type → rows. */
  readonly metadataRecords: { type: string; fields: Record<string, Value> }[] = [];
  /** Fixed offset added to the real clock (Test.setCurrentTime is not available; kept for determinism hooks). */
  clock: () => number = () => Date.now();

  loadProject(objectsDir: string, permsetsDir: string, metadataDir?: string): void {
    this.schema.loadObjectsDir(objectsDir);
    if (metadataDir) this.metadataRecords.push(...loadCustomMetadata(metadataDir, this.schema));
    for (const ps of loadPermissionSets(permsetsDir)) this.permissionSets.set(ps.name.toLowerCase(), ps);
  }

  addTrigger(unit: CompilationUnit): void {
    if (!unit.trigger) return;
    const l = unit.trigger.sobject.toLowerCase();
    const list = this.triggers.get(l) ?? [];
    list.push({ unit, decl: unit.trigger });
    this.triggers.set(l, list);
  }

  /** A fresh store with the org, standard profiles, the admin running user and the permission sets. */
  seed(): void {
    const s = new Store();
    const put = (obj: string, fields: Record<string, Value>): string => {
      const schema = this.schema.get(obj)!;
      const id = s.newId(schema.keyPrefix);
      const row: Row = new Map<string, Value>([
        ["id", new ApexId(id)],
        ["isdeleted", false],
      ]);
      for (const [k, v] of Object.entries(fields)) row.set(k.toLowerCase(), v);
      s.put(schema.name, id, row);
      return id;
    };
    put("Organization", {
      Name: "Tandem Local Runtime",
      IsSandbox: true,
      OrganizationType: "Developer Edition",
      NamespacePrefix: "tandem",
      TimeZoneSidKey: "GMT",
    });
    const admin = put("Profile", { Name: "System Administrator", UserType: "Standard" });
    put("Profile", { Name: "Standard User", UserType: "Standard" });
    put("Profile", { Name: "Minimum Access - Salesforce", UserType: "Standard" });
    this.adminUserId = put("User", {
      Username: "admin@tandem.local",
      LastName: "Admin",
      FirstName: "Local",
      Name: "Local Admin",
      Email: "admin@tandem.local",
      Alias: "admin",
      TimeZoneSidKey: "GMT",
      LocaleSidKey: "en_US",
      EmailEncodingKey: "UTF-8",
      LanguageLocaleKey: "en_US",
      ProfileId: new ApexId(admin),
      IsActive: true,
      UserType: "Standard",
    });
    for (const ps of this.permissionSets.values())
      put("PermissionSet", { Name: ps.name, Label: ps.label, NamespacePrefix: "tandem", IsOwnedByProfile: false });
    for (const r of this.metadataRecords) if (this.schema.get(r.type)) put(r.type, r.fields);
    this.store = s;
    this.sentEmails = [];
    this.restContext = { request: null, response: null };
    this.recordErrors = new WeakMap();
  }

  runningUserId(ip: Interpreter): string {
    const u = ip.tx.runAsStack[ip.tx.runAsStack.length - 1];
    const id = u?.fields.get("id");
    return id instanceof ApexId ? id.value : this.adminUserId;
  }

  newRecord(type: string): SObject {
    const s = this.schema.get(type);
    return new SObject(s ? s.name : type);
  }

  newSObject(ip: Interpreter, type: string): SObject {
    const s = this.schema.get(type);
    if (!s) ip.throwApex("TypeException", `Invalid type: ${type}`);
    return new SObject(s.name);
  }

  fieldLabel(type: string, lname: string): string {
    return this.schema.get(type)?.fields.get(lname)?.name ?? lname;
  }

  putField(ip: Interpreter, so: SObject, name: string, v: Value): void {
    const l = name.toLowerCase();
    const schema = this.schema.get(so.type);
    if (!schema) {
      so.fields.set(l, v);
      return;
    }
    const f = schema.fields.get(l);
    if (f) {
      so.fields.set(l, toFieldValue(ip, f, v, schema.name));
      so.queried?.add(l);
      return;
    }
    const rel = this.schema.relationshipField(schema, name);
    if (rel || schema.children.has(l)) {
      so.related.set(l, v);
      return;
    }
    ip.throwApex("SObjectException", `Invalid field ${name} for ${schema.name}`);
  }

  getField(ip: Interpreter, so: SObject, name: string): Value {
    const l = name.toLowerCase();
    if (so.fields.has(l)) return so.fields.get(l) ?? null;
    if (so.related.has(l)) return so.related.get(l) ?? null;
    const schema = this.schema.get(so.type);
    if (!schema) {
      if (so.type === "AggregateResult")
        return ip.throwApex("SObjectException", `Invalid field ${name} for AggregateResult`);
      return null;
    }
    const known = schema.fields.has(l) || !!this.schema.relationshipField(schema, name) || schema.children.has(l);
    if (!known) return ip.throwApex("SObjectException", `Invalid field ${name} for ${schema.name}`);
    if (so.queried && !so.queried.has(l)) {
      return ip.throwApex(
        "SObjectException",
        `SObject row was retrieved via SOQL without querying the requested field: ${schema.name}.${this.fieldLabel(schema.name, l)}`,
      );
    }
    return null;
  }

  sobjectStatic(ip: Interpreter, type: string, name: string): Value {
    const l = name.toLowerCase();
    const schema = this.schema.get(type)!;
    if (l === "sobjecttype") return new NativeObject("SObjectType", { name: schema.name });
    const f = schema.fields.get(l);
    if (f) return new NativeObject("SObjectField", { object: schema.name, field: f.name });
    return ip.throwApex("SObjectException", `Invalid field ${name} for ${schema.name}`);
  }

  runQuery(ip: Interpreter, q: SoqlQuery, f: Frame | null, binds: Map<string, Value> | null): Value {
    return this.soql.run(ip, q, f, binds);
  }

  dmlStatement(ip: Interpreter, op: DmlOp, v: Value, asUser: boolean, field: string | null): void {
    this.dml.run(ip, op, v, true, asUser, field);
  }

  dmlCall(
    ip: Interpreter,
    op: DmlOp,
    v: Value,
    allOrNone: boolean,
    asUser: boolean,
    field: string | null,
  ): DmlResult[] {
    return this.dml.run(ip, op, v, allOrNone, asUser, field);
  }

  cloneSObject(so: SObject, preserveId: boolean): SObject {
    const c = new SObject(so.type);
    for (const [k, v] of so.fields) if (preserveId || k !== "id") c.fields.set(k, v);
    for (const [k, v] of so.related) c.related.set(k, v);
    c.queried = so.queried ? new Set(so.queried) : null;
    return c;
  }

  /** Builds an SObject from a stored row (all fields), as Trigger.old sees it. */
  recordFromRow(type: string, row: Row): SObject {
    const so = this.newRecord(type);
    for (const [k, v] of row) so.fields.set(k, v);
    return so;
  }

  hasTriggers(obj: string): boolean {
    return this.triggers.has(obj.toLowerCase());
  }

  /** The stored versions of records about to change (Trigger.old). */
  oldRecords(obj: string, records: SObject[]): SObject[] {
    return records.map((r) => {
      const id = r.fields.get("id");
      const row =
        id instanceof ApexId
          ? (this.store.table(obj).get(id.value) ?? this.store.recycleBin(obj).get(id.value))
          : undefined;
      return row ? this.recordFromRow(obj, row) : this.newRecord(obj);
    });
  }

  fireTriggers(
    ip: Interpreter,
    obj: string,
    when: "before" | "after",
    op: string,
    records: SObject[],
    old: SObject[] | null,
  ): void {
    const list = this.triggers.get(obj.toLowerCase());
    if (!list) return;
    const event = `${when} ${op}`;
    for (const t of list) {
      if (!t.decl.events.includes(event)) continue;
      if (this.triggerStack.length > 16) throw new InternalError("trigger recursion too deep");
      this.triggerStack.push({ when, op, records: op === "delete" ? [] : records, old });
      const f = new Frame(null, null, t.decl.name, t.unit, null, ip.coveredSet(t.unit));
      ip.pushFrame(f);
      try {
        execStmt(ip, t.decl.body, f);
      } finally {
        ip.popFrame();
        this.triggerStack.pop();
      }
    }
  }

  /** Trigger.newMap / oldMap */
  idMap(ip: Interpreter, records: SObject[] | null, type: string): Value {
    if (!records) return null;
    const m = new ApexMap({ k: "prim", name: "Id" }, { k: "sobject", name: type });
    for (const r of records) mapPut(ip, m, r.fields.get("id") ?? null, r);
    return m;
  }

  triggerList(records: SObject[] | null, type: string): Value {
    return records ? new ApexList({ k: "sobject", name: type }, records) : null;
  }
}
