/**
 * Files that only work in pairs. `sf project convert source` silently drops a class without its -meta.xml
 * and packages a bundle without its js-meta.xml that then fails to deploy, so the gate checks them first.
 */
import { basename, dirname, join } from "node:path";
import { walk } from "./files";
import type { Finding } from "./gate";
import { objectPath } from "./metadata-inventory";
import type { Project } from "./project";
import { isCustomName } from "./standard-schema";

/** Source files and their meta files, both ways. */
const PAIRED = [".cls", ".trigger", ".page", ".component"];

const missing = (file: string, message: string): Finding => ({ file, line: 1, message, severity: "error" });

export function completenessFindings(project: Project, packageFiles: readonly string[]): Finding[] {
  const files = new Set(packageFiles);
  const findings: Finding[] = [];
  for (const file of packageFiles) {
    for (const ext of PAIRED) {
      if (file.endsWith(ext) && !files.has(`${file}-meta.xml`)) {
        findings.push(missing(file, `${basename(file)} has no ${basename(file)}-meta.xml`));
      }
      if (file.endsWith(`${ext}-meta.xml`) && !files.has(file.slice(0, -"-meta.xml".length))) {
        findings.push(missing(file, `${basename(file)} has no ${basename(file, "-meta.xml")}`));
      }
    }
  }
  findings.push(
    ...bundleFindings(
      join(project.root, "lwc-ts-src"),
      walk(join(project.root, "lwc-ts-src"), () => true),
      [".ts", ".html"],
    ),
  );
  findings.push(...bundleFindings(undefined, packageFiles, [".js", ".html"]));
  findings.push(...objectFindings(packageFiles, files));
  return findings;
}

/**
 * An LWC bundle is a folder holding `<folder>.<ext>` for one of `mainExts`; it needs `<folder>.js-meta.xml`.
 * With `root`, bundles are the root's direct sub-folders (lwc-ts-src/<bundle>/); without, `lwc/<bundle>/`.
 */
function bundleFindings(root: string | undefined, files: readonly string[], mainExts: string[]): Finding[] {
  const present = new Set(files);
  // Bundle folder -> its main file, which the finding points at.
  const bundles = new Map<string, string>();
  for (const file of files) {
    const folder = dirname(file);
    const isBundleFolder = root ? dirname(folder) === root : basename(dirname(folder)) === "lwc";
    if (isBundleFolder && mainExts.some((ext) => basename(file) === `${basename(folder)}${ext}`)) {
      bundles.set(folder, file);
    }
  }
  return [...bundles]
    .filter(([folder]) => !present.has(join(folder, `${basename(folder)}.js-meta.xml`)))
    .map(([folder, main]) => missing(main, `LWC bundle ${basename(folder)} has no ${basename(folder)}.js-meta.xml`));
}

/** Every custom object folder (objects/<Name>__c/ and the like) needs its <Name>.object-meta.xml. */
function objectFindings(packageFiles: readonly string[], files: Set<string>): Finding[] {
  // Object folder -> its first file, which the finding points at.
  const folders = new Map<string, string>();
  for (const file of packageFiles) {
    const inObject = objectPath(file);
    if (inObject && isCustomName(inObject.object) && !folders.has(inObject.folder)) folders.set(inObject.folder, file);
  }
  return [...folders]
    .filter(([folder]) => !files.has(join(folder, `${basename(folder)}.object-meta.xml`)))
    .map(([folder, first]) =>
      missing(first, `custom object ${basename(folder)} has no ${basename(folder)}.object-meta.xml`),
    );
}
