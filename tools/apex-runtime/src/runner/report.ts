/** Console and JSON reports. The last console line is always `N passed, N failed`. */
import type { CompilationUnit } from "../frontend/ast";
import { computeCoverage } from "./coverage";
import type { SessionResult } from "./session";

export function consoleReport(
  r: SessionResult,
  units: CompilationUnit[],
  elapsedMs: number,
  showCoverage: boolean,
): string {
  const out: string[] = [];
  out.push("Apex tests — LOCAL RUNTIME (tools/apex-runtime): results are local, not from a Salesforce org");
  // load problems, then compile errors and unsupported constructs (these carry their own file:line)
  const own = (p: { message: string }) => p.message.startsWith("unsupported") || p.message.startsWith("compile error");
  for (const p of r.problems.filter((p) => !own(p))) out.push(`load: ${p.file ? p.file + ": " : ""}${p.message}`);
  for (const p of r.problems.filter((p) => p.message.startsWith("compile error"))) out.push(p.message);
  for (const p of r.problems.filter((p) => p.message.startsWith("unsupported"))) out.push(p.message);
  for (const t of r.results)
    out.push(`${t.passed ? "pass" : "FAIL"}  ${t.className}.${t.method}  ${Math.round(t.ms)}ms`);
  const failed = r.results.filter((t) => !t.passed);
  if (failed.length) {
    out.push("", "Failures:");
    for (const t of failed) {
      out.push(`  ${t.className}.${t.method}`);
      for (const l of (t.message ?? "").split("\n")) out.push(`    ${l}`);
      if (t.stack) for (const l of t.stack.split("\n")) out.push(`      ${l}`);
    }
  }
  if (showCoverage) {
    const cov = computeCoverage(units, new Map(r.coverage.map(([f, l]) => [f, new Set(l)])));
    let c = 0;
    let tot = 0;
    out.push("", "Coverage (local, lines):");
    for (const k of cov) {
      c += k.covered;
      tot += k.total;
      out.push(
        `  ${k.name.padEnd(36)} ${String(Math.round((100 * k.covered) / k.total)).padStart(3)}%  ${k.covered}/${k.total}`,
      );
    }
    out.push(`  ${"TOTAL".padEnd(36)} ${String(tot ? Math.round((100 * c) / tot) : 0).padStart(3)}%  ${c}/${tot}`);
  }
  out.push("", `${r.testClasses.length} test classes, ${(elapsedMs / 1000).toFixed(1)}s`);
  out.push(`${r.results.length - failed.length} passed, ${failed.length} failed`);
  return out.join("\n");
}

export function jsonReport(r: SessionResult, units: CompilationUnit[], elapsedMs: number): string {
  const cov = computeCoverage(units, new Map(r.coverage.map(([f, l]) => [f, new Set(l)])));
  return JSON.stringify(
    {
      runtime: "local",
      elapsedMs,
      passed: r.results.filter((t) => t.passed).length,
      failed: r.results.filter((t) => !t.passed).length,
      results: r.results,
      coverage: cov,
      problems: r.problems,
    },
    null,
    2,
  );
}
