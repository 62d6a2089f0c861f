/**
 * SObject members for the checker, from the same schema the data runtime uses (src/data/schema.ts):
 * fields with their Apex types, parent relationships (`Account.Owner` → User) and child relationships
 * (`Account.Contacts` → List<Contact>). A name that is none of these is what the runtime rejects with
 * "Invalid field".
 */
import type { FieldSchema, FieldType, Schema } from "../data/schema";
import { prim, type PrimName, type RType } from "../interp/types";
import { SOBJECT, UNKNOWN, type SType } from "./stype";

/** Apex types of field types; compound and any-typed fields (Address, Location, AnyType) stay unknown. */
const APEX_TYPE: Partial<Record<FieldType, PrimName>> = {
  Id: "Id",
  Text: "String",
  TextArea: "String",
  LongTextArea: "String",
  Html: "String",
  Email: "String",
  Url: "String",
  Phone: "String",
  Picklist: "String",
  MultiselectPicklist: "String",
  Number: "Decimal",
  Currency: "Decimal",
  Percent: "Decimal",
  Checkbox: "Boolean",
  Date: "Date",
  DateTime: "Datetime",
  Time: "Time",
  Lookup: "Id",
  MasterDetail: "Id",
  AutoNumber: "String",
  EncryptedText: "String",
  Base64: "Blob",
};

function fieldType(f: FieldSchema): SType {
  const name = APEX_TYPE[f.type === "Formula" ? (f.resultType ?? "Text") : f.type];
  return name ? prim(name) : UNKNOWN;
}

export class SObjects {
  constructor(private readonly schema: Schema) {}

  /** Is this a type the schema describes (so its field names can be checked)? */
  has(name: string): boolean {
    return !!this.schema.get(name);
  }

  /** The static type of `record.name`, or null when the object has no such field or relationship. */
  member(object: string, name: string): SType | null {
    const o = this.schema.get(object);
    if (!o) return UNKNOWN;
    const l = name.toLowerCase();
    const f = o.fields.get(l);
    if (f) return fieldType(f);
    const rel = this.schema.relationshipField(o, name);
    if (rel) return rel.referenceTo.length === 1 ? this.sobject(rel.referenceTo[0]) : SOBJECT;
    const child = o.children.get(l);
    if (child) return { k: "list", elem: this.sobject(child.childObject) };
    return null;
  }

  /** A field token `Account.Name` exists only for fields (not relationships). */
  hasField(object: string, name: string): boolean {
    return !!this.schema.get(object)?.fields.get(name.toLowerCase());
  }

  sobject(name: string): RType {
    const o = this.schema.get(name);
    return o ? { k: "sobject", name: o.name } : SOBJECT;
  }

  /** The SObject type of a SOQL FROM clause. */
  from(name: string): RType | null {
    const o = this.schema.get(name);
    if (o) return this.sobject(o.name);
    return name.toLowerCase() === "aggregateresult" ? { k: "sobject", name: "AggregateResult" } : null;
  }
}
