/**
 * Queueable (with Finalizer), Schedulable and Batchable jobs. Jobs queue in the transaction and run
 * synchronously at Test.stopTest(), each with fresh governor limits; jobs they enqueue are not run
 * (as in a test context on the platform).
 */
import { asText } from "../interp/text";
import { ApexThrow, InternalError } from "../interp/errors";
import type { Interpreter } from "../interp/interpreter";
import { callObjectMethod } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { zeroLimits, type AsyncJob } from "../interp/transaction";
import { ApexId, ApexList, ApexObject, NativeObject, type Value } from "../interp/values";
import { iterate } from "../interp/collections";
import { OBJECT } from "../interp/types";
import { int, s } from "./args";

function newJobId(ip: Interpreter, kind: string, name: string | null): string {
  const schema = ip.data.schema.get(kind === "schedulable" ? "CronTrigger" : "AsyncApexJob")!;
  const id = ip.data.store.newId(schema.keyPrefix);
  const row = new Map<string, Value>([
    ["id", new ApexId(id)],
    ["isdeleted", false],
  ]);
  if (kind === "schedulable") {
    row.set("state", "WAITING");
    row.set("crontimestamp", null);
    row.set("timestriggered", 0);
    void name;
  } else {
    row.set("status", "Queued");
    row.set("jobtype", kind === "batch" ? "BatchApex" : "Queueable");
  }
  ip.data.store.put(schema.name, id, row);
  return id;
}

function setJobStatus(ip: Interpreter, id: string, status: string, error?: string): void {
  const row = ip.data.store.table("AsyncApexJob").get(id);
  if (!row) return;
  row.set("status", status);
  if (error) {
    row.set("extendedstatus", error);
    row.set("numberoferrors", 1);
  }
}

function requireObject(ip: Interpreter, v: Value): ApexObject {
  if (v === null) return ip.npe();
  if (!(v instanceof ApexObject)) throw new InternalError("async job must be an Apex object");
  return v;
}

/** Runs fn with fresh limits (a separate transaction's governor limits), then restores the caller's. */
function withOwnLimits<T>(ip: Interpreter, fn: () => T): T {
  const saved = ip.tx.limits;
  ip.tx.limits = zeroLimits();
  try {
    return fn();
  } finally {
    ip.tx.limits = saved;
  }
}

function runJob(ip: Interpreter, job: AsyncJob): void {
  if (job.kind === "queueable") {
    ip.tx.currentFinalizer = null;
    ip.tx.runningQueueable = true;
    let failure: ApexObject | null = null;
    try {
      withOwnLimits(ip, () =>
        callObjectMethod(ip, job.job, "execute", [new NativeObject("QueueableContext", { jobId: job.id })]),
      );
      setJobStatus(ip, job.id, "Completed");
    } catch (err) {
      if (!(err instanceof ApexThrow)) throw err;
      failure = err.value;
      setJobStatus(ip, job.id, "Failed", asText(failure.native.message ?? ""));
    } finally {
      ip.tx.runningQueueable = false;
    }
    const fin = ip.tx.currentFinalizer;
    ip.tx.currentFinalizer = null;
    if (fin) {
      const result = ip.reg.types.get("parentjobresult");
      const ctx = new NativeObject("FinalizerContext", {
        jobId: job.id,
        exception: failure,
        result: result && "byName" in result ? result.byName.get(failure ? "unhandled_exception" : "success") : null,
      });
      withOwnLimits(ip, () => callObjectMethod(ip, fin, "execute", [ctx]));
    } else if (failure) {
      throw new ApexThrow(failure);
    }
    return;
  }
  if (job.kind === "schedulable") {
    withOwnLimits(ip, () =>
      callObjectMethod(ip, job.job, "execute", [new NativeObject("SchedulableContext", { triggerId: job.id })]),
    );
    return;
  }
  // batch: start, execute per chunk, finish — each in its own limits
  const ctx = new NativeObject("Database.BatchableContext", { jobId: job.id });
  const scope = withOwnLimits(ip, () => callObjectMethod(ip, job.job, "start", [ctx]) ?? null);
  let records: Value[];
  if (scope instanceof NativeObject && scope.className === "Database.QueryLocator") {
    records = (scope.state.records as ApexList).items;
  } else records = iterate(ip, scope);
  const size = job.scope ?? 200;
  for (let i = 0; i < records.length; i += size) {
    const chunk = new ApexList(scope instanceof ApexList ? scope.elemType : OBJECT, records.slice(i, i + size));
    withOwnLimits(ip, () => callObjectMethod(ip, job.job, "execute", [ctx, chunk]));
  }
  withOwnLimits(ip, () => callObjectMethod(ip, job.job, "finish", [ctx]));
  setJobStatus(ip, job.id, "Completed");
}

/** Runs the jobs queued so far (Test.stopTest). Jobs enqueued while they run stay queued. */
export function runPendingAsync(ip: Interpreter, when: "stopTest" | "end"): void {
  if (when === "end") return;
  const jobs = ip.tx.asyncQueue.splice(0, ip.tx.asyncQueue.length);
  for (const j of jobs) runJob(ip, j);
}

export function registerAsync(n: Natives): void {
  n.static("System", {
    enqueueJob: (ip, a) => {
      const job = requireObject(ip, a[0]);
      const l = ip.tx.limits;
      l.queueableJobs++;
      const max = ip.tx.runningQueueable ? 1 : 50;
      if (l.queueableJobs > max)
        ip.throwApex("LimitException", `Too many queueable jobs added to the queue: ${l.queueableJobs}`);
      const id = newJobId(ip, "queueable", null);
      ip.tx.asyncQueue.push({ kind: "queueable", job, id });
      return new ApexId(id);
    },
    schedule: (ip, a) => {
      const job = requireObject(ip, a[2]);
      const id = newJobId(ip, "schedulable", s(ip, a[0]));
      const row = ip.data.store.table("CronTrigger").get(id)!;
      row.set("cronexpression", s(ip, a[1]));
      ip.tx.asyncQueue.push({ kind: "schedulable", job, id, name: s(ip, a[0]) });
      return new ApexId(id);
    },
    attachFinalizer: (ip, a) => {
      if (!ip.tx.runningQueueable)
        ip.throwApex("AsyncException", "System.attachFinalizer can only be called from a Queueable");
      ip.tx.currentFinalizer = requireObject(ip, a[0]);
      return null;
    },
    abortJob: () => null,
  });
  n.static("Database", {
    executeBatch: (ip, a) => {
      const job = requireObject(ip, a[0]);
      const id = newJobId(ip, "batch", null);
      ip.tx.asyncQueue.push({ kind: "batch", job, id, scope: a.length > 1 ? int(ip, a[1]) : 200 });
      return new ApexId(id);
    },
  });
  n.methods<NativeObject>("queueablecontext", { getJobId: (_ip, c) => new ApexId(c.state.jobId as string) });
  n.methods<NativeObject>("schedulablecontext", { getTriggerId: (_ip, c) => new ApexId(c.state.triggerId as string) });
  n.methods<NativeObject>("database.batchablecontext", { getJobId: (_ip, c) => new ApexId(c.state.jobId as string) });
  n.methods<NativeObject>("finalizercontext", {
    getAsyncApexJobId: (_ip, c) => new ApexId(c.state.jobId as string),
    getException: (_ip, c) => (c.state.exception as Value) ?? null,
    getResult: (_ip, c) => (c.state.result as Value) ?? null,
    getRequestId: (_ip, c) => String(c.state.jobId),
  });
}
