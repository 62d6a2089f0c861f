/** A method activation: block scopes of local variables, `this`, and the position for stack traces. */
import type { CompilationUnit } from "../frontend/ast";
import type { ClassInfo, RType } from "./types";
import type { ApexObject, Value } from "./values";

export interface Var {
  v: Value;
  t: RType;
}

export class Frame {
  /** Block scopes, innermost last; a block that declares nothing keeps null (no allocation). */
  private scopes: (Map<string, Var> | null)[] = [null];
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

  lookup(lname: string): Var | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i];
      if (s === null) continue;
      const v = s.get(lname);
      if (v) return v;
    }
    return undefined;
  }

  declare(lname: string, v: Value, t: RType): void {
    const top = this.scopes.length - 1;
    let s = this.scopes[top];
    if (s === null) this.scopes[top] = s = new Map();
    s.set(lname, { v, t });
  }

  push(): void {
    this.scopes.push(null);
  }

  pop(): void {
    this.scopes.pop();
  }

  /** Snapshot of every visible variable (for dynamic SOQL binds). */
  visible(): Map<string, Var> {
    const out = new Map<string, Var>();
    for (const s of this.scopes) if (s) for (const [k, v] of s) out.set(k, v);
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
