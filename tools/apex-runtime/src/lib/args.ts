/** Argument helpers for native library functions. */
import { asText } from "../interp/text";
import { InternalError } from "../interp/errors";
import type { Interpreter } from "../interp/interpreter";
import * as ops from "../interp/ops";
import * as values from "../interp/values";
import type { Value } from "../interp/values";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const { ApexDouble, ApexId, ApexList, ApexMap, ApexObject, ApexSet, Decimal } = values;
const { equals, toDecimal, toNumber } = ops;
type ApexList = values.ApexList;
type ApexMap = values.ApexMap;
type ApexSet = values.ApexSet;
type Decimal = values.Decimal;

export function s(ip: Interpreter, v: Value): string {
  if (v === null) return ip.npe();
  if (v instanceof ApexId) return v.value;
  if (typeof v !== "string") throw new InternalError("expected a String");
  return v;
}

export function sOrNull(v: Value): string | null {
  if (v === null) return null;
  if (v instanceof ApexId) return v.value;
  return asText(v);
}

export function int(ip: Interpreter, v: Value): number {
  if (v === null) return ip.npe();
  if (typeof v === "number") return v;
  return Math.trunc(toNumber(v));
}

export function num(ip: Interpreter, v: Value): number {
  if (v === null) return ip.npe();
  return toNumber(v);
}

export function dec(ip: Interpreter, v: Value): Decimal {
  if (v === null) return ip.npe();
  return toDecimal(v);
}

export function list(ip: Interpreter, v: Value): ApexList {
  if (v === null) return ip.npe();
  if (!(v instanceof ApexList)) throw new InternalError("expected a List");
  return v;
}

export function set(ip: Interpreter, v: Value): ApexSet {
  if (v === null) return ip.npe();
  if (!(v instanceof ApexSet)) throw new InternalError("expected a Set");
  return v;
}

export function map(ip: Interpreter, v: Value): ApexMap {
  if (v === null) return ip.npe();
  if (!(v instanceof ApexMap)) throw new InternalError("expected a Map");
  return v;
}

/** Equality used by assertEquals / List.contains / indexOf: like == but Strings compare case-sensitively. */
export function strictEquals(ip: Interpreter, a: Value, b: Value): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b;
  if (a instanceof ApexId && typeof b === "string") return a.value === b || equals(ip, a, b);
  if (a instanceof ApexDouble && b instanceof Decimal) return a.v === b.toNumber();
  if (a instanceof ApexObject && b instanceof ApexObject && !a.cls.methods.has("equals")) return a === b;
  return equals(ip, a, b);
}
