/**
 * Apex Decimal: an arbitrary-precision signed decimal with a scale (unscaled × 10^-scale), like Java's
 * BigDecimal which backs it on the platform. Pure and immutable.
 */

export type RoundingMode = "CEILING" | "DOWN" | "FLOOR" | "HALF_DOWN" | "HALF_EVEN" | "HALF_UP" | "UNNECESSARY" | "UP";

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

function digits(v: bigint): number {
  return (v < 0n ? -v : v).toString().length;
}

/** Divides with the given rounding; returns the rounded quotient. */
function roundDiv(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const neg = n < 0n;
  const twice = (r < 0n ? -r : r) * 2n;
  const cmpHalf = twice === d ? 0 : twice > d ? 1 : -1;
  let away: boolean;
  switch (mode) {
    case "UP":
      away = true;
      break;
    case "DOWN":
      away = false;
      break;
    case "CEILING":
      away = !neg;
      break;
    case "FLOOR":
      away = neg;
      break;
    case "HALF_UP":
      away = cmpHalf >= 0;
      break;
    case "HALF_DOWN":
      away = cmpHalf > 0;
      break;
    case "HALF_EVEN":
      away = cmpHalf > 0 || (cmpHalf === 0 && q % 2n !== 0n);
      break;
    case "UNNECESSARY":
      throw new RangeError("Rounding necessary");
  }
  return away ? (neg ? q - 1n : q + 1n) : q;
}

export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  static parse(text: string): Decimal {
    const t = text.trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) throw new TypeError(`Invalid decimal: ${text}`);
    const intPart = m[2] || "0";
    const frac = m[3] ?? "";
    let scale = frac.length;
    let unscaled = BigInt(intPart + frac);
    if (m[1] === "-") unscaled = -unscaled;
    if (m[4]) {
      scale -= parseInt(m[4], 10);
      if (scale < 0) {
        unscaled *= pow10(-scale);
        scale = 0;
      }
    }
    return new Decimal(unscaled, scale);
  }

  static fromInt(n: number | bigint): Decimal {
    return new Decimal(BigInt(n), 0);
  }

  /** Double → Decimal the way Decimal.valueOf(Double) does: via the double's shortest decimal string. */
  static fromDouble(d: number): Decimal {
    if (!Number.isFinite(d)) throw new TypeError("Invalid decimal: " + d);
    let s = String(d);
    if (!/[.eE]/.test(s)) s += ".0";
    return Decimal.parse(s);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  signum(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  withScale(scale: number, mode: RoundingMode = "HALF_EVEN"): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.unscaled * pow10(scale - this.scale), scale);
    return new Decimal(roundDiv(this.unscaled, pow10(this.scale - scale), mode), scale);
  }

  add(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.withScale(s).unscaled + o.withScale(s).unscaled, s);
  }

  sub(o: Decimal): Decimal {
    return this.add(o.negate());
  }

  mul(o: Decimal): Decimal {
    return new Decimal(this.unscaled * o.unscaled, this.scale + o.scale);
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  abs(): Decimal {
    return this.unscaled < 0n ? this.negate() : this;
  }

  /**
   * Division as BigDecimal.divide(divisor, MathContext.DECIMAL128): exact when the quotient terminates within
   * 34 digits (at the preferred scale this.scale - o.scale, or the smallest scale that represents it),
   * otherwise rounded HALF_EVEN to 34 significant digits.
   */
  div(o: Decimal): Decimal {
    if (o.unscaled === 0n) throw new RangeError("Divide by 0");
    const preferred = this.scale - o.scale;
    if (this.unscaled === 0n) return new Decimal(0n, Math.max(preferred, 0));
    const precision = 34;
    // choose a scale that yields at least `precision` + 1 significant digits
    const estDigits = digits(this.unscaled) - digits(o.unscaled) - preferred;
    let scale = precision - estDigits + 1;
    if (scale < preferred) scale = preferred;
    const shift = scale - preferred;
    const num = shift >= 0 ? this.unscaled * pow10(shift) : this.unscaled;
    const den = shift >= 0 ? o.unscaled : o.unscaled * pow10(-shift);
    let q = roundDiv(num, den, "HALF_EVEN");
    let result = new Decimal(q, scale);
    if (digits(q) > precision) {
      const drop = digits(q) - precision;
      result = result.withScale(scale - drop, "HALF_EVEN");
      q = result.unscaled;
    }
    {
      // strip trailing zeros down to the preferred scale
      let u = result.unscaled;
      let s = result.scale;
      while (s > preferred && u % TEN === 0n) {
        u /= TEN;
        s--;
      }
      if (s < 0) {
        u *= pow10(-s);
        s = 0;
      }
      result = new Decimal(u, s);
    }
    return result;
  }

  compare(o: Decimal): number {
    const s = Math.max(this.scale, o.scale);
    const a = this.withScale(s).unscaled;
    const b = o.withScale(s).unscaled;
    return a === b ? 0 : a < b ? -1 : 1;
  }

  equalsNumerically(o: Decimal): boolean {
    return this.compare(o) === 0;
  }

  precision(): number {
    return digits(this.unscaled);
  }

  stripTrailingZeros(): Decimal {
    if (this.unscaled === 0n) return new Decimal(0n, 0);
    let u = this.unscaled;
    let s = this.scale;
    while (s > 0 && u % TEN === 0n) {
      u /= TEN;
      s--;
    }
    return new Decimal(u, s);
  }

  /** Rounds to an integral value, returning it as a bigint. */
  toBigInt(mode: RoundingMode = "DOWN"): bigint {
    return this.withScale(0, mode).unscaled;
  }

  toNumber(): number {
    return Number(this.toPlainString());
  }

  toPlainString(): string {
    const neg = this.unscaled < 0n;
    let s = (neg ? -this.unscaled : this.unscaled).toString();
    if (this.scale > 0) {
      if (s.length <= this.scale) s = "0".repeat(this.scale - s.length + 1) + s;
      s = s.slice(0, s.length - this.scale) + "." + s.slice(s.length - this.scale);
    } else if (this.scale < 0) {
      s += "0".repeat(-this.scale);
    }
    return (neg ? "-" : "") + s;
  }

  toString(): string {
    return this.toPlainString();
  }
}
