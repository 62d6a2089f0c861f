/**
 * Per-method scheduling over worker processes (src/runner/parallel.ts) must not change any outcome: the
 * fixture's tests (a @TestSetup, statics, RestContext, a failure, a class with only a @TestSetup) give the
 * same results, in the same order, with the same coverage as one serial session.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Stmt } from "../src/frontend/ast";
import { expectedCost, runParallel } from "../src/runner/parallel";
import { loadProject } from "../src/runner/project";
import { rootDir, runSession, type SessionRequest, type SessionResult } from "../src/runner/session";

const req: SessionRequest = {
  project: {
    root: rootDir(),
    paths: [join(__dirname, "fixtures", "scheduler")],
    includePackage: false,
    useCache: true,
  },
  classes: [],
  share: null,
  options: { caseSensitiveStringEquals: false },
};

/** Everything but the timings, which differ from run to run. */
function outcome(r: SessionResult) {
  return {
    results: r.results.map(({ ms: _ms, ...rest }) => rest),
    coverage: r.coverage.map(([f, lines]) => [f, [...lines].sort((a, b) => a - b)]).sort(),
    testClasses: r.testClasses,
  };
}

test("per-method scheduling over two workers gives the serial results, order and coverage", async () => {
  const project = loadProject(req.project);
  const serial = runSession(req, project);
  const parallel = await runParallel(req, 2, project);
  assert.deepEqual(outcome(parallel), outcome(serial));
  const names = serial.results.map((r) => `${r.className}.${r.method} ${r.passed ? "pass" : "FAIL"}`);
  assert.deepEqual(names, [
    "SchedContext_Tests.sets_the_rest_context pass",
    "SchedContext_Tests.sees_no_rest_context_of_another_method pass",
    "SchedFailing_Tests.fails_with_a_message FAIL",
    "SchedFailing_Tests.passes pass",
    "SchedSetup_Tests.each_method_starts_from_the_setup_data pass",
    "SchedSetup_Tests.statics_start_fresh pass",
    "SchedSetup_Tests.a_bulk_method_is_dispatched_first pass",
  ]);
  assert.match(serial.results[2].message ?? "", /expected to fail/);
});

test("a method's expected cost is the largest Integer literal in its body", () => {
  const body: Stmt = {
    k: "block",
    line: 1,
    body: [
      { k: "expr", line: 2, expr: { k: "lit", line: 2, type: "Integer", text: "200" } },
      { k: "expr", line: 3, expr: { k: "lit", line: 3, type: "Integer", text: "2000" } },
      { k: "expr", line: 4, expr: { k: "lit", line: 4, type: "String", text: "9999" } },
    ],
  };
  assert.equal(expectedCost(body), 2000);
  assert.equal(expectedCost(null), 0);
});
