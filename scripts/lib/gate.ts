/**
 * What every gate shares: findings, their `path:line: message` format, the closing summary line and the exit
 * code (0 clean, 1 findings that fail, 2 when the gate itself could not run).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { displayPath } from "./files";

/** error fails the gate; warning and note are printed and counted, and never fail it. */
export type Severity = "error" | "warning" | "note";

export interface Finding {
  /** Absolute path. */
  file: string;
  /** 1-based; 1 when the finding is about the whole file. */
  line: number;
  message: string;
  severity: Severity;
}

export interface GateResult {
  gate: string;
  findings: Finding[];
  /** What was checked, for the summary: "42 classes". */
  scope: string;
}

export const errors = (result: GateResult): Finding[] => result.findings.filter((f) => f.severity === "error");

export function formatFinding(finding: Finding): string {
  const where = `${displayPath(finding.file)}:${finding.line}`;
  return finding.severity === "error"
    ? `${where}: ${finding.message}`
    : `${where}: ${finding.severity}: ${finding.message}`;
}

/** "check:apex: 0 issues in 42 classes", with warnings and notes appended when there are any. */
export function summaryLine(result: GateResult): string {
  const count = (severity: Severity): number => result.findings.filter((f) => f.severity === severity).length;
  const issues = count("error");
  const extra = (["warning", "note"] as const)
    .map((severity) => [severity, count(severity)] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `, ${n} ${severity}${n === 1 ? "" : "s"}`)
    .join("");
  return `${result.gate}: ${issues} issue${issues === 1 ? "" : "s"} in ${result.scope}${extra}`;
}

/** True when the module with this import.meta.url is the script node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}

/** Runs a gate as a command: prints findings, then the summary, and sets the exit code. */
export function runGate(gate: string, check: () => GateResult): void {
  try {
    const result = check();
    for (const finding of result.findings) console.log(formatFinding(finding));
    console.log(summaryLine(result));
    process.exitCode = errors(result).length > 0 ? 1 : 0;
  } catch (error) {
    console.error(`${gate}: could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

/** "1 class", "42 classes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
