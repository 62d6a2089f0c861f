/**
 * Static (compile-time) types: the runtime's RType plus `null` (the type of the null literal) and
 * `unknown` (a library member without a signature: the checker stays silent and overloads fall back to
 * runtime types). Assignability follows the Apex Developer Guide ("Data Types", "Rules of Conversion"):
 * Integer → Long → Decimal/Double, Id ↔ String, subclass → superclass or interface, any SObject → SObject,
 * covariant collections (List<Account> → List<SObject>), null → anything.
 */
import { elemCompatible } from "../interp/runtime-types";
import { OBJECT, prim, sameType, typeName, type PrimName, type RType } from "../interp/types";

export type SType = RType | { k: "null" } | { k: "unknown" };

export const UNKNOWN: SType = { k: "unknown" };
export const NULL: SType = { k: "null" };
export const VOID: RType = { k: "void" };
export const BOOLEAN = prim("Boolean");
export const STRING = prim("String");
export const INTEGER = prim("Integer");
export const ID = prim("Id");
export const SOBJECT: RType = { k: "sobject", name: "SObject" };
export { OBJECT };

/** A native type tied to one SObject (describe results, field tokens), so field names can be checked. */
export interface NativeOf {
  k: "native";
  name: string;
  of: string;
}

export function nativeOf(name: string, of: string): RType {
  const t: NativeOf = { k: "native", name, of };
  return t;
}

export function objectOf(t: SType): string | null {
  return t.k === "native" && "of" in t ? (t as NativeOf).of : null;
}

export function known(t: SType): t is RType {
  return t.k !== "unknown" && t.k !== "null";
}

export function show(t: SType): string {
  return t.k === "unknown" ? "<unknown>" : t.k === "null" ? "null" : typeName(t);
}

const WIDER: Partial<Record<PrimName, PrimName[]>> = {
  Integer: ["Long", "Decimal", "Double"],
  Long: ["Decimal", "Double"],
  Decimal: ["Double"],
  Double: ["Decimal"],
  Id: ["String"],
  String: ["Id"],
};

/** Native interfaces a collection satisfies (Iterable over its elements). */
function collectionIs(from: RType, to: RType): boolean {
  return (from.k === "list" || from.k === "set") && to.k === "native" && to.name.toLowerCase() === "iterable";
}

/** Can an expression of static type `from` be passed where `to` is declared, without a cast? */
export function assignable(from: SType, to: RType): boolean {
  if (from.k === "null") return to.k !== "void";
  if (from.k === "unknown" || from.k === "void" || to.k === "void") return false;
  if (to.k === "prim" && to.name === "Object") return true;
  if (sameType(from, to)) return true;
  if (from.k === "prim" && to.k === "prim") return (WIDER[from.name] ?? []).includes(to.name);
  if ((from.k === "list" || from.k === "set") && from.k === to.k) return elemCompatible(from.elem, to.elem);
  if (from.k === "map" && to.k === "map")
    return elemCompatible(from.key, to.key) && elemCompatible(from.value, to.value);
  if (collectionIs(from, to)) return true;
  return elemCompatible(from, to);
}

const RANK: Partial<Record<PrimName, number>> = { Integer: 0, Long: 1, Double: 2, Decimal: 3 };

export function isNumeric(t: SType): boolean {
  return t.k === "prim" && RANK[t.name] !== undefined;
}

/** Numeric promotion as the runtime's operators apply it (Integer → Long → Double → Decimal). */
export function promote(a: SType, b: SType): SType {
  if (a.k !== "prim" || b.k !== "prim") return UNKNOWN;
  const ra = RANK[a.name];
  const rb = RANK[b.name];
  if (ra === undefined || rb === undefined) return UNKNOWN;
  return ra >= rb ? a : b;
}

export function isPrim(t: SType, name: PrimName): boolean {
  return t.k === "prim" && t.name === name;
}
