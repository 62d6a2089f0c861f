/**
 * `npm test`: every offline gate in order, each as its own npm script so a developer can rerun one.
 * All gates run even after a failure, so one run shows everything that is wrong; the exit code is
 * non-zero when any gate failed. Ends with one summary line per gate and a total.
 */
import { spawnSync } from "node:child_process";

interface Gate {
  script: string;
  what: string;
}

const gates: Gate[] = [
  { script: "build", what: "TypeScript LWC build and LWC compiler check" },
  { script: "typecheck", what: "strict type-check, Apex import types generated" },
  { script: "lint", what: "ESLint" },
  { script: "format:check", what: "Prettier (TypeScript, LWC, Apex, XML)" },
  { script: "check:apex", what: "apex-ls semantic check" },
  { script: "scan:apex", what: "PMD security and best-practice rules" },
  { script: "check:metadata", what: "metadata well-formed, complete, consistent; source converts" },
  { script: "check:imports", what: "LWC Apex imports and callout Named Credentials resolve" },
  { script: "test:gates", what: "the gates fail on seeded defects" },
  { script: "test:unit", what: "LWC Jest tests with coverage" },
  { script: "test:apex-runtime", what: "local Apex runtime: engine unit, mutation and seeded-bug tests" },
  { script: "test:apex", what: "package Apex tests and conformance suite on the local Apex runtime" },
];

interface Outcome {
  gate: Gate;
  ok: boolean;
  seconds: number;
}

const outcomes: Outcome[] = [];
for (const gate of gates) {
  console.log(`\n=== ${gate.script}: ${gate.what}`);
  const started = performance.now();
  const run = spawnSync("npm", ["run", "--silent", gate.script], { stdio: "inherit" });
  outcomes.push({ gate, ok: run.status === 0, seconds: (performance.now() - started) / 1000 });
}

console.log("\n=== summary");
for (const { gate, ok, seconds } of outcomes) {
  console.log(`${ok ? "PASS" : "FAIL"}  ${gate.script.padEnd(15)} ${seconds.toFixed(1).padStart(6)} s  ${gate.what}`);
}
const failed = outcomes.filter((outcome) => !outcome.ok).length;
console.log(`gates: ${outcomes.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
