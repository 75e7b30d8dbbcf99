import { Decimal } from './decimal';
import { ExpressionError, checkExpression, evaluate, getPath, looseEquals, renderTemplate, templatePaths, truthy } from './expression';

const data = {
  parameters: { limit: '10', approvers: ['a', 'b', 'c'], zero: 0 },
  subject: { amount: '12500.50', discount: '12.5', title: 'ACME', nested: { deep: [{ x: 1 }] } },
  results: { A1: { result: 'APPROVED', output: { total: '99.90' } } },
  lastResult: 'REJECTED',
  vars: { i: 2 },
};

function fails(rule: unknown, ctx: unknown = data): string {
  try {
    evaluate(rule as never, ctx);
  } catch (e) {
    if (e instanceof ExpressionError) return e.code;
    throw e;
  }
  throw new Error(`${JSON.stringify(rule)} did not fail`);
}

describe('Decimal', () => {
  it('parses numbers and numeric strings exactly, and rejects anything else', () => {
    expect(Decimal.from('12500.50')?.toString()).toBe('12500.5');
    expect(Decimal.from('-0.000')?.toString()).toBe('0');
    expect(Decimal.from('1e3')?.toString()).toBe('1000');
    expect(Decimal.from('2.5E-3')?.toString()).toBe('0.0025');
    expect(Decimal.from(0.1)?.toString()).toBe('0.1');
    expect(Decimal.from(1e-7)?.toString()).toBe('0.0000001');
    expect(Decimal.from('.5')?.toString()).toBe('0.5');
    expect(Decimal.from('+7.')?.toString()).toBe('7');
    for (const bad of ['', ' 1', '1,5', 'abc', '1e', '--1', null, true, NaN, Infinity, [1], {}]) expect(Decimal.from(bad)).toBeNull();
  });

  it('adds, subtracts, multiplies, divides and compares without binary rounding', () => {
    const d = (s: string) => Decimal.from(s)!;
    expect(d('0.1').plus(d('0.2')).toString()).toBe('0.3');
    expect(d('12500.50').minus(d('0.51')).toString()).toBe('12499.99');
    expect(d('19.99').times(d('3')).toString()).toBe('59.97');
    expect(d('1').dividedBy(d('3')).toString()).toBe('0.33333333333333333333');
    expect(d('2').dividedBy(d('3')).toString()).toBe('0.66666666666666666667');
    expect(d('-2').dividedBy(d('3')).toString()).toBe('-0.66666666666666666667');
    expect(d('10').dividedBy(d('-4')).toString()).toBe('-2.5');
    expect(d('7.5').modulo(d('2')).toString()).toBe('1.5');
    expect(d('-7').modulo(d('3')).toString()).toBe('-1');
    expect(d('100000000000000000000.01').compare(d('100000000000000000000'))).toBe(1);
    expect(d('9.5').compare(d('10'))).toBe(-1);
    expect(d('1.50').compare(d('1.5'))).toBe(0);
    expect(() => d('1').dividedBy(d('0'))).toThrow(RangeError);
  });
});

describe('evaluate', () => {
  it('reads variables with paths, list indices, length and defaults', () => {
    expect(evaluate({ var: 'subject.title' }, data)).toBe('ACME');
    expect(evaluate({ var: 'subject.nested.deep.0.x' }, data)).toBe(1);
    expect(evaluate({ var: 'parameters.approvers.length' }, data)).toBe(3);
    expect(evaluate({ var: 'parameters.approvers.1' }, data)).toBe('b');
    expect(evaluate({ var: 'subject.title.length' }, data)).toBe(4);
    expect(evaluate({ var: 'subject.nope' }, data)).toBeNull();
    expect(evaluate({ var: ['subject.nope', 'fallback'] }, data)).toBe('fallback');
    expect(evaluate({ var: ['parameters.zero', 5] }, data)).toBe(0);
    expect(evaluate({ var: 'results.A1.output.total' }, data)).toBe('99.90');
    expect(evaluate({ var: '' }, { a: 1 })).toEqual({ a: 1 });
    expect(evaluate({ var: { cat: ['subject.', 'title'] } }, data)).toBe('ACME');
  });

  it('does not reach prototype properties', () => {
    expect(evaluate({ var: 'subject.constructor' }, data)).toBeNull();
    expect(evaluate({ var: 'subject.__proto__' }, data)).toBeNull();
    expect(evaluate({ var: 'subject.title.constructor' }, data)).toBeNull();
    expect(evaluate({ var: 'parameters.approvers.map' }, data)).toBeNull();
    expect(getPath({ a: [1] }, 'a.5')).toBeUndefined();
  });

  it('compares money strings as decimals', () => {
    expect(evaluate({ '>': [{ var: 'subject.discount' }, { var: 'parameters.limit' }] }, data)).toBe(true);
    expect(evaluate({ '<': ['9.99', '10'] }, data)).toBe(true);
    expect(evaluate({ '<': ['9', '10'] }, data)).toBe(true);
    expect(evaluate({ '>=': ['10.00', 10] }, data)).toBe(true);
    expect(evaluate({ '<=': ['10.01', 10] }, data)).toBe(false);
    expect(evaluate({ '==': ['10.50', 10.5] }, data)).toBe(true);
    expect(evaluate({ '!=': ['10.50', '10.5'] }, data)).toBe(false);
    expect(evaluate({ '===': ['10.50', '10.5'] }, data)).toBe(false);
    expect(evaluate({ '!==': [1, 1] }, data)).toBe(false);
    expect(evaluate({ '<': [1, 2, 3] }, data)).toBe(true);
    expect(evaluate({ '<=': [1, 4, 3] }, data)).toBe(false);
    expect(evaluate({ '<': ['2024-01-31', '2024-02-01'] }, data)).toBe(true);
  });

  it('has no loose JavaScript coercions', () => {
    expect(evaluate({ '==': ['1', true] }, data)).toBe(false);
    expect(evaluate({ '==': [0, false] }, data)).toBe(false);
    expect(evaluate({ '==': [null, { var: 'nothing.here' }] }, data)).toBe(true);
    expect(evaluate({ '==': [null, 0] }, data)).toBe(false);
    expect(evaluate({ '<': [null, 1] }, data)).toBe(false);
    expect(evaluate({ '>': ['abc', 1] }, data)).toBe(false);
    // Object literals would read as operators, so structured values come from the data.
    const structured = { p: [1, { a: '2' }], q: [1, { a: '2' }], r: [1, { a: '3' }] };
    expect(evaluate({ '==': [{ var: 'p' }, { var: 'q' }] }, structured)).toBe(true);
    expect(evaluate({ '==': [{ var: 'p' }, { var: 'r' }] }, structured)).toBe(false);
  });

  it('computes exactly, giving numbers for numbers and decimal strings for strings', () => {
    expect(evaluate({ '+': [0.1, 0.2] }, data)).toBe(0.3);
    expect(evaluate({ '+': ['0.1', 0.2] }, data)).toBe('0.3');
    expect(evaluate({ '+': [] }, data)).toBe(0);
    expect(evaluate({ '+': ['5'] }, data)).toBe('5');
    expect(evaluate({ '-': [{ var: 'subject.amount' }, '500.5'] }, data)).toBe('12000');
    expect(evaluate({ '-': [3] }, data)).toBe(-3);
    expect(evaluate({ '*': ['19.99', 3] }, data)).toBe('59.97');
    expect(evaluate({ '/': [{ var: 'subject.amount' }, 100] }, data)).toBe('125.005');
    expect(evaluate({ '%': [7, 4] }, data)).toBe(3);
    expect(evaluate({ max: ['9', '10', 2] }, data)).toBe('10');
    expect(evaluate({ min: ['9', '10', 2] }, data)).toBe(2);
    expect(evaluate({ max: [] }, data)).toBeNull();
    expect(evaluate({ cat: ['Deal ', { var: 'subject.title' }, ' #', 5, null] }, data)).toBe('Deal ACME #5');
  });

  it('logic: and/or return the deciding operand, ! and !! use JSON Logic truthiness', () => {
    expect(evaluate({ and: [true, 'x', 0] }, data)).toBe(0);
    expect(evaluate({ and: [true, 'x'] }, data)).toBe('x');
    expect(evaluate({ or: [false, [], 'y'] }, data)).toBe('y');
    expect(evaluate({ or: [false, null] }, data)).toBeNull();
    expect(evaluate({ '!': [[]] }, data)).toBe(true);
    expect(evaluate({ '!': '0' }, data)).toBe(false);
    expect(evaluate({ '!!': [{ var: 'lastResult' }] }, data)).toBe(true);
    expect(truthy([])).toBe(false);
    expect(truthy([0])).toBe(true);
  });

  it('and/or/if evaluate lazily (a failing branch not taken does not fail)', () => {
    const boom = { '/': [1, 0] };
    expect(evaluate({ and: [false, boom] }, data)).toBe(false);
    expect(evaluate({ or: [true, boom] }, data)).toBe(true);
    expect(evaluate({ if: [true, 'yes', boom] }, data)).toBe('yes');
  });

  it('if chains conditions with an optional else', () => {
    const rule = (x: number) => ({ if: [{ '<': [x, 10] }, 'small', { '<': [x, 100] }, 'medium', 'large'] });
    expect(evaluate(rule(5), data)).toBe('small');
    expect(evaluate(rule(50), data)).toBe('medium');
    expect(evaluate(rule(500), data)).toBe('large');
    expect(evaluate({ if: [false, 'x'] }, data)).toBeNull();
  });

  it('in: membership in lists (decimal-aware) and substrings', () => {
    expect(evaluate({ in: [{ var: 'lastResult' }, ['APPROVED', 'REJECTED']] }, data)).toBe(true);
    expect(evaluate({ in: ['10', [10.0, 2]] }, data)).toBe(true);
    expect(evaluate({ in: ['CM', { var: 'subject.title' }] }, data)).toBe(true);
    expect(evaluate({ in: ['x', null] }, data)).toBe(false);
  });

  it('evaluates arrays element-wise and returns literals as they are', () => {
    expect(evaluate([1, { var: 'vars.i' }, 'x'], data)).toEqual([1, 2, 'x']);
    expect(evaluate('text', data)).toBe('text');
    expect(evaluate(null, data)).toBeNull();
  });

  it('fails with a code on unknown operators, malformed objects, non-numbers and division by zero', () => {
    expect(fails({ eval: 'process.exit()' })).toBe('UNKNOWN_OPERATOR');
    expect(fails({ constructor: [] })).toBe('UNKNOWN_OPERATOR');
    expect(fails({ a: 1, b: 2 })).toBe('INVALID_EXPRESSION');
    expect(fails({})).toBe('INVALID_EXPRESSION');
    expect(fails({ '+': [1, 'abc'] })).toBe('NOT_A_NUMBER');
    expect(fails({ '+': [1, { var: 'vars.missing' }] })).toBe('NOT_A_NUMBER');
    expect(fails({ '/': [1, 0] })).toBe('DIVISION_BY_ZERO');
    expect(fails({ '%': ['1', '0.00'] })).toBe('DIVISION_BY_ZERO');
    expect(fails({ '-': [1, 2, 3] })).toBe('INVALID_EXPRESSION');
    expect(fails({ '*': [] })).toBe('INVALID_EXPRESSION');
  });
});

describe('looseEquals', () => {
  it('treats null and missing alike and compares decimals by value', () => {
    expect(looseEquals(undefined, null)).toBe(true);
    expect(looseEquals('0.0', 0)).toBe(true);
    expect(looseEquals('a', 'a')).toBe(true);
    expect(looseEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('checkExpression', () => {
  it('accepts valid rules', () => {
    expect(checkExpression({ and: [{ '>': [{ var: 'subject.x' }, 1] }, { in: ['a', ['a']] }] })).toEqual([]);
    expect(checkExpression(42)).toEqual([]);
  });

  it('reports unknown operators, malformed objects, wrong operand counts and bad paths, everywhere in the tree', () => {
    const issues = checkExpression(
      { and: [{ exec: 1 }, { a: 1, b: 2 }, { '==': [1] }, { var: 'nowhere.x' }, { '!': [{ '/': [1, 2, 3] }] }, Infinity] },
      (path) => (path.startsWith('nowhere') ? `bad ${path}` : null),
    );
    expect(issues.map((i) => i.code)).toEqual([
      'UNKNOWN_OPERATOR',
      'INVALID_EXPRESSION',
      'INVALID_EXPRESSION',
      'UNKNOWN_VARIABLE',
      'INVALID_EXPRESSION',
      'INVALID_EXPRESSION',
    ]);
    expect(issues[0].message).toContain('exec');
    expect(issues[3].message).toBe('bad nowhere.x');
  });
});

describe('templates', () => {
  it('fills placeholders from the context; missing values are empty', () => {
    expect(renderTemplate('Approve {{ subject.title }} for {{subject.amount}} ({{vars.none}})', data)).toBe('Approve ACME for 12500.50 ()');
    expect(renderTemplate('Deep {{subject.nested.deep}}', data)).toBe('Deep [{"x":1}]');
    expect(templatePaths('{{a.b}} and {{ c }}')).toEqual(['a.b', 'c']);
  });
});
