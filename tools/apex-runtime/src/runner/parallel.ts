/** Splits test classes over worker processes (child_process.fork with tsx) and merges their results. */
import { fork } from "node:child_process";
import { join } from "node:path";
import { runSession, type SessionRequest, type SessionResult } from "./session";
import type { Project } from "./project";
import { selectTestClasses } from "./session";

function runWorker(req: SessionRequest): Promise<SessionResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, "worker.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: SessionResult | null = null;
    child.on("message", (m) => {
      result = m as SessionResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (result) resolve(result);
      else reject(new Error(`worker exited with code ${code} without results`));
    });
    child.send(req);
  });
}

export async function runParallel(req: SessionRequest, workers: number, project: Project): Promise<SessionResult> {
  const selected = selectTestClasses(project.reg.classes(), req.classes);
  if (workers <= 1 || selected.length < 4) return runSession(req, project);
  // balance by number of test methods
  const shares: string[][] = Array.from({ length: workers }, () => []);
  const weights = new Array<number>(workers).fill(0);
  const sized = selected.map((s) => ({ name: s.cls.name, n: s.cls.decl.methods.length })).sort((a, b) => b.n - a.n);
  for (const c of sized) {
    const i = weights.indexOf(Math.min(...weights));
    shares[i].push(c.name);
    weights[i] += c.n;
  }
  const parts = await Promise.all(shares.filter((s) => s.length).map((share) => runWorker({ ...req, share })));
  const coverage = new Map<string, Set<number>>();
  for (const p of parts)
    for (const [f, lines] of p.coverage) {
      const set = coverage.get(f) ?? new Set<number>();
      lines.forEach((l) => set.add(l));
      coverage.set(f, set);
    }
  return {
    results: parts.flatMap((p) => p.results).sort((a, b) => a.className.localeCompare(b.className)),
    coverage: [...coverage.entries()].map(([f, s]) => [f, [...s]]),
    problems: parts[0]?.problems ?? project.problems,
    testClasses: selected.map((s) => s.cls.name),
  };
}
