/**
 * Mutation check: flipping one documented rule (String == becomes case-sensitive) must make the
 * conformance suite fail; with the rule intact the suite passes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { rootDir, runSession } from "../src/runner/session";

const conformance = join(__dirname, "..", "conformance");

function run(caseSensitive: boolean) {
  return runSession({
    project: { root: rootDir(), paths: [conformance], includePackage: false, useCache: true },
    classes: [],
    share: null,
    options: { caseSensitiveStringEquals: caseSensitive },
  });
}

test("conformance suite passes with the real rule", () => {
  const r = run(false);
  const failed = r.results.filter((t) => !t.passed);
  assert.deepEqual(
    failed.map((f) => `${f.className}.${f.method}: ${f.message}`),
    [],
  );
  assert.ok(r.results.length > 20);
});

test("conformance suite fails when String == is case-sensitive", () => {
  const r = run(true);
  const failed = r.results.filter((t) => !t.passed);
  assert.ok(failed.some((f) => f.className === "StringsConformance_Tests" && f.method === "equalityIgnoresCase"));
});
