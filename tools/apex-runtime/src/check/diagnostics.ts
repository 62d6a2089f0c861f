/**
 * What the checker reports: compile errors (certain: the org would refuse the code) and library members
 * the runtime does not implement (the subset, enforced at load time), plus counters for the report of
 * how much is still typed at run time.
 */
import type { LoadProblem } from "../runner/project";

export interface CheckStats {
  /** Call and `new` sites of user code whose overload the checker chose. */
  resolvedSites: number;
  /** Sites with several same-arity overloads left to runtime types, by reason. */
  runtimeSites: { unknownArg: number; ambiguous: number; noneApplicable: number };
  /** Library members called without a signature (their result is typed unknown), "Type.member" → sites. */
  unsignedMembers: Map<string, number>;
  ms: number;
}

export class Diagnostics {
  readonly problems: LoadProblem[] = [];
  private readonly seen = new Set<string>();
  readonly stats: CheckStats = {
    resolvedSites: 0,
    runtimeSites: { unknownArg: 0, ambiguous: 0, noneApplicable: 0 },
    unsignedMembers: new Map(),
    ms: 0,
  };

  error(file: string, line: number, message: string): void {
    this.add(file, `compile error: ${message} at ${file}:${line}`);
  }

  unsupported(file: string, line: number, feature: string): void {
    this.add(file, `unsupported: ${feature} at ${file}:${line}`);
  }

  unsigned(member: string): void {
    this.stats.unsignedMembers.set(member, (this.stats.unsignedMembers.get(member) ?? 0) + 1);
  }

  private add(file: string, message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.problems.push({ file, message });
  }
}
