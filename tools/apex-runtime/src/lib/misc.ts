/** Blob, EncodingUtil, Crypto, Pattern/Matcher, UserInfo. */
import { asText } from "../interp/text";
import { createHash, createHmac, createVerify, randomBytes, randomInt } from "node:crypto";
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { ApexDatetime, ApexId, ApexList, Blob, NativeObject, type Value } from "../interp/values";
import { zoneOffset } from "./timezones";
import { int, s } from "./args";
import { STRING } from "../interp/types";

function blob(ip: Interpreter, v: Value): Buffer {
  if (v === null) return ip.npe();
  if (!(v instanceof Blob)) return ip.throwApex("TypeException", "expected a Blob");
  return v.bytes;
}

const DIGESTS: Record<string, string> = {
  md5: "md5",
  sha1: "sha1",
  "sha-256": "sha256",
  sha256: "sha256",
  "sha-512": "sha512",
  sha512: "sha512",
};
const HMACS: Record<string, string> = { hmacmd5: "md5", hmacsha1: "sha1", hmacsha256: "sha256", hmacsha512: "sha512" };
const SIGS: Record<string, string> = {
  "rsa-sha1": "RSA-SHA1",
  "rsa-sha256": "RSA-SHA256",
  "rsa-sha384": "RSA-SHA384",
  "rsa-sha512": "RSA-SHA512",
  rsa: "RSA-SHA1",
};

function compile(ip: Interpreter, pattern: string): RegExp {
  try {
    let p = pattern;
    let flags = "";
    const m = /^\(\?([imsu]+)\)/.exec(p);
    if (m) {
      p = p.slice(m[0].length);
      flags = m[1].replace("u", "");
    }
    return new RegExp(p, flags);
  } catch {
    return ip.throwApex("StringException", `Invalid regex: ${pattern}`);
  }
}

interface MatcherState {
  [k: string]: unknown;
  re: RegExp;
  input: string;
  last: RegExpExecArray | null;
  pos: number;
}

export function registerMisc(n: Natives): void {
  n.static("Blob", {
    valueOf: (ip: Interpreter, a: Value[]) => new Blob(Buffer.from(s(ip, a[0]), "utf8")),
    toPdf: (ip, a) => new Blob(Buffer.from(s(ip, a[0]), "utf8")),
  });
  n.methods<Blob>("blob", {
    toString: (_ip: Interpreter, b: Blob) => b.bytes.toString("utf8"),
    size: (_ip, b) => b.bytes.length,
  });
  n.static("EncodingUtil", {
    base64Encode: (ip, a) => blob(ip, a[0]).toString("base64"),
    base64Decode: (ip, a) => new Blob(Buffer.from(s(ip, a[0]), "base64")),
    convertToHex: (ip, a) => blob(ip, a[0]).toString("hex"),
    convertFromHex: (ip, a) => new Blob(Buffer.from(s(ip, a[0]), "hex")),
    urlEncode: (ip, a) =>
      encodeURIComponent(s(ip, a[0]))
        .replace(/%20/g, "+")
        .replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()),
    urlDecode: (ip, a) => decodeURIComponent(s(ip, a[0]).replace(/\+/g, " ")),
  });
  n.static("Crypto", {
    generateDigest: (ip, a) => {
      const alg = DIGESTS[s(ip, a[0]).toLowerCase()];
      if (!alg) return ip.throwApex("InvalidParameterValueException", `Invalid algorithm: ${s(ip, a[0])}`);
      return new Blob(createHash(alg).update(blob(ip, a[1])).digest());
    },
    generateMac: (ip, a) => {
      const alg = HMACS[s(ip, a[0]).toLowerCase()];
      if (!alg) return ip.throwApex("InvalidParameterValueException", `Invalid algorithm: ${s(ip, a[0])}`);
      return new Blob(createHmac(alg, blob(ip, a[2])).update(blob(ip, a[1])).digest());
    },
    verify: (ip, a) => {
      const alg = SIGS[s(ip, a[0]).toLowerCase()];
      if (!alg) return ip.throwApex("InvalidParameterValueException", `Invalid algorithm: ${s(ip, a[0])}`);
      const key = blob(ip, a[3]);
      try {
        const pem = `-----BEGIN PUBLIC KEY-----\n${key.toString("base64").replace(/(.{64})/g, "$1\n")}\n-----END PUBLIC KEY-----\n`;
        return createVerify(alg).update(blob(ip, a[1])).verify(pem, blob(ip, a[2]));
      } catch {
        return ip.throwApex("SecurityException", "Invalid public key");
      }
    },
    getRandomInteger: () => randomInt(-2147483648, 2147483647),
    getRandomLong: () => randomBytes(8).readBigInt64BE(),
    generateAesKey: (ip, a) => new Blob(randomBytes(int(ip, a[0]) / 8)),
  });
  n.static("Pattern", {
    compile: (ip, a) => new NativeObject("Pattern", { source: s(ip, a[0]), re: compile(ip, s(ip, a[0])) }),
    matches: (ip, a) => compile(ip, `^(?:${s(ip, a[0])})$`).test(s(ip, a[1])),
    quote: (ip, a) => s(ip, a[0]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
  });
  n.methods<NativeObject>("pattern", {
    matcher: (ip, p, a) => {
      const re = p.state.re as RegExp;
      const state: MatcherState = {
        re: new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"),
        input: s(ip, a[0]),
        last: null,
        pos: 0,
      };
      return new NativeObject("Matcher", state);
    },
    pattern: (_ip, p) => p.state.source as string,
    split: (ip, p, a) => new ApexList(STRING, s(ip, a[0]).split(p.state.re as RegExp)),
  });
  const ms = (m: NativeObject) => m.state as MatcherState;
  n.methods<NativeObject>("matcher", {
    matches: (_ip, m) => {
      const st = ms(m);
      const full = new RegExp(`^(?:${st.re.source})$`, st.re.flags.replace("g", ""));
      st.last = full.exec(st.input);
      return st.last !== null;
    },
    find: (_ip, m) => {
      const st = ms(m);
      st.re.lastIndex = st.pos;
      st.last = st.re.exec(st.input);
      if (st.last) st.pos = st.last.index + Math.max(1, st.last[0].length);
      return st.last !== null;
    },
    lookingAt: (_ip, m) => {
      const st = ms(m);
      st.last = new RegExp(`^(?:${st.re.source})`, st.re.flags.replace("g", "")).exec(st.input);
      return st.last !== null;
    },
    group: (ip, m, a) => {
      const st = ms(m);
      if (!st.last) return ip.throwApex("StringException", "No match found");
      return st.last[a.length ? int(ip, a[0]) : 0] ?? null;
    },
    groupCount: (_ip, m) => {
      const st = ms(m);
      return new RegExp(`${st.re.source}|`).exec("")!.length - 1;
    },
    start: (ip, m) => (ms(m).last ? ms(m).last!.index : ip.throwApex("StringException", "No match available")),
    end: (ip, m) =>
      ms(m).last ? ms(m).last!.index + ms(m).last![0].length : ip.throwApex("StringException", "No match available"),
    replaceAll: (ip, m, a) => ms(m).input.replace(ms(m).re, s(ip, a[0])),
    hitEnd: (_ip, m) => ms(m).pos >= ms(m).input.length,
    reset: (_ip, m) => {
      ms(m).pos = 0;
      ms(m).last = null;
      return m;
    },
  });
  n.static("UserInfo", {
    getUserId: (ip) => new ApexId(ip.data.runningUserId(ip)),
    getUserName: (ip) => asText(ip.data.store.table("user").get(ip.data.runningUserId(ip))?.get("username") ?? ""),
    getName: (ip) => asText(ip.data.store.table("user").get(ip.data.runningUserId(ip))?.get("name") ?? ""),
    getUserEmail: (ip) => asText(ip.data.store.table("user").get(ip.data.runningUserId(ip))?.get("email") ?? ""),
    getOrganizationId: (ip) => new ApexId([...ip.data.store.table("organization").keys()][0]),
    getOrganizationName: () => "Tandem Local Runtime",
    getProfileId: (ip) => ip.data.store.table("user").get(ip.data.runningUserId(ip))?.get("profileid") ?? null,
    getTimeZone: () => new NativeObject("TimeZone", { id: "GMT" }),
    getLocale: () => "en_US",
    getLanguage: () => "en_US",
    getUserType: () => "Standard",
    isMultiCurrencyOrganization: () => false,
    getDefaultCurrency: () => "USD",
  });
  n.static("TimeZone", {
    getTimeZone: (ip, a) => {
      const id = s(ip, a[0]);
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: id });
      } catch {
        return new NativeObject("TimeZone", { id: "GMT" });
      }
      return new NativeObject("TimeZone", { id });
    },
  });
  n.methods<NativeObject>("timezone", {
    getId: (_ip, t) => t.state.id as string,
    getOffset: (_ip, t, a) => zoneOffset(t.state.id as string, a[0] instanceof ApexDatetime ? a[0].ms : Date.now()),
    getDisplayName: (_ip, t) => t.state.id as string,
    toString: (_ip: Interpreter, t: NativeObject) => t.state.id as string,
  });
}
