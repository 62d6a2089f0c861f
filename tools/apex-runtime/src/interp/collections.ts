/**
 * Set and Map keys. Apex hashes keys by value: Strings case-sensitively, Ids in 18-character form,
 * Decimals with their scale (1.1 and 1.10 differ), SObjects by field values, user objects by their
 * equals/hashCode when they define them and by identity otherwise.
 */
import { nativeIdentity } from "./native-identity";
import { asText } from "./text";
import type { Interpreter } from "./interpreter";
import * as invoke from "./invoke";
import * as ops from "./ops";
import type { RType } from "./types";
import * as runtimeTypes from "./runtime-types";
import * as values from "./values";
import type { KeyedEntry, Value } from "./values";
import { typeName } from "./types";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const {
  ApexDate,
  ApexDatetime,
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  Blob,
  Decimal,
  EnumValue,
  NativeObject,
  SObject,
  TypeValue,
} = values;
const { callObjectMethod } = invoke;
const { equals } = ops;
const { coerce } = runtimeTypes;
type ApexList = values.ApexList;
type ApexMap = values.ApexMap;
type ApexSet = values.ApexSet;

export function keyOf(ip: Interpreter, v: Value): string {
  if (v === null) return "n";
  switch (typeof v) {
    case "string":
      return "s:" + v;
    case "number":
      return "i:" + v;
    case "bigint":
      return "l:" + v;
    case "boolean":
      return v ? "b:1" : "b:0";
  }
  if (v instanceof ApexId) return "s:" + v.value;
  if (v instanceof Decimal) return "d:" + v.toString();
  if (v instanceof ApexDouble) return "f:" + v.v;
  if (v instanceof ApexDate) return "D:" + v.days;
  if (v instanceof ApexDatetime) return "T:" + v.ms;
  if (v instanceof ApexTime) return "t:" + v.ms;
  if (v instanceof EnumValue) return "e:" + v.type.fullName + "." + v.name;
  if (v instanceof Blob) return "B:" + v.bytes.toString("base64");
  if (v instanceof ApexList) return "L:[" + v.items.map((i) => keyOf(ip, i)).join(",") + "]";
  if (v instanceof ApexSet) return "S:{" + [...v.map.keys()].sort().join(",") + "}";
  if (v instanceof ApexMap)
    return (
      "M:{" +
      [...v.map.entries()]
        .map(([k, e]) => k + "=" + keyOf(ip, e.value))
        .sort()
        .join(",") +
      "}"
    );
  if (v instanceof SObject) {
    return (
      "o:" +
      v.type.toLowerCase() +
      "{" +
      [...v.fields.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, f]) => k + "=" + keyOf(ip, f))
        .join(",") +
      "}"
    );
  }
  if (v instanceof TypeValue) return "y:" + typeName(v.type).toLowerCase();
  if (v instanceof ApexObject) {
    if (v.cls.methods.has("hashcode") && v.cls.methods.has("equals")) {
      const h = callObjectMethod(ip, v, "hashcode", []);
      return "h:" + asText(h);
    }
    return "r:" + v.oid;
  }
  if (v instanceof NativeObject) {
    const id = nativeIdentity(v);
    return id === null ? "r:" + v.oid : "n:" + id;
  }
  return "x:" + String(v);
}

/** Finds the stored key for v in a keyed collection, honouring user equals() on hash collisions. */
function slot<T>(ip: Interpreter, map: Map<string, T>, v: Value, keyOfEntry: (e: T) => Value, ci = false): string {
  const k = ci && typeof v === "string" ? keyOf(ip, v.toLowerCase()) : keyOf(ip, v);
  if (!k.startsWith("h:")) return k;
  for (let i = 0; ; i++) {
    const kk = `${k}#${i}`;
    const e = map.get(kk);
    if (e === undefined || equals(ip, keyOfEntry(e), v)) return kk;
  }
}

/** How slot() reads the key of a stored Set element or Map entry (module-level: no closure per call). */
const element = (e: Value): Value => e;
const entryKey = (e: KeyedEntry): Value => e.key;

export function setAdd(ip: Interpreter, s: ApexSet, v: Value): boolean {
  v = coerce(v, s.elemType, ip.fail);
  const k = slot(ip, s.map, v, element);
  if (s.map.has(k)) return false;
  s.map.set(k, v);
  return true;
}

export function setHas(ip: Interpreter, s: ApexSet, v: Value): boolean {
  return s.map.has(slot(ip, s.map, coerce(v, s.elemType, ip.fail), element));
}

export function setRemove(ip: Interpreter, s: ApexSet, v: Value): boolean {
  return s.map.delete(slot(ip, s.map, coerce(v, s.elemType, ip.fail), element));
}

export function mapPut(ip: Interpreter, m: ApexMap, key: Value, value: Value): Value {
  key = coerce(key, m.keyType, ip.fail);
  value = coerce(value, m.valueType, ip.fail);
  const k = slot(ip, m.map, key, entryKey, m.ciKeys);
  const old = m.map.get(k);
  m.map.set(k, { key, value });
  return old ? old.value : null;
}

export function mapGet(ip: Interpreter, m: ApexMap, key: Value): Value {
  const e = m.map.get(slot(ip, m.map, coerce(key, m.keyType, ip.fail), entryKey, m.ciKeys));
  return e ? e.value : null;
}

export function mapHas(ip: Interpreter, m: ApexMap, key: Value): boolean {
  return m.map.has(slot(ip, m.map, coerce(key, m.keyType, ip.fail), entryKey, m.ciKeys));
}

export function mapRemove(ip: Interpreter, m: ApexMap, key: Value): Value {
  const k = slot(ip, m.map, coerce(key, m.keyType, ip.fail), entryKey, m.ciKeys);
  const e = m.map.get(k);
  m.map.delete(k);
  return e ? e.value : null;
}

export function newList(elem: RType, items: Value[] = []): ApexList {
  return new ApexList(elem, items);
}

export function listFrom(ip: Interpreter, elem: RType, items: Value[]): ApexList {
  return new ApexList(
    elem,
    items.map((i) => coerce(i, elem, ip.fail)),
  );
}

/** Iterates the values a for-each loop sees: List items, Set elements. */
export function iterate(ip: Interpreter, v: Value): Value[] {
  if (v === null) ip.npe();
  if (v instanceof ApexList) return v.items.slice();
  if (v instanceof ApexSet) return [...v.map.values()];
  if (v instanceof ApexObject) {
    const it = callObjectMethod(ip, v, "iterator", []);
    if (it instanceof ApexObject) {
      const out: Value[] = [];
      while (callObjectMethod(ip, it, "hasnext", []) === true) out.push(callObjectMethod(ip, it, "next", []) ?? null);
      return out;
    }
  }
  return ip.throwApex("TypeException", "value is not iterable");
}
