/** Reads entries out of a jar (a zip archive) without Java: fflate inflates the ones a filter keeps. */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";

/** Entry path → uncompressed bytes, for the entries whose path `keep` accepts. */
export function readJarEntries(jarPath: string, keep: (entryPath: string) => boolean): Map<string, Uint8Array> {
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(readFileSync(jarPath), { filter: (file) => keep(file.name) });
  } catch (e) {
    throw new Error(`${jarPath}: cannot read the jar (${e instanceof Error ? e.message : String(e)})`);
  }
  return new Map(Object.entries(unzipped));
}
