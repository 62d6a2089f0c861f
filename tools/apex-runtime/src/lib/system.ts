/** System and Assert statics, Exception methods, and methods every object has (equals, hashCode, toString). */
import { ApexThrow } from "../interp/errors";
import type { Interpreter } from "../interp/interpreter";
import { keyOf } from "../interp/collections";
import { construct } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { runtimeType, instanceOf } from "../interp/runtime-types";
import { exceptionTypeName, str } from "../interp/stringify";
import { typeName } from "../interp/types";
import { ApexDate, ApexDatetime, ApexList, ApexObject, EnumValue, TypeValue, type Value } from "../interp/values";
import { dmlErrorsOf } from "../data/dml";
import { int, s, sOrNull, strictEquals } from "./args";

function fail(ip: Interpreter, message: string): never {
  throw new ApexThrow(ip.newException("AssertException", message));
}

function msgPrefix(ip: Interpreter, m: Value | undefined): string {
  return m === undefined || m === null ? "" : `${str(ip, m)}: `;
}

function hash(ip: Interpreter, v: Value): number {
  const k = keyOf(ip, v);
  let h = 0;
  for (let i = 0; i < k.length; i++) h = (Math.imul(h, 31) + k.charCodeAt(i)) | 0;
  return h;
}

export function registerSystem(n: Natives): void {
  const assertEquals = (ip: Interpreter, a: Value[]) => {
    if (!strictEquals(ip, a[0], a[1]))
      fail(ip, `Assertion Failed: ${msgPrefix(ip, a[2])}Expected: ${str(ip, a[0])}, Actual: ${str(ip, a[1])}`);
    return null;
  };
  const assertNotEquals = (ip: Interpreter, a: Value[]) => {
    if (strictEquals(ip, a[0], a[1])) fail(ip, `Assertion Failed: ${msgPrefix(ip, a[2])}Same value: ${str(ip, a[0])}`);
    return null;
  };
  n.static("System", {
    assert: (ip, a) => {
      if (a[0] !== true)
        fail(ip, a.length > 1 && a[1] !== null ? `Assertion Failed: ${str(ip, a[1])}` : "Assertion Failed");
      return null;
    },
    assertEquals,
    assertNotEquals,
    debug: (ip, a) => {
      const level = a.length > 1 ? str(ip, a[0]) : "DEBUG";
      ip.debug(level, str(ip, a.length > 1 ? a[1] : a[0]));
      return null;
    },
    now: (ip) => new ApexDatetime(ip.data.clock()),
    today: (ip) => new ApexDate(Math.floor(ip.data.clock() / 86400000)),
    currentTimeMillis: (ip) => BigInt(ip.data.clock()),
    isBatch: () => false,
    isFuture: () => false,
    isScheduled: () => false,
    isQueueable: (ip) => ip.tx.runningQueueable,
    requestVersion: () => null,
  });
  n.static("Assert", {
    areEqual: (ip, a) => {
      if (!strictEquals(ip, a[0], a[1]))
        fail(ip, `Assertion Failed: ${msgPrefix(ip, a[2])}Expected: ${str(ip, a[0])}, Actual: ${str(ip, a[1])}`);
      return null;
    },
    areNotEqual: (ip, a) => {
      if (strictEquals(ip, a[0], a[1]))
        fail(ip, `Assertion Failed: ${msgPrefix(ip, a[2])}Expected: not ${str(ip, a[0])}, Actual: ${str(ip, a[1])}`);
      return null;
    },
    isTrue: (ip, a) => {
      if (a[0] !== true) fail(ip, `Assertion Failed: ${msgPrefix(ip, a[1])}Expected: true, Actual: ${str(ip, a[0])}`);
      return null;
    },
    isFalse: (ip, a) => {
      if (a[0] !== false) fail(ip, `Assertion Failed: ${msgPrefix(ip, a[1])}Expected: false, Actual: ${str(ip, a[0])}`);
      return null;
    },
    isNull: (ip, a) => {
      if (a[0] !== null) fail(ip, `Assertion Failed: ${msgPrefix(ip, a[1])}Expected: null, Actual: ${str(ip, a[0])}`);
      return null;
    },
    isNotNull: (ip, a) => {
      if (a[0] === null) fail(ip, `Assertion Failed: ${msgPrefix(ip, a[1])}Expected: not null, Actual: null`);
      return null;
    },
    fail: (ip, a) => fail(ip, `Assertion Failed${a.length && a[0] !== null ? ": " + str(ip, a[0]) : ""}`),
    isInstanceOfType: (ip, a) => {
      const t = (a[1] as TypeValue).type;
      if (!instanceOf(a[0], t))
        fail(
          ip,
          `Assertion Failed: ${msgPrefix(ip, a[2])}Expected: ${typeName(t)}, Actual: ${a[0] === null ? "null" : typeName(runtimeType(a[0]))}`,
        );
      return null;
    },
    isNotInstanceOfType: (ip, a) => {
      const t = (a[1] as TypeValue).type;
      if (instanceOf(a[0], t)) fail(ip, `Assertion Failed: ${msgPrefix(ip, a[2])}Expected: not ${typeName(t)}`);
      return null;
    },
  });

  n.methods<ApexObject>("exception", {
    getMessage: (_ip, e) => (e.native.message as string | null) ?? null,
    setMessage: (_ip, e, a) => {
      e.native.message = sOrNull(a[0]);
      return null;
    },
    getCause: (_ip, e) => (e.native.cause as ApexObject | null) ?? null,
    initCause: (_ip, e, a) => {
      e.native.cause = a[0];
      return null;
    },
    getTypeName: (_ip, e) => exceptionTypeName(e),
    getLineNumber: (_ip, e) => (e.native.line as number) ?? -1,
    getStackTraceString: (_ip, e) => (e.native.stack as string) ?? "",
    getNumDml: (_ip, e) => dmlErrorsOf(e).length,
    getDmlMessage: (ip, e, a) => dmlErrorsOf(e)[int(ip, a[0])]?.errors[0]?.message ?? null,
    getDmlStatusCode: (ip, e, a) => dmlErrorsOf(e)[int(ip, a[0])]?.errors[0]?.statusCode ?? null,
    getDmlIndex: (ip, e, a) => dmlErrorsOf(e)[int(ip, a[0])]?.index ?? null,
    getDmlId: (ip, e, a) => dmlErrorsOf(e)[int(ip, a[0])]?.id ?? null,
    getDmlFieldNames: (ip, e, a) =>
      new ApexList({ k: "prim", name: "String" }, dmlErrorsOf(e)[int(ip, a[0])]?.errors[0]?.fields ?? []),
    getDmlType: (ip, e, a) => {
      const code = dmlErrorsOf(e)[int(ip, a[0])]?.errors[0]?.statusCode;
      const en = ip.reg.types.get("statuscode");
      return code && en && "byName" in en ? (en.byName.get(code.toLowerCase()) ?? null) : null;
    },
  });

  n.methods<Value>("object", {
    equals: (ip, self, a) => strictEquals(ip, self, a[0]),
    hashCode: (ip, self) => hash(ip, self),
    toString: (ip: Interpreter, self: Value) => str(ip, self),
  });

  n.methods<EnumValue>("enum", {
    name: (_ip, e) => e.name,
    ordinal: (_ip, e) => e.ordinal,
    equals: (_ip, e, a) => e === a[0],
    hashCode: (_ip, e) => e.ordinal,
  });

  n.static("Type", {
    forName: (ip, a) => {
      const name = a.length > 1 ? (a[0] === null ? s(ip, a[1]) : `${s(ip, a[0])}.${s(ip, a[1])}`) : s(ip, a[0]);
      const t = ip.reg.resolve({ names: name.split("."), args: [] }, null);
      return t ? new TypeValue(t) : null;
    },
  });
  n.methods<TypeValue>("type", {
    getName: (_ip, t) => typeName(t.type),
    toString: (_ip: Interpreter, t: TypeValue) => typeName(t.type),
    equals: (ip, t, a) => a[0] instanceof TypeValue && typeName(a[0].type) === typeName(t.type),
    hashCode: (ip, t) => hash(ip, typeName(t.type)),
    newInstance: (ip, t) => {
      if (t.type.k === "class") return construct(ip, t.type.cls, [], 0);
      if (t.type.k === "sobject") return ip.data.newSObject(ip, t.type.name);
      if (t.type.k === "list") return new ApexList(t.type.elem);
      return ip.throwApex("TypeException", `Cannot instantiate ${typeName(t.type)}`);
    },
    isAssignableFrom: (ip, t, a) => {
      const o = a[0] as TypeValue;
      if (t.type.k === "class" && o.type.k === "class")
        return o.type.cls.isSubclassOf(t.type.cls) || o.type.cls.implementsType(t.type);
      if (t.type.k === "native" && o.type.k === "class") return o.type.cls.implementsType(t.type);
      return typeName(t.type) === typeName(o.type);
    },
  });
}
