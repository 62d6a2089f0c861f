/**
 * Apex operators: numeric promotion (Integer → Long → Double → Decimal), 32/64-bit overflow wrap,
 * case-insensitive String ==, value equality of collections and SObjects, comparisons with null.
 */
import { nativeIdentity } from "./native-identity";
import * as heap from "./heap";
import type { BinaryOp } from "../frontend/ast";
import { InternalError } from "./errors";
import type { Interpreter } from "./interpreter";
import * as invoke from "./invoke";
import { str } from "./stringify";
import * as values from "./values";
import type { Value } from "./values";
import * as ids from "./ids";
import * as types from "./types";
import * as collections from "./collections";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const {
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
} = values;
const { callObjectMethod } = invoke;
const { noteString } = heap;
const { keyOf } = collections;
const { sameType } = types;
const { to18 } = ids;
type ApexDate = values.ApexDate;
type ApexDatetime = values.ApexDatetime;
type Decimal = values.Decimal;

/** 0 Integer, 1 Long, 2 Double, 3 Decimal, -1 not a number */
function rank(v: Value): number {
  if (typeof v === "number") return 0;
  if (typeof v === "bigint") return 1;
  if (v instanceof ApexDouble) return 2;
  if (v instanceof Decimal) return 3;
  return -1;
}

export function toDecimal(v: Value): Decimal {
  if (typeof v === "number" || typeof v === "bigint") return Decimal.fromInt(v);
  if (v instanceof ApexDouble) return Decimal.fromDouble(v.v);
  return v as Decimal;
}

export function toNumber(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof ApexDouble) return v.v;
  if (v instanceof Decimal) return v.toNumber();
  throw new InternalError("not a number");
}

function toLong(v: Value): bigint {
  return typeof v === "bigint" ? v : BigInt(v as number);
}

export function wrapInt(n: number): number {
  return n | 0;
}

export function wrapLong(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

function arith(ip: Interpreter, op: "+" | "-" | "*" | "/", a: Value, b: Value): Value {
  const r = Math.max(rank(a), rank(b));
  switch (r) {
    case 0: {
      const x = a as number;
      const y = b as number;
      if (op === "+") return (x + y) | 0;
      if (op === "-") return (x - y) | 0;
      if (op === "*") return Math.imul(x, y);
      if (y === 0) ip.throwApex("MathException", "Divide by 0");
      return (x / y) | 0;
    }
    case 1: {
      const x = toLong(a);
      const y = toLong(b);
      if (op === "+") return wrapLong(x + y);
      if (op === "-") return wrapLong(x - y);
      if (op === "*") return wrapLong(x * y);
      if (y === 0n) ip.throwApex("MathException", "Divide by 0");
      return wrapLong(x / y);
    }
    case 2: {
      const x = toNumber(a);
      const y = toNumber(b);
      if (op === "/" && y === 0) ip.throwApex("MathException", "Divide by 0");
      return new ApexDouble(op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x / y);
    }
    default: {
      const x = toDecimal(a);
      const y = toDecimal(b);
      if (op === "+") return x.add(y);
      if (op === "-") return x.sub(y);
      if (op === "*") return x.mul(y);
      if (y.isZero()) ip.throwApex("MathException", "Divide by 0");
      return x.div(y);
    }
  }
}

function addDays(v: ApexDate | ApexDatetime, n: Value, sign: number): Value {
  if (v instanceof ApexDate) return new ApexDate(v.days + sign * Math.trunc(toNumber(n)));
  return new ApexDatetime(v.ms + sign * Math.round(toNumber(n) * 86400000));
}

export function binaryOp(ip: Interpreter, op: BinaryOp, a: Value, b: Value): Value {
  switch (op) {
    case "+":
    case "-":
    case "*":
    case "/":
      if (op === "+" && (typeof a === "string" || typeof b === "string" || a instanceof ApexId || b instanceof ApexId))
        return noteString(ip, str(ip, a) + str(ip, b));
      if ((op === "+" || op === "-") && (a instanceof ApexDate || a instanceof ApexDatetime) && rank(b) >= 0)
        return addDays(a, b, op === "+" ? 1 : -1);
      if (op === "+" && a instanceof ApexTime && typeof b === "number")
        return new ApexTime((((a.ms + b) % 86400000) + 86400000) % 86400000);
      if (a === null || b === null) ip.npe();
      if (rank(a) < 0 || rank(b) < 0) throw new InternalError(`operator ${op} on ${str(ip, a)} and ${str(ip, b)}`);
      return arith(ip, op, a, b);
    case "==":
      return equals(ip, a, b);
    case "!=":
    case "<>" as BinaryOp:
      return !equals(ip, a, b);
    case "===":
      return exactEquals(ip, a, b);
    case "!==":
      return !exactEquals(ip, a, b);
    case "<":
      return compareOp(ip, a, b, (c) => c < 0);
    case ">":
      return compareOp(ip, a, b, (c) => c > 0);
    case "<=":
      return compareOp(ip, a, b, (c) => c <= 0);
    case ">=":
      return compareOp(ip, a, b, (c) => c >= 0);
    case "&":
    case "|":
    case "^":
      if (typeof a === "boolean" && typeof b === "boolean") return op === "&" ? a && b : op === "|" ? a || b : a !== b;
      return bitOp(ip, op, a, b);
    case "<<":
    case ">>":
    case ">>>":
      return bitOp(ip, op, a, b);
    default:
      throw new InternalError(`operator ${op}`);
  }
}

function bitOp(ip: Interpreter, op: string, a: Value, b: Value): Value {
  if (a === null || b === null) ip.npe();
  if (typeof a === "bigint" || typeof b === "bigint") {
    const x = toLong(a);
    const y = toLong(b);
    switch (op) {
      case "&":
        return x & y;
      case "|":
        return x | y;
      case "^":
        return x ^ y;
      case "<<":
        return wrapLong(x << (y & 63n));
      case ">>":
        return x >> (y & 63n);
      default:
        return BigInt.asIntN(64, BigInt.asUintN(64, x) >> (y & 63n));
    }
  }
  const x = a as number;
  const y = b as number;
  switch (op) {
    case "&":
      return x & y;
    case "|":
      return x | y;
    case "^":
      return x ^ y;
    case "<<":
      return x << y;
    case ">>":
      return x >> y;
    default:
      return (x >>> y) | 0;
  }
}

/** Apex `==`: value equality; Strings ignore case; Ids compare in 18-character form. */
export function equals(ip: Interpreter, a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const sa = typeof a === "string" || a instanceof ApexId;
  const sb = typeof b === "string" || b instanceof ApexId;
  if (sa && sb) {
    if (a instanceof ApexId || b instanceof ApexId) {
      const x = a instanceof ApexId ? a.value : to18(a);
      const y = b instanceof ApexId ? b.value : to18(b);
      if (x !== null && y !== null) return x === y;
    }
    const x = String(a);
    const y = String(b);
    if (ip.options.caseSensitiveStringEquals) return x === y;
    return x === y || x.toLowerCase() === y.toLowerCase();
  }
  if (rank(a) >= 0 && rank(b) >= 0) return numCompare(a, b) === 0;
  if (a instanceof ApexDate && b instanceof ApexDate) return a.days === b.days;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
  if (a instanceof ApexList && b instanceof ApexList) {
    return a.items.length === b.items.length && a.items.every((x, i) => equals(ip, x, b.items[i]));
  }
  if (a instanceof ApexSet && b instanceof ApexSet) {
    if (a.map.size !== b.map.size) return false;
    for (const k of a.map.keys()) if (!b.map.has(k)) return false;
    return true;
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, e] of a.map) {
      const o = b.map.get(k);
      if (!o || !equals(ip, e.value, o.value)) return false;
    }
    return true;
  }
  if (a instanceof SObject && b instanceof SObject) {
    if (a.type.toLowerCase() !== b.type.toLowerCase() || a.fields.size !== b.fields.size) return false;
    for (const [k, v] of a.fields) if (!b.fields.has(k) || !equals(ip, v, b.fields.get(k) ?? null)) return false;
    return true;
  }
  if (a instanceof ApexObject && b instanceof ApexObject) {
    if (a.cls.methods.has("equals")) {
      const r = callObjectMethod(ip, a, "equals", [b]);
      if (r !== undefined) return r === true;
    }
    return false;
  }
  if (a instanceof TypeValue && b instanceof TypeValue) return sameType(a.type, b.type);
  if (a instanceof Blob && b instanceof Blob) return a.bytes.equals(b.bytes);
  if (a instanceof NativeObject && b instanceof NativeObject) {
    const x = nativeIdentity(a);
    return x !== null && x === nativeIdentity(b);
  }
  return false;
}

/** `===`: reference equality for objects, value equality for primitives. */
function exactEquals(ip: Interpreter, a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (
    typeof a === "object" &&
    !(a instanceof Decimal) &&
    !(a instanceof ApexDouble) &&
    !(a instanceof ApexId) &&
    !(a instanceof ApexDate) &&
    !(a instanceof ApexDatetime)
  )
    return false;
  if (typeof a === "string" && typeof b === "string") return a === b;
  return equals(ip, a, b);
}

function numCompare(a: Value, b: Value): number {
  const r = Math.max(rank(a), rank(b));
  if (r === 0) return (a as number) - (b as number);
  if (r === 1) {
    const x = toLong(a);
    const y = toLong(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (r === 2) return toNumber(a) - toNumber(b);
  return toDecimal(a).compare(toDecimal(b));
}

/** Ordering used by <, >, List.sort: numbers, Strings (case-insensitive), Dates, Datetimes, Times, Ids. */
export function compareValues(ip: Interpreter, a: Value, b: Value): number | null {
  if (rank(a) >= 0 && rank(b) >= 0) return numCompare(a, b);
  if ((typeof a === "string" || a instanceof ApexId) && (typeof b === "string" || b instanceof ApexId)) {
    const x = String(a).toLowerCase();
    const y = String(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof ApexDate && b instanceof ApexDate) return a.days - b.days;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms - b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms - b.ms;
  if (typeof a === "boolean" && typeof b === "boolean") return (a ? 1 : 0) - (b ? 1 : 0);
  if (a instanceof EnumValue && b instanceof EnumValue) return a.ordinal - b.ordinal;
  return null;
}

function compareOp(ip: Interpreter, a: Value, b: Value, test: (c: number) => boolean): boolean {
  if (a === null || b === null) {
    // a non-null String is greater than null; numbers and dates compared with null give false
    if (typeof a === "string" || typeof b === "string") return test(a === null ? (b === null ? 0 : -1) : 1);
    return false;
  }
  const c = compareValues(ip, a, b);
  if (c === null) throw new InternalError(`cannot compare ${str(ip, a)} and ${str(ip, b)}`);
  return test(c);
}

export { keyOf };
