/** Loads compilation units through a cache keyed by the hash of the source and the converter version. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CompilationUnit, SoqlQuery } from "./ast";

/** Bump when the AST shape or the converter changes, so stale cache entries are never read. */
export const AST_VERSION = 1;

export const CACHE_DIR = join(__dirname, "..", "..", ".cache", "ast");

export function hashSource(source: string): string {
  return createHash("sha256").update(`v${AST_VERSION}\0`).update(source).digest("hex");
}

/** Parses dynamic SOQL through the same file-hash cache, so warm runs never load the ANTLR parser. */
export function cachedQuery(text: string): { query: SoqlQuery; unsupported: string[]; errors: string[] } {
  const hash = hashSource("soql\0" + text);
  const file = join(CACHE_DIR, "soql", `${hash}.json`);
  if (existsSync(file))
    return JSON.parse(readFileSync(file, "utf8")) as { query: SoqlQuery; unsupported: string[]; errors: string[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the parser loads only on a cache miss
  const { parseQuery } = require("./parse") as typeof import("./parse");
  const r = parseQuery(text);
  mkdirSync(join(CACHE_DIR, "soql"), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(r));
  renameSync(tmp, file);
  return r;
}

export function loadUnit(file: string, useCache = true): CompilationUnit {
  const source = readFileSync(file, "utf8");
  const hash = hashSource(source);
  const cached = join(CACHE_DIR, hash.slice(0, 2), `${hash}.json`);
  if (useCache && existsSync(cached)) {
    const unit = JSON.parse(readFileSync(cached, "utf8")) as CompilationUnit;
    unit.file = file;
    return unit;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the parser loads only on a cache miss
  const { parseSource } = require("./parse") as typeof import("./parse");
  const unit = parseSource(file, source, hash);
  if (useCache) {
    mkdirSync(join(CACHE_DIR, hash.slice(0, 2)), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(unit));
    renameSync(tmp, cached);
  }
  return unit;
}
