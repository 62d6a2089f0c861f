/**
 * The platform SObject catalog read from the sobject-types jar, cached as JSON in tools/apex-runtime/.cache
 * under a key made of the jar's path, size and modification time, so the jar is read once per install and
 * test workers only parse the cache. Objects are decoded one at a time, on first use.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeObject, encodeObject, type EncodedObject } from "./catalog-codec";
import { locateSObjectTypesJar } from "./locate-jar";
import { readSObjectTypes, type PlatformObject } from "./sobject-types";

/** Bump when sobject-types.ts or the codec changes what is cached, so stale entries are never read. */
export const CATALOG_VERSION = 2;

export const CATALOG_CACHE_DIR = join(__dirname, "..", "..", "..", ".cache", "sobject-types");

export class PlatformCatalog {
  /** Object names in the jar, sorted. */
  readonly names: string[];
  private readonly decoded = new Map<string, PlatformObject>();

  constructor(private readonly encoded: Record<string, EncodedObject>) {
    this.names = Object.keys(encoded).sort();
  }

  get(name: string): PlatformObject | undefined {
    let o = this.decoded.get(name);
    if (!o && Object.hasOwn(this.encoded, name)) {
      o = decodeObject(name, this.encoded[name]);
      this.decoded.set(name, o);
    }
    return o;
  }
}

function cacheFile(jarPath: string): string {
  const { size, mtimeMs } = statSync(jarPath);
  const key = createHash("sha256").update(`v${CATALOG_VERSION}\0${jarPath}\0${size}\0${mtimeMs}`).digest("hex");
  return join(CATALOG_CACHE_DIR, `${key}.json`);
}

/** Reads the jar and writes the cache entry; a cache that cannot be written only costs the next run a re-read. */
function extract(jarPath: string, file: string): Record<string, EncodedObject> {
  const encoded: Record<string, EncodedObject> = {};
  for (const o of readSObjectTypes(jarPath)) encoded[o.name] = encodeObject(o);
  try {
    mkdirSync(CATALOG_CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(encoded));
    renameSync(tmp, file);
  } catch {
    // read-only checkout: keep the extracted catalog in memory only
  }
  return encoded;
}

const loaded = new Map<string, PlatformCatalog>();

/** The catalog of `jarPath` (default: the installed package's jar), loaded once per process. */
export function loadPlatformCatalog(jarPath: string = locateSObjectTypesJar()): PlatformCatalog {
  let catalog = loaded.get(jarPath);
  if (!catalog) {
    const file = cacheFile(jarPath);
    const encoded = existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, EncodedObject>)
      : extract(jarPath, file);
    catalog = new PlatformCatalog(encoded);
    loaded.set(jarPath, catalog);
  }
  return catalog;
}
