/**
 * First half of `npm run typecheck` (and of `npm run lint`): writes the declarations tsc needs into
 * lwc-ts-src/typings/generated/ (git-ignored):
 * - apex.d.ts from the Apex classes, so `import x from "@salesforce/apex/Class.method"` type-checks only when the
 *   method exists as static @AuraEnabled, with its parameters and return type;
 * - c-modules.d.ts, the `c/<bundle>` module of every bundle.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { emitApexDts, type ApexDts } from "./lib/lwc-apex-dts";
import { readApexFile } from "./lib/lwc-apex-model";
import { cModuleDeclarations } from "./lib/lwc-c-modules";

const ROOT = resolve(import.meta.dirname, "..");
const GENERATED = join(ROOT, "lwc-ts-src", "typings", "generated");
export const APEX_DTS = join(GENERATED, "apex.d.ts");
export const C_MODULES_DTS = join(GENERATED, "c-modules.d.ts");

/** Every .cls file under the given folders, sorted, so the output is stable. */
export function findApexClasses(dirs: string[]): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".cls")) found.push(path);
    }
  };
  dirs.forEach(visit);
  return found.sort();
}

export interface GeneratedApexTypes extends ApexDts {
  /** Syntax errors: a class that does not parse would silently lose its methods, so they fail the run. */
  errors: string[];
}

export function generateApexTypes(classFiles: string[], namespace: string): GeneratedApexTypes {
  const models = classFiles.map((file) => readApexFile(readFileSync(file, "utf8"), relative(ROOT, file)));
  return { ...emitApexDts(models, namespace), errors: models.flatMap((model) => model.errors) };
}

function main(): void {
  const project = JSON.parse(readFileSync(join(ROOT, "sfdx-project.json"), "utf8")) as {
    namespace?: string;
    packageDirectories: { path: string }[];
  };
  const files = findApexClasses(project.packageDirectories.map((dir) => join(ROOT, dir.path)));
  const result = generateApexTypes(files, project.namespace ?? "");
  for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
  for (const error of result.errors) console.error(`  ${error}`);
  if (result.errors.length > 0) {
    console.error(`generate-apex-types: FAILED, ${result.errors.length} Apex syntax error(s)`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(APEX_DTS, result.text);
  writeFileSync(C_MODULES_DTS, cModuleDeclarations(join(ROOT, "lwc-ts-src")));
  const modules = result.text.match(/^declare module /gm)?.length ?? 0;
  console.log(
    `generate-apex-types: ${files.length} class file(s), ${modules} Apex method module(s) → ${relative(ROOT, APEX_DTS)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
