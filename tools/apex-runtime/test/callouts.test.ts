/**
 * Callouts outside tests: `callout:<Name>` → a local base URL on 127.0.0.1. The mock server runs in a child
 * process because a callout blocks this process's event loop (see src/lib/callout-transport.ts).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { harness } from "./harness";
import { loopbackProblem, namedCredentialBase } from "../src/lib/callout-config";

const SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    res.setHeader("Content-Type", "application/json");
    res.setHeader("X-Echo", req.headers["x-token"] || "");
    res.statusCode = req.url.includes("/missing") ? 404 : 200;
    res.end(JSON.stringify({ method: req.method, url: req.url, body }));
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

let server: ChildProcess;
let base = "";

before(async () => {
  server = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(server.stdout!, "data")) as [Buffer];
  base = `http://127.0.0.1:${chunk.toString().trim()}/api`;
});

after(() => {
  server.kill();
});

const CLIENT = `
public class Client {
  public static String call(String endpoint, String method, String body) {
    HttpRequest req = new HttpRequest();
    req.setEndpoint(endpoint);
    req.setMethod(method);
    req.setHeader('X-Token', 'abc');
    if (body != null) req.setBody(body);
    HttpResponse res = new Http().send(req);
    return res.getStatusCode() + ' ' + res.getHeader('X-Echo') + ' ' + res.getBody();
  }
  public static String callCaught(String endpoint) {
    try {
      return call(endpoint, 'GET', null);
    } catch (CalloutException e) {
      return 'CalloutException: ' + e.getMessage();
    }
  }
}`;

function preview(namedCredentials: Record<string, string> = {}) {
  return harness([CLIENT], { caseSensitiveStringEquals: false, outsideTests: true, namedCredentials });
}

test("callout:<Name> goes to the configured local base URL (option)", () => {
  const h = preview({ Orders_API: base });
  assert.equal(
    h.show("Client.call('callout:Orders_API/orders?x=1', 'POST', '{\"a\":1}')"),
    '200 abc {"method":"POST","url":"/api/orders?x=1","body":"{\\"a\\":1}"}',
  );
  assert.match(h.show("Client.call('callout:orders_api/missing', 'GET', null)"), /^404 abc /);
  assert.equal(h.show("Test.isRunningTest()"), "false");
});

test("callout:<Name> reads APEX_RUNTIME_CALLOUT_<NAME> from the environment", () => {
  process.env.APEX_RUNTIME_CALLOUT_BILLING_API = base;
  try {
    assert.match(preview().show("Client.call('callout:Billing_API/x', 'GET', null)"), /"url":"\/api\/x"/);
  } finally {
    delete process.env.APEX_RUNTIME_CALLOUT_BILLING_API;
  }
});

test("an unmapped Named Credential is a CalloutException naming it", () => {
  assert.match(
    preview().show("Client.callCaught('callout:Nowhere_API/x')"),
    /^CalloutException: Named Credential 'Nowhere_API' has no local mapping: set APEX_RUNTIME_CALLOUT_NOWHERE_API=/,
  );
});

test("non-loopback endpoints are refused", () => {
  const h = preview({ Remote: "https://example.com" });
  assert.match(h.show("Client.callCaught('callout:Remote/x')"), /^CalloutException: Callout refused .*loopback/);
  assert.match(h.show("Client.callCaught('https://10.0.0.1/x')"), /^CalloutException: Callout refused .*loopback/);
  assert.equal(loopbackProblem("http://localhost:1/x"), null);
  assert.equal(loopbackProblem("http://[::1]:1/x"), null);
  assert.notEqual(loopbackProblem("http://127.0.0.1.evil.com/x"), null);
  assert.notEqual(loopbackProblem("file:///etc/passwd"), null);
});

test("inside tests a callout without a mock still fails as on the platform", () => {
  const h = harness([CLIENT]);
  assert.match(h.show("Client.callCaught('callout:Orders_API/x')"), /TestMethod do not support Web service callouts/);
});

test("the credential mapping: option, then env, then callouts.json", () => {
  assert.equal(namedCredentialBase("a", { A: "http://127.0.0.1:1" }, {}), "http://127.0.0.1:1");
  assert.equal(
    namedCredentialBase("b_c", undefined, { APEX_RUNTIME_CALLOUT_B_C: "http://127.0.0.1:2" }),
    "http://127.0.0.1:2",
  );
  assert.equal(namedCredentialBase("none", undefined, { APEX_RUNTIME_CALLOUTS_FILE: "/nonexistent.json" }), null);
});
