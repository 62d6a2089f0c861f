/**
 * Synchronous HTTP for Apex callouts. The interpreter is synchronous, and node's HTTP client is not, so a
 * callout runs `fetch` in a short-lived child node process (`spawnSync`): the request goes in as JSON on
 * stdin, the response comes back as JSON on stdout. This costs ~50 ms per callout, needs no worker or
 * SharedArrayBuffer plumbing, and a hung server is bounded by the request timeout.
 */
import { spawnSync } from "node:child_process";

export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  /** base64 */
  body: string | null;
  timeoutMs: number;
}

export interface WireResponse {
  statusCode: number;
  status: string;
  headers: [string, string][];
  /** base64 */
  body: string;
}

const SCRIPT = `
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", async () => {
  const r = JSON.parse(input);
  try {
    const res = await fetch(r.url, {
      method: r.method,
      headers: r.headers,
      body: r.body === null ? undefined : Buffer.from(r.body, "base64"),
      signal: AbortSignal.timeout(r.timeoutMs),
      redirect: "manual",
    });
    const body = Buffer.from(await res.arrayBuffer()).toString("base64");
    process.stdout.write(JSON.stringify({ ok: true, statusCode: res.status, status: res.statusText, headers: [...res.headers], body }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(e && e.cause ? e.cause : e) }));
  }
});
`;

/** Performs the request; returns the response or the transport error text. */
export function httpSync(req: WireRequest): WireResponse | { error: string } {
  const r = spawnSync(process.execPath, ["-e", SCRIPT], {
    input: JSON.stringify(req),
    encoding: "utf8",
    timeout: req.timeoutMs + 5000,
  });
  if (r.error) return { error: r.error.message };
  try {
    const out = JSON.parse(r.stdout) as ({ ok: true } & WireResponse) | { ok: false; error: string };
    return out.ok ? out : { error: out.error };
  } catch {
    return { error: `callout process failed: ${r.stderr.trim() || `exit ${String(r.status)}`}` };
  }
}
