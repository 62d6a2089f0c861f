/**
 * Runs a session over worker processes (child_process.fork with tsx). Work is scheduled per test method:
 * each worker asks for the next method as soon as it finishes one, longest-expected first, so one slow class
 * no longer bounds the wall time. Results are merged in report order (classes by name, methods as declared).
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import type { Expr, Stmt } from "../frontend/ast";
import type { Project } from "./project";
import type { TestResult } from "./run-class";
import {
  runSession,
  selectTestClasses,
  testTasks,
  type SessionRequest,
  type SessionResult,
  type TestTask,
} from "./session";
import type { FromWorker, ToWorker } from "./worker";

/** A test whose expected cost reaches this is worth a worker even in a run of few classes. */
const HEAVY = 1000;

/**
 * Expected cost of a test method: the largest Integer literal in its body. The package's slow tests are its
 * bulk tests (`for (Integer size : new List<Integer>{ 200, 2000 })`, `newAccounts(2000)`), and their time
 * grows with that size; everything else is cheap and keeps its report order.
 */
export function expectedCost(body: Stmt | null): number {
  let max = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      const e = node as Expr;
      if (e.k === "lit" && e.type === "Integer") max = Math.max(max, Number(e.text));
      else for (const v of Object.values(node)) visit(v);
    }
  };
  visit(body);
  return max;
}

function taskCost(project: Project, task: TestTask): number {
  if (task.method === null) return 0;
  const cls = project.reg.classes().find((c) => c.name === task.className);
  return expectedCost(cls?.decl.methods.find((m) => m.name === task.method)?.body ?? null);
}

interface WorkerOutcome {
  coverage: [string, number[]][];
  problems: SessionResult["problems"];
}

/** One worker: takes tasks from `next()` until it returns null, storing each result at its task's index. */
function runWorker(
  req: SessionRequest,
  tasks: TestTask[],
  next: () => number | null,
  results: (TestResult | null)[],
): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, "worker.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let outcome: WorkerOutcome | null = null;
    const send = (m: ToWorker) => child.send(m);
    const dispatch = () => {
      const id = next();
      send(id === null ? { kind: "end" } : { kind: "run", id, task: tasks[id] });
    };
    child.on("message", (raw) => {
      const m = raw as FromWorker;
      if (m.kind === "result") {
        results[m.id] = m.result;
        dispatch();
      } else outcome = { coverage: m.coverage, problems: m.problems };
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (outcome) resolve(outcome);
      else reject(new Error(`worker exited with code ${code} without results`));
    });
    send({ kind: "start", req });
    dispatch();
  });
}

export async function runParallel(req: SessionRequest, workers: number, project: Project): Promise<SessionResult> {
  const selected = selectTestClasses(project.reg.classes(), req.classes);
  const tasks = testTasks(project, req.classes);
  const cost = tasks.map((t) => taskCost(project, t));
  const heavy = cost.some((c) => c >= HEAVY);
  // a few light classes run faster in this process than a worker takes to start
  if (workers <= 1 || tasks.length < 2 || (selected.length < 4 && !heavy)) return runSession(req, project);
  const order = tasks.map((_, i) => i).sort((a, b) => cost[b] - cost[a] || a - b);
  let taken = 0;
  const next = () => (taken < order.length ? order[taken++] : null);
  const results = new Array<TestResult | null>(tasks.length).fill(null);
  const parts = await Promise.all(
    Array.from({ length: Math.min(workers, tasks.length) }, () => runWorker(req, tasks, next, results)),
  );
  const coverage = new Map<string, Set<number>>();
  for (const p of parts)
    for (const [f, lines] of p.coverage) {
      const set = coverage.get(f) ?? new Set<number>();
      lines.forEach((l) => set.add(l));
      coverage.set(f, set);
    }
  return {
    results: results.filter((r): r is TestResult => r !== null),
    coverage: [...coverage.entries()].map(([f, s]) => [f, [...s]]),
    problems: parts[0]?.problems ?? project.problems,
    testClasses: selected.map((s) => s.cls.name),
  };
}
