/**
 * System.JSONParser (JSON.createParser): a token stream over a JSON text (Apex Reference > JSONParser Class).
 * The text is parsed up front with the exact-number parser of json.ts and flattened into tokens; each
 * START_OBJECT/START_ARRAY token keeps its subtree so readValueAs can reuse JSON.deserialize, and the index
 * of its END token so skipChildren and readValueAs can jump past it. Malformed JSON throws JSONException at
 * the first nextToken() (the platform reads lazily and would first return the tokens before the error).
 */
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { Decimal } from "../interp/decimal";
import { EnumInfo, type RType } from "../interp/types";
import { ApexDouble, NativeObject, TypeValue, type Value } from "../interp/values";
import { s } from "./args";
import { parse, typed, untyped, type Json } from "./json";

interface Token {
  token: string;
  text: string;
  name: string | null;
  node: Json;
  /** index of the last token of this value (itself for scalars and FIELD_NAME) */
  end: number;
}

interface ParserState {
  [k: string]: unknown;
  text: string;
  tokens: Token[] | null;
  pos: number;
  current: Token | null;
  lastCleared: Token | null;
}

function flatten(j: Json, name: string | null, out: Token[]): void {
  const at = out.length;
  if (Array.isArray(j) || (j !== null && typeof j === "object" && "obj" in j)) {
    const isArray = Array.isArray(j);
    out.push({ token: isArray ? "START_ARRAY" : "START_OBJECT", text: isArray ? "[" : "{", name, node: j, end: 0 });
    if (Array.isArray(j)) for (const x of j) flatten(x, null, out);
    else
      for (const [k, v] of j.obj) {
        out.push({ token: "FIELD_NAME", text: k, name: k, node: k, end: out.length });
        flatten(v, k, out);
      }
    out.push({ token: isArray ? "END_ARRAY" : "END_OBJECT", text: isArray ? "]" : "}", name, node: j, end: 0 });
    out[at].end = out.length - 1;
    out[out.length - 1].end = out.length - 1;
    return;
  }
  const scalar = (token: string, text: string): void => {
    out.push({ token, text, name, node: j, end: out.length });
  };
  if (j === null) scalar("VALUE_NULL", "null");
  else if (j === true) scalar("VALUE_TRUE", "true");
  else if (j === false) scalar("VALUE_FALSE", "false");
  else if (typeof j === "string") scalar("VALUE_STRING", j);
  else if ("num" in j) scalar(/^-?\d+$/.test(j.num) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT", j.num);
}

function st(o: NativeObject): ParserState {
  return o.state as ParserState;
}

function tokens(ip: Interpreter, o: NativeObject): Token[] {
  const p = st(o);
  if (p.tokens === null) {
    const out: Token[] = [];
    if (p.text.trim() !== "") flatten(parse(ip, p.text), null, out);
    p.tokens = out;
  }
  return p.tokens;
}

function enumToken(ip: Interpreter, t: Token | null): Value {
  if (t === null) return null;
  return (ip.reg.types.get("jsontoken") as EnumInfo).byName.get(t.token.toLowerCase()) ?? null;
}

function next(ip: Interpreter, o: NativeObject): Value {
  const p = st(o);
  const all = tokens(ip, o);
  p.current = p.pos < all.length ? all[p.pos++] : null;
  return enumToken(ip, p.current);
}

function current(ip: Interpreter, o: NativeObject): Token {
  const t = st(o).current;
  return t ?? ip.throwApex("JSONException", "No current token");
}

function numeric(ip: Interpreter, o: NativeObject): string {
  const t = current(ip, o);
  if (t.token !== "VALUE_NUMBER_INT" && t.token !== "VALUE_NUMBER_FLOAT") {
    return ip.throwApex("JSONException", `Current token (${t.token}) not numeric, can not use numeric value accessors`);
  }
  return t.text;
}

function integral(ip: Interpreter, o: NativeObject, bits: 32 | 64): bigint {
  const text = numeric(ip, o);
  const whole = BigInt(/^-?\d+$/.test(text) ? text : Decimal.parse(text).toString().split(".")[0]);
  const max = bits === 32 ? 2147483647n : 9223372036854775807n;
  if (whole > max || whole < -max - 1n) {
    ip.throwApex("JSONException", `Numeric value (${text}) out of range of ${bits === 32 ? "int" : "long"}`);
  }
  return whole;
}

/** Reads the current value (a whole object/array when on START_*) and leaves the parser on its last token. */
function readValue(ip: Interpreter, o: NativeObject, t: RType | null, strict: boolean): Value {
  const p = st(o);
  const cur = current(ip, o);
  const all = tokens(ip, o);
  const v = t === null ? untyped(ip, cur.node) : typed(ip, cur.node, t, strict);
  p.pos = cur.end + 1;
  p.current = all[cur.end];
  return v;
}

function asPrim(ip: Interpreter, o: NativeObject, name: "Date" | "Datetime" | "Time" | "Id" | "Blob"): Value {
  const t = current(ip, o);
  return t.token === "VALUE_NULL" ? null : typed(ip, t.text, { k: "prim", name }, false);
}

export function registerJsonParser(n: Natives): void {
  n.static("JSON", {
    createParser: (ip, a) =>
      new NativeObject("JSONParser", {
        text: s(ip, a[0]),
        tokens: null,
        pos: 0,
        current: null,
        lastCleared: null,
      } satisfies ParserState),
  });
  n.methods<NativeObject>("jsonparser", {
    nextToken: (ip, o) => next(ip, o),
    nextValue: (ip, o) => {
      for (;;) {
        const v = next(ip, o);
        const t = st(o).current;
        if (t === null || (t.token !== "FIELD_NAME" && !t.token.startsWith("END_"))) return v;
      }
    },
    getCurrentToken: (ip, o) => enumToken(ip, st(o).current),
    hasCurrentToken: (_ip, o) => st(o).current !== null,
    clearCurrentToken: (_ip, o) => {
      st(o).lastCleared = st(o).current;
      st(o).current = null;
      return null;
    },
    getLastClearedToken: (ip, o) => enumToken(ip, st(o).lastCleared),
    getCurrentName: (_ip, o) => st(o).current?.name ?? null,
    getText: (_ip, o) => st(o).current?.text ?? null,
    getIntegerValue: (ip, o) => Number(integral(ip, o, 32)),
    getLongValue: (ip, o) => integral(ip, o, 64),
    getDecimalValue: (ip, o) => Decimal.parse(numeric(ip, o)),
    getDoubleValue: (ip, o) => new ApexDouble(Number(numeric(ip, o))),
    getBooleanValue: (ip, o) => {
      const t = current(ip, o);
      if (t.token === "VALUE_TRUE") return true;
      if (t.token === "VALUE_FALSE") return false;
      return ip.throwApex("JSONException", `Current token (${t.token}) not of boolean type`);
    },
    getDateValue: (ip, o) => asPrim(ip, o, "Date"),
    getDatetimeValue: (ip, o) => asPrim(ip, o, "Datetime"),
    getTimeValue: (ip, o) => asPrim(ip, o, "Time"),
    getIdValue: (ip, o) => asPrim(ip, o, "Id"),
    getBlobValue: (ip, o) => asPrim(ip, o, "Blob"),
    readValueAs: (ip, o, a) => readValue(ip, o, (a[0] as TypeValue).type, false),
    readValueAsStrict: (ip, o, a) => readValue(ip, o, (a[0] as TypeValue).type, true),
    skipChildren: (ip, o) => {
      const p = st(o);
      const t = p.current;
      if (t?.token.startsWith("START_")) {
        p.pos = t.end + 1;
        p.current = tokens(ip, o)[t.end];
      }
      return null;
    },
    toString: () => "System.JSONParser",
  });
}
