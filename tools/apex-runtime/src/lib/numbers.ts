/** Integer, Long, Decimal, Double, Boolean and Math. */
import { asText } from "../interp/text";
import type { RoundingMode } from "../interp/decimal";
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { toDecimal, toNumber, wrapLong } from "../interp/ops";
import { str } from "../interp/stringify";
import { ApexDouble, Decimal, EnumValue, type Value } from "../interp/values";
import { dec, int, num, s } from "./args";

function parseIntStrict(ip: Interpreter, text: string, type: "Integer" | "Long"): number | bigint {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return ip.throwApex("TypeException", `Invalid ${type.toLowerCase()}: ${text}`);
  const b = BigInt(t);
  if (type === "Integer") {
    if (b > 2147483647n || b < -2147483648n) return ip.throwApex("TypeException", `Invalid integer: ${text}`);
    return Number(b);
  }
  return b;
}

function parseDecimal(ip: Interpreter, text: string): Decimal {
  try {
    return Decimal.parse(text);
  } catch {
    return ip.throwApex("TypeException", `Invalid decimal: ${text}`);
  }
}

function rounding(v: Value | undefined): RoundingMode {
  return v instanceof EnumValue ? (v.name as RoundingMode) : "HALF_EVEN";
}

/** Formats a number with grouping the way Decimal.format() does for the en_US locale. */
function group(text: string): string {
  const neg = text.startsWith("-");
  const [i, f] = (neg ? text.slice(1) : text).split(".");
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + g + (f ? "." + f : "");
}

export function registerNumbers(n: Natives): void {
  n.static("Integer", {
    valueOf: (ip: Interpreter, a: Value[]) => {
      const v = a[0];
      if (v === null) return null;
      if (typeof v === "string") return parseIntStrict(ip, v, "Integer");
      return Math.trunc(toNumber(v)) | 0;
    },
  });
  n.static("Long", {
    valueOf: (ip: Interpreter, a: Value[]) =>
      a[0] === null
        ? null
        : typeof a[0] === "string"
          ? parseIntStrict(ip, a[0], "Long")
          : BigInt(Math.trunc(toNumber(a[0]))),
  });
  n.static("Decimal", {
    valueOf: (ip: Interpreter, a: Value[]) => {
      const v = a[0];
      if (v === null) return null;
      if (typeof v === "string") return parseDecimal(ip, v);
      if (v instanceof ApexDouble) return Decimal.fromDouble(v.v);
      return toDecimal(v);
    },
  });
  n.static("Double", {
    valueOf: (ip: Interpreter, a: Value[]) => {
      const v = a[0];
      if (v === null) return null;
      if (typeof v === "string") {
        const d = Number(v.trim());
        if (v.trim() === "" || Number.isNaN(d)) return ip.throwApex("TypeException", `Invalid double: ${v}`);
        return new ApexDouble(d);
      }
      return new ApexDouble(toNumber(v));
    },
  });
  n.static("Boolean", {
    valueOf: (_ip: Interpreter, a: Value[]) =>
      a[0] === null ? null : typeof a[0] === "boolean" ? a[0] : asText(a[0]).toLowerCase() === "true",
  });

  const common = {
    format: (ip: Interpreter, v: Value) => group(str(ip, v)),
    intValue: (_ip: Interpreter, v: Value) => Math.trunc(toNumber(v)) | 0,
    longValue: (_ip: Interpreter, v: Value) => (typeof v === "bigint" ? v : wrapLong(BigInt(Math.trunc(toNumber(v))))),
    doubleValue: (_ip: Interpreter, v: Value) => new ApexDouble(toNumber(v)),
    toString: (ip: Interpreter, v: Value) => str(ip, v),
    equals: (ip: Interpreter, v: Value, a: Value[]) => a[0] !== null && str(ip, v) === str(ip, a[0]),
    hashCode: (_ip: Interpreter, v: Value) => Math.trunc(toNumber(v)) | 0,
  };
  n.methods<Value>("integer", { ...common });
  n.methods<Value>("long", { ...common });
  n.methods<Value>("double", {
    ...common,
    round: (_ip, v) => BigInt(Math.round(toNumber(v))),
    decimalValue: (_ip, v) => Decimal.fromDouble(toNumber(v)),
  });
  n.methods<Decimal>("decimal", {
    ...common,
    setScale: (ip, v, a) => {
      const sc = int(ip, a[0]);
      const mode = rounding(a[1]);
      try {
        return v.withScale(sc, mode);
      } catch {
        return ip.throwApex("MathException", "Rounding necessary");
      }
    },
    scale: (_ip, v) => v.scale,
    precision: (_ip, v) => v.precision(),
    abs: (_ip, v) => v.abs(),
    round: (_ip, v, a) => v.toBigInt(a.length ? rounding(a[0]) : "HALF_EVEN"),
    stripTrailingZeros: (_ip, v) => v.stripTrailingZeros(),
    toPlainString: (_ip, v) => v.toPlainString(),
    divide: (ip, v, a) => {
      const d = dec(ip, a[0]);
      if (d.isZero()) return ip.throwApex("MathException", "Divide by 0");
      const sc = int(ip, a[1]);
      const mode = rounding(a[2]);
      // exact long division at a higher scale, then round to the requested scale
      const q = v.withScale(sc + d.scale + 20).div(d);
      return q.withScale(sc, mode);
    },
    pow: (ip, v, a) => {
      let r = Decimal.fromInt(1);
      for (let i = 0; i < int(ip, a[0]); i++) r = r.mul(v);
      return r;
    },
    signum: (_ip, v) => v.signum(),
    intValue: (_ip, v) => Number(v.toBigInt("DOWN")) | 0,
    longValue: (_ip, v) => wrapLong(v.toBigInt("DOWN")),
    format: (_ip, v) => group(v.toPlainString()),
    equals: (ip, v, a) => a[0] instanceof Decimal && a[0].scale === v.scale && a[0].unscaled === v.unscaled,
  });
  n.methods<boolean>("boolean", {
    toString: (_ip: Interpreter, v: boolean) => String(v),
    equals: (_ip, v, a) => v === a[0],
    hashCode: (_ip, v) => (v ? 1231 : 1237),
  });

  const numeric = (f: (x: number) => number) => (ip: Interpreter, a: Value[]) => new ApexDouble(f(num(ip, a[0])));
  const sameKind = (ip: Interpreter, a: Value[], pick: (x: number, y: number) => boolean) => {
    const x = a[0];
    const y = a[1];
    if (x === null || y === null) return ip.npe();
    if (x instanceof Decimal || y instanceof Decimal)
      return pick(toNumber(x), toNumber(y)) ? toDecimal(x) : toDecimal(y);
    return pick(toNumber(x), toNumber(y)) ? x : y;
  };
  n.static("Math", {
    max: (ip, a) => sameKind(ip, a, (x, y) => x >= y),
    min: (ip, a) => sameKind(ip, a, (x, y) => x <= y),
    abs: (ip, a) => {
      const v = a[0];
      if (v === null) return ip.npe();
      if (typeof v === "number") return Math.abs(v) | 0;
      if (typeof v === "bigint") return v < 0n ? -v : v;
      if (v instanceof Decimal) return v.abs();
      return new ApexDouble(Math.abs(toNumber(v)));
    },
    floor: (ip, a) =>
      a[0] instanceof Decimal ? a[0].withScale(0, "FLOOR") : new ApexDouble(Math.floor(num(ip, a[0]))),
    ceil: (ip, a) =>
      a[0] instanceof Decimal ? a[0].withScale(0, "CEILING") : new ApexDouble(Math.ceil(num(ip, a[0]))),
    sqrt: numeric(Math.sqrt),
    exp: numeric(Math.exp),
    log: numeric(Math.log),
    log10: numeric(Math.log10),
    pow: (ip, a) => new ApexDouble(Math.pow(num(ip, a[0]), num(ip, a[1]))),
    round: (ip, a) => {
      const v = a[0];
      if (v instanceof Decimal) return Number(v.toBigInt("HALF_EVEN")) | 0;
      return Math.round(num(ip, v)) | 0;
    },
    roundToLong: (ip, a) => BigInt(Math.round(num(ip, a[0]))),
    random: () => new ApexDouble(Math.random()),
    mod: (ip, a) => {
      const x = a[0];
      const y = a[1];
      if (typeof x === "bigint" || typeof y === "bigint") {
        const d = BigInt(y as number | bigint);
        if (d === 0n) return ip.throwApex("MathException", "Divide by 0");
        return BigInt(x as number | bigint) % d;
      }
      if (int(ip, y) === 0) return ip.throwApex("MathException", "Divide by 0");
      return int(ip, x) % int(ip, y);
    },
    signum: numeric(Math.sign),
  });
  void s;
}
