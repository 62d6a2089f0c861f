/** Security.stripInaccessible and JSONGenerator. */
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { mapPut, setAdd } from "../interp/collections";
import { ApexList, ApexMap, ApexSet, EnumValue, NativeObject, SObject, type Value } from "../interp/values";
import { STRING } from "../interp/types";
import { hasFieldAccess, hasObjectAccess } from "../data/permissions";
import { serialize } from "./json";
import { s } from "./args";

function strip(
  ip: Interpreter,
  access: string,
  records: SObject[],
): { records: SObject[]; removed: Map<string, Set<string>> } {
  const removed = new Map<string, Set<string>>();
  const mode = access === "READABLE" ? "read" : "edit";
  const out = records.map((r) => {
    const c = ip.data.cloneSObject(r, true);
    const schema = ip.data.schema.get(r.type);
    if (!schema) return c;
    const objectOk = hasObjectAccess(
      ip,
      schema.name,
      access === "READABLE" ? "read" : access === "CREATABLE" ? "create" : "edit",
    );
    for (const k of [...c.fields.keys()]) {
      if (k === "id") continue;
      const f = schema.fields.get(k);
      if (!f) continue;
      const ok =
        objectOk &&
        hasFieldAccess(ip, schema.name, f.name, mode) &&
        (mode === "read" || !(f.system || f.type === "Formula" || f.type === "AutoNumber"));
      if (!ok) {
        c.fields.delete(k);
        let set = removed.get(schema.name);
        if (!set) removed.set(schema.name, (set = new Set<string>()));
        set.add(f.name);
      }
    }
    return c;
  });
  return { records: out, removed };
}

export function registerSecurity(n: Natives): void {
  n.static("Security", {
    stripInaccessible: (ip, a) => {
      const access = a[0] instanceof EnumValue ? a[0].name : "READABLE";
      const list = a[1] instanceof ApexList ? a[1] : ip.npe();
      const r = strip(
        ip,
        access,
        list.items.filter((x): x is SObject => x instanceof SObject),
      );
      return new NativeObject("SObjectAccessDecision", {
        records: new ApexList(list.elemType, r.records),
        removed: r.removed,
      });
    },
  });
  n.methods<NativeObject>("sobjectaccessdecision", {
    getRecords: (_ip, d) => d.state.records as ApexList,
    getRemovedFields: (ip, d) => {
      const m = new ApexMap(STRING, { k: "set", elem: STRING });
      for (const [obj, fields] of d.state.removed as Map<string, Set<string>>) {
        const set = new ApexSet(STRING);
        for (const f of fields) setAdd(ip, set, f);
        mapPut(ip, m, obj, set);
      }
      return m;
    },
    getModifiedIndexes: (ip, d) => {
      const set = new ApexSet({ k: "prim", name: "Integer" });
      (d.state.records as ApexList).items.forEach((_r, i) => setAdd(ip, set, i));
      return set;
    },
  });

  // JSONGenerator: builds a value tree, serialised by the same code as JSON.serialize
  interface Gen {
    [k: string]: unknown;
    stack: (ApexMap | ApexList)[];
    root: Value;
    field: string | null;
    pretty: boolean;
  }
  const g = (o: NativeObject) => o.state as Gen;
  const put = (ip: Interpreter, o: NativeObject, v: Value) => {
    const st = g(o);
    const top = st.stack[st.stack.length - 1];
    if (!top) st.root = v;
    else if (top instanceof ApexList) top.items.push(v);
    else {
      mapPut(ip, top, st.field, v);
      st.field = null;
    }
  };
  n.static("JSON", {
    createGenerator: (_ip, a) =>
      new NativeObject("JSONGenerator", { stack: [], root: null, field: null, pretty: a[0] === true }),
  });
  n.methods<NativeObject>("jsongenerator", {
    writeStartObject: (ip, o) => {
      const m = new ApexMap(STRING, { k: "prim", name: "Object" });
      put(ip, o, m);
      g(o).stack.push(m);
      return null;
    },
    writeEndObject: (_ip, o) => {
      g(o).stack.pop();
      return null;
    },
    writeStartArray: (ip, o) => {
      const l = new ApexList({ k: "prim", name: "Object" });
      put(ip, o, l);
      g(o).stack.push(l);
      return null;
    },
    writeEndArray: (_ip, o) => {
      g(o).stack.pop();
      return null;
    },
    writeFieldName: (ip, o, a) => {
      g(o).field = s(ip, a[0]);
      return null;
    },
    writeNull: (ip, o) => {
      put(ip, o, null);
      return null;
    },
    writeNullField: (ip, o, a) => {
      g(o).field = s(ip, a[0]);
      put(ip, o, null);
      return null;
    },
    writeObject: (ip, o, a) => {
      put(ip, o, a[0]);
      return null;
    },
    writeObjectField: (ip, o, a) => {
      g(o).field = s(ip, a[0]);
      put(ip, o, a[1]);
      return null;
    },
    getAsString: (ip, o) => serialize(ip, g(o).root, false, g(o).pretty),
    close: () => null,
    isClosed: () => false,
  });
  for (const w of ["String", "Number", "Boolean", "Date", "DateTime", "Time", "Id", "Blob"]) {
    n.methods<NativeObject>("jsongenerator", {
      ["write" + w]: (ip, o, a) => {
        put(ip, o, a[0]);
        return null;
      },
      ["write" + w + "Field"]: (ip, o, a) => {
        g(o).field = s(ip, a[0]);
        put(ip, o, a[1]);
        return null;
      },
    });
  }
}
