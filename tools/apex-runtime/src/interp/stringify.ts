/** String.valueOf semantics: how every value prints in concatenation, debug and String.valueOf. */
import { formatDate, formatDatetime, formatDouble, formatTime } from "./format";
import type { Interpreter } from "./interpreter";
import { callObjectMethod } from "./invoke";
import {
  ApexDate,
  ApexDatetime,
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  Blob,
  Decimal,
  EnumValue,
  NativeObject,
  SObject,
  TypeValue,
  type Value,
} from "./values";
import { typeName } from "./types";

export function exceptionTypeName(ex: ApexObject): string {
  return ex.cls.builtin ? ex.cls.fullName : ex.cls.fullName;
}

export function str(ip: Interpreter, v: Value): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "true" : "false";
  }
  if (v instanceof Decimal) return v.toString();
  if (v instanceof ApexDouble) return formatDouble(v.v);
  if (v instanceof ApexId) return v.value;
  if (v instanceof ApexDate) return formatDate(v);
  if (v instanceof ApexDatetime) return formatDatetime(v);
  if (v instanceof ApexTime) return formatTime(v);
  if (v instanceof Blob) return `Blob[${v.bytes.length}]`;
  if (v instanceof EnumValue) return v.name;
  if (v instanceof ApexList) return "(" + v.items.map((i) => str(ip, i)).join(", ") + ")";
  if (v instanceof ApexSet) return "{" + [...v.map.values()].map((i) => str(ip, i)).join(", ") + "}";
  if (v instanceof ApexMap)
    return "{" + [...v.map.values()].map((e) => `${str(ip, e.key)}=${str(ip, e.value)}`).join(", ") + "}";
  if (v instanceof SObject) {
    const parts = [...v.fields.entries()].map(([k, val]) => `${ip.data.fieldLabel(v.type, k)}=${str(ip, val)}`);
    return `${v.type}:{${parts.join(", ")}}`;
  }
  if (v instanceof ApexObject) {
    if (v.cls.isException && !v.cls.methods.has("tostring")) {
      const msg = v.native.message as string | null;
      return `${exceptionTypeName(v)}: ${msg ?? "null"}`;
    }
    const custom = v.cls.methods.size ? callObjectMethod(ip, v, "tostring", []) : undefined;
    if (custom !== undefined) return str(ip, custom);
    const parts = [...v.fields.entries()].map(([k, val]) => `${k}=${str(ip, val)}`);
    return `${v.cls.fullName}:[${parts.join(", ")}]`;
  }
  if (v instanceof TypeValue) return typeName(v.type);
  if (v instanceof NativeObject) {
    const custom = ip.natives.getMethod(v.className.toLowerCase(), "tostring");
    if (custom) return str(ip, custom(ip, v, []));
    return `${v.className}:[]`;
  }
  return String(v);
}
