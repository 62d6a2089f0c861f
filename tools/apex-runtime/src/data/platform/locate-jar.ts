/**
 * Finds apex-dev-tools' sobject-types jar inside the @salesforce/code-analyzer-pmd-engine devDependency
 * (`dist/java-lib/sobject-types-<version>.jar`). The package's caret range may bring a newer jar, so the
 * file is found by pattern and the highest version wins.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

export const SOBJECT_TYPES_PACKAGE = "@salesforce/code-analyzer-pmd-engine";
const JAR_DIR = join("dist", "java-lib");
const JAR_NAME = /^sobject-types-(\d+(?:\.\d+)*)\.jar$/;

function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The jar in the package folder `packageDir`, or a clear error naming the package and the path searched. */
export function sobjectTypesJarIn(packageDir: string): string {
  const dir = join(packageDir, JAR_DIR);
  const versions = existsSync(dir)
    ? readdirSync(dir)
        .map((name) => JAR_NAME.exec(name)?.[1])
        .filter((v): v is string => v !== undefined)
    : [];
  if (versions.length === 0) {
    throw new Error(
      `No sobject-types-*.jar in ${dir}: the standard-object schemas come from ${SOBJECT_TYPES_PACKAGE}; run npm install.`,
    );
  }
  const newest = versions.sort(compareVersions)[versions.length - 1];
  return join(dir, `sobject-types-${newest}.jar`);
}

/** The jar of the installed package. */
export function locateSObjectTypesJar(): string {
  let manifest: string;
  try {
    manifest = require.resolve(`${SOBJECT_TYPES_PACKAGE}/package.json`);
  } catch {
    throw new Error(
      `Cannot find ${SOBJECT_TYPES_PACKAGE} (a devDependency): the standard-object schemas come from its ${join(JAR_DIR, "sobject-types-*.jar")}; run npm install.`,
    );
  }
  return sobjectTypesJarIn(dirname(manifest));
}
