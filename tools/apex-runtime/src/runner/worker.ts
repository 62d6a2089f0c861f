/**
 * Worker process entry. Protocol over IPC: `start` (a SessionRequest; the project is loaded once), then any
 * number of `run` (one task, answered by `result`), then `end` (answered by `done` with the coverage).
 */
import { coverageEntries, TaskSession, type SessionRequest, type TestTask } from "./session";
import type { TestResult } from "./run-class";
import type { LoadProblem } from "./project";

export type ToWorker =
  { kind: "start"; req: SessionRequest } | { kind: "run"; id: number; task: TestTask } | { kind: "end" };

export type FromWorker =
  | { kind: "result"; id: number; result: TestResult | null }
  | { kind: "done"; coverage: [string, number[]][]; problems: LoadProblem[] };

let session: TaskSession | null = null;

function send(m: FromWorker, then?: () => void): void {
  process.send?.(m, undefined, undefined, then ?? (() => undefined));
}

process.on("message", (raw) => {
  const m = raw as ToWorker;
  if (m.kind === "start") session = new TaskSession(m.req);
  else if (m.kind === "run") send({ kind: "result", id: m.id, result: session!.run(m.task) });
  else
    send({ kind: "done", coverage: coverageEntries(session!.coverage), problems: session!.project.problems }, () =>
      process.exit(0),
    );
});
