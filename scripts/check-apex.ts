/**
 * `npm run check:apex [projectDir]`: the Apex semantic check, offline, by apex-ls (ApexDevTools'
 * CheckForIssues): syntax, unknown types, methods and SObject fields, against the platform types and the
 * project's own objects and fields. It reads only the sfdx-project.json packageDirectories.
 *
 * Policy: every apex-ls category fails the gate, warnings included (Syntax, Error, Missing and Warning).
 * apex-ls warnings are real defects the org compiler tolerates (conflicting modifiers, suspect overrides,
 * disallowed @AuraEnabled types) and the package starts with none, so "zero warnings" is cheap to keep.
 * Unused-code analysis (`-d unused`) is not run: it cannot see callers in LWC, Flow or REST.
 */
import { parseArgs } from "node:util";
import { isEntryPoint, runGate, type Finding, type GateResult } from "./lib/gate";
import { runJava } from "./lib/java";
import { apexScope, projectDir, readProject } from "./lib/project";

/** -n: no cache, so a result never depends on an earlier run; -d warnings: errors and warnings. */
const APEX_LS = ["io.github.apexdevtools.apexls.CheckForIssues", "-d", "warnings", "-n", "-f", "json"];

interface ApexLsReport {
  files: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

export function checkApex(dir: string): GateResult {
  const project = readProject(dir);
  const result = runJava([...APEX_LS, "-w", project.root]);
  if (result.status !== 0 && result.status !== 4) {
    throw new Error(`apex-ls exited with ${result.status}: ${result.stderr.trim() || result.stdout.trim()}`);
  }
  const findings: Finding[] = [];
  if (result.stdout.trim() !== "") {
    const report = JSON.parse(result.stdout) as ApexLsReport;
    for (const file of report.files) {
      for (const message of file.messages) {
        findings.push({
          file: file.path,
          line: message.start.line,
          message: `${message.category}: ${message.message}`,
          severity: "error",
        });
      }
    }
  }
  // Exit 4 with nothing listed would mean the output format changed: never pass on output we cannot read.
  if (result.status === 4 && findings.length === 0) {
    throw new Error(`apex-ls reported issues it did not list: ${result.stderr.trim()}`);
  }
  return { gate: "check:apex", findings, scope: apexScope(project) };
}

if (isEntryPoint(import.meta.url)) {
  runGate("check:apex", () => checkApex(projectDir(parseArgs({ allowPositionals: true }).positionals)));
}
