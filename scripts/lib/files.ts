/** File-system helpers shared by the gates: walking source trees and naming files in findings. */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** Folders that never hold project sources: tool caches, dependencies and build output. */
const SKIPPED = new Set([
  "node_modules",
  ".git",
  ".sf",
  ".sfdx",
  ".build",
  ".localdevserver",
  ".jest-cache",
  "coverage",
]);

/** Every file under `dir` (recursively, sorted) whose path passes `keep`; a missing `dir` yields nothing. */
export function walk(dir: string, keep: (path: string) => boolean = () => true): string[] {
  const found: string[] = [];
  const visit = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) visit(path);
      } else if (entry.isFile() && keep(path)) {
        found.push(path);
      }
    }
  };
  visit(dir);
  return found.sort();
}

/** A path as findings show it: relative to where the command was run, so terminals and editors can open it. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || ".";
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) line++;
  }
  return line;
}
