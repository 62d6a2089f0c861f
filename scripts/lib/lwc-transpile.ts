/**
 * TypeScript → LWC JavaScript with the TypeScript API. The emit options come from the same tsconfig the
 * type-check uses, so the two cannot drift; the output check (lwc-output-check.ts) catches a tsconfig that
 * would make the emitted code unacceptable to the LWC compiler.
 */
import { dirname } from "node:path";
import ts from "typescript";

/** TS18003 "No inputs were found": irrelevant here, the build finds its own inputs. */
const NO_INPUTS = 18003;

export function loadEmitOptions(tsconfigPath: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  // Parsing the whole file (not just compilerOptions) follows `extends`, as tsc does.
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfigPath), undefined, tsconfigPath);
  const errors = parsed.errors.filter((d) => d.code !== NO_INPUTS);
  if (errors.length > 0) {
    throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  }
  // The type-check never emits; the build must, one file at a time, with no declarations.
  return { ...parsed.options, noEmit: false, declaration: false, declarationMap: false };
}

export interface Transpiled {
  code: string;
  /** Syntax errors; transpileModule does no type-checking (that is `npm run typecheck`). */
  errors: string[];
}

export function transpileTs(source: string, fileName: string, options: ts.CompilerOptions): Transpiled {
  const out = ts.transpileModule(source, { compilerOptions: options, fileName, reportDiagnostics: true });
  const errors = (out.diagnostics ?? []).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const at = where ? `:${where.line + 1}:${where.character + 1}` : "";
    return `${fileName}${at} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  return { code: out.outputText, errors };
}
