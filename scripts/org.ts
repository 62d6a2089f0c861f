/**
 * Scratch-org workflow, the same steps for a developer and for .github/workflows/scratch-org.yml:
 *   npx tsx scripts/org.ts auth-devhub                     Dev Hub login from DEVHUB_SFDX_AUTH_URL, or
 *                                                          DEVHUB_JWT_KEY + DEVHUB_CLIENT_ID + DEVHUB_USERNAME
 *   npx tsx scripts/org.ts create --alias A [--description D] [--days N]
 *   npx tsx scripts/org.ts deploy --alias A                builds the LWC first: the bundles are generated
 *   npx tsx scripts/org.ts assign --alias A                the three Tandem permission sets
 *   npx tsx scripts/org.ts test   --alias A [--output-dir D]
 *   npx tsx scripts/org.ts delete --alias A
 * --dev-hub names the Dev Hub alias (default: tandem-devhub, the alias auth-devhub sets).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const SF_SCRIPT = join(import.meta.dirname, "sf.ts");
const DEFAULT_DEV_HUB = "tandem-devhub";
const PERMISSION_SETS = ["Tandem_Admin", "Tandem_User", "Tandem_Integration"];
/** Scratch orgs created by Tandem's tooling carry this marker, so leaked ones can be found and deleted. */
export const SCRATCH_MARKER = "tandem-scratch";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    alias: { type: "string" },
    "dev-hub": { type: "string", default: DEFAULT_DEV_HUB },
    description: { type: "string", default: "developer org" },
    days: { type: "string", default: "1" },
    "output-dir": { type: "string", default: ".build/apex-results" },
  },
});

/** Runs sf with its output live (deploys and test runs take minutes) and stops the script when it fails. */
function sfOrFail(args: string[]): void {
  console.log(`$ sf ${args.join(" ")}`);
  const child = spawnSync(process.execPath, ["--import", "tsx", SF_SCRIPT, ...args], { stdio: "inherit" });
  if (child.status !== 0) {
    console.error(`sf ${args.slice(0, 2).join(" ")} failed with exit code ${child.status}`);
    process.exit(child.status ?? 1);
  }
}

function requireAlias(): string {
  if (!values.alias) throw new Error("--alias is required: the scratch org to act on");
  return values.alias;
}

/** Secrets go to a private temp file for the CLI and are removed right after, whatever happens. */
function withSecretFile(contents: string, use: (path: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "tandem-auth-"));
  const file = join(dir, "secret");
  try {
    writeFileSync(file, contents, { mode: 0o600 });
    use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function authDevHub(): void {
  const alias = values["dev-hub"];
  const { DEVHUB_SFDX_AUTH_URL: authUrl, DEVHUB_JWT_KEY: jwtKey } = process.env;
  const { DEVHUB_CLIENT_ID: clientId, DEVHUB_USERNAME: username } = process.env;
  if (authUrl) {
    withSecretFile(authUrl, (file) =>
      sfOrFail(["org", "login", "sfdx-url", "--sfdx-url-file", file, "--alias", alias, "--set-default-dev-hub"]),
    );
  } else if (jwtKey && clientId && username) {
    withSecretFile(jwtKey, (file) =>
      sfOrFail([
        "org",
        "login",
        "jwt",
        "--jwt-key-file",
        file,
        "--client-id",
        clientId,
        "--username",
        username,
        "--alias",
        alias,
        "--set-default-dev-hub",
      ]),
    );
  } else {
    throw new Error(
      "No Dev Hub credentials: set DEVHUB_SFDX_AUTH_URL, or DEVHUB_JWT_KEY with DEVHUB_CLIENT_ID and DEVHUB_USERNAME",
    );
  }
}

const commands: Record<string, () => void> = {
  "auth-devhub": authDevHub,
  create: () =>
    sfOrFail([
      "org",
      "create",
      "scratch",
      "--definition-file",
      "config/project-scratch-def.json",
      "--alias",
      requireAlias(),
      "--target-dev-hub",
      values["dev-hub"],
      "--duration-days",
      values.days,
      "--wait",
      "30",
      "--description",
      `${SCRATCH_MARKER}: ${values.description}`,
    ]),
  deploy: () => {
    const build = spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
    sfOrFail([
      "project",
      "deploy",
      "start",
      "--source-dir",
      "force-app",
      "--target-org",
      requireAlias(),
      "--wait",
      "60",
    ]);
  },
  assign: () =>
    sfOrFail([
      "org",
      "assign",
      "permset",
      ...PERMISSION_SETS.flatMap((name) => ["--name", name]),
      "--target-org",
      requireAlias(),
    ]),
  test: () =>
    sfOrFail([
      "apex",
      "run",
      "test",
      "--target-org",
      requireAlias(),
      "--test-level",
      "RunLocalTests",
      "--code-coverage",
      "--result-format",
      "human",
      "--output-dir",
      values["output-dir"],
      "--wait",
      "60",
    ]),
  delete: () => sfOrFail(["org", "delete", "scratch", "--target-org", requireAlias(), "--no-prompt"]),
};

const command = commands[positionals[0] ?? ""];
if (!command) {
  console.error(`usage: npx tsx scripts/org.ts <${Object.keys(commands).join("|")}> [--alias A]`);
  process.exit(2);
}
try {
  command();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
