/** The approximate heap limit (src/interp/heap.ts): a method that builds > 6 MB fails with LimitException. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { rootDir, runSession } from "../src/runner/session";
import { harness } from "./harness";

test("a method that exceeds the 6 MB heap fails with an uncatchable LimitException", () => {
  const res = runSession({
    project: { root: rootDir(), paths: [join(__dirname, "fixtures", "heap")], includePackage: false, useCache: true },
    classes: ["HeapLimit_Tests"],
    share: null,
    options: { caseSensitiveStringEquals: false },
  });
  const by = new Map(res.results.map((r) => [r.method, r]));
  for (const m of ["bigStringListExceeds", "catchingDoesNotHelp"]) {
    const r = by.get(m);
    assert.ok(r, m);
    assert.equal(r.passed, false, m);
    assert.match(r.message ?? "", /LimitException: Apex heap size too large: \d+/, m);
  }
  assert.equal(by.get("smallHeapPasses")?.passed, true, by.get("smallHeapPasses")?.message);
});

test("Limits.getHeapSize grows with live data and the limit is 6 MB synchronous", () => {
  const h = harness([
    `public class HeapProbe {
       public static List<Integer> sizes() {
         Integer before = Limits.getHeapSize();
         String big = 'x'.repeat(100000);
         Integer after = Limits.getHeapSize();
         return new List<Integer>{ before, after, Limits.getLimitHeapSize() };
       }
     }`,
  ]);
  const [before, after, limit] = h.show("HeapProbe.sizes()").replace(/[()]/g, "").split(", ").map(Number);
  assert.ok(after - before >= 100000, `${before} → ${after}`);
  assert.equal(limit, 6000000);
});
