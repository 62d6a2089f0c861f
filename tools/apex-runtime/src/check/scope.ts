/**
 * Symbol tables of one body being checked: block-scoped local variables (case-insensitive, as Apex names
 * are) and what the body can see besides them — its class (fields, statics, outer statics), whether it
 * runs without `this`, and the property whose accessor it is (inside it the name means the backing field).
 */
import type { ClassInfo } from "../interp/types";
import type { SType } from "./stype";

export class Scope {
  /** Innermost last; a block that declares nothing keeps null (most blocks declare nothing). */
  private readonly blocks: (Map<string, SType> | null)[] = [null];

  lookup(name: string): SType | undefined {
    const l = name.toLowerCase();
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const t = this.blocks[i]?.get(l);
      if (t) return t;
    }
    return undefined;
  }

  declare(name: string, t: SType): void {
    const top = this.blocks.length - 1;
    (this.blocks[top] ??= new Map<string, SType>()).set(name.toLowerCase(), t);
  }

  push(): void {
    this.blocks.push(null);
  }

  pop(): void {
    this.blocks.pop();
  }
}

export interface Body {
  /** The class whose code this is; null in a trigger. */
  cls: ClassInfo | null;
  /** No `this`: static methods, static initialisers, static property accessors, triggers. */
  isStatic: boolean;
  /** Lower-case name and type of the property whose accessor is being checked. */
  accessor: { lname: string; type: SType } | null;
  file: string;
  scope: Scope;
}
