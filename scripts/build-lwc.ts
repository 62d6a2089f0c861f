/**
 * `npm run build`: compiles lwc-ts-src/<bundle>/*.ts into LWC JavaScript in force-app/main/default/lwc/<bundle>/
 * and copies the templates, styles and metadata beside it. Every emitted file must pass the output check
 * (decorators kept, no source maps) and the real LWC compiler before anything is written.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleShapeErrors, findBundles } from "./lib/lwc-bundles";
import { lwcCompileErrors } from "./lib/lwc-compile-check";
import { checkEmittedOutput } from "./lib/lwc-output-check";
import { loadEmitOptions, transpileTs } from "./lib/lwc-transpile";

const ROOT = resolve(import.meta.dirname, "..");

export interface BuildOptions {
  srcDir: string;
  /** Cleaned first, so bundles removed from the sources vanish from the package. */
  outDir: string;
  /** Source of the emit options, the same file `tsc` type-checks with. */
  tsconfigPath: string;
}

export interface BuildResult {
  bundles: number;
  compiled: number;
  copied: number;
  errors: string[];
}

interface OutputFile {
  path: string;
  code: string;
}

/** Compiles and checks everything in memory, then writes only when there is no error. */
export function buildLwc({ srcDir, outDir, tsconfigPath }: BuildOptions): BuildResult {
  const options = loadEmitOptions(tsconfigPath);
  const bundles = findBundles(srcDir);
  const errors = bundles.flatMap(bundleShapeErrors);
  const outputs: OutputFile[] = [];
  const copies: string[] = [];

  for (const bundle of bundles) {
    for (const file of bundle.compiled) {
      const sourcePath = join(bundle.dir, file);
      const shown = relative(ROOT, sourcePath);
      const source = readFileSync(sourcePath, "utf8");
      const { code, errors: syntaxErrors } = transpileTs(source, shown, options);
      const problems = [...syntaxErrors, ...checkEmittedOutput(shown, source, code)];
      const jsFile = file.replace(/\.ts$/, ".js");
      // LWC errors on a rewritten file would only repeat the output check's finding.
      if (problems.length === 0) problems.push(...lwcCompileErrors(join(bundle.name, jsFile), code, bundle.name));
      errors.push(...problems);
      outputs.push({ path: join(bundle.name, jsFile), code });
    }
    for (const file of bundle.copied) {
      if (file.endsWith(".html") || file.endsWith(".css")) {
        const code = readFileSync(join(bundle.dir, file), "utf8");
        errors.push(...lwcCompileErrors(join(bundle.name, file), code, bundle.name));
      }
      copies.push(join(bundle.name, file));
    }
  }

  rmSync(outDir, { recursive: true, force: true });
  if (errors.length === 0) {
    for (const { path, code } of outputs) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), code);
    }
    for (const path of copies) cpSync(join(srcDir, path), join(outDir, path));
  }
  return { bundles: bundles.length, compiled: outputs.length, copied: copies.length, errors };
}

function main(): void {
  const started = performance.now();
  const outDir = join(ROOT, "force-app", "main", "default", "lwc");
  const result = buildLwc({ srcDir: join(ROOT, "lwc-ts-src"), outDir, tsconfigPath: join(ROOT, "tsconfig.json") });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  for (const error of result.errors) console.error(`  ${error}`);
  if (result.errors.length > 0) {
    console.error(
      `build-lwc: FAILED with ${result.errors.length} error(s) in ${result.bundles} bundle(s); nothing written`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(
    `build-lwc: ${result.bundles} bundle(s), ${result.compiled} .ts → .js, ${result.copied} file(s) copied, ` +
      `output check and @lwc/compiler passed in ${seconds} s → ${relative(ROOT, outDir)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
