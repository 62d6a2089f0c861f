/**
 * The in-memory database of one test: committed rows per object (field maps keyed by lower-case API
 * name), the recycle bin, Id sequences. Snapshots copy it for @TestSetup data and savepoints.
 */
import { makeId } from "../interp/ids";
import type { Value } from "../interp/values";

export type Row = Map<string, Value>;

export class Store {
  /** lower-case object name → id → row */
  tables = new Map<string, Map<string, Row>>();
  deleted = new Map<string, Map<string, Row>>();
  seq = new Map<string, number>();

  table(obj: string): Map<string, Row> {
    const l = obj.toLowerCase();
    let t = this.tables.get(l);
    if (!t) this.tables.set(l, (t = new Map<string, Row>()));
    return t;
  }

  recycleBin(obj: string): Map<string, Row> {
    const l = obj.toLowerCase();
    let t = this.deleted.get(l);
    if (!t) this.deleted.set(l, (t = new Map<string, Row>()));
    return t;
  }

  newId(prefix: string): string {
    const n = (this.seq.get(prefix) ?? 0) + 1;
    this.seq.set(prefix, n);
    return makeId(prefix, n);
  }

  /** key prefix → lower-case object name, filled as rows are written through put(). */
  prefixes = new Map<string, string>();
  /** Undo entries while a DML call is journaled (allOrNone rollback without copying the store). */
  private journals: (() => void)[][] = [];

  private get journal(): (() => void)[] | null {
    return this.journals.length ? this.journals[this.journals.length - 1] : null;
  }

  depth(): number {
    return this.journals.length;
  }

  /** Starts a nested unit of work (a DML call, possibly inside a trigger of another). */
  begin(): void {
    this.journals.push([]);
  }

  commit(): void {
    const j = this.journals.pop() ?? [];
    const parent = this.journal;
    if (parent) parent.push(...j);
  }

  rollback(): void {
    const j = this.journals.pop() ?? [];
    for (let i = j.length - 1; i >= 0; i--) j[i]();
  }

  private tableSet(t: Map<string, Row>, id: string, row: Row | undefined): void {
    if (row === undefined) t.delete(id);
    else t.set(id, row);
  }

  put(obj: string, id: string, row: Row): void {
    const t = this.table(obj);
    if (this.journal) {
      const old = t.get(id);
      this.journal.push(() => this.tableSet(t, id, old));
    }
    this.prefixes.set(id.slice(0, 3), obj.toLowerCase());
    t.set(id, row);
  }

  remove(obj: string, id: string): void {
    const t = this.table(obj);
    if (this.journal) {
      const old = t.get(id);
      this.journal.push(() => this.tableSet(t, id, old));
    }
    t.delete(id);
  }

  putDeleted(obj: string, id: string, row: Row): void {
    const t = this.recycleBin(obj);
    if (this.journal) {
      const old = t.get(id);
      this.journal.push(() => this.tableSet(t, id, old));
    }
    t.set(id, row);
  }

  removeDeleted(obj: string, id: string): void {
    const t = this.recycleBin(obj);
    if (this.journal) {
      const old = t.get(id);
      this.journal.push(() => this.tableSet(t, id, old));
    }
    t.delete(id);
  }

  /** Finds a row by id in any table. */
  find(id: string): { obj: string; row: Row } | null {
    const obj = this.prefixes.get(id.slice(0, 3));
    if (obj) {
      const row = this.tables.get(obj)?.get(id);
      return row ? { obj, row } : null;
    }
    for (const [obj, t] of this.tables) {
      const row = t.get(id);
      if (row) return { obj, row };
    }
    return null;
  }

  snapshot(): Store {
    const s = new Store();
    const copy = (src: Map<string, Map<string, Row>>, dst: Map<string, Map<string, Row>>) => {
      for (const [k, t] of src) {
        const nt = new Map<string, Row>();
        for (const [id, row] of t) nt.set(id, new Map(row));
        dst.set(k, nt);
      }
    };
    copy(this.tables, s.tables);
    copy(this.deleted, s.deleted);
    s.seq = new Map(this.seq);
    s.prefixes = new Map(this.prefixes);
    return s;
  }

  restore(from: Store): void {
    const s = from.snapshot();
    this.tables = s.tables;
    this.deleted = s.deleted;
    this.seq = s.seq;
    this.prefixes = s.prefixes;
  }
}
