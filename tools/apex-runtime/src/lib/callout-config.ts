/**
 * Where `callout:<Name>` endpoints go when Apex runs outside a test (a local preview). A Named Credential
 * maps to a local base URL, from (first match wins):
 *   1. the `namedCredentials` runtime option,
 *   2. the environment variable `APEX_RUNTIME_CALLOUT_<NAME>` (name upper-cased, non-alphanumerics → `_`),
 *   3. `tools/apex-runtime/callouts.json` (or the file named by `APEX_RUNTIME_CALLOUTS_FILE`):
 *      `{ "My_Credential": "http://127.0.0.1:8080/base" }` (names case-insensitive).
 * Only loopback hosts (127.0.0.0/8, ::1, localhost) are allowed: the runtime never calls the outside world.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DEFAULT_FILE = join(__dirname, "..", "..", "callouts.json");

export function envName(credential: string): string {
  return "APEX_RUNTIME_CALLOUT_" + credential.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

function fromFile(credential: string, env: NodeJS.ProcessEnv): string | null {
  const file = env.APEX_RUNTIME_CALLOUTS_FILE ?? DEFAULT_FILE;
  if (!existsSync(file)) return null;
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null) return null;
  for (const [k, v] of Object.entries(parsed)) {
    if (k.toLowerCase() === credential.toLowerCase() && typeof v === "string") return v;
  }
  return null;
}

/** The configured base URL of a Named Credential, or null when it has no mapping. */
export function namedCredentialBase(
  credential: string,
  option: Record<string, string> | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  for (const [k, v] of Object.entries(option ?? {})) if (k.toLowerCase() === credential.toLowerCase()) return v;
  return env[envName(credential)] ?? fromFile(credential, env);
}

/** Null when url is an http(s) URL on a loopback host, else the reason it is refused. */
export function loopbackProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `not a valid URL: ${url}`;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return `only http and https are supported: ${url}`;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return null;
  return `only loopback addresses (127.0.0.1, ::1, localhost) are allowed locally: ${url}`;
}

/** Splits `callout:Name/path?q` into the credential and the rest; null for other endpoints. */
export function splitCalloutEndpoint(endpoint: string): { credential: string; rest: string } | null {
  const m = /^callout:([^/?#]+)(.*)$/i.exec(endpoint);
  return m ? { credential: m[1], rest: m[2] } : null;
}
