/** List, Set and Map methods. */
import { iterate, mapGet, mapHas, mapPut, mapRemove, setAdd, setHas, setRemove } from "../interp/collections";
import { InternalError } from "../interp/errors";
import type { Interpreter } from "../interp/interpreter";
import { callObjectMethod } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { compareValues } from "../interp/ops";
import { coerce } from "../interp/runtime-types";
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, SObject, type Value } from "../interp/values";
import { int, strictEquals } from "./args";

function checkIndex(ip: Interpreter, l: ApexList, i: number, inclusive = false): void {
  if (i < 0 || i > l.items.length || (!inclusive && i === l.items.length))
    ip.throwApex("ListException", `List index out of bounds: ${i}`);
}

function sortCompare(ip: Interpreter, a: Value, b: Value): number {
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (a instanceof ApexObject) {
    const r = callObjectMethod(ip, a, "compareto", [b]);
    if (r === undefined) ip.throwApex("ListException", "One or more of the items in this list is not Comparable");
    return r as number;
  }
  if (a instanceof SObject && b instanceof SObject) {
    // SObjects sort by Name field, then by the other fields (Apex Developer Guide, "Sorting Lists of sObjects")
    const x = a.fields.get("name") ?? null;
    const y = b.fields.get("name") ?? null;
    return sortCompare(ip, x, y);
  }
  if (a instanceof EnumValue && b instanceof EnumValue) return a.ordinal - b.ordinal;
  const c = compareValues(ip, a, b);
  if (c === null) throw new InternalError("list.sort on incomparable values");
  // List.sort orders Strings case-sensitively (Unicode order), unlike the < operator
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return c;
}

export function registerCollections(n: Natives): void {
  n.methods<ApexList>("list", {
    add: (ip, l, a) => {
      if (a.length === 2) {
        const i = int(ip, a[0]);
        checkIndex(ip, l, i, true);
        l.items.splice(i, 0, coerce(a[1], l.elemType, ip.fail));
      } else l.items.push(coerce(a[0], l.elemType, ip.fail));
      return null;
    },
    addAll: (ip, l, a) => {
      for (const v of iterate(ip, a[0])) l.items.push(coerce(v, l.elemType, ip.fail));
      return null;
    },
    get: (ip, l, a) => {
      const i = int(ip, a[0]);
      checkIndex(ip, l, i);
      return l.items[i];
    },
    set: (ip, l, a) => {
      const i = int(ip, a[0]);
      checkIndex(ip, l, i);
      l.items[i] = coerce(a[1], l.elemType, ip.fail);
      return null;
    },
    remove: (ip, l, a) => {
      const i = int(ip, a[0]);
      checkIndex(ip, l, i);
      return l.items.splice(i, 1)[0];
    },
    size: (_ip, l) => l.items.length,
    isEmpty: (_ip, l) => l.items.length === 0,
    clear: (_ip, l) => {
      l.items.length = 0;
      return null;
    },
    contains: (ip, l, a) => l.items.some((v) => strictEquals(ip, v, a[0])),
    indexOf: (ip, l, a) => l.items.findIndex((v) => strictEquals(ip, v, a[0])),
    clone: (_ip, l) => new ApexList(l.elemType, l.items.slice()),
    deepClone: (ip, l) =>
      new ApexList(
        l.elemType,
        l.items.map((v) => (v instanceof SObject ? ip.data.cloneSObject(v, false) : v)),
      ),
    sort: (ip, l, a) => {
      const cmp = a[0];
      if (cmp instanceof ApexObject)
        l.items.sort((x, y) => (callObjectMethod(ip, cmp, "compare", [x, y]) as number) ?? 0);
      else l.items.sort((x, y) => sortCompare(ip, x, y));
      return null;
    },
    equals: (ip, l, a) =>
      a[0] instanceof ApexList &&
      l.items.length === a[0].items.length &&
      l.items.every((v, i) => strictEquals(ip, v, (a[0] as ApexList).items[i])),
    hashCode: (_ip, l) => l.items.length,
    iterator: (_ip, l) => {
      throw new InternalError(`List.iterator() is not supported yet (${l.items.length} items)`);
    },
    getSObjectType: (ip, l) =>
      l.elemType.k === "sobject" ? ip.data.sobjectStatic(ip, l.elemType.name, "SObjectType") : null,
  });

  n.methods<ApexSet>("set", {
    add: (ip, st, a) => setAdd(ip, st, a[0]),
    addAll: (ip, st, a) => {
      let changed = false;
      for (const v of iterate(ip, a[0])) changed = setAdd(ip, st, v) || changed;
      return changed;
    },
    contains: (ip, st, a) => setHas(ip, st, a[0]),
    containsAll: (ip, st, a) => iterate(ip, a[0]).every((v) => setHas(ip, st, v)),
    remove: (ip, st, a) => setRemove(ip, st, a[0]),
    removeAll: (ip, st, a) => {
      let changed = false;
      for (const v of iterate(ip, a[0])) changed = setRemove(ip, st, v) || changed;
      return changed;
    },
    retainAll: (ip, st, a) => {
      const keep = new ApexSet(st.elemType);
      for (const v of iterate(ip, a[0])) setAdd(ip, keep, v);
      let changed = false;
      for (const k of [...st.map.keys()]) {
        if (!keep.map.has(k)) {
          st.map.delete(k);
          changed = true;
        }
      }
      return changed;
    },
    size: (_ip, st) => st.map.size,
    isEmpty: (_ip, st) => st.map.size === 0,
    clear: (_ip, st) => {
      st.map.clear();
      return null;
    },
    clone: (ip, st) => {
      const c = new ApexSet(st.elemType);
      for (const v of st.map.values()) setAdd(ip, c, v);
      return c;
    },
    equals: (_ip, st, a) =>
      a[0] instanceof ApexSet &&
      a[0].map.size === st.map.size &&
      [...st.map.keys()].every((k) => (a[0] as ApexSet).map.has(k)),
    hashCode: (_ip, st) => st.map.size,
  });

  n.methods<ApexMap>("map", {
    put: (ip, m, a) => mapPut(ip, m, a[0], a[1]),
    putAll: (ip, m, a) => {
      const src = a[0];
      if (src instanceof ApexMap) for (const e of src.map.values()) mapPut(ip, m, e.key, e.value);
      else
        for (const so of iterate(ip, src))
          mapPut(ip, m, so instanceof SObject ? (so.fields.get("id") ?? null) : null, so);
      return null;
    },
    get: (ip, m, a) => mapGet(ip, m, a[0]),
    containsKey: (ip, m, a) => mapHas(ip, m, a[0]),
    remove: (ip, m, a) => mapRemove(ip, m, a[0]),
    keySet: (ip, m) => {
      const st = new ApexSet(m.keyType);
      for (const e of m.map.values()) setAdd(ip, st, e.key);
      return st;
    },
    values: (_ip, m) =>
      new ApexList(
        m.valueType,
        [...m.map.values()].map((e) => e.value),
      ),
    size: (_ip, m) => m.map.size,
    isEmpty: (_ip, m) => m.map.size === 0,
    clear: (_ip, m) => {
      m.map.clear();
      return null;
    },
    clone: (ip, m) => {
      const c = new ApexMap(m.keyType, m.valueType);
      for (const e of m.map.values()) mapPut(ip, c, e.key, e.value);
      return c;
    },
    deepClone: (ip, m) => {
      const c = new ApexMap(m.keyType, m.valueType);
      for (const e of m.map.values())
        mapPut(ip, c, e.key, e.value instanceof SObject ? ip.data.cloneSObject(e.value, false) : e.value);
      return c;
    },
    equals: (ip, m, a) => {
      const o = a[0];
      if (!(o instanceof ApexMap) || o.map.size !== m.map.size) return false;
      for (const [k, e] of m.map) {
        const oe = o.map.get(k);
        if (!oe || !strictEquals(ip, e.value, oe.value)) return false;
      }
      return true;
    },
    hashCode: (_ip, m) => m.map.size,
    getSObjectType: (ip, m) =>
      m.valueType.k === "sobject" ? ip.data.sobjectStatic(ip, m.valueType.name, "SObjectType") : null,
  });
}
