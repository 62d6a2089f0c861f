/** Java on the jars of @salesforce/code-analyzer-pmd-engine: apex-ls, PMD 7 and the AppExchange rules. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./project";
import { run, type RunResult } from "./process";

export const JAVA_LIB = join(REPO_ROOT, "node_modules", "@salesforce", "code-analyzer-pmd-engine", "dist", "java-lib");

/** Runs `java -cp <java-lib>/* <args>`; throws when Java or the jars are missing, so a gate never passes unrun. */
export function runJava(args: readonly string[], cwd?: string): RunResult {
  if (!existsSync(JAVA_LIB)) throw new Error(`${JAVA_LIB} not found: run npm install`);
  // C1 only: these JVMs live seconds, and C2 compilation roughly doubled their CPU time (measured: apex-ls 25 s
  // -> 10 s, PMD 28 s -> 12.5 s of CPU on 156 classes).
  const result = run("java", ["-XX:TieredStopAtLevel=1", "-cp", join(JAVA_LIB, "*"), ...args], { cwd });
  if (result.error) throw new Error(`java could not run: ${result.error.message}`);
  return result;
}
