/**
 * Smaller platform services: custom metadata and custom settings accessors, FeatureManagement,
 * Messaging (emails are recorded, never sent), RestContext/RestRequest/RestResponse, Test.setCreatedDate,
 * OrgLimits.
 */
import { asText } from "../interp/text";
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { mapPut } from "../interp/collections";
import {
  ApexDatetime,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  Blob,
  NativeObject,
  SObject,
  type Value,
} from "../interp/values";
import { OBJECT, STRING } from "../interp/types";
import { hasCustomPermission } from "../data/permissions";
import { int, s, sOrNull } from "./args";
import { callObjectMethod } from "../interp/invoke";

function records(ip: Interpreter, type: string): SObject[] {
  return [...ip.data.store.table(type).values()].map((row) =>
    ip.data.recordFromRow(ip.data.schema.get(type)!.name, row),
  );
}

/** `X__mdt.getAll()` / `getInstance(name)`, `X__c.getInstance()` / `getOrgDefaults()` / `getValues()`. */
export function sobjectStatic(ip: Interpreter, args: Value[], method: string): Value {
  const type = asText(args[0]);
  const schema = ip.data.schema.get(type);
  if (!schema) return ip.throwApex("TypeException", `Invalid type: ${type}`);
  if (schema.kind === "metadata") {
    const all = records(ip, schema.name);
    if (method === "getall") {
      const m = new ApexMap(STRING, { k: "sobject", name: schema.name });
      for (const r of all) mapPut(ip, m, r.fields.get("developername") ?? null, r);
      return m;
    }
    if (method === "getinstance") {
      const name = s(ip, args[1]).toLowerCase();
      return all.find((r) => asText(r.fields.get("developername")).toLowerCase() === name) ?? null;
    }
  }
  if (schema.kind === "setting") {
    const all = records(ip, schema.name);
    const org = all.find((r) => String((r.fields.get("setupownerid") as ApexId | null)?.value ?? "").startsWith("00D"));
    if (method === "getorgdefaults") return org ?? ip.data.newSObject(ip, schema.name);
    if (method === "getinstance" || method === "getvalues") {
      const owner =
        args.length > 1 && args[1] !== null
          ? asText(args[1] instanceof ApexId ? args[1].value : args[1])
          : ip.data.runningUserId(ip);
      const own = all.find((r) => (r.fields.get("setupownerid") as ApexId | null)?.value === owner);
      if (method === "getvalues") return own ?? null;
      return own ?? org ?? ip.data.newSObject(ip, schema.name);
    }
    if (method === "getall") {
      const m = new ApexMap(STRING, { k: "sobject", name: schema.name });
      for (const r of all) mapPut(ip, m, r.fields.get("name") ?? null, r);
      return m;
    }
  }
  return ip.throwApex("TypeException", `Method does not exist: ${schema.name}.${method}`);
}

const ORG_LIMITS: [string, number][] = [["DailyAsyncApexExecutions", 250000]];

function orgLimit(name: string, limit: number): NativeObject {
  return new NativeObject("OrgLimit", { name, limit, value: 0 });
}

export function registerPlatform(n: Natives): void {
  n.static("sobjectstatic", {
    getAll: (ip, a) => sobjectStatic(ip, a, "getall"),
    getInstance: (ip, a) => sobjectStatic(ip, a, "getinstance"),
    getOrgDefaults: (ip, a) => sobjectStatic(ip, a, "getorgdefaults"),
    getValues: (ip, a) => sobjectStatic(ip, a, "getvalues"),
  });
  const connect = (ip: Interpreter): Value =>
    ip.throwApex(
      "UnexpectedException",
      "unsupported: ConnectApi.NamedCredentials is not available in the local runtime",
    );
  n.static("ConnectApi.NamedCredentials", {
    getCredential: connect,
    createCredential: connect,
    updateCredential: connect,
    deleteCredential: connect,
  });
  // Platform cache: the package's partition has no allocated capacity, so every get misses and puts are dropped
  const partition = (ip: Interpreter, a: Value[]) => new NativeObject("Cache.Partition", { name: s(ip, a[0]) });
  n.static("Cache.Org", {
    getPartition: partition,
    get: () => null,
    put: () => null,
    contains: () => false,
    remove: () => false,
  });
  n.static("Cache.Session", {
    getPartition: partition,
    get: () => null,
    put: () => null,
    contains: () => false,
    remove: () => false,
  });
  n.methods<NativeObject>("cache.partition", {
    get: () => null,
    put: () => null,
    contains: () => false,
    remove: () => false,
    getCapacity: () => 0,
  });
  // System.Version and Test.testInstall (InstallHandler)
  n.ctor("Version", (ip, a) => new NativeObject("Version", { parts: a.map((v) => int(ip, v)) }));
  const vparts = (v: NativeObject) => v.state.parts as number[];
  n.methods<NativeObject>("version", {
    major: (_ip, v) => vparts(v)[0],
    minor: (_ip, v) => vparts(v)[1],
    patch: (_ip, v) => vparts(v)[2] ?? null,
    compareTo: (_ip, v, a) => {
      const o = vparts(a[0] as NativeObject);
      const me = vparts(v);
      for (let i = 0; i < 3; i++) {
        const d = (me[i] ?? 0) - (o[i] ?? 0);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      return 0;
    },
    toString: (_ip: Interpreter, v: NativeObject) => vparts(v).join("."),
  });
  n.static("Test", {
    testInstall: (ip, a) => {
      const handler = a[0];
      if (!(handler instanceof ApexObject)) return ip.npe();
      const ctx = new NativeObject("InstallContext", { previous: a[1] ?? null, push: a[2] === true });
      callObjectMethod(ip, handler, "oninstall", [ctx]);
      return null;
    },
    testUninstall: (ip, a) => {
      const handler = a[0];
      if (!(handler instanceof ApexObject)) return ip.npe();
      callObjectMethod(ip, handler, "onuninstall", [new NativeObject("UninstallContext", {})]);
      return null;
    },
  });
  n.methods<NativeObject>("installcontext", {
    organizationId: (ip) => new ApexId([...ip.data.store.table("organization").keys()][0]),
    installerId: (ip) => new ApexId(ip.data.runningUserId(ip)),
    isUpgrade: (_ip, c) => c.state.previous !== null,
    isPush: (_ip, c) => c.state.push === true,
    previousVersion: (_ip, c) => (c.state.previous as Value) ?? null,
  });
  n.methods<NativeObject>("uninstallcontext", {
    organizationId: (ip) => new ApexId([...ip.data.store.table("organization").keys()][0]),
    uninstallerId: (ip) => new ApexId(ip.data.runningUserId(ip)),
  });
  // EventBus: events are recorded on the transaction (after-insert triggers on events are not fired yet)
  n.static("EventBus", {
    publish: (ip, a) => {
      const single = !(a[0] instanceof ApexList);
      const events = a[0] instanceof ApexList ? a[0].items : [a[0]];
      ip.tx.limits.publishImmediateDml++;
      const results = events.map((e) => {
        if (e instanceof SObject) ip.tx.published.push(e);
        return new NativeObject("Database.SaveResult", { r: { success: true, id: null, created: true, errors: [] } });
      });
      return single ? results[0] : new ApexList({ k: "native", name: "Database.SaveResult" }, results);
    },
  });
  // OrgLimits: a local org has no daily usage; the one limit reported is the documented minimum allocation
  // of DailyAsyncApexExecutions (Apex Reference > OrgLimits Class)
  n.static("OrgLimits", {
    getAll: () =>
      new ApexList(
        { k: "native", name: "OrgLimit" },
        ORG_LIMITS.map(([name, max]) => orgLimit(name, max)),
      ),
    getMap: (ip) => {
      const m = new ApexMap(STRING, { k: "native", name: "OrgLimit" });
      for (const [name, max] of ORG_LIMITS) mapPut(ip, m, name, orgLimit(name, max));
      return m;
    },
  });
  n.methods<NativeObject>("orglimit", {
    getName: (_ip, l) => l.state.name as string,
    getLimit: (_ip, l) => l.state.limit as number,
    getValue: (_ip, l) => l.state.value as number,
  });
  n.static("FeatureManagement", {
    checkPermission: (ip, a) => hasCustomPermission(ip, s(ip, a[0])),
    checkPackageBooleanValue: () => false,
    checkPackageIntegerValue: () => 0,
    setPackageBooleanValue: () => null,
    setPackageIntegerValue: () => null,
  });

  const email = (cls: string) => () => new NativeObject(cls, { fields: new Map<string, Value>() });
  n.ctor("Messaging.SingleEmailMessage", email("Messaging.SingleEmailMessage"));
  n.methods<NativeObject>("messaging.singleemailmessage", {
    "prop:*": (_ip, e, a) => (e.state.fields as Map<string, Value>).get(asText(a[0]).toLowerCase()) ?? null,
  });
  const setters = [
    "ToAddresses",
    "CcAddresses",
    "BccAddresses",
    "Subject",
    "PlainTextBody",
    "HtmlBody",
    "SaveAsActivity",
    "TargetObjectId",
    "WhatId",
    "SenderDisplayName",
    "ReplyTo",
    "OrgWideEmailAddressId",
    "UseSignature",
    "TemplateId",
    "Charset",
  ];
  const methods: Record<string, (ip: Interpreter, e: NativeObject, a: Value[]) => Value> = {};
  for (const f of setters) {
    methods["set" + f] = (_ip, e, a) => {
      (e.state.fields as Map<string, Value>).set(f.toLowerCase(), a[0]);
      return null;
    };
    methods["get" + f] = (_ip, e) => (e.state.fields as Map<string, Value>).get(f.toLowerCase()) ?? null;
  }
  n.methods<NativeObject>("messaging.singleemailmessage", methods);
  n.static("Messaging", {
    sendEmail: (ip, a) => {
      const l = ip.tx.limits;
      l.emailInvocations++;
      if (l.emailInvocations > 10) ip.throwApex("LimitException", `Too many Email Invocations: ${l.emailInvocations}`);
      const list = a[0] instanceof ApexList ? a[0].items : [a[0]];
      ip.data.sentEmails.push(...list);
      return new ApexList(
        { k: "native", name: "Messaging.SendEmailResult" },
        list.map(() => new NativeObject("Messaging.SendEmailResult", {})),
      );
    },
    reserveSingleEmailCapacity: () => null,
  });
  n.methods<NativeObject>("messaging.sendemailresult", {
    isSuccess: () => true,
    getErrors: () => new ApexList(OBJECT),
  });

  // RestContext: static request/response slots, plain field holders
  const holder = (cls: string) => () =>
    new NativeObject(cls, {
      fields: new Map<string, Value>([
        ["headers", new ApexMap(STRING, STRING)],
        ["params", new ApexMap(STRING, STRING)],
        ["addheader", null],
      ]),
    });
  n.ctor("RestRequest", holder("RestRequest"));
  n.ctor("RestResponse", holder("RestResponse"));
  for (const cls of ["restrequest", "restresponse"]) {
    n.methods<NativeObject>(cls, {
      "prop:*": (_ip, o, a) => (o.state.fields as Map<string, Value>).get(asText(a[0]).toLowerCase()) ?? null,
      "set:*": (_ip, o, a) => {
        (o.state.fields as Map<string, Value>).set(asText(a[0]).toLowerCase(), a[1]);
        return null;
      },
      addHeader: (ip, o, a) => {
        mapPut(ip, (o.state.fields as Map<string, Value>).get("headers") as ApexMap, a[0], a[1]);
        return null;
      },
    });
  }
  n.staticProp("RestContext", {
    request: (ip) => ip.data.restContext.request,
    response: (ip) => ip.data.restContext.response,
  });
  n.static("RestContext", {
    "set:request": (ip, a) => {
      ip.data.restContext.request = a[0];
      return null;
    },
    "set:response": (ip, a) => {
      ip.data.restContext.response = a[0];
      return null;
    },
  });

  n.static("Test", {
    setCreatedDate: (ip, a) => {
      const id = a[0] instanceof ApexId ? a[0].value : s(ip, a[0]);
      const found = ip.data.store.find(id);
      if (found && a[1] instanceof ApexDatetime) found.row.set("createddate", a[1]);
      return null;
    },
  });
  void Blob;
  void sOrNull;
}
