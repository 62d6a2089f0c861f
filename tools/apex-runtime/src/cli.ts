/**
 * Command line: `tsx tools/apex-runtime/src/cli.ts test [--path <dir>]... [--class <Name[.method]>]...
 * [--json] [--workers N] [--no-package] [--no-cache] [--no-coverage] [--mutate string-eq-case-sensitive]`
 */
import { cpus } from "node:os";
import { resolve } from "node:path";
import { loadProject } from "./runner/project";
import { runParallel } from "./runner/parallel";
import { consoleReport, jsonReport } from "./runner/report";
import { rootDir, type SessionRequest } from "./runner/session";

function usage(): never {
  process.stderr.write(
    "usage: apex test [--path <dir>]... [--class <Name>]... [--json] [--workers N] [--no-package] [--no-cache]\n",
  );
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] !== "test") usage();
  const paths: string[] = [];
  const classes: string[] = [];
  let json = false;
  let workers = Math.min(2, cpus().length);
  let includePackage = true;
  let useCache = true;
  let coverage = true;
  let mutate = process.env.APEX_RUNTIME_MUTATION ?? "";
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--path") paths.push(resolve(argv[++i] ?? usage()));
    else if (a === "--class") classes.push(argv[++i] ?? usage());
    else if (a === "--json") json = true;
    else if (a === "--workers") workers = Number(argv[++i] ?? usage());
    else if (a === "--no-package") includePackage = false;
    else if (a === "--no-cache") useCache = false;
    else if (a === "--no-coverage") coverage = false;
    else if (a === "--mutate") mutate = argv[++i] ?? usage();
    else usage();
  }
  const root = rootDir();
  const req: SessionRequest = {
    project: { root, paths, includePackage, useCache },
    classes,
    share: null,
    options: { caseSensitiveStringEquals: mutate === "string-eq-case-sensitive" },
  };
  const start = performance.now();
  const project = loadProject(req.project);
  const result = await runParallel(req, workers, project);
  const elapsed = performance.now() - start;
  const units = project.units;
  const report = (json ? jsonReport(result, units, elapsed) : consoleReport(result, units, elapsed, coverage)) + "\n";
  // A pipe takes 64 KB at once: wait until the report is flushed, or process.exit cuts it off.
  await new Promise<void>((done) => process.stdout.write(report, () => done()));
  return result.results.some((r) => !r.passed) || result.results.length === 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`apex runtime crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(3);
  },
);
