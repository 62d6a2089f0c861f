/**
 * `npm run scan:apex [projectDir] [--sarif <file>]`: PMD 7 over the package's Apex with
 * scripts/pmd/tandem-apex-ruleset.xml (PMD security, the AppExchange security review rules and a curated
 * best-practice set). One JVM run of scripts/pmd/RunPmd.java, since no pmd-cli jar is available offline.
 *
 * Priority 1-2 violations and files PMD cannot parse fail the gate; priority 3-5 are printed as warnings.
 * The ruleset sets the priorities, so the policy lives in one reviewed file. Silence a false positive
 * in the code with `@SuppressWarnings('PMD.RuleName')` and a comment saying why.
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isEntryPoint, runGate, type Finding, type GateResult } from "./lib/gate";
import { runJava } from "./lib/java";
import { REPO_ROOT, apexScope, projectDir, readProject } from "./lib/project";

const RUNNER = join(REPO_ROOT, "scripts", "pmd", "RunPmd.java");
const RULESET = join(REPO_ROOT, "scripts", "pmd", "tandem-apex-ruleset.xml");

type RunnerLine =
  | { kind: "rules"; total: number; appExchange: number }
  | { kind: "violation"; file: string; line: number; rule: string; priority: number; message: string }
  | { kind: "error"; file: string; message: string };

export interface ScanResult extends GateResult {
  rulesLoaded: number;
  appExchangeRules: number;
}

export function scanApex(dir: string, sarifFile?: string): ScanResult {
  const project = readProject(dir);
  const sarif = sarifFile ? ["--sarif", resolve(sarifFile)] : [];
  const result = runJava([RUNNER, "--ruleset", RULESET, ...sarif, ...project.packageDirs]);
  if (result.status !== 0) throw new Error(`PMD exited with ${result.status}: ${result.stderr.trim()}`);
  // PMD's own warnings (a deprecated rule in the ruleset, say) are for whoever maintains the ruleset.
  if (result.stderr.trim() !== "") console.error(result.stderr.trimEnd());

  const lines = result.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as RunnerLine);
  const findings: Finding[] = [];
  let rules: { total: number; appExchange: number } | undefined;
  for (const line of lines) {
    if (line.kind === "rules") {
      rules = line;
    } else if (line.kind === "violation") {
      const severity = line.priority <= 2 ? "error" : "warning";
      findings.push({
        file: line.file,
        line: line.line,
        message: `${line.rule} (priority ${line.priority}): ${line.message}`,
        severity,
      });
    } else {
      findings.push({
        file: line.file,
        line: 1,
        message: `PMD could not analyse this file: ${line.message}`,
        severity: "error",
      });
    }
  }
  if (!rules) throw new Error(`PMD reported no rules loaded: ${result.stderr.trim()}`);
  // Some AppExchange rules report one violation per matching literal: show each place once.
  const unique = [...new Map(findings.map((f) => [`${f.file}:${f.line}:${f.message}`, f])).values()];
  unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const scope = `${apexScope(project)} (${rules.total} rules, ${rules.appExchange} of them AppExchange)`;
  return { gate: "scan:apex", findings: unique, scope, rulesLoaded: rules.total, appExchangeRules: rules.appExchange };
}

if (isEntryPoint(import.meta.url)) {
  runGate("scan:apex", () => {
    const { values, positionals } = parseArgs({ options: { sarif: { type: "string" } }, allowPositionals: true });
    return scanApex(projectDir(positionals), values.sarif);
  });
}
