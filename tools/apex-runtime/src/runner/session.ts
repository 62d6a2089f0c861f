/** One test session in one process: load the project, run the selected classes, collect coverage. */
import { join } from "node:path";
import type { RuntimeOptions } from "../interp/interpreter";
import { buildNatives } from "../lib/index";
import { ClassRunner, selectedMethods, type TestResult } from "./run-class";
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
    coverage: coverageEntries(coverage),
    problems: project.problems,
    testClasses: selected.map((s) => s.cls.name),
  };
}

export function coverageEntries(coverage: Map<string, Set<number>>): [string, number[]][] {
  return [...coverage.entries()].map(([f, s]) => [f, [...s]]);
}

/** One unit of scheduled work: a test method, or (method null) the @TestSetup of a class none of whose methods run. */
export interface TestTask {
  className: string;
  method: string | null;
}

/** The tasks of a run in report order: classes by name, then their methods as declared. */
export function testTasks(project: Project, filter: string[]): TestTask[] {
  const tasks: TestTask[] = [];
  for (const { cls, only } of selectTestClasses(project.reg.classes(), filter)) {
    const methods = selectedMethods(cls, only);
    if (methods.length === 0) tasks.push({ className: cls.name, method: null });
    for (const method of methods) tasks.push({ className: cls.name, method });
  }
  return tasks;
}

/**
 * A session that runs single tasks on demand (a worker process): the project is loaded once, each class's
 * @TestSetup runs the first time one of its methods does and its data is kept for the class's other methods.
 */
export class TaskSession {
  readonly project: Project;
  readonly coverage = new Map<string, Set<number>>();
  private readonly runner: ClassRunner;
  private readonly classes: Map<string, ClassInfo>;

  constructor(req: SessionRequest) {
    this.project = loadProject(req.project);
    this.runner = new ClassRunner(this.project, buildNatives(), req.options, this.coverage, true);
    this.classes = new Map(selectTestClasses(this.project.reg.classes(), []).map((s) => [s.cls.name, s.cls]));
  }

  run(task: TestTask): TestResult | null {
    const cls = this.classes.get(task.className);
    if (!cls)
      return {
        className: task.className,
        method: task.method ?? "",
        passed: false,
        ms: 0,
        message: `runtime error: test class ${task.className} not found by the worker`,
      };
    if (task.method === null) {
      this.runner.setup(cls);
      return null;
    }
    return this.runner.runMethod(cls, task.method);
  }
}
