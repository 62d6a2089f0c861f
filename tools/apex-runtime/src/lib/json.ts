/**
 * JSON.serialize (with suppressApexObjectNulls), JSON.deserialize into a type, JSON.deserializeUntyped
 * (Map<String, Object> / List<Object> / Integer / Long / Decimal / String / Boolean), JSON.serializePretty.
 * Numbers are parsed from the source text so Decimal scale and Long range survive.
 */
import { asText } from "../interp/text";
import { mapPut } from "../interp/collections";
import { Decimal } from "../interp/decimal";
import { InternalError } from "../interp/errors";
import { formatDate, formatDouble, isoDatetime, formatTime } from "../interp/format";
import type { Interpreter } from "../interp/interpreter";
import { construct, findMember, readMember, writeMember } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { coerce } from "../interp/runtime-types";
import { OBJECT, STRING, typeName, type RType } from "../interp/types";
import {
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
  EnumValue,
  NativeObject,
  SObject,
  TypeValue,
  type Value,
} from "../interp/values";
import { s } from "./args";
import { parseId } from "../interp/runtime-types";

// ---------------------------------------------------------------- parsing with exact numbers

export type Json = null | boolean | string | { num: string } | Json[] | { obj: [string, Json][] };

class Parser {
  i = 0;
  constructor(
    private readonly t: string,
    private readonly fail: (m: string) => never,
  ) {}

  ws(): void {
    while (this.i < this.t.length && /\s/.test(this.t[this.i])) this.i++;
  }

  value(): Json {
    this.ws();
    const c = this.t[this.i];
    if (c === "{") {
      this.i++;
      const obj: [string, Json][] = [];
      this.ws();
      if (this.t[this.i] === "}") {
        this.i++;
        return { obj };
      }
      for (;;) {
        this.ws();
        if (this.t[this.i] !== '"')
          this.fail(
            `Unexpected character ('${this.t[this.i] ?? "EOF"}'): was expecting double-quote to start field name`,
          );
        const k = this.string();
        this.ws();
        if (this.t[this.i++] !== ":")
          this.fail("Unexpected character: was expecting a colon to separate field name and value");
        obj.push([k, this.value()]);
        this.ws();
        const d = this.t[this.i++];
        if (d === "}") return { obj };
        if (d !== ",")
          this.fail(`Unexpected character ('${d ?? "EOF"}'): was expecting comma to separate OBJECT entries`);
      }
    }
    if (c === "[") {
      this.i++;
      const arr: Json[] = [];
      this.ws();
      if (this.t[this.i] === "]") {
        this.i++;
        return arr;
      }
      for (;;) {
        arr.push(this.value());
        this.ws();
        const d = this.t[this.i++];
        if (d === "]") return arr;
        if (d !== ",")
          this.fail(`Unexpected character ('${d ?? "EOF"}'): was expecting comma to separate ARRAY entries`);
      }
    }
    if (c === '"') return this.string();
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.t.slice(this.i, this.i + 400));
    if (m) {
      this.i += m[0].length;
      return { num: m[0] };
    }
    for (const [lit, v] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.t.startsWith(lit, this.i)) {
        this.i += lit.length;
        return v;
      }
    }
    return this.fail(`Unexpected character ('${c ?? "EOF"}'): expected a valid value`);
  }

  string(): string {
    this.i++;
    let out = "";
    for (;;) {
      const c = this.t[this.i++];
      if (c === undefined) this.fail("Unexpected end-of-input in string");
      if (c === '"') return out;
      if (c === "\\") {
        const e = this.t[this.i++];
        if (e === "u") {
          out += String.fromCharCode(parseInt(this.t.slice(this.i, this.i + 4), 16));
          this.i += 4;
        } else out += ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e;
      } else out += c;
    }
  }

  parse(): Json {
    const v = this.value();
    this.ws();
    if (this.i < this.t.length) this.fail(`Unexpected character ('${this.t[this.i]}'): expected end of input`);
    return v;
  }
}

export function parse(ip: Interpreter, text: string): Json {
  return new Parser(text, (m) => ip.throwApex("JSONException", m)).parse();
}

function numberValue(text: string): Value {
  if (/^-?\d+$/.test(text)) {
    const b = BigInt(text);
    if (b >= -2147483648n && b <= 2147483647n) return Number(b);
    return b;
  }
  return Decimal.parse(text);
}

export function untyped(ip: Interpreter, j: Json): Value {
  if (j === null || typeof j === "boolean" || typeof j === "string") return j;
  if (Array.isArray(j))
    return new ApexList(
      OBJECT,
      j.map((x) => untyped(ip, x)),
    );
  if ("num" in j) return numberValue(j.num);
  const m = new ApexMap(STRING, OBJECT);
  for (const [k, v] of j.obj) mapPut(ip, m, k, untyped(ip, v));
  return m;
}

// ---------------------------------------------------------------- typed deserialisation

export function typed(ip: Interpreter, j: Json, t: RType, strict: boolean): Value {
  if (j === null) return null;
  switch (t.k) {
    case "prim":
      return primitive(ip, j, t.name);
    case "list":
    case "set": {
      if (!Array.isArray(j)) return ip.throwApex("JSONException", `Expected ${typeName(t)} but found ${describe(j)}`);
      const items = j.map((x) => typed(ip, x, t.elem, strict));
      if (t.k === "list") return new ApexList(t.elem, items);
      const st = new ApexSet(t.elem);
      for (const i of items) ip.natives.getMethod("set", "add")!(ip, st, [i]);
      return st;
    }
    case "map": {
      if (Array.isArray(j) || typeof j !== "object" || !("obj" in j))
        return ip.throwApex("JSONException", `Expected ${typeName(t)} but found ${describe(j)}`);
      const m = new ApexMap(t.key, t.value);
      for (const [k, v] of j.obj) mapPut(ip, m, coerce(k, t.key, ip.fail), typed(ip, v, t.value, strict));
      return m;
    }
    case "enum": {
      if (typeof j !== "string")
        return ip.throwApex("JSONException", `Expected ${t.info.fullName} but found ${describe(j)}`);
      return t.info.byName.get(j.toLowerCase()) ?? null;
    }
    case "class": {
      if (Array.isArray(j) || typeof j !== "object" || !("obj" in j))
        return ip.throwApex("JSONException", `Expected ${t.cls.fullName} but found ${describe(j)}`);
      const obj = construct(ip, t.cls, [], 0);
      for (const [k, v] of j.obj) {
        const lname = k.toLowerCase();
        const m = findMember(ip, t.cls, lname);
        if (!m || m.isStatic) {
          if (strict) ip.throwApex("JSONException", `No such column '${k}' on entity '${t.cls.fullName}'`);
          continue;
        }
        writeMember(ip, m, obj, lname, typed(ip, v, m.type, strict));
      }
      return obj;
    }
    case "sobject": {
      if (Array.isArray(j) || typeof j !== "object" || !("obj" in j))
        return ip.throwApex("JSONException", `Expected ${t.name} but found ${describe(j)}`);
      const attrs = j.obj.find(([k]) => k === "attributes");
      let type = t.name;
      if (attrs && attrs[1] && typeof attrs[1] === "object" && "obj" in attrs[1]) {
        const tt = attrs[1].obj.find(([k]) => k === "type");
        if (tt && typeof tt[1] === "string") type = tt[1];
      }
      const so = ip.data.newSObject(ip, type);
      const schema = ip.data.schema.get(type);
      for (const [k, v] of j.obj) {
        if (k === "attributes") continue;
        const f = schema?.fields.get(k.toLowerCase());
        if (f) {
          const ft: RType = fieldRType(f.type === "Formula" ? (f.resultType ?? "Text") : f.type);
          ip.data.putField(ip, so, f.name, typed(ip, v, ft, strict));
        } else if (
          v !== null &&
          typeof v === "object" &&
          !Array.isArray(v) &&
          "obj" in v &&
          v.obj.some(([kk]) => kk === "records")
        ) {
          const recs = v.obj.find(([kk]) => kk === "records")![1];
          const rel = schema?.children.get(k.toLowerCase());
          so.related.set(
            k.toLowerCase(),
            typed(ip, recs, { k: "list", elem: { k: "sobject", name: rel?.childObject ?? "SObject" } }, strict),
          );
        } else if (v !== null && typeof v === "object" && !Array.isArray(v) && "obj" in v) {
          so.related.set(k.toLowerCase(), typed(ip, v, { k: "sobject", name: "SObject" }, strict));
        }
      }
      return so;
    }
    case "native":
      if (t.name === "Object") return untyped(ip, j);
      return ip.throwApex("JSONException", `Cannot deserialize instance of ${t.name}`);
    case "void":
      return null;
  }
}

function fieldRType(ft: string): RType {
  switch (ft) {
    case "Checkbox":
      return { k: "prim", name: "Boolean" };
    case "Number":
    case "Currency":
    case "Percent":
      return { k: "prim", name: "Decimal" };
    case "Date":
      return { k: "prim", name: "Date" };
    case "DateTime":
      return { k: "prim", name: "Datetime" };
    case "Time":
      return { k: "prim", name: "Time" };
    case "Id":
    case "Lookup":
    case "MasterDetail":
      return { k: "prim", name: "Id" };
    default:
      return STRING;
  }
}

function describe(j: Json): string {
  if (j === null) return "null";
  if (typeof j === "boolean") return "VALUE_" + String(j).toUpperCase();
  if (typeof j === "string") return "VALUE_STRING";
  if (Array.isArray(j)) return "START_ARRAY";
  if ("num" in j) return "VALUE_NUMBER";
  return "START_OBJECT";
}

function primitive(ip: Interpreter, j: Json, name: string): Value {
  const bad = (): never => ip.throwApex("JSONException", `Illegal value for primitive`);
  switch (name) {
    case "Object":
      return untyped(ip, j);
    case "String":
      if (typeof j === "string") return j;
      if (typeof j === "object" && j !== null && !Array.isArray(j) && "num" in j) return j.num;
      if (typeof j === "boolean") return String(j);
      return bad();
    case "Integer":
      if (typeof j === "object" && j !== null && "num" in j) return Math.trunc(Number(j.num)) | 0;
      if (typeof j === "string" && /^-?\d+$/.test(j)) return Number(j) | 0;
      return bad();
    case "Long":
      if (typeof j === "object" && j !== null && "num" in j) return BigInt(j.num.split(".")[0]);
      if (typeof j === "string" && /^-?\d+$/.test(j)) return BigInt(j);
      return bad();
    case "Decimal":
      if (typeof j === "object" && j !== null && "num" in j) return Decimal.parse(j.num);
      if (typeof j === "string") return Decimal.parse(j);
      return bad();
    case "Double":
      if (typeof j === "object" && j !== null && "num" in j) return new ApexDouble(Number(j.num));
      return bad();
    case "Boolean":
      if (typeof j === "boolean") return j;
      if (typeof j === "string") return j.toLowerCase() === "true";
      return bad();
    case "Id":
      if (typeof j === "string") return parseId(j, ip.fail);
      return bad();
    case "Date": {
      if (typeof j !== "string") return bad();
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(j);
      if (!m) return bad();
      return ApexDate.of(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case "Datetime": {
      if (typeof j !== "string") return bad();
      const ms = Date.parse(j.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
      if (Number.isNaN(ms)) return bad();
      return new ApexDatetime(ms);
    }
    case "Time": {
      if (typeof j !== "string") return bad();
      const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/.exec(j);
      if (!m) return bad();
      return new ApexTime(
        ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number((m[4] ?? "0").padEnd(3, "0")),
      );
    }
    case "Blob":
      if (typeof j === "string") return new Blob(Buffer.from(j, "base64"));
      return bad();
  }
  return bad();
}

// ---------------------------------------------------------------- serialisation

function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16));
}

export function serialize(ip: Interpreter, v: Value, suppressNulls: boolean, pretty: boolean, depth = 0): string {
  const nl = pretty ? "\n" + "  ".repeat(depth + 1) : "";
  const end = pretty ? "\n" + "  ".repeat(depth) : "";
  const sep = pretty ? " : " : ":";
  const obj = (entries: [string, Value][]) => {
    const parts = entries
      .filter(([, x]) => !(suppressNulls && x === null))
      .map(([k, x]) => `${nl}${quote(k)}${sep}${serialize(ip, x, suppressNulls, pretty, depth + 1)}`);
    return parts.length ? `{${parts.join(",")}${end}}` : "{}";
  };
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
      return String(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return String(v);
  }
  if (v instanceof Decimal) return v.toString();
  if (v instanceof ApexDouble) return formatDouble(v.v).replace(/E/, "E");
  if (v instanceof ApexId) return quote(v.value);
  if (v instanceof ApexDate) return quote(formatDate(v));
  if (v instanceof ApexDatetime) return quote(isoDatetime(v));
  if (v instanceof ApexTime) return quote(formatTime(v));
  if (v instanceof Blob) return quote(v.bytes.toString("base64"));
  if (v instanceof EnumValue) return quote(v.name);
  if (v instanceof ApexList || v instanceof ApexSet) {
    const items = v instanceof ApexList ? v.items : [...v.map.values()];
    if (!items.length) return "[]";
    return `[${items.map((i) => `${nl}${serialize(ip, i, suppressNulls, pretty, depth + 1)}`).join(",")}${end}]`;
  }
  if (v instanceof ApexMap)
    return obj(
      [...v.map.values()].map((e) => [
        e.key === null ? "null" : asText(e.key instanceof ApexId ? e.key.value : e.key),
        e.value,
      ]),
    );
  if (v instanceof SObject) {
    const entries: [string, Value][] = [];
    const attrs = new ApexMap(STRING, OBJECT);
    mapPut(ip, attrs, "type", v.type);
    const id = v.fields.get("id");
    if (id instanceof ApexId) mapPut(ip, attrs, "url", `/services/data/v65.0/sobjects/${v.type}/${id.value}`);
    entries.push(["attributes", attrs]);
    for (const [k, x] of v.fields) entries.push([ip.data.fieldLabel(v.type, k), x]);
    for (const [k, x] of v.related) {
      if (x instanceof ApexList) {
        const wrap = new ApexMap(STRING, OBJECT);
        mapPut(ip, wrap, "totalSize", x.items.length);
        mapPut(ip, wrap, "done", true);
        mapPut(ip, wrap, "records", x);
        entries.push([k, wrap]);
      } else entries.push([k, x]);
    }
    return obj(entries);
  }
  if (v instanceof ApexObject) {
    if (v.cls.isException) return obj([["message", (v.native.message as string) ?? null]]);
    const entries: [string, Value][] = [];
    const chain = [];
    for (let c: typeof v.cls | null = v.cls; c; c = c.superclass) chain.unshift(c);
    for (const c of chain) {
      for (const f of c.decl.fields) {
        if (f.mods.isStatic || f.mods.isTransient) continue;
        entries.push([f.name, v.fields.get(f.name.toLowerCase()) ?? null]);
      }
      for (const p of c.decl.properties) {
        if (p.mods.isStatic || p.mods.isTransient) continue;
        const m = findMember(ip, c, p.name.toLowerCase());
        entries.push([p.name, m ? readMember(ip, m, v, p.name.toLowerCase()) : null]);
      }
    }
    return obj(entries);
  }
  if (v instanceof TypeValue) return quote(typeName(v.type));
  if (v instanceof NativeObject) return obj([]);
  throw new InternalError("cannot serialize value");
}

export function registerJson(n: Natives): void {
  n.static("JSON", {
    serialize: (ip, a) => serialize(ip, a[0], a.length > 1 && a[1] === true, false),
    serializePretty: (ip, a) => serialize(ip, a[0], a.length > 1 && a[1] === true, true),
    deserializeUntyped: (ip, a) => untyped(ip, parse(ip, s(ip, a[0]))),
    deserialize: (ip, a) => typed(ip, parse(ip, s(ip, a[0])), (a[1] as TypeValue).type, false),
    deserializeStrict: (ip, a) => typed(ip, parse(ip, s(ip, a[0])), (a[1] as TypeValue).type, true),
  });
}
