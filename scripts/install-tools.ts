/**
 * Installs the Salesforce CLI into tools/sf-cli with its own Node 22 (the CLI needs it; the project stays
 * on Node 20). Runs from the root package's postinstall, so `npm install` alone prepares everything.
 * Skipped when the installed tree already matches the lockfile.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const cliDir = join(import.meta.dirname, "..", "tools", "sf-cli");
const lock = join(cliDir, "package-lock.json");
const installedLock = join(cliDir, "node_modules", ".package-lock.json");

interface Lockfile {
  packages: Record<string, { version?: string }>;
}

const readLock = (path: string): Lockfile => JSON.parse(readFileSync(path, "utf8")) as Lockfile;

function installedMatchesLock(): boolean {
  if (!existsSync(installedLock)) return false;
  const wanted = readLock(lock).packages;
  const have = readLock(installedLock).packages;
  return Object.entries(wanted).every(([path, pkg]) => path === "" || have[path]?.version === pkg.version);
}

if (installedMatchesLock()) {
  console.log("tools/sf-cli: Salesforce CLI already installed");
} else {
  console.log("tools/sf-cli: installing the Salesforce CLI and its Node 22");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: cliDir, stdio: "inherit" });
}
