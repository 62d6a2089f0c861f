/** A method activation: local variables, `this`, and the position for stack traces. */
import type { CompilationUnit } from "../frontend/ast";
import type { ClassInfo, RType } from "./types";
import type { ApexObject, Value } from "./values";

export interface Var {
  v: Value;
  t: RType;
}

/**
 * Local variables live in parallel arrays used as a stack: a declaration appends, a block remembers `n` on
 * entry and sets it back on exit (exec.ts), and a name is found by scanning from the innermost variable down.
 * That is the lookup order of nested block scopes, without a Map and a Var object per declaration.
 */
export class Frame {
  /** Lower-case names, values and declared types of the variables; the first `n` are in scope. */
  readonly names: string[] = [];
  readonly vals: Value[] = [];
  readonly types: RType[] = [];
  n = 0;
  line = 0;
  returnValue: Value = null;
  constructor(
    readonly cls: ClassInfo | null,
    readonly self: ApexObject | null,
    readonly method: string,
    readonly unit: CompilationUnit | null,
    /** lower-case name of the property whose accessor is running: inside it the name means the backing field. */
    readonly accessor: string | null,
    readonly covered: Set<number> | null,
  ) {}

  /** Index of the innermost variable in scope named lname, or -1. */
  find(lname: string): number {
    const names = this.names;
    for (let i = this.n - 1; i >= 0; i--) if (names[i] === lname) return i;
    return -1;
  }

  /** A copy of the variable's value and declared type (assign through `vals`). */
  lookup(lname: string): Var | undefined {
    const i = this.find(lname);
    return i < 0 ? undefined : { v: this.vals[i], t: this.types[i] };
  }

  declare(lname: string, v: Value, t: RType): void {
    const i = this.n++;
    this.names[i] = lname;
    this.vals[i] = v;
    this.types[i] = t;
  }

  /** Snapshot of every visible variable (for dynamic SOQL binds and the heap walk). */
  visible(): Map<string, Var> {
    const out = new Map<string, Var>();
    for (let i = 0; i < this.n; i++) out.set(this.names[i], { v: this.vals[i], t: this.types[i] });
    return out;
  }

  describe(): string {
    const where = this.cls
      ? `Class.${this.cls.fullName}.${this.method}`
      : this.unit
        ? `Trigger.${this.method}`
        : this.method;
    return `${where}: line ${this.line}, column 1`;
  }
}

export const BREAK = { signal: "break" } as const;
export const CONTINUE = { signal: "continue" } as const;
export const RETURN = { signal: "return" } as const;
export type Completion = undefined | typeof BREAK | typeof CONTINUE | typeof RETURN;
