/**
 * Package versions of the Tandem 2GP managed package, for .github/workflows/package.yml and by hand:
 *   npx tsx scripts/package-version.ts init                 creates the package in the Dev Hub once and
 *                                                           records its alias in sfdx-project.json (commit it)
 *   npx tsx scripts/package-version.ts create               a beta version with code coverage (promotable)
 *   npx tsx scripts/package-version.ts promote --version V  promotes V (04t id or alias) to released and
 *                                                           writes its install links into README.md
 * Ancestry: the first version has no ancestor (nothing is released yet). Once a version is released, every
 * new one must name it, so `create` refuses to run until sfdx-project.json says "ancestorVersion": "HIGHEST".
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "./lib/project";
import { sfJson } from "./sf";

const PACKAGE = "Tandem";
const PROJECT_FILE = join(REPO_ROOT, "sfdx-project.json");
const README = join(REPO_ROOT, "README.md");

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { "dev-hub": { type: "string", default: "tandem-devhub" }, version: { type: "string" } },
});
const devHub = values["dev-hub"];

interface PackageDirectory {
  package?: string;
  ancestorVersion?: string;
  ancestorId?: string;
}
interface ProjectFile {
  packageDirectories: PackageDirectory[];
  packageAliases?: Record<string, string>;
}

const readProject = (): ProjectFile => JSON.parse(readFileSync(PROJECT_FILE, "utf8")) as ProjectFile;

function unwrap<T>(response: { ok: boolean; result?: T; message?: string }, what: string): T {
  if (!response.ok || response.result === undefined)
    throw new Error(`${what} failed: ${response.message ?? "no result"}`);
  return response.result;
}

function init(): void {
  if (readProject().packageAliases?.[PACKAGE]) {
    console.log(`${PACKAGE} already exists in the Dev Hub (alias in sfdx-project.json)`);
    return;
  }
  unwrap(
    sfJson([
      "package",
      "create",
      "--name",
      PACKAGE,
      "--package-type",
      "Managed",
      "--path",
      "force-app",
      "--target-dev-hub",
      devHub,
    ]),
    "package create",
  );
  console.log(`Created ${PACKAGE}; commit sfdx-project.json, which now holds its alias.`);
}

function assertAncestry(): void {
  const project = readProject();
  if (!project.packageAliases?.[PACKAGE]) throw new Error(`No package alias: run "package-version.ts init" first`);
  const released = unwrap(
    sfJson<unknown[]>(["package", "version", "list", "--packages", PACKAGE, "--released", "--target-dev-hub", devHub]),
    "package version list",
  );
  const directory = project.packageDirectories.find((dir) => dir.package === PACKAGE);
  const hasAncestor = Boolean(directory?.ancestorVersion ?? directory?.ancestorId);
  if (released.length > 0 && !hasAncestor) {
    throw new Error(
      `${released.length} released version(s) exist: set "ancestorVersion": "HIGHEST" for ${PACKAGE} in ` +
        "sfdx-project.json so subscribers can upgrade, and commit it",
    );
  }
  console.log(released.length === 0 ? "First release line: no ancestor." : "Ancestor: the highest released version.");
}

function create(): void {
  assertAncestry();
  const result = unwrap(
    sfJson<{ SubscriberPackageVersionId?: string; Status?: string }>([
      "package",
      "version",
      "create",
      "--package",
      PACKAGE,
      "--code-coverage",
      "--installation-key-bypass",
      "--wait",
      "90",
      "--target-dev-hub",
      devHub,
    ]),
    "package version create",
  );
  console.log(`Created ${result.SubscriberPackageVersionId} (${result.Status})`);
}

/** Replaces what stands between the README's install-links markers. */
export function installLinks(versionId: string): string {
  return [
    `Latest released version: \`${versionId}\`.`,
    "",
    `- Production: https://login.salesforce.com/packaging/installPackage.apexp?p0=${versionId}`,
    `- Sandbox: https://test.salesforce.com/packaging/installPackage.apexp?p0=${versionId}`,
    `- CLI: \`sf package install --package ${versionId} --target-org <alias> --wait 20 --security-type AdminsOnly\``,
  ].join("\n");
}

function promote(): void {
  const version = values.version;
  if (!version) throw new Error("--version is required: the 04t id or alias to promote");
  unwrap(
    sfJson(["package", "version", "promote", "--package", version, "--no-prompt", "--target-dev-hub", devHub]),
    "promote",
  );
  const versionId = version.startsWith("04t") ? version : readProject().packageAliases?.[version];
  if (!versionId)
    throw new Error(`Promoted ${version}, but its 04t id is not in packageAliases: update README by hand`);
  const readme = readFileSync(README, "utf8").replace(
    /(<!-- install-links:start -->\n)[\s\S]*?(\n<!-- install-links:end -->)/,
    `$1\n${installLinks(versionId)}\n$2`,
  );
  writeFileSync(README, readme);
  console.log(`Promoted ${versionId}; README.md install links updated (commit them).`);
}

const commands: Record<string, () => void> = { init, create, promote };
const command = commands[positionals[0] ?? ""];
if (!command) {
  console.error(`usage: npx tsx scripts/package-version.ts <${Object.keys(commands).join("|")}>`);
  process.exit(2);
}
try {
  command();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
