/**
 * Loads a project: Apex sources (through the AST cache), the type registry, SObject schemas and
 * permission sets, plus the load-time report: syntax errors, unsupported constructs, and what the type
 * checker (src/check) finds — compile errors and library members the runtime does not implement.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { CompilationUnit } from "../frontend/ast";
import { loadUnit } from "../frontend/cache";
import { hasAnnotation } from "../frontend/convert-types";
import { checkProject, type CheckStats } from "../check/index";
import { DataRuntime } from "../data/runtime";
import { Registry } from "../interp/registry";
import type { ClassInfo } from "../interp/types";
import { buildNatives } from "../lib/index";

export interface ProjectOptions {
  root: string;
  /** Extra folders with .cls/.trigger files (e.g. the conformance suite). */
  paths: string[];
  /** Include the package's own sources (force-app). */
  includePackage: boolean;
  useCache: boolean;
}

export interface LoadProblem {
  file: string;
  message: string;
}

export interface Project {
  reg: Registry;
  data: DataRuntime;
  units: CompilationUnit[];
  problems: LoadProblem[];
  root: string;
  /** What the type checker resolved and how long it took. */
  check: CheckStats;
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".cls") || name.endsWith(".trigger")) out.push(p);
  }
}

export function sourceFiles(opts: ProjectOptions): string[] {
  const files: string[] = [];
  if (opts.includePackage) walk(join(opts.root, "force-app"), files);
  for (const p of opts.paths) walk(p, files);
  return files;
}

export function loadProject(opts: ProjectOptions): Project {
  const reg = new Registry();
  const data = new DataRuntime();
  const md = join(opts.root, "force-app", "main", "default");
  data.loadProject(join(md, "objects"), join(md, "permissionsets"), join(md, "customMetadata"));
  for (const o of data.schema.objects.values()) reg.addSObject(o.name);
  reg.addSObject("AggregateResult");
  const problems: LoadProblem[] = [];
  const units: CompilationUnit[] = [];
  for (const file of sourceFiles(opts)) {
    const unit = loadUnit(file, opts.useCache);
    unit.file = relative(opts.root, file);
    units.push(unit);
    for (const e of unit.syntaxErrors) problems.push({ file: unit.file, message: `syntax error: ${e}` });
    for (const u of unit.unsupported)
      problems.push({ file: unit.file, message: `unsupported: ${u.feature} at ${unit.file}:${u.line}` });
    if (unit.trigger) data.addTrigger(unit);
    else reg.addUnit(unit);
  }
  for (const p of reg.link()) problems.push({ file: "", message: p });
  const check = checkProject(reg, data.schema, buildNatives(), units);
  problems.push(...check.problems);
  return { reg, data, units, problems, root: opts.root, check: check.stats };
}

export function isTestClass(cls: ClassInfo): boolean {
  return !!hasAnnotation(cls.decl.mods, "IsTest") && !cls.outer;
}

export function testMethods(cls: ClassInfo): string[] {
  return cls.decl.methods.filter((m) => m.mods.isTestMethod && !hasAnnotation(m.mods, "TestSetup")).map((m) => m.name);
}

export function setupMethods(cls: ClassInfo): string[] {
  return cls.decl.methods.filter((m) => hasAnnotation(m.mods, "TestSetup")).map((m) => m.name);
}
