/**
 * What the project defines, by kind and lower-cased name, read from source-format file names: the targets
 * that permission sets, layouts, tabs and applications may name. Fields and record types are `object.name`.
 */
import { basename, dirname, join, sep } from "node:path";
import { walk } from "./files";
import type { Project } from "./project";

export type Kind =
  | "object"
  | "field"
  | "recordType"
  | "class"
  | "tab"
  | "customPermission"
  | "application"
  | "permissionSet"
  | "mutingPermissionSet"
  | "flexipage"
  | "page"
  | "flow"
  | "lwc";

const SUFFIXES: [suffix: string, kind: Kind][] = [
  [".cls", "class"],
  [".tab-meta.xml", "tab"],
  [".customPermission-meta.xml", "customPermission"],
  [".app-meta.xml", "application"],
  [".permissionset-meta.xml", "permissionSet"],
  [".mutingpermissionset-meta.xml", "mutingPermissionSet"],
  [".flexipage-meta.xml", "flexipage"],
  [".page", "page"],
  [".flow-meta.xml", "flow"],
];

export class Inventory {
  private readonly names = new Map<Kind, Set<string>>();

  add(kind: Kind, name: string): void {
    const set = this.names.get(kind) ?? new Set<string>();
    set.add(name.toLowerCase());
    this.names.set(kind, set);
  }

  has(kind: Kind, name: string): boolean {
    return this.names.get(kind)?.has(name.toLowerCase()) ?? false;
  }
}

/** Where a file sits inside objects/<Object>/: the object folder, the object and the sub-folder ("fields"). */
export function objectPath(file: string): { folder: string; object: string; subfolder: string } | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf("objects");
  if (at === -1 || at + 2 >= parts.length) return undefined;
  return { folder: parts.slice(0, at + 2).join(sep), object: parts[at + 1], subfolder: parts[at + 2] };
}

/** The project's definitions, from its package directories and lwc-ts-src. */
export function buildInventory(project: Project, packageFiles: readonly string[]): Inventory {
  const inventory = new Inventory();
  for (const file of packageFiles) {
    const name = basename(file);
    for (const [suffix, kind] of SUFFIXES) {
      if (name.endsWith(suffix)) inventory.add(kind, name.slice(0, -suffix.length));
    }
    // Any file in objects/<Object>/ defines the object: a standard object's folder may hold only custom fields.
    const inObject = objectPath(file);
    if (!inObject) continue;
    const { object, subfolder } = inObject;
    inventory.add("object", object);
    if (subfolder === "fields") inventory.add("field", `${object}.${name.replace(/\.field-meta\.xml$/, "")}`);
    if (subfolder === "recordTypes") {
      inventory.add("recordType", `${object}.${name.replace(/\.recordType-meta\.xml$/, "")}`);
    }
  }
  // LWC bundles: compiled ones in the package (lwc/<bundle>/), sources in lwc-ts-src/<bundle>/.
  for (const file of packageFiles) {
    if (basename(dirname(dirname(file))) === "lwc") inventory.add("lwc", basename(dirname(file)));
  }
  for (const file of walk(join(project.root, "lwc-ts-src"), (path) => path.endsWith(".js-meta.xml"))) {
    inventory.add("lwc", basename(file, ".js-meta.xml"));
  }
  return inventory;
}
