/** The sfdx project a gate looks at: its package directories and namespace, from sfdx-project.json. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { walk } from "./files";
import { plural } from "./gate";

/** The repository root: the default project of every gate, and home of node_modules and tools/. */
export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");

/** The project a gate checks: its one positional argument, or the repo root. */
export function projectDir(positionals: readonly string[]): string {
  if (positionals.length > 1) throw new Error(`expected at most one project directory, got: ${positionals.join(" ")}`);
  return resolve(positionals[0] ?? REPO_ROOT);
}

export interface Project {
  root: string;
  /** Absolute paths of the packageDirectories: the only sources that ship, so the only ones gated. */
  packageDirs: string[];
  /** The namespace prefix without `__`, or "" for an unnamespaced project. */
  namespace: string;
}

interface SfdxProjectJson {
  packageDirectories?: { path?: string }[];
  namespace?: string;
}

export function readProject(dir: string): Project {
  const root = resolve(dir);
  const file = join(root, "sfdx-project.json");
  if (!existsSync(file)) throw new Error(`${file} not found: not an sfdx project`);
  const json = JSON.parse(readFileSync(file, "utf8")) as SfdxProjectJson;
  const packageDirs = (json.packageDirectories ?? []).flatMap((entry) => (entry.path ? [join(root, entry.path)] : []));
  if (packageDirs.length === 0) throw new Error(`${file} lists no packageDirectories`);
  return { root, packageDirs, namespace: json.namespace ?? "" };
}

/** Every file under the project's package directories whose path passes `keep`. */
export function packageFiles(project: Project, keep: (path: string) => boolean): string[] {
  return project.packageDirs.flatMap((dir) => walk(dir, keep));
}

/** "42 classes and 1 trigger": the scope line of the gates that read Apex. */
export function apexScope(project: Project): string {
  const sources = packageFiles(project, (path) => /\.(cls|trigger)$/.test(path));
  const triggers = sources.filter((path) => path.endsWith(".trigger")).length;
  const classes = plural(sources.length - triggers, "class", "classes");
  return triggers > 0 ? `${classes} and ${plural(triggers, "trigger")}` : classes;
}
