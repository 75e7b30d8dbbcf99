/**
 * Exact decimal arithmetic for the expression language, on BigInt.
 *
 * Money reaches conditions as decimal strings ("12500.50"); comparing those as JavaScript numbers or as strings is
 * wrong ("9" > "10" as strings, 0.1 + 0.2 !== 0.3 as floats). The package is shared with the web app and has no
 * dependencies, so instead of decimal.js it carries this small exact type: a BigInt coefficient and a decimal scale.
 */

/** Fractional digits kept by division (rounded half away from zero). */
export const DIVISION_SCALE = 20;

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export class Decimal {
  /** value = coefficient / 10^scale, scale >= 0 */
  private constructor(
    readonly coefficient: bigint,
    readonly scale: number,
  ) {}

  /** A JS number (finite) or a numeric string, else null. Booleans, null and '' are not numbers. */
  static from(value: unknown): Decimal | null {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
      return Decimal.parse(String(value));
    }
    if (typeof value === 'string') return NUMERIC.test(value) ? Decimal.parse(value) : null;
    return null;
  }

  static isNumeric(value: unknown): boolean {
    return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMERIC.test(value));
  }

  private static parse(text: string): Decimal {
    let s = text;
    let negative = false;
    if (s[0] === '+' || s[0] === '-') {
      negative = s[0] === '-';
      s = s.slice(1);
    }
    let exponent = 0;
    const e = s.search(/[eE]/);
    if (e >= 0) {
      exponent = Number(s.slice(e + 1));
      s = s.slice(0, e);
    }
    const dot = s.indexOf('.');
    let digits = s;
    let scale = 0;
    if (dot >= 0) {
      digits = s.slice(0, dot) + s.slice(dot + 1);
      scale = s.length - dot - 1;
    }
    scale -= exponent;
    let coefficient = BigInt(digits === '' ? '0' : digits);
    if (scale < 0) {
      coefficient *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(negative ? -coefficient : coefficient, scale).normalize();
  }

  private static of(coefficient: bigint, scale: number): Decimal {
    return new Decimal(coefficient, scale).normalize();
  }

  /** Strips trailing fractional zeros so equal values have equal representations. */
  private normalize(): Decimal {
    let c = this.coefficient;
    let s = this.scale;
    while (s > 0 && c % 10n === 0n) {
      c /= 10n;
      s -= 1;
    }
    if (c === 0n) s = 0;
    return c === this.coefficient && s === this.scale ? this : new Decimal(c, s);
  }

  private rescaled(scale: number): bigint {
    return this.coefficient * 10n ** BigInt(scale - this.scale);
  }

  compare(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.rescaled(scale);
    const b = other.rescaled(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  isZero(): boolean {
    return this.coefficient === 0n;
  }

  plus(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return Decimal.of(this.rescaled(scale) + other.rescaled(scale), scale);
  }

  minus(other: Decimal): Decimal {
    return this.plus(other.negated());
  }

  negated(): Decimal {
    return new Decimal(-this.coefficient, this.scale);
  }

  times(other: Decimal): Decimal {
    return Decimal.of(this.coefficient * other.coefficient, this.scale + other.scale);
  }

  /** Division with DIVISION_SCALE fractional digits; the caller rejects a zero divisor. */
  dividedBy(other: Decimal): Decimal {
    if (other.isZero()) throw new RangeError('Division by zero');
    // a/b = (ca / 10^sa) / (cb / 10^sb) = ca * 10^sb / (cb * 10^sa); scaled by 10^P for P fractional digits.
    let numerator = this.coefficient * 10n ** BigInt(other.scale + DIVISION_SCALE);
    let denominator = other.coefficient * 10n ** BigInt(this.scale);
    if (denominator < 0n) {
      numerator = -numerator;
      denominator = -denominator;
    }
    let quotient = numerator / denominator;
    const remainder = numerator % denominator;
    const abs = remainder < 0n ? -remainder : remainder;
    if (abs * 2n >= denominator) quotient += numerator < 0n ? -1n : 1n;
    return Decimal.of(quotient, DIVISION_SCALE);
  }

  /** Remainder with the sign of the dividend, as JavaScript's `%`; the caller rejects a zero divisor. */
  modulo(other: Decimal): Decimal {
    if (other.isZero()) throw new RangeError('Division by zero');
    const scale = Math.max(this.scale, other.scale);
    return Decimal.of(this.rescaled(scale) % other.rescaled(scale), scale);
  }

  /** Plain notation without exponent or trailing zeros: "12500.5", "-0.001", "0". */
  toString(): string {
    const negative = this.coefficient < 0n;
    let digits = (negative ? -this.coefficient : this.coefficient).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = `${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
    }
    return negative ? `-${digits}` : digits;
  }

  toNumber(): number {
    return Number(this.toString());
  }
}
