/**
 * Overloads chosen at compile time (Apex Developer Guide, "Class Methods": from the arguments' declared
 * types), as the load-time type checker (src/check) recorded them per call, `new` and `this(...)`/
 * `super(...)` site. selectOverload (invoke.ts) takes the recorded method, or its override in the
 * receiver's class (same parameter types); where the checker could not decide (an argument of unknown
 * type where the overloads differ, or no single most specific overload) it recorded the argument types it
 * knows and the runtime types decide the rest.
 */
import type { Expr } from "../frontend/ast";
import type { Callable } from "./invoke";
import type { RType } from "./types";

export type SiteTypes = { chosen: Callable } | { args: (RType | null)[] };

const sites = new WeakMap<Expr, SiteTypes>();

export function recordChoice(site: Expr, chosen: Callable): void {
  sites.set(site, { chosen });
}

export function recordArgTypes(site: Expr, args: (RType | null)[]): void {
  sites.set(site, { args });
}

export function siteTypes(site: Expr): SiteTypes | undefined {
  return sites.get(site);
}
