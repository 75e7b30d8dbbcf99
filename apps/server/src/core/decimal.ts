import DecimalJs from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badInput } from './errors';

/**
 * Money and quantities never pass through a JS float. In the API they are decimal strings (`"12345.67"`), in the
 * database `numeric`, in code this decimal.js constructor. Its own configuration (a clone, so nothing else in the
 * process can change it): 40 significant digits — far above numeric(15,2) × numeric(15,3) — half-up rounding
 * (the usual commercial rounding to kopecks) and plain notation in `toString()` for every value we store.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
// eslint-disable-next-line @typescript-eslint/no-redeclare
export type Decimal = DecimalJs;

/** What the API accepts as a decimal: optional minus, digits, optionally a dot and digits. No exponent, no `+`, no spaces. */
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
/** Longer literals cannot be any amount or quantity we keep (numeric(15,x)); refusing them early bounds the work. */
const MAX_DECIMAL_LENGTH = 40;

export const isDecimalString = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_DECIMAL_LENGTH && DECIMAL_RE.test(value);

/**
 * The canonical decimal string of a valid literal: leading zeros dropped, `-0` as `0`, the fraction digits kept as
 * given (`"1.50"` stays `"1.50"`, so a service can still see how many were sent). Null when not a decimal literal.
 */
export function canonicalDecimal(value: string): string | null {
  if (!isDecimalString(value)) return null;
  const negative = value.startsWith('-');
  const [intPart, fracPart] = (negative ? value.slice(1) : value).split('.');
  const int = intPart.replace(/^0+(?=\d)/, '');
  const body = fracPart === undefined ? int : `${int}.${fracPart}`;
  const zero = /^[0.]+$/.test(body);
  return negative && !zero ? `-${body}` : body;
}

/** Number of digits after the decimal point of a decimal literal (`"1.50"` → 2, `"7"` → 0). */
export function fractionDigits(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * A decimal.js value from a decimal string (or a safe integer, or a Decimal). Throws on anything else — floats,
 * exponent forms, NaN, Infinity — so a float can never slip into money arithmetic.
 */
export function toDecimal(value: string | number | DecimalJs): Decimal {
  if (DecimalJs.isDecimal(value)) {
    if (!value.isFinite()) throw new TypeError('Not a finite decimal');
    return new Decimal(value);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Not a decimal: ${value} (only integers may be given as numbers)`);
    return new Decimal(value);
  }
  if (!isDecimalString(value)) throw new TypeError(`Not a decimal string: ${JSON.stringify(value)}`);
  return new Decimal(value);
}

/** Rounds to kopecks (2 digits, half up) and renders as a string with exactly two fraction digits. */
export function toMoneyString(value: DecimalJs | string | number): string {
  return toDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Rounds to 3 digits (quantities, numeric(15,3)) and renders with exactly three fraction digits. */
export function toQuantityString(value: DecimalJs | string | number): string {
  return toDecimal(value).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
}

/** The sum of decimal values (strings or Decimals), exact. */
export function sumDecimals(values: Iterable<DecimalJs | string>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(toDecimal(v));
  return total;
}

export interface DecimalRule {
  /** Most digits allowed after the point (2 for money, 3 for quantities). */
  scale: number;
  /** Total digits of the column (numeric(precision, scale)); bounds the integer part. Default 15. */
  precision?: number;
  /** `nonNegative` (default): ≥ 0; `positive`: > 0; `any`: negatives allowed. */
  sign?: 'nonNegative' | 'positive' | 'any';
}

/**
 * Service-side check of a decimal input against the column it is stored in. Returns the value as a Decimal or throws
 * a BAD_USER_INPUT naming `field`, with reason DECIMAL_INVALID / DECIMAL_SCALE / DECIMAL_TOO_LARGE / DECIMAL_NEGATIVE
 * / DECIMAL_NOT_POSITIVE.
 */
export function requireDecimal(value: string, field: string, rule: DecimalRule): Decimal {
  const canonical = typeof value === 'string' ? canonicalDecimal(value) : null;
  if (canonical === null) throw badInput(field, 'Enter a number such as 1234.56', 'DECIMAL_INVALID');
  if (fractionDigits(canonical) > rule.scale) {
    throw badInput(field, `At most ${rule.scale} digits after the decimal point are allowed`, 'DECIMAL_SCALE');
  }
  const d = new Decimal(canonical);
  const intDigits = (rule.precision ?? 15) - rule.scale;
  if (d.abs().gte(new Decimal(10).pow(intDigits))) {
    throw badInput(field, `The number is too large (at most ${intDigits} digits before the decimal point)`, 'DECIMAL_TOO_LARGE');
  }
  const sign = rule.sign ?? 'nonNegative';
  if (sign === 'nonNegative' && d.isNegative() && !d.isZero()) throw badInput(field, 'The value cannot be negative', 'DECIMAL_NEGATIVE');
  if (sign === 'positive' && !d.gt(0)) throw badInput(field, 'The value must be greater than zero', 'DECIMAL_NOT_POSITIVE');
  return d;
}

/** An amount of money (numeric(15,2)), ≥ 0 unless told otherwise. */
export const requireMoney = (value: string, field: string, sign: DecimalRule['sign'] = 'nonNegative') =>
  requireDecimal(value, field, { scale: 2, sign });

/** A quantity (numeric(15,3)), > 0 unless told otherwise. */
export const requireQuantity = (value: string, field: string, sign: DecimalRule['sign'] = 'positive') =>
  requireDecimal(value, field, { scale: 3, sign });

function scalarError(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });
}

function parseDecimalInput(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return String(value);
    throw scalarError(
      `Decimal cannot be given as the JSON number ${value}: send a string such as "12345.67"`,
      'DECIMAL_FLOAT',
    );
  }
  if (typeof value !== 'string') throw scalarError('Decimal must be a string such as "12345.67"', 'DECIMAL_INVALID');
  const canonical = canonicalDecimal(value);
  if (canonical === null) {
    throw scalarError(
      `"${value.slice(0, MAX_DECIMAL_LENGTH)}" is not a decimal: use digits with an optional minus and dot, e.g. "12345.67"`,
      'DECIMAL_INVALID',
    );
  }
  return canonical;
}

/**
 * `Decimal`: an exact decimal number as a string (`"12345.67"`, `"-3"`, `"0.125"`). Input: such a string, or an
 * integer JSON number; floats, exponents, NaN and Infinity are refused. The parsed value a resolver receives is the
 * canonical decimal string; output is always a string. How many fraction digits a field allows is the service's rule.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a string, e.g. "12345.67" (money, quantities). Never a float: an integer may be sent as a JSON number, anything else as a string without exponent.',
  serialize(value: unknown): string {
    if (DecimalJs.isDecimal(value)) {
      if (!value.isFinite()) throw new TypeError('Decimal cannot represent a non-finite value');
      return value.toFixed();
    }
    if (typeof value === 'number') {
      // Only integers: a float reaching the API means money was computed with floats somewhere.
      if (Number.isSafeInteger(value)) return String(value);
      throw new TypeError(`Decimal cannot represent the float ${value}`);
    }
    if (typeof value === 'string' && isDecimalString(value)) return value;
    throw new TypeError(`Decimal cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseDecimalInput,
  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING) return parseDecimalInput(ast.value);
    if (ast.kind === Kind.INT) return parseDecimalInput(Number(ast.value));
    if (ast.kind === Kind.FLOAT) return parseDecimalInput(Number(ast.value));
    throw scalarError('Decimal must be a string such as "12345.67"', 'DECIMAL_INVALID');
  },
});

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD` of a JS Date, read in the server's local zone — which is how node-postgres turns a `date` column into
 * a Date (local midnight). TypeORM entities give `date` columns as strings already.
 */
export function localDateOf(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's calendar date in the server's zone (or of `now`). */
export const todayLocalDate = (now: Date = new Date()) => localDateOf(now);

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDaysToLocalDate(value: string, days: number): string {
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Service-side check of an optional calendar date argument; throws BAD_USER_INPUT (reason DATE_INVALID). */
export function requireLocalDate(value: string, field: string): string {
  if (!isLocalDate(value)) throw badInput(field, 'Enter a date as YYYY-MM-DD', 'DATE_INVALID');
  return value;
}

function parseLocalDateInput(value: unknown): string {
  if (isLocalDate(value)) return value;
  throw scalarError(
    `${JSON.stringify(typeof value === 'string' ? value.slice(0, 40) : value)} is not a calendar date: use YYYY-MM-DD, e.g. "2026-03-31"`,
    'DATE_INVALID',
  );
}

/**
 * `LocalDate`: a calendar date without time or zone (`"2026-03-31"`), for planned close dates, due dates, valid-until
 * dates. Input must be a real date (no 2026-02-30); output is the same form.
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time or time zone, written YYYY-MM-DD (e.g. "2026-03-31").',
  serialize(value: unknown): string {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) throw new TypeError('LocalDate cannot represent an invalid Date');
      return localDateOf(value);
    }
    if (isLocalDate(value)) return value;
    throw new TypeError(`LocalDate cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseLocalDateInput,
  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING) return parseLocalDateInput(ast.value);
    throw scalarError('LocalDate must be a string YYYY-MM-DD', 'DATE_INVALID');
  },
});
