/**
 * Static (declared) types of call arguments, for overload resolution (Apex Developer Guide, "Using
 * Methods": the overload is chosen at compile time from the arguments' declared types). The runtime has no
 * type checker yet, so the static type is known for the common cases only: a local variable or parameter
 * (its declared type) and a cast `(T) expr` (T). Other arguments fall back to their runtime type.
 * evalArgs remembers the argument expressions of the call being resolved; the types are computed lazily, only
 * when several overloads have the same arity. One slot, not a map: overloads are resolved right after their
 * arguments are evaluated, and a per-call map entry cost a third of the interpreter's time in bulk tests. A
 * call whose arguments are no longer in the slot falls back to runtime types.
 */
import type { Expr } from "../frontend/ast";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { elemCompatible } from "./runtime-types";
import { sameType, type RType } from "./types";
import type { Value } from "./values";

let lastArgs: Value[] | null = null;
let lastExprs: Expr[] = [];
let lastFrame: Frame | null = null;

export function rememberArgExprs(args: Value[], exprs: Expr[], f: Frame): void {
  lastArgs = args;
  lastExprs = exprs;
  lastFrame = f;
}

function staticTypeOf(ip: Interpreter, e: Expr, f: Frame): RType | null {
  if (e.k === "name") return f.lookup(e.name.toLowerCase())?.t ?? null;
  if (e.k === "cast") return ip.reg.resolve(e.type, f.cls) ?? null;
  return null;
}

/** The declared types of the arguments (null where unknown), or null when the call was not remembered. */
export function staticArgTypes(ip: Interpreter, args: Value[]): (RType | null)[] | null {
  const f = lastFrame;
  if (args !== lastArgs || !f) return null;
  return lastExprs.map((e) => staticTypeOf(ip, e, f));
}

const WIDER: Record<string, string[]> = {
  Integer: ["Long", "Decimal", "Double"],
  Long: ["Decimal", "Double"],
  Decimal: ["Double"],
  Double: ["Decimal"],
};

/** Can a value of static type `from` be passed where `to` is declared, without a cast? */
export function staticAssignable(from: RType, to: RType): boolean {
  if (to.k === "prim" && from.k === "prim" && (WIDER[from.name] ?? []).includes(to.name)) return true;
  if (to.k === from.k && (to.k === "list" || to.k === "set") && (from.k === "list" || from.k === "set")) {
    return elemCompatible(from.elem, to.elem);
  }
  if (to.k === "map" && from.k === "map")
    return elemCompatible(from.key, to.key) && elemCompatible(from.value, to.value);
  return sameType(from, to) || elemCompatible(from, to);
}
