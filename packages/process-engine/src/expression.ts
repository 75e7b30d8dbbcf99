/**
 * A safe JSON Logic subset for conditions, switches, parameter mappings and assignments. Rules are data; nothing is
 * compiled or `eval`-ed, and property access is limited to own properties of JSON values (and `length` of lists).
 *
 * Numbers and numeric strings are compared and computed as exact decimals (see decimal.ts), so money given as
 * strings compares correctly: {"<": ["9.99", "10"]} is true, {"==": [{"+": ["0.1", "0.2"]}, "0.3"]} is true.
 */
import { Decimal } from './decimal';
import type { Expression, JsonValue } from './types';

export const OPERATORS = [
  'var',
  '==',
  '!=',
  '===',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'or',
  '!',
  '!!',
  'in',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'if',
  'cat',
] as const;
export type Operator = (typeof OPERATORS)[number];
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

/** The names an expression can read: `{"var": "parameters.amount"}`, `{"var": "results.A1.result"}`... */
export const CONTEXT_ROOTS = ['parameters', 'subject', 'results', 'lastResult', 'vars', 'branch'] as const;

export type ExpressionErrorCode = 'UNKNOWN_OPERATOR' | 'INVALID_EXPRESSION' | 'NOT_A_NUMBER' | 'DIVISION_BY_ZERO';

export class ExpressionError extends Error {
  constructor(
    readonly code: ExpressionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** JSON Logic truthiness: an empty list is false, everything else as in JavaScript ("0" is true). */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/**
 * Reads a dotted path. Only own properties of objects, list indices and the `length` of lists and strings are
 * visible, so `constructor`, `__proto__` and the like read as missing.
 */
export function getPath(data: unknown, path: string | number): unknown {
  if (path === '') return data;
  let current: unknown = data;
  for (const segment of String(path).split('.')) {
    if (Array.isArray(current)) {
      if (segment === 'length') current = current.length;
      else if (/^\d+$/.test(segment) && Number(segment) < current.length) current = current[Number(segment)];
      else return undefined;
    } else if (typeof current === 'string') {
      if (segment !== 'length') return undefined;
      current = current.length;
    } else if (isPlainObject(current)) {
      if (!hasOwn(current, segment)) return undefined;
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * `==`: numbers and numeric strings compare as exact decimals ("10.50" == 10.5); null equals a missing value;
 * everything else compares strictly (lists and objects by content). No other coercion: "1" != true.
 */
export function looseEquals(a: unknown, b: unknown): boolean {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing && bMissing;
  const da = Decimal.from(a);
  const db = Decimal.from(b);
  if (da && db) return da.compare(db) === 0;
  return deepEqual(a, b);
}

/**
 * Ordering: decimals numerically; two non-numeric strings by code units (ISO dates sort right); anything else
 * (a number against text, null, booleans) is unordered, so every ordering comparison of it is false.
 */
function order(a: unknown, b: unknown): -1 | 0 | 1 | null {
  const da = Decimal.from(a);
  const db = Decimal.from(b);
  if (da && db) return da.compare(db);
  if (da || db) return null;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function toDecimal(value: unknown, op: string): Decimal {
  const d = Decimal.from(value);
  if (!d) throw new ExpressionError('NOT_A_NUMBER', `"${op}" needs numbers, got ${JSON.stringify(value) ?? 'nothing'}`);
  return d;
}

/** Results of arithmetic stay JS numbers when every operand was one, and become decimal strings otherwise. */
function arithmetic(op: string, values: unknown[], compute: (ds: Decimal[]) => Decimal): number | string {
  const ds = values.map((v) => toDecimal(v, op));
  let result: Decimal;
  try {
    result = compute(ds);
  } catch (e) {
    if (e instanceof RangeError) throw new ExpressionError('DIVISION_BY_ZERO', `"${op}" divides by zero`);
    throw e;
  }
  return values.every((v) => typeof v === 'number') ? result.toNumber() : result.toString();
}

function args(rule: Record<string, unknown>, op: string): unknown[] {
  const raw = rule[op];
  return Array.isArray(raw) ? raw : [raw];
}

/** Evaluates a rule against `data`. Throws {@link ExpressionError} on unknown operators and type errors. */
export function evaluate(rule: Expression | undefined, data: unknown): JsonValue {
  const value = evaluateAny(rule, data);
  return value === undefined ? null : (value as JsonValue);
}

function evaluateAny(rule: unknown, data: unknown): unknown {
  if (Array.isArray(rule)) return rule.map((r) => evaluateAny(r, data));
  if (!isPlainObject(rule)) return rule;
  const keys = Object.keys(rule);
  if (keys.length !== 1) {
    throw new ExpressionError('INVALID_EXPRESSION', `An expression object has exactly one operator, got {${keys.join(', ')}}`);
  }
  const op = keys[0];
  if (!OPERATOR_SET.has(op)) throw new ExpressionError('UNKNOWN_OPERATOR', `Unknown operator "${op}"`);
  const a = args(rule, op);

  // Lazy operators first: they evaluate only the operands they need.
  switch (op) {
    case 'if': {
      let i = 0;
      for (; i + 1 < a.length; i += 2) {
        if (truthy(evaluateAny(a[i], data))) return evaluateAny(a[i + 1], data);
      }
      return i < a.length ? evaluateAny(a[i], data) : null;
    }
    case 'and': {
      let last: unknown = null;
      for (const r of a) {
        last = evaluateAny(r, data);
        if (!truthy(last)) return last;
      }
      return last;
    }
    case 'or': {
      let last: unknown = null;
      for (const r of a) {
        last = evaluateAny(r, data);
        if (truthy(last)) return last;
      }
      return last;
    }
  }

  const v = a.map((r) => evaluateAny(r, data));
  switch (op as Operator) {
    case 'var': {
      const path = v[0];
      const found = path === null || path === undefined ? data : getPath(data, path as string | number);
      return found === undefined || found === null ? (v.length > 1 ? v[1] : null) : found;
    }
    case '==':
      return looseEquals(v[0], v[1]);
    case '!=':
      return !looseEquals(v[0], v[1]);
    case '===':
      return deepEqual(v[0], v[1]);
    case '!==':
      return !deepEqual(v[0], v[1]);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const test = (x: unknown, y: unknown): boolean => {
        const o = order(x, y);
        if (o === null) return false;
        return op === '<' ? o < 0 : op === '<=' ? o <= 0 : op === '>' ? o > 0 : o >= 0;
      };
      // JSON Logic's "between": {"<": [a, b, c]} is a < b < c.
      if (v.length === 3 && (op === '<' || op === '<=')) return test(v[0], v[1]) && test(v[1], v[2]);
      return test(v[0], v[1]);
    }
    case '!':
      return !truthy(v[0]);
    case '!!':
      return truthy(v[0]);
    case 'in': {
      const [needle, haystack] = v;
      if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
      if (Array.isArray(haystack)) return haystack.some((x) => looseEquals(x, needle));
      return false;
    }
    case '+':
      return arithmetic(op, v, (ds) => ds.reduce((s, d) => s.plus(d), toDecimal(0, op)));
    case '*':
      if (v.length === 0) throw new ExpressionError('INVALID_EXPRESSION', '"*" needs operands');
      return arithmetic(op, v, (ds) => ds.slice(1).reduce((p, d) => p.times(d), ds[0]));
    case '-':
      if (v.length === 1) return arithmetic(op, v, (ds) => ds[0].negated());
      if (v.length !== 2) throw new ExpressionError('INVALID_EXPRESSION', '"-" takes one or two operands');
      return arithmetic(op, v, (ds) => ds[0].minus(ds[1]));
    case '/':
      if (v.length !== 2) throw new ExpressionError('INVALID_EXPRESSION', '"/" takes two operands');
      return arithmetic(op, v, (ds) => ds[0].dividedBy(ds[1]));
    case '%':
      if (v.length !== 2) throw new ExpressionError('INVALID_EXPRESSION', '"%" takes two operands');
      return arithmetic(op, v, (ds) => ds[0].modulo(ds[1]));
    case 'min':
    case 'max': {
      if (v.length === 0) return null;
      const ds = v.map((x) => toDecimal(x, op));
      let best = 0;
      for (let i = 1; i < ds.length; i += 1) {
        const c = ds[i].compare(ds[best]);
        if (op === 'min' ? c < 0 : c > 0) best = i;
      }
      return v[best];
    }
    case 'cat':
      return v.map((x) => (x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x))).join('');
  }
  /* istanbul ignore next -- every operator in OPERATORS is handled above */
  throw new ExpressionError('UNKNOWN_OPERATOR', `Unknown operator "${op}"`);
}

// ---------------------------------------------------------------- static checks

export interface ExpressionIssue {
  code: 'UNKNOWN_OPERATOR' | 'INVALID_EXPRESSION' | 'UNKNOWN_VARIABLE';
  message: string;
}

const ARITY: Partial<Record<Operator, [number, number]>> = {
  '==': [2, 2],
  '!=': [2, 2],
  '===': [2, 2],
  '!==': [2, 2],
  '<': [2, 3],
  '<=': [2, 3],
  '>': [2, 2],
  '>=': [2, 2],
  '!': [1, 1],
  '!!': [1, 1],
  in: [2, 2],
  '-': [1, 2],
  '/': [2, 2],
  '%': [2, 2],
  '*': [1, Infinity],
  var: [0, 2],
  if: [1, Infinity],
};

/**
 * Finds the problems of a rule without evaluating it: unknown operators, malformed objects, wrong operand
 * counts, and (through `checkPath`) literal `var` paths that cannot exist.
 */
export function checkExpression(rule: unknown, checkPath?: (path: string) => string | null): ExpressionIssue[] {
  const issues: ExpressionIssue[] = [];
  const visit = (r: unknown): void => {
    if (Array.isArray(r)) {
      r.forEach(visit);
      return;
    }
    if (typeof r === 'number' && !Number.isFinite(r)) {
      issues.push({ code: 'INVALID_EXPRESSION', message: 'Numbers must be finite' });
      return;
    }
    if (!isPlainObject(r)) {
      if (r !== null && !['string', 'number', 'boolean'].includes(typeof r)) {
        issues.push({ code: 'INVALID_EXPRESSION', message: `Not a JSON value: ${typeof r}` });
      }
      return;
    }
    const keys = Object.keys(r);
    if (keys.length !== 1) {
      issues.push({
        code: 'INVALID_EXPRESSION',
        message: `An expression object has exactly one operator, got {${keys.join(', ')}}`,
      });
      return;
    }
    const op = keys[0];
    if (!OPERATOR_SET.has(op)) {
      issues.push({ code: 'UNKNOWN_OPERATOR', message: `Unknown operator "${op}"` });
      return;
    }
    const a = args(r, op);
    const arity = ARITY[op as Operator];
    if (arity && (a.length < arity[0] || a.length > arity[1])) {
      issues.push({ code: 'INVALID_EXPRESSION', message: `"${op}" takes ${arity[0]}–${arity[1]} operands, got ${a.length}` });
    }
    if (op === 'var' && (typeof a[0] === 'string' || typeof a[0] === 'number') && checkPath) {
      const problem = checkPath(String(a[0]));
      if (problem) issues.push({ code: 'UNKNOWN_VARIABLE', message: problem });
    }
    a.forEach(visit);
  };
  visit(rule);
  return issues;
}

// ---------------------------------------------------------------- templates

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Fills `{{path}}` placeholders from `data`; a missing value renders as an empty string. */
export function renderTemplate(template: string, data: unknown): string {
  return template.replace(PLACEHOLDER, (_, path: string) => {
    const value = getPath(data, path);
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** The paths a template reads. */
export function templatePaths(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
