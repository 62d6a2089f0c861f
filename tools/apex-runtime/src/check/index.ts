/**
 * The load-time type checker's pass: after the registry is built, walk every method, constructor,
 * property accessor, initializer and trigger body, type every expression, choose overloads by static
 * types (recorded for the interpreter), and report compile errors and library members the runtime does
 * not implement, as the org would refuse to save the code before any test runs.
 */
import type { CompilationUnit, Param, Stmt } from "../frontend/ast";
import type { Schema } from "../data/schema";
import type { Natives } from "../interp/natives";
import type { Registry } from "../interp/registry";
import type { ClassInfo } from "../interp/types";
import type { LoadProblem } from "../runner/project";
import { Diagnostics, type CheckStats } from "./diagnostics";
import { ExprChecker } from "./expr";
import { Library } from "./library";
import { Members } from "./members";
import { Scope, type Body } from "./scope";
import { SObjects } from "./sobjects";
import { checkStmt } from "./stmt";
import { UNKNOWN, type SType } from "./stype";

export type { CheckStats };

export interface CheckResult {
  problems: LoadProblem[];
  stats: CheckStats;
}

export function checkProject(reg: Registry, schema: Schema, natives: Natives, units: CompilationUnit[]): CheckResult {
  const start = performance.now();
  const diag = new Diagnostics();
  const x = new ExprChecker(reg, natives, new Library(reg), new Members(reg), new SObjects(schema), diag);
  for (const cls of reg.classes()) checkClass(x, cls);
  for (const unit of units)
    if (unit.trigger)
      checkStmt(x, unit.trigger.body, {
        cls: null,
        isStatic: true,
        accessor: null,
        file: unit.file,
        scope: new Scope(),
      });
  diag.stats.ms = performance.now() - start;
  return { problems: diag.problems, stats: diag.stats };
}

function body(cls: ClassInfo, isStatic: boolean, accessor: Body["accessor"] = null): Body {
  return { cls, isStatic, accessor, file: cls.file, scope: new Scope() };
}

function withParams(x: ExprChecker, b: Body, params: Param[], line: number): Body {
  for (const p of params) b.scope.declare(p.name, x.typeRef(p.type, b, line) ?? UNKNOWN);
  return b;
}

/** A body's top-level block runs in the scope of its parameters (exec.ts execBlockBody). */
function run(x: ExprChecker, s: Stmt, b: Body): void {
  if (s.k === "block") for (const st of s.body) checkStmt(x, st, b);
  else checkStmt(x, s, b);
}

function checkClass(x: ExprChecker, cls: ClassInfo): void {
  const d = cls.decl;
  for (const f of d.fields) x.typeRef(f.type, body(cls, f.mods.isStatic), f.line);
  for (const init of d.inits) {
    if (init.k === "block") run(x, init.body, body(cls, init.isStatic));
    else if (init.field.init) x.value(init.field.init, body(cls, init.field.mods.isStatic));
  }
  for (const p of d.properties) {
    const type: SType = x.typeRef(p.type, body(cls, p.mods.isStatic), p.line) ?? UNKNOWN;
    const accessor = { lname: p.name.toLowerCase(), type };
    if (p.getter?.body) run(x, p.getter.body, body(cls, p.mods.isStatic, accessor));
    if (p.setter?.body) {
      const b = body(cls, p.mods.isStatic, accessor);
      b.scope.declare("value", type);
      run(x, p.setter.body, b);
    }
  }
  for (const m of d.methods) {
    const b = withParams(x, body(cls, m.mods.isStatic), m.params, m.line);
    if (m.returnType) x.typeRef(m.returnType, b, m.line);
    if (m.body) run(x, m.body, b);
  }
  for (const c of d.ctors) run(x, c.body, withParams(x, body(cls, false), c.params, c.line));
}
