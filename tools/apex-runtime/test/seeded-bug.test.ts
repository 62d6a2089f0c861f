/**
 * A seeded bug in a package class must make a package test fail: copy force-app to a temporary folder,
 * change one constant in RetryPolicy, run RetryPolicy_Tests there. Skipped when the class changes shape.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rootDir, runSession } from "../src/runner/session";

const target = join("force-app", "main", "default", "classes", "engine", "runs", "RetryPolicy.cls");
const original = "{ 1, 5, 30, 120 }";

function run(root: string) {
  return runSession({
    project: { root, paths: [], includePackage: true, useCache: true },
    classes: ["RetryPolicy_Tests"],
    share: null,
    options: { caseSensitiveStringEquals: false },
  });
}

test("a seeded bug in RetryPolicy fails RetryPolicy_Tests", (t) => {
  const source = join(rootDir(), target);
  if (!existsSync(source) || !readFileSync(source, "utf8").includes(original)) {
    t.skip("RetryPolicy no longer has the seeded constant");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "apex-seeded-"));
  try {
    cpSync(join(rootDir(), "force-app"), join(dir, "force-app"), { recursive: true });
    const file = join(dir, target);
    writeFileSync(file, readFileSync(file, "utf8").replace(original, "{ 1, 5, 31, 120 }"));
    const clean = run(rootDir());
    assert.ok(clean.results.length > 0 && clean.results.every((r) => r.passed), "the real class passes");
    const seeded = run(dir);
    assert.ok(
      seeded.results.some((r) => !r.passed),
      "the seeded bug is caught",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
