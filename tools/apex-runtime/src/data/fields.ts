/** Field values on SObjects: conversion to the field's Apex type, and the checks DML applies (types, lengths, picklists). */
import type { Interpreter } from "../interp/interpreter";
import { Decimal } from "../interp/decimal";
import { parseId } from "../interp/runtime-types";
import { ApexDate, ApexDatetime, ApexDouble, ApexId, ApexTime, type Value } from "../interp/values";
import { str } from "../interp/stringify";
import type { FieldSchema, FieldType } from "./schema";

export function isTextType(t: FieldType): boolean {
  return [
    "Text",
    "TextArea",
    "LongTextArea",
    "Html",
    "Email",
    "Url",
    "Phone",
    "Picklist",
    "MultiselectPicklist",
    "AutoNumber",
    "EncryptedText",
  ].includes(t);
}

export function isNumberType(t: FieldType): boolean {
  return t === "Number" || t === "Currency" || t === "Percent";
}

export function isReference(t: FieldType): boolean {
  return t === "Id" || t === "Lookup" || t === "MasterDetail";
}

/** Converts a value assigned to a field to the field's Apex type; a wrong type is an SObjectException. */
export function toFieldValue(ip: Interpreter, f: FieldSchema, v: Value, objName: string): Value {
  if (v === null) return null;
  const t = f.type === "Formula" ? (f.resultType ?? "Text") : f.type;
  const bad = (): never =>
    ip.throwApex(
      "SObjectException",
      `Illegal assignment from ${typeof v === "object" ? v.constructor.name : typeof v} to ${t} for field ${objName}.${f.name}`,
    );
  if (isReference(t)) {
    if (v instanceof ApexId) return v;
    if (typeof v === "string") return v === "" ? null : parseId(v, ip.fail);
    return bad();
  }
  if (isTextType(t)) {
    if (typeof v === "string") return v;
    if (v instanceof ApexId) return v.value;
    return bad();
  }
  if (isNumberType(t)) {
    if (v instanceof Decimal) return v;
    if (typeof v === "number" || typeof v === "bigint") return Decimal.fromInt(v);
    if (v instanceof ApexDouble) return Decimal.fromDouble(v.v);
    return bad();
  }
  switch (t) {
    case "Checkbox":
      return typeof v === "boolean" ? v : bad();
    case "Date":
      return v instanceof ApexDate ? v : bad();
    case "DateTime":
      return v instanceof ApexDatetime ? v : bad();
    case "Time":
      return v instanceof ApexTime ? v : bad();
    default:
      return v;
  }
}

/** The DML-time check of one field value: returns [statusCode, message] or null. */
export function validateValue(ip: Interpreter, f: FieldSchema, v: Value): [string, string] | null {
  if (v === null) return null;
  if (isTextType(f.type) && typeof v === "string") {
    const max = f.type === "Picklist" || f.type === "MultiselectPicklist" ? 255 : f.length;
    if (max !== null && v.length > max) {
      return [
        "STRING_TOO_LONG",
        `${f.label}: data value too large: ${v.length > 100 ? v.slice(0, 100) + "..." : v} (max length=${max})`,
      ];
    }
    if (f.type === "Picklist" && f.restricted && f.picklistValues.length && !f.picklistValues.includes(v)) {
      return ["INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", `${f.label}: bad value for restricted picklist field: ${v}`];
    }
    if (f.type === "Email" && v !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) {
      return ["INVALID_EMAIL_ADDRESS", `${f.label}: invalid email address: ${v}`];
    }
  }
  if (isNumberType(f.type) && v instanceof Decimal && f.precision !== null) {
    const scale = f.scale ?? 0;
    const intDigits = v.abs().withScale(0, "DOWN").toString().replace(/^0$/, "").length;
    if (intDigits > f.precision - scale) {
      return ["NUMBER_OUTSIDE_VALID_RANGE", `${f.label}: value outside of valid range on numeric field: ${str(ip, v)}`];
    }
  }
  return null;
}

/** A default value from field XML (`true`, `'text'`, `0`), as the field's Apex value. */
export function defaultFor(f: FieldSchema): Value {
  if (f.type === "Checkbox") return f.defaultValue === "true";
  if (f.defaultValue === null) return null;
  const d = f.defaultValue.trim();
  if (isNumberType(f.type) && /^-?\d+(\.\d+)?$/.test(d)) return Decimal.parse(d);
  if (isTextType(f.type)) return d.replace(/^["']|["']$/g, "");
  return null;
}
