/** The command line as npm scripts use it: output through a pipe, exit code from the results. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(__dirname, "..", "src", "cli.ts");

function project(methods: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "apex-cli-"));
  writeFileSync(join(dir, "Many_Tests.cls"), `@IsTest\nprivate class Many_Tests {\n${methods.join("\n")}\n}\n`);
  return dir;
}

function run(dir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", cli, "test", "--no-package", "--path", dir, "--json"], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
}

test("a report larger than a pipe's 64 KB reaches the reader whole", () => {
  const names = Array.from({ length: 700 }, (_, i) => `it_keeps_every_line_of_a_long_report_number_${i}`);
  const dir = project(names.map((n) => `  @IsTest static void ${n}() { System.Assert.areEqual(2, 1 + 1); }`));
  try {
    const r = run(dir);
    assert.ok(r.stdout.length > 65536, `the report is ${r.stdout.length} bytes`);
    const report = JSON.parse(r.stdout) as { passed: number; failed: number };
    assert.deepEqual([report.passed, report.failed], [700, 0]);
    assert.equal(r.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a failing test makes the exit code 1", () => {
  const dir = project(["  @IsTest static void it_fails() { System.Assert.areEqual(3, 1 + 1); }"]);
  try {
    const r = run(dir);
    assert.equal((JSON.parse(r.stdout) as { failed: number }).failed, 1);
    assert.equal(r.status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
