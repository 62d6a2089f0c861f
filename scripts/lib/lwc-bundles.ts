/** Finds the LWC bundles under lwc-ts-src and sorts their files into what is compiled, copied or skipped. */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** Folders under the source root that are not bundles. */
const NOT_BUNDLES = new Set(["typings", "node_modules"]);

const COPIED = [".html", ".css", ".svg", ".js-meta.xml"];

export interface Bundle {
  name: string;
  dir: string;
  /** Paths relative to the bundle folder. */
  compiled: string[];
  copied: string[];
  /** Files the build cannot place (a stray .js, a .json...): reported as errors. */
  unsupported: string[];
}

function isSkipped(name: string): boolean {
  return name === "__tests__" || name.endsWith(".test.ts") || name.endsWith(".d.ts") || name.startsWith(".");
}

function filesIn(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (isSkipped(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesIn(path, base) : [relative(base, path)];
  });
}

export function findBundles(srcDir: string): Bundle[] {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_BUNDLES.has(entry.name) && !isSkipped(entry.name))
    .map((entry) => {
      const dir = join(srcDir, entry.name);
      const files = filesIn(dir).sort();
      return {
        name: entry.name,
        dir,
        compiled: files.filter((file) => file.endsWith(".ts")),
        copied: files.filter((file) => COPIED.some((ext) => file.endsWith(ext))),
        unsupported: files.filter((file) => !file.endsWith(".ts") && !COPIED.some((ext) => file.endsWith(ext))),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A bundle must have its entry module and its metadata, or the platform rejects it on deploy. */
export function bundleShapeErrors(bundle: Bundle): string[] {
  const errors: string[] = [];
  if (!bundle.compiled.includes(`${bundle.name}.ts`)) errors.push(`${bundle.name}: missing ${bundle.name}.ts`);
  if (!bundle.copied.includes(`${bundle.name}.js-meta.xml`)) {
    errors.push(`${bundle.name}: missing ${bundle.name}.js-meta.xml`);
  }
  for (const file of bundle.unsupported) {
    errors.push(
      `${bundle.name}/${file}: not a .ts, .html, .css, .svg or .js-meta.xml file; write components in TypeScript`,
    );
  }
  return errors;
}
