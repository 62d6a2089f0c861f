/** The Test class (startTest/stopTest, setMock, createStub, isRunningTest) and Limits. */
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { LIMITS, zeroLimits } from "../interp/transaction";
import { ApexObject, TypeValue, type Value } from "../interp/values";
import { construct } from "../interp/invoke";
import { runPendingAsync } from "./async";
import { checkHeap, heapLimit } from "../interp/heap";

export function registerTestApi(n: Natives): void {
  n.static("Test", {
    startTest: (ip) => {
      if (ip.tx.testStarted) ip.throwApex("FinalException", "Testing already started");
      ip.tx.testStarted = true;
      ip.tx.savedLimits = ip.tx.limits;
      ip.tx.limits = zeroLimits();
      return null;
    },
    stopTest: (ip) => {
      if (ip.tx.testStopped) ip.throwApex("FinalException", "Testing has already been stopped");
      ip.tx.testStopped = true;
      runPendingAsync(ip, "stopTest");
      if (ip.tx.savedLimits) ip.tx.limits = ip.tx.savedLimits;
      return null;
    },
    isRunningTest: (ip: Interpreter) => !ip.options.outsideTests,
    setMock: (ip, a) => {
      ip.tx.calloutMock = a[1];
      return null;
    },
    createStub: (ip: Interpreter, a: Value[]) => {
      const t = a[0] as TypeValue;
      if (t.type.k !== "class") return ip.throwApex("TypeException", "Test.createStub needs an Apex class type");
      const cls = t.type.cls;
      let stub: ApexObject;
      if (
        cls.isInterface ||
        cls.decl.mods.isAbstract ||
        cls.decl.ctors.some((c) => c.params.length === 0) ||
        cls.decl.ctors.length > 0
      ) {
        stub = new ApexObject(cls);
      } else {
        stub = construct(ip, cls, [], 0);
      }
      stub.native.stubProvider = a[1];
      return stub;
    },
    getStandardPricebookId: (ip) => ip.throwApex("UnexpectedException", "unsupported: Test.getStandardPricebookId"),
  });

  const lim = (get: (ip: Interpreter) => number) => (ip: Interpreter) => get(ip);
  n.static("Limits", {
    getQueries: lim((ip) => ip.tx.limits.queries),
    getLimitQueries: () => LIMITS.queries,
    getQueryRows: lim((ip) => ip.tx.limits.queryRows),
    getLimitQueryRows: () => LIMITS.queryRows,
    getDmlStatements: lim((ip) => ip.tx.limits.dmlStatements),
    getLimitDmlStatements: () => LIMITS.dmlStatements,
    getDmlRows: lim((ip) => ip.tx.limits.dmlRows),
    getLimitDmlRows: () => LIMITS.dmlRows,
    getCallouts: lim((ip) => ip.tx.limits.callouts),
    getLimitCallouts: () => LIMITS.callouts,
    getQueueableJobs: lim((ip) => ip.tx.limits.queueableJobs),
    getLimitQueueableJobs: () => LIMITS.queueableJobs,
    getFutureCalls: lim((ip) => ip.tx.limits.futureCalls),
    getLimitFutureCalls: () => LIMITS.futureCalls,
    getEmailInvocations: lim((ip) => ip.tx.limits.emailInvocations),
    getLimitEmailInvocations: () => LIMITS.emailInvocations,
    getHeapSize: (ip: Interpreter) => checkHeap(ip),
    getLimitHeapSize: (ip: Interpreter) => heapLimit(ip),
    getCpuTime: () => 0,
    getLimitCpuTime: () => 10000,
    getPublishImmediateDML: lim((ip) => ip.tx.limits.publishImmediateDml),
    getLimitPublishImmediateDML: () => LIMITS.publishImmediateDml,
    getAggregateQueries: () => 0,
    getLimitAggregateQueries: () => 300,
  });
}
