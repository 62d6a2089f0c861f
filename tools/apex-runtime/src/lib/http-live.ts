/**
 * A callout outside tests (local preview): `callout:<Name>` resolves to the Named Credential's configured local
 * base URL (see callout-config.ts); only loopback hosts are reachable; the call is made synchronously
 * (callout-transport.ts).
 */
import type { Interpreter } from "../interp/interpreter";
import { NativeObject } from "../interp/values";
import { loopbackProblem, namedCredentialBase, splitCalloutEndpoint, envName } from "./callout-config";
import { httpSync } from "./callout-transport";

interface ReqState {
  method: string | null;
  endpoint: string | null;
  body: string | null;
  bodyBlob: Buffer | null;
  headers: Map<string, { name: string; value: string }>;
  timeout: number;
}

/** Resolves the endpoint of a request to a loopback URL or throws CalloutException. */
export function resolveEndpoint(ip: Interpreter, endpoint: string | null): string {
  if (endpoint === null || endpoint === "") return ip.throwApex("CalloutException", "Endpoint URL is not set");
  const named = splitCalloutEndpoint(endpoint);
  let url = endpoint;
  if (named) {
    const base = namedCredentialBase(named.credential, ip.options.namedCredentials);
    if (base === null) {
      return ip.throwApex(
        "CalloutException",
        `Named Credential '${named.credential}' has no local mapping: set ${envName(named.credential)}=http://127.0.0.1:<port> or add it to tools/apex-runtime/callouts.json`,
      );
    }
    url = base.replace(/\/+$/, "") + named.rest;
  }
  const problem = loopbackProblem(url);
  if (problem) return ip.throwApex("CalloutException", `Callout refused by the local runtime: ${problem}`);
  return url;
}

export function liveSend(ip: Interpreter, req: NativeObject, response: () => NativeObject): NativeObject {
  const r = req.state as unknown as ReqState;
  const url = resolveEndpoint(ip, r.endpoint);
  const body = r.bodyBlob ?? (r.body !== null ? Buffer.from(r.body, "utf8") : null);
  const out = httpSync({
    method: (r.method ?? "GET").toUpperCase(),
    url,
    headers: [...r.headers.values()].map((h) => [h.name, h.value]),
    body: body ? body.toString("base64") : null,
    timeoutMs: r.timeout,
  });
  if ("error" in out) return ip.throwApex("CalloutException", `Callout to ${url} failed: ${out.error}`);
  const res = response();
  const st = res.state as unknown as ReqState & { status: string | null; statusCode: number };
  st.statusCode = out.statusCode;
  st.status = out.status;
  st.bodyBlob = Buffer.from(out.body, "base64");
  st.body = null;
  for (const [name, value] of out.headers) st.headers.set(name.toLowerCase(), { name, value });
  return res;
}
