/**
 * `npm run bench`: the project's performance figures, printed and kept in scripts/bench/results/.
 * - the field-mapping editor with 800 fields (jsdom; see field-mapper.bench.ts)
 * - the whole package Apex test suite on the local Apex runtime (wall time, the goal is < 30 s)
 * Figures depend on the machine's load: each result records the load average it was taken under.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

const RESULTS = join(import.meta.dirname, "results");

function runOrFail(command: string, args: string[]): string {
  const child = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(child.stdout);
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${child.status}`);
  }
  return child.stdout;
}

runOrFail("npm", ["run", "--silent", "bench:field-mapper"]);

const loadBefore = loadavg()[0];
const started = performance.now();
const output = runOrFail("npx", ["tsx", "tools/apex-runtime/src/cli.ts", "test"]);
const seconds = (performance.now() - started) / 1000;
const counts = /^(\d+) passed, (\d+) failed$/m.exec(output);
const apexSuite = {
  measuredAt: new Date().toISOString(),
  wallSeconds: Number(seconds.toFixed(1)),
  passed: Number(counts?.[1] ?? 0),
  failed: Number(counts?.[2] ?? 0),
  cores: cpus().length,
  loadAverageBefore: Number(loadBefore.toFixed(2)),
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, "apex-suite.json"), `${JSON.stringify(apexSuite, null, 2)}\n`);
console.log(`apex suite bench: ${JSON.stringify(apexSuite)}`);
