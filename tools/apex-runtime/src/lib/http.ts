/**
 * Http, HttpRequest, HttpResponse. In tests a callout goes to the HttpCalloutMock given to Test.setMock;
 * without a mock it fails as on the platform. Counts the callout limit and refuses callouts after
 * uncommitted DML. Outside tests (`outsideTests` option, a local preview) see http-live.ts.
 */
import type { Interpreter } from "../interp/interpreter";
import { callObjectMethod } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { ApexList, ApexObject, Blob, NativeObject, type Value } from "../interp/values";
import { int, s, sOrNull } from "./args";
import { liveSend } from "./http-live";
import { STRING } from "../interp/types";

interface HttpState {
  [k: string]: unknown;
  method: string | null;
  endpoint: string | null;
  body: string | null;
  bodyBlob: Buffer | null;
  headers: Map<string, { name: string; value: string }>;
  status: string | null;
  statusCode: number;
  timeout: number;
}

function newState(): HttpState {
  return {
    method: null,
    endpoint: null,
    body: null,
    bodyBlob: null,
    headers: new Map(),
    status: null,
    statusCode: 0,
    timeout: 10000,
  };
}

function st(o: NativeObject): HttpState {
  return o.state as HttpState;
}

function setHeader(o: NativeObject, name: string, value: string): void {
  st(o).headers.set(name.toLowerCase(), { name, value });
}

export function newResponse(): NativeObject {
  return new NativeObject("HttpResponse", newState());
}

function send(ip: Interpreter, req: Value): Value {
  if (!(req instanceof NativeObject)) return ip.npe();
  const l = ip.tx.limits;
  if (ip.tx.pendingDml) {
    ip.throwApex("CalloutException", "You have uncommitted work pending. Please commit or rollback before calling out");
  }
  l.callouts++;
  if (l.callouts > 100) ip.throwApex("LimitException", `Too many callouts: ${l.callouts}`);
  const mock = ip.tx.calloutMock;
  if (!(mock instanceof ApexObject) && ip.options.outsideTests) return liveSend(ip, req, newResponse);
  if (!(mock instanceof ApexObject)) {
    return ip.throwApex("CalloutException", "Methods defined as TestMethod do not support Web service callouts");
  }
  const res = callObjectMethod(ip, mock, "respond", [req]);
  if (res === undefined) return ip.throwApex("CalloutException", "HttpCalloutMock.respond is not implemented");
  return res;
}

export function registerHttp(n: Natives): void {
  n.ctor("HttpRequest", () => new NativeObject("HttpRequest", newState()));
  n.ctor("HttpResponse", () => newResponse());
  n.ctor("Http", () => new NativeObject("Http", {}));
  n.methods<NativeObject>("http", { send: (ip, _h, a) => send(ip, a[0]) });
  const common = {
    getBody: (_ip: Interpreter, o: NativeObject) =>
      st(o).body ?? (st(o).bodyBlob ? st(o).bodyBlob!.toString("utf8") : o.className === "HttpResponse" ? "" : null),
    setBody: (ip: Interpreter, o: NativeObject, a: Value[]) => {
      st(o).body = sOrNull(a[0]);
      st(o).bodyBlob = null;
      return null;
    },
    getBodyAsBlob: (_ip: Interpreter, o: NativeObject) => {
      const x = st(o);
      return x.bodyBlob ? new Blob(x.bodyBlob) : x.body !== null ? new Blob(Buffer.from(x.body, "utf8")) : null;
    },
    setBodyAsBlob: (_ip: Interpreter, o: NativeObject, a: Value[]) => {
      st(o).bodyBlob = a[0] instanceof Blob ? a[0].bytes : null;
      st(o).body = null;
      return null;
    },
    setHeader: (ip: Interpreter, o: NativeObject, a: Value[]) => {
      setHeader(o, s(ip, a[0]), sOrNull(a[1]) ?? "");
      return null;
    },
    getHeader: (ip: Interpreter, o: NativeObject, a: Value[]) =>
      st(o).headers.get(s(ip, a[0]).toLowerCase())?.value ?? null,
    toString: (_ip: Interpreter, o: NativeObject) =>
      o.className === "HttpRequest"
        ? `System.HttpRequest[Endpoint=${st(o).endpoint}, Method=${st(o).method}]`
        : `System.HttpResponse[Status=${st(o).status}, StatusCode=${st(o).statusCode}]`,
  };
  n.methods<NativeObject>("httprequest", {
    ...common,
    setMethod: (ip, o, a) => {
      st(o).method = s(ip, a[0]);
      return null;
    },
    getMethod: (_ip, o) => st(o).method,
    setEndpoint: (ip, o, a) => {
      st(o).endpoint = s(ip, a[0]);
      return null;
    },
    getEndpoint: (_ip, o) => st(o).endpoint,
    setTimeout: (ip, o, a) => {
      st(o).timeout = int(ip, a[0]);
      return null;
    },
    setCompressed: () => null,
    getCompressed: () => false,
  });
  n.methods<NativeObject>("httpresponse", {
    ...common,
    setStatusCode: (ip, o, a) => {
      st(o).statusCode = int(ip, a[0]);
      return null;
    },
    getStatusCode: (_ip, o) => st(o).statusCode,
    setStatus: (ip, o, a) => {
      st(o).status = sOrNull(a[0]);
      return null;
    },
    getStatus: (_ip, o) => st(o).status,
    getHeaderKeys: (_ip, o) =>
      new ApexList(
        STRING,
        [...st(o).headers.values()].map((h) => h.name),
      ),
  });
}
