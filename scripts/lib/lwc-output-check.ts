/**
 * Guards the emitted JavaScript: LWC only understands `@api`, `@track` and `@wire` written as decorators,
 * so any lowering (TypeScript's `__decorate`/`__esDecorate`, Babel's `_applyDecs`...) breaks the component;
 * and no source map may reach the package.
 */
import ts from "typescript";

const LWC_DECORATORS = new Set(["api", "track", "wire"]);

/** Helpers that TypeScript, Babel and swc emit when they rewrite decorators instead of keeping them. */
const DECORATOR_HELPERS =
  /\b(__decorate|__esDecorate|__runInitializers|__setFunctionName|__metadata|__param|_applyDecs\w*|_decorate|_initializerDefineProperty|_applyDecoratedDescriptor)\b/g;

const SOURCE_MAP = /[#@]\s*sourceMappingURL=/;

/** Counts `@api`, `@track`, `@wire(...)` decorators in real syntax, so comments and strings do not count. */
export function countLwcDecorators(code: string, fileName: string): number {
  const kind = fileName.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.ESNext, false, kind);
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isDecorator(node)) {
      const target = ts.isCallExpression(node.expression) ? node.expression.expression : node.expression;
      if (ts.isIdentifier(target) && LWC_DECORATORS.has(target.text)) count += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return count;
}

/** Problems with one emitted file, each naming it; empty when the output is fit for @lwc/compiler. */
export function checkEmittedOutput(fileName: string, source: string, emitted: string): string[] {
  const problems: string[] = [];
  const helpers = [...new Set(emitted.match(DECORATOR_HELPERS) ?? [])];
  if (helpers.length > 0) {
    problems.push(`${fileName}: decorators were rewritten into helper calls (${helpers.join(", ")})`);
  }
  const expected = countLwcDecorators(source, fileName);
  const kept = countLwcDecorators(emitted, fileName.replace(/\.ts$/, ".js"));
  if (kept < expected) {
    problems.push(`${fileName}: ${expected} @api/@track/@wire decorator(s) in the source but ${kept} in the output`);
  }
  if (SOURCE_MAP.test(emitted)) problems.push(`${fileName}: the output contains a sourceMappingURL`);
  return problems;
}
