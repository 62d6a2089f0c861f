/** Runtime type of a value, instanceof, and assignment conversion (Integer → Long → Double → Decimal, Id ↔ String). */
import * as ids from "./ids";
import * as types from "./types";
import type { RType } from "./types";
import * as values from "./values";
import type { Value } from "./values";

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
const { OBJECT, prim, sameType } = types;
const { to18 } = ids;
type ApexId = values.ApexId;

export type Fail = (exception: string, message: string) => never;

export function runtimeType(v: Value): RType {
  if (v === null) return OBJECT;
  switch (typeof v) {
    case "number":
      return prim("Integer");
    case "bigint":
      return prim("Long");
    case "string":
      return prim("String");
    case "boolean":
      return prim("Boolean");
  }
  if (v instanceof Decimal) return prim("Decimal");
  if (v instanceof ApexDouble) return prim("Double");
  if (v instanceof ApexId) return prim("Id");
  if (v instanceof ApexDate) return prim("Date");
  if (v instanceof ApexDatetime) return prim("Datetime");
  if (v instanceof ApexTime) return prim("Time");
  if (v instanceof Blob) return prim("Blob");
  if (v instanceof ApexList) return { k: "list", elem: v.elemType };
  if (v instanceof ApexSet) return { k: "set", elem: v.elemType };
  if (v instanceof ApexMap) return { k: "map", key: v.keyType, value: v.valueType };
  if (v instanceof ApexObject) return { k: "class", cls: v.cls };
  if (v instanceof EnumValue) return { k: "enum", info: v.type };
  if (v instanceof SObject) return { k: "sobject", name: v.type };
  if (v instanceof NativeObject) return { k: "native", name: v.className };
  if (v instanceof TypeValue) return { k: "native", name: "Type" };
  return OBJECT;
}

/** Is a collection's element type `have` acceptable where `want` is asked for (covariant, as Apex allows)? */
export function elemCompatible(have: RType, want: RType): boolean {
  if (want.k === "prim" && want.name === "Object") return true;
  if (sameType(have, want)) return true;
  if (want.k === "sobject" && want.name === "SObject" && have.k === "sobject") return true;
  if (want.k === "class" && have.k === "class") return have.cls.isSubclassOf(want.cls) || have.cls.implementsType(want);
  if (want.k === "native" && have.k === "class") return have.cls.implementsType(want);
  if (want.k === "prim" && want.name === "String" && have.k === "prim" && have.name === "Id") return true;
  return false;
}

export function instanceOf(v: Value, t: RType): boolean {
  if (v === null) return false;
  switch (t.k) {
    case "prim": {
      if (t.name === "Object") return true;
      const rt = runtimeType(v);
      if (rt.k !== "prim") return false;
      if (rt.name === t.name) return true;
      // an Id is a String; numbers widen
      if (t.name === "String" && rt.name === "Id") return true;
      if (t.name === "Id" && rt.name === "String") return to18(v as string) !== null;
      if (t.name === "Decimal" || t.name === "Double")
        return rt.name === "Integer" || rt.name === "Long" || rt.name === "Decimal" || rt.name === "Double";
      if (t.name === "Long") return rt.name === "Integer";
      return false;
    }
    case "list":
      return v instanceof ApexList && elemCompatible(v.elemType, t.elem);
    case "set":
      return v instanceof ApexSet && elemCompatible(v.elemType, t.elem);
    case "map":
      return v instanceof ApexMap && elemCompatible(v.keyType, t.key) && elemCompatible(v.valueType, t.value);
    case "class":
      if (!(v instanceof ApexObject)) return false;
      return v.cls.isSubclassOf(t.cls) || (t.cls.isInterface && v.cls.implementsType(t));
    case "enum":
      return v instanceof EnumValue && v.type === t.info;
    case "sobject":
      return v instanceof SObject && (t.name === "SObject" || v.type.toLowerCase() === t.name.toLowerCase());
    case "native":
      if (v instanceof NativeObject) return v.className.toLowerCase() === t.name.toLowerCase();
      if (v instanceof TypeValue) return t.name === "Type";
      if (v instanceof ApexObject) return v.cls.implementsType(t);
      return false;
    case "void":
      return false;
  }
}

export function parseId(text: string, fail: Fail): ApexId {
  const id = to18(text);
  if (id === null) fail("StringException", `Invalid id: ${text}`);
  return new ApexId(id);
}

/** Assignment conversion to a declared type. Values that need no conversion are returned as they are. */
export function coerce(v: Value, t: RType, fail: Fail): Value {
  if (v === null) return v;
  if (t.k === "sobject" && v instanceof ApexList && v.elemType.k === "sobject") {
    // a SOQL query assigned to a single SObject: exactly one row (Apex Developer Guide, "SOQL Statements")
    if (v.items.length === 0) fail("QueryException", "List has no rows for assignment to SObject");
    if (v.items.length > 1) fail("QueryException", "List has more than 1 row for assignment to SObject");
    return v.items[0];
  }
  if (t.k !== "prim") return v;
  switch (t.name) {
    case "Long":
      if (typeof v === "number") return BigInt(v);
      return v;
    case "Decimal":
      if (typeof v === "number" || typeof v === "bigint") return Decimal.fromInt(v);
      if (v instanceof ApexDouble) return Decimal.fromDouble(v.v);
      return v;
    case "Double":
      if (typeof v === "number") return new ApexDouble(v);
      if (typeof v === "bigint") return new ApexDouble(Number(v));
      if (v instanceof Decimal) return new ApexDouble(v.toNumber());
      return v;
    case "String":
      if (v instanceof ApexId) return v.value;
      return v;
    case "Id":
      if (typeof v === "string") return parseId(v, fail);
      return v;
    default:
      return v;
  }
}
