/**
 * Overload resolution by static types (Apex Developer Guide, "Class Methods": overloads are chosen at
 * compile time from the declared types of the arguments). Among the candidates of the call's arity, keep
 * those every argument can be passed to (exact type, widening Integer → Long → Decimal/Double, subtype →
 * supertype, any SObject → SObject, covariant collections, null → anything), then the most specific one:
 * its parameters can all be passed to every other applicable candidate. Ties go to the candidate with the
 * most exact matches. When an argument's type is unknown where the candidates differ, or no unique
 * candidate remains, the choice is left to the runtime (arguments' runtime types).
 */
import type { Callable } from "../interp/invoke";
import { sameType, type RType } from "../interp/types";
import type { Members } from "./members";
import { assignable, known, type SType } from "./stype";

export type Choice =
  | { k: "chosen"; c: Callable }
  | { k: "runtime"; reason: "unknownArg" | "ambiguous" | "noneApplicable" }
  /** No candidate of this arity. */
  | { k: "none" };

export function chooseOverload(members: Members, cands: Callable[], args: SType[]): Choice {
  const arity = cands.filter((c) => c.decl.params.length === args.length);
  if (arity.length === 0) return { k: "none" };
  if (arity.length === 1) return { k: "chosen", c: arity[0] };
  const params = arity.map((c) => members.paramTypes(c));
  if (params.some((ps) => ps.some((p) => p === null))) return { k: "runtime", reason: "ambiguous" };
  const ps = params as RType[][];
  const differs = args.map((_, i) => ps.some((p) => !sameType(p[i], ps[0][i])));
  if (args.some((a, i) => differs[i] && !known(a) && a.k !== "null")) return { k: "runtime", reason: "unknownArg" };
  const applicable = arity
    .map((c, j) => ({ c, p: ps[j] }))
    .filter(({ p }) => args.every((a, i) => !differs[i] || assignable(a, p[i])));
  if (applicable.length === 0) return { k: "runtime", reason: "noneApplicable" };
  if (applicable.length === 1) return { k: "chosen", c: applicable[0].c };
  const atLeastAsSpecific = (x: RType[], y: RType[]): boolean => x.every((t, i) => assignable(t, y[i]));
  let best = applicable.filter(
    (c) => !applicable.some((d) => d !== c && atLeastAsSpecific(d.p, c.p) && !atLeastAsSpecific(c.p, d.p)),
  );
  if (best.length > 1) {
    const exact = (p: RType[]): number => args.filter((a, i) => known(a) && sameType(a, p[i])).length;
    const top = Math.max(...best.map((b) => exact(b.p)));
    best = best.filter((b) => exact(b.p) === top);
  }
  return best.length === 1 ? { k: "chosen", c: best[0].c } : { k: "runtime", reason: "ambiguous" };
}
