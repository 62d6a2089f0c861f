/**
 * Runs each emitted file through the real LWC compiler, as the platform will on deploy: it rejects bad
 * templates, unsupported decorators and invalid CSS offline.
 */
import { transformSync } from "@lwc/compiler";

/** @lwc/errors' DiagnosticLevel Fatal (0) and Error (1); Warning and Log do not fail the build. */
const FAILING_LEVELS = new Set<number>([0, 1]);

export function lwcCompileErrors(fileName: string, code: string, bundle: string): string[] {
  try {
    const result = transformSync(code, fileName, { namespace: "c", name: bundle });
    return (result.warnings ?? []).filter((w) => FAILING_LEVELS.has(w.level)).map((w) => `${fileName}: ${w.message}`);
  } catch (error) {
    return [`${fileName}: ${error instanceof Error ? error.message : String(error)}`];
  }
}
