/** One test session in one process: load the project, run the selected classes, collect coverage. */
import { join } from "node:path";
import type { RuntimeOptions } from "../interp/interpreter";
import { buildNatives } from "../lib/index";
import { ClassRunner, type TestResult } from "./run-class";
import { isTestClass, loadProject, type LoadProblem, type Project, type ProjectOptions } from "./project";
import type { ClassInfo } from "../interp/types";

export interface SessionRequest {
  project: ProjectOptions;
  /** Class filter: 'Name' or 'Name.method'; empty = all test classes. */
  classes: string[];
  /** Only these test classes (by name), for a worker's share; null = all matching. */
  share: string[] | null;
  options: RuntimeOptions;
}

export interface SessionResult {
  results: TestResult[];
  coverage: [string, number[]][];
  problems: LoadProblem[];
  testClasses: string[];
}

export function rootDir(): string {
  return join(__dirname, "..", "..", "..", "..");
}

export function selectTestClasses(all: ClassInfo[], filter: string[]): { cls: ClassInfo; only: string[] | null }[] {
  const tests = all.filter(isTestClass).sort((a, b) => a.name.localeCompare(b.name));
  if (filter.length === 0) return tests.map((cls) => ({ cls, only: null }));
  const out: { cls: ClassInfo; only: string[] | null }[] = [];
  for (const cls of tests) {
    const hits = filter.filter((f) => f.split(".")[0].toLowerCase() === cls.lname);
    if (!hits.length) continue;
    const methods = hits.filter((h) => h.includes(".")).map((h) => h.split(".")[1]);
    out.push({ cls, only: methods.length && methods.length === hits.length ? methods : null });
  }
  return out;
}

export function runSession(req: SessionRequest, preloaded?: Project): SessionResult {
  const project = preloaded ?? loadProject(req.project);
  const natives = buildNatives();
  const coverage = new Map<string, Set<number>>();
  const runner = new ClassRunner(project, natives, req.options, coverage);
  const selected = selectTestClasses(project.reg.classes(), req.classes);
  const results: TestResult[] = [];
  for (const { cls, only } of selected) {
    if (req.share && !req.share.includes(cls.name)) continue;
    results.push(...runner.run(cls, only));
  }
  return {
    results,
    coverage: [...coverage.entries()].map(([f, s]) => [f, [...s]]),
    problems: project.problems,
    testClasses: selected.map((s) => s.cls.name),
  };
}
