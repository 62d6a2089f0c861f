/** String statics and instance methods (Apex String class). */
import { noteString } from "../interp/heap";
import { asText } from "../interp/text";
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { str } from "../interp/stringify";
import { ApexList, Blob, Decimal, type Value } from "../interp/values";
import * as args from "./args";
import { iterate } from "../interp/collections";
import { STRING } from "../interp/types";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const { int, list, s, sOrNull } = args;

function strList(items: string[]): ApexList {
  return new ApexList(STRING, items);
}

/** Java's String.trim: removes every leading and trailing character up to U+0020. */
function trimControl(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && v.charCodeAt(a) <= 32) a++;
  while (b > a && v.charCodeAt(b - 1) <= 32) b--;
  return v.slice(a, b);
}

function isBlank(v: Value): boolean {
  return v === null || asText(v).trim() === "";
}

function isWhitespace(c: string): boolean {
  return /\s/.test(c);
}

function regex(ip: Interpreter, pattern: string, flags = "g"): RegExp {
  try {
    // Java-style inline flags at the start, e.g. (?i)
    let p = pattern;
    let f = flags;
    const m = /^\(\?([imsx]+)\)/.exec(p);
    if (m) {
      p = p.slice(m[0].length);
      for (const c of m[1]) if (c !== "x" && !f.includes(c)) f += c;
    }
    return new RegExp(p, f);
  } catch {
    return ip.throwApex("StringException", `Invalid regex: ${pattern}`);
  }
}

/** Java replacement strings use $1 like JS; a literal $ is written \$. */
function javaReplacement(r: string): string {
  return r.replace(/\\\$/g, "$$$$");
}

export function registerStrings(n: Natives): void {
  n.static("String", {
    isBlank: (_ip, a) => isBlank(a[0]),
    isNotBlank: (_ip, a) => !isBlank(a[0]),
    isEmpty: (_ip, a) => a[0] === null || asText(a[0]) === "",
    isNotEmpty: (_ip, a) => a[0] !== null && asText(a[0]) !== "",
    valueOf: (ip: Interpreter, a: Value[]) => (a[0] === null ? "null" : str(ip, a[0])),
    valueOfGmt: (ip, a) => str(ip, a[0]),
    join: (ip, a) =>
      iterate(ip, a[0])
        .map((v) => str(ip, v))
        .join(s(ip, a[1])),
    format: (ip, a) => {
      const items = list(ip, a[1]).items;
      return s(ip, a[0]).replace(/\{(\d+)\}/g, (_m, i: string) => {
        const v = items[Number(i)];
        return v === undefined ? `{${i}}` : str(ip, v);
      });
    },
    escapeSingleQuotes: (ip, a) => s(ip, a[0]).replace(/\\/g, "\\\\").replace(/'/g, "\\'"),
    fromCharArray: (ip, a) => String.fromCodePoint(...list(ip, a[0]).items.map((v) => v as number)),
    isEmptyOrBlank: (_ip, a) => isBlank(a[0]),
  });

  n.methods<string>("string", {
    length: (_ip, v) => v.length,
    trim: (_ip, v) => trimControl(v),
    toLowerCase: (_ip, v) => v.toLowerCase(),
    toUpperCase: (_ip, v) => v.toUpperCase(),
    contains: (ip, v, a) => v.includes(s(ip, a[0])),
    containsIgnoreCase: (ip, v, a) => v.toLowerCase().includes(s(ip, a[0]).toLowerCase()),
    containsAny: (ip, v, a) => [...s(ip, a[0])].some((c) => v.includes(c)),
    containsOnly: (ip, v, a) => [...v].every((c) => s(ip, a[0]).includes(c)),
    containsWhitespace: (_ip, v) => /\s/.test(v),
    startsWith: (ip, v, a) => v.startsWith(s(ip, a[0])),
    startsWithIgnoreCase: (ip, v, a) => v.toLowerCase().startsWith(s(ip, a[0]).toLowerCase()),
    endsWith: (ip, v, a) => v.endsWith(s(ip, a[0])),
    endsWithIgnoreCase: (ip, v, a) => v.toLowerCase().endsWith(s(ip, a[0]).toLowerCase()),
    equals: (_ip, v, a) => typeof a[0] === "string" && v === a[0],
    equalsIgnoreCase: (_ip, v, a) => a[0] !== null && v.toLowerCase() === asText(a[0]).toLowerCase(),
    compareTo: (ip, v, a) => {
      const o = s(ip, a[0]);
      return v < o ? -1 : v > o ? 1 : 0;
    },
    indexOf: (ip, v, a) => v.indexOf(s(ip, a[0]), a.length > 1 ? int(ip, a[1]) : 0),
    indexOfIgnoreCase: (ip, v, a) =>
      v.toLowerCase().indexOf(s(ip, a[0]).toLowerCase(), a.length > 1 ? int(ip, a[1]) : 0),
    lastIndexOf: (ip, v, a) => v.lastIndexOf(s(ip, a[0])),
    substring: (ip, v, a) => {
      const start = int(ip, a[0]);
      const end = a.length > 1 ? int(ip, a[1]) : v.length;
      if (start < 0 || end > v.length || start > end)
        ip.throwApex("StringException", `Starting position out of bounds: ${start}`);
      return v.substring(start, end);
    },
    left: (ip, v, a) => v.slice(0, Math.max(0, int(ip, a[0]))),
    right: (ip, v, a) => {
      const k = Math.max(0, int(ip, a[0]));
      return k === 0 ? "" : v.slice(-k);
    },
    mid: (ip, v, a) => v.substr(Math.max(0, int(ip, a[0])), Math.max(0, int(ip, a[1]))),
    substringBefore: (ip, v, a) => {
      const sep = s(ip, a[0]);
      const i = v.indexOf(sep);
      return i < 0 ? v : v.slice(0, i);
    },
    substringAfter: (ip, v, a) => {
      const sep = s(ip, a[0]);
      const i = v.indexOf(sep);
      return i < 0 ? "" : v.slice(i + sep.length);
    },
    substringBeforeLast: (ip, v, a) => {
      const i = v.lastIndexOf(s(ip, a[0]));
      return i < 0 ? v : v.slice(0, i);
    },
    substringAfterLast: (ip, v, a) => {
      const sep = s(ip, a[0]);
      const i = v.lastIndexOf(sep);
      return i < 0 ? "" : v.slice(i + sep.length);
    },
    substringBetween: (ip, v, a) => {
      const open = s(ip, a[0]);
      const close = a.length > 1 ? s(ip, a[1]) : open;
      const i = v.indexOf(open);
      if (i < 0) return null;
      const j = v.indexOf(close, i + open.length);
      return j < 0 ? null : v.slice(i + open.length, j);
    },
    replace: (ip, v, a) => v.split(s(ip, a[0])).join(s(ip, a[1])),
    replaceAll: (ip, v, a) => v.replace(regex(ip, s(ip, a[0])), javaReplacement(s(ip, a[1]))),
    replaceFirst: (ip, v, a) => v.replace(regex(ip, s(ip, a[0]), ""), javaReplacement(s(ip, a[1]))),
    remove: (ip, v, a) => v.split(s(ip, a[0])).join(""),
    removeStart: (ip, v, a) => (v.startsWith(s(ip, a[0])) ? v.slice(s(ip, a[0]).length) : v),
    removeEnd: (ip, v, a) => (v.endsWith(s(ip, a[0])) ? v.slice(0, v.length - s(ip, a[0]).length) : v),
    removeEndIgnoreCase: (ip, v, a) =>
      v.toLowerCase().endsWith(s(ip, a[0]).toLowerCase()) ? v.slice(0, v.length - s(ip, a[0]).length) : v,
    removeStartIgnoreCase: (ip, v, a) =>
      v.toLowerCase().startsWith(s(ip, a[0]).toLowerCase()) ? v.slice(s(ip, a[0]).length) : v,
    split: (ip, v, a) => {
      const limit = a.length > 1 ? int(ip, a[1]) : 0;
      if (v === "") return strList([""]);
      let parts = v.split(regex(ip, s(ip, a[0]), ""));
      if (limit > 0 && parts.length > limit) {
        // Java keeps the remainder in the last element
        const re = regex(ip, s(ip, a[0]), "g");
        const out: string[] = [];
        let last = 0;
        let m: RegExpExecArray | null;
        while (out.length < limit - 1 && (m = re.exec(v)) !== null) {
          if (m[0] === "") {
            re.lastIndex++;
            continue;
          }
          out.push(v.slice(last, m.index));
          last = m.index + m[0].length;
        }
        out.push(v.slice(last));
        parts = out;
      } else if (limit === 0) {
        while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
      }
      return strList(parts);
    },
    splitByCharacterType: (_ip, v) => strList(v.match(/[A-Z]+|[a-z]+|[0-9]+|[^A-Za-z0-9]+/g) ?? []),
    charAt: (ip, v, a) => v.charCodeAt(int(ip, a[0])),
    codePointAt: (ip, v, a) => v.codePointAt(int(ip, a[0])) ?? ip.throwApex("StringException", "index out of bounds"),
    getChars: (_ip, v) =>
      new ApexList(
        { k: "prim", name: "Integer" },
        [...v].map((c) => c.codePointAt(0)!),
      ),
    isNumeric: (_ip, v) => /^[0-9]+$/.test(v),
    isAlpha: (_ip, v) => /^[A-Za-z]+$/.test(v),
    isAlphanumeric: (_ip, v) => /^[A-Za-z0-9]+$/.test(v),
    isAlphaSpace: (_ip, v) => /^[A-Za-z ]*$/.test(v),
    isAllLowerCase: (_ip, v) => v !== "" && v === v.toLowerCase() && /[a-z]/.test(v),
    isAllUpperCase: (_ip, v) => v !== "" && v === v.toUpperCase() && /[A-Z]/.test(v),
    isWhitespace: (_ip, v) => v === "" || [...v].every(isWhitespace),
    capitalize: (_ip, v) => (v ? v[0].toUpperCase() + v.slice(1) : v),
    uncapitalize: (_ip, v) => (v ? v[0].toLowerCase() + v.slice(1) : v),
    reverse: (_ip, v) => [...v].reverse().join(""),
    repeat: (ip, v, a) =>
      noteString(ip, a.length > 1 ? Array(int(ip, a[1])).fill(v).join(s(ip, a[0])) : v.repeat(int(ip, a[0]))),
    leftPad: (ip, v, a) => v.padStart(int(ip, a[0]), a.length > 1 ? s(ip, a[1]) : " "),
    rightPad: (ip, v, a) => v.padEnd(int(ip, a[0]), a.length > 1 ? s(ip, a[1]) : " "),
    abbreviate: (ip, v, a) => {
      const max = int(ip, a[0]);
      if (max < 4) ip.throwApex("StringException", "Minimum abbreviation width is 4");
      return v.length <= max ? v : v.slice(0, max - 3) + "...";
    },
    normalizeSpace: (_ip, v) => v.trim().replace(/\s+/g, " "),
    deleteWhitespace: (_ip, v) => v.replace(/\s+/g, ""),
    countMatches: (ip, v, a) => {
      const sub = s(ip, a[0]);
      return sub ? v.split(sub).length - 1 : 0;
    },
    escapeHtml4: (_ip, v) =>
      v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
    escapeJava: (_ip, v) => JSON.stringify(v).slice(1, -1),
    escapeCsv: (_ip, v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v),
    unescapeCsv: (_ip, v) => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v),
    stripHtmlTags: (_ip, v) => v.replace(/<[^>]*>/g, ""),
    hashCode: (_ip, v) => {
      let h = 0;
      for (let i = 0; i < v.length; i++) h = (Math.imul(h, 31) + v.charCodeAt(i)) | 0;
      return h;
    },
    matches: (ip, v, a) => regex(ip, `^(?:${s(ip, a[0])})$`, "").test(v),
    toString: (_ip: Interpreter, v: string) => v,
    format: (_ip, v) => v,
    isEmpty: (_ip, v) => v === "",
    difference: (ip, v, a) => {
      const o = s(ip, a[0]);
      let i = 0;
      while (i < v.length && i < o.length && v[i] === o[i]) i++;
      return o.slice(i);
    },
    fromCharArray: (_ip, v) => v,
  });
  void Blob;
  void Decimal;
  void sOrNull;
}
