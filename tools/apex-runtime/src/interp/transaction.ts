/**
 * Per-transaction state: static variables, governor limit counters, queued async work and the Test API
 * flags. A test method runs in its own transaction (statics reset, store copied from @TestSetup data).
 */
import type { ClassInfo } from "./types";
import type { ApexObject, SObject, Value } from "./values";

export interface LimitCounters {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  callouts: number;
  queueableJobs: number;
  futureCalls: number;
  emailInvocations: number;
  publishImmediateDml: number;
}

/** Synchronous limits (Apex Developer Guide, "Execution Governors and Limits"). */
export const LIMITS: LimitCounters = {
  queries: 100,
  queryRows: 50000,
  dmlStatements: 150,
  dmlRows: 10000,
  callouts: 100,
  queueableJobs: 50,
  futureCalls: 50,
  emailInvocations: 10,
  publishImmediateDml: 150,
};

export function zeroLimits(): LimitCounters {
  return {
    queries: 0,
    queryRows: 0,
    dmlStatements: 0,
    dmlRows: 0,
    callouts: 0,
    queueableJobs: 0,
    futureCalls: 0,
    emailInvocations: 0,
    publishImmediateDml: 0,
  };
}

export interface AsyncJob {
  kind: "queueable" | "schedulable" | "batch";
  job: ApexObject;
  id: string;
  name?: string;
  finalizer?: ApexObject | null;
  scope?: number;
}

export class Transaction {
  readonly statics = new Map<ClassInfo, Map<string, Value>>();
  /** Classes whose static initialisation has started (Apex runs it once, on first reference). */
  readonly staticInit = new Set<ClassInfo>();
  limits: LimitCounters = zeroLimits();
  /** Limits saved at Test.startTest(), restored at Test.stopTest(). */
  savedLimits: LimitCounters | null = null;
  testStarted = false;
  testStopped = false;
  readonly asyncQueue: AsyncJob[] = [];
  calloutMock: Value = null;
  readonly runAsStack: SObject[] = [];
  /** Uncommitted DML happened (callouts after it are not allowed). */
  pendingDml = false;
  /** True while a queued Queueable runs (System.isQueueable). */
  runningQueueable = false;
  /** The finalizer attached by System.attachFinalizer in the running queueable. */
  currentFinalizer: ApexObject | null = null;
  readonly published: SObject[] = [];
  /** Statements executed, and the count at which the approximate heap is measured next (heap.ts). */
  statements = 0;
  heapCheckAt = 256;
}
