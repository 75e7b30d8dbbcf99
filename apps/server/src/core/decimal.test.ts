import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import {
  addDaysToLocalDate,
  canonicalDecimal,
  Decimal,
  DecimalScalar,
  fractionDigits,
  isLocalDate,
  LocalDateScalar,
  localDateOf,
  requireDecimal,
  requireMoney,
  requireQuantity,
  sumDecimals,
  toDecimal,
  toMoneyString,
} from './decimal';
import { DomainError } from './errors';

/** A one-field schema echoing its arguments, to see the scalars as a client does. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: GraphQLString,
        args: { d: { type: DecimalScalar }, day: { type: LocalDateScalar } },
        resolve: (_root, args: { d?: string; day?: string }) => JSON.stringify(args),
      },
      amount: { type: DecimalScalar, resolve: () => new Decimal('12.50') },
      day: { type: LocalDateScalar, resolve: () => new Date(2026, 1, 28) },
    },
  }),
});

async function echo(variables: Record<string, unknown>) {
  const res = await graphql({ schema, source: 'query($d: Decimal, $day: LocalDate) { echo(d: $d, day: $day) }', variableValues: variables });
  return res;
}

function thrownBy(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('Decimal scalar', () => {
  it.each([
    ['12345.67', '12345.67'],
    ['-3', '-3'],
    ['007.50', '7.50'],
    ['0.125', '0.125'],
    ['-0', '0'],
    ['-0.00', '0.00'],
  ])('accepts the string %s as %s', async (input, parsed) => {
    const res = await echo({ d: input });
    expect(res.errors).toBeUndefined();
    expect(JSON.parse(res.data!.echo as string)).toEqual({ d: parsed });
  });

  it('accepts an integer JSON number as a string', async () => {
    const res = await echo({ d: 42 });
    expect(JSON.parse(res.data!.echo as string)).toEqual({ d: '42' });
  });

  it.each([[1.5], [0.1], [1e21], [Number.MAX_SAFE_INTEGER + 2]])('refuses the JSON number %p', async (value) => {
    const res = await echo({ d: value });
    expect(res.errors?.[0].message).toMatch(/Decimal cannot be given as the JSON number|not a decimal/);
  });

  it.each(['1e5', '1E-2', 'NaN', 'Infinity', '', ' 1', '1 ', '+1', '1.', '.5', '1,5', '0x10', '1.2.3', '١٢', '9'.repeat(41)])(
    'refuses the string %p',
    async (value) => {
      const res = await echo({ d: value });
      expect(res.errors).toHaveLength(1);
      expect(res.data).toBeUndefined();
    },
  );

  it('refuses non-string, non-number inputs', async () => {
    expect((await echo({ d: true })).errors).toHaveLength(1);
    expect((await echo({ d: { v: '1' } })).errors).toHaveLength(1);
  });

  it('parses literals: strings and integers, not floats', async () => {
    const ok = await graphql({ schema, source: '{ a: echo(d: "1.25") b: echo(d: 3) }' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ a: '{"d":"1.25"}', b: '{"d":"3"}' });
    const bad = await graphql({ schema, source: '{ echo(d: 1.25) }' });
    expect(bad.errors?.[0].message).toMatch(/JSON number 1.25/);
  });

  it('serialises Decimals, decimal strings and integers; never floats', async () => {
    const res = await graphql({ schema, source: '{ amount day }' });
    expect(res.data).toEqual({ amount: '12.5', day: '2026-02-28' });
    expect(DecimalScalar.serialize('100.00')).toBe('100.00');
    expect(DecimalScalar.serialize(7)).toBe('7');
    expect(DecimalScalar.serialize(new Decimal('1e-7'))).toBe('0.0000001');
    expect(() => DecimalScalar.serialize(0.1)).toThrow(/float/);
    expect(() => DecimalScalar.serialize('1e3')).toThrow();
    expect(() => DecimalScalar.serialize(new Decimal(NaN))).toThrow();
  });
});

describe('decimal helpers', () => {
  it('canonicalises and counts fraction digits', () => {
    expect(canonicalDecimal('000')).toBe('0');
    expect(canonicalDecimal('-001.10')).toBe('-1.10');
    expect(canonicalDecimal('1e2')).toBeNull();
    expect(fractionDigits('1.50')).toBe(2);
    expect(fractionDigits('15')).toBe(0);
  });

  it('computes exactly where floats would not', () => {
    expect(toDecimal('0.1').plus('0.2').toFixed()).toBe('0.3');
    expect(sumDecimals(['0.10', '0.20', new Decimal('0.005')]).toFixed()).toBe('0.305');
    // 3 × 12345.67 and a quantity with 3 digits, rounded half up to kopecks.
    expect(toMoneyString(toDecimal('3').times('12345.67'))).toBe('37037.01');
    expect(toMoneyString(toDecimal('0.125').times('0.2'))).toBe('0.03');
    expect(toMoneyString('2.345')).toBe('2.35');
    expect(toMoneyString('-2.345')).toBe('-2.35');
    // The largest numeric(15,2) times the largest numeric(15,3) stays exact in 40 digits.
    expect(toDecimal('9999999999999.99').times('999999999999.999').toFixed()).toBe('9999999999999980000000000.00001');
  });

  it('refuses floats, exponents and non-finite values in toDecimal', () => {
    expect(() => toDecimal(0.1)).toThrow(TypeError);
    expect(() => toDecimal('1e3')).toThrow(TypeError);
    expect(() => toDecimal(new Decimal(Infinity))).toThrow(TypeError);
    expect(toDecimal(12).toFixed()).toBe('12');
  });

  it('checks a value against its column with coded errors naming the field', () => {
    expect(requireMoney('12345.67', 'price').toFixed(2)).toBe('12345.67');
    expect(thrownBy(() => requireMoney('1.234', 'price')).details).toEqual({ field: 'price', reason: 'DECIMAL_SCALE' });
    expect(thrownBy(() => requireMoney('-1', 'price')).details).toEqual({ field: 'price', reason: 'DECIMAL_NEGATIVE' });
    expect(thrownBy(() => requireMoney('10000000000000', 'price')).details).toEqual({ field: 'price', reason: 'DECIMAL_TOO_LARGE' });
    expect(requireMoney('9999999999999.99', 'price').toFixed()).toBe('9999999999999.99');
    expect(requireMoney('-5', 'delta', 'any').toFixed()).toBe('-5');
    expect(thrownBy(() => requireQuantity('0', 'lines.0.quantity')).details).toEqual({ field: 'lines.0.quantity', reason: 'DECIMAL_NOT_POSITIVE' });
    expect(requireQuantity('0.001', 'q').toFixed()).toBe('0.001');
    expect(thrownBy(() => requireQuantity('0.0001', 'q')).details.reason).toBe('DECIMAL_SCALE');
    expect(thrownBy(() => requireDecimal('abc', 'x', { scale: 2 })).details.reason).toBe('DECIMAL_INVALID');
    expect(requireMoney('-0.00', 'price').toFixed(2)).toBe('0.00');
  });
});

describe('LocalDate scalar', () => {
  it.each(['2026-03-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', async (day) => {
    const res = await echo({ day });
    expect(JSON.parse(res.data!.echo as string)).toEqual({ day });
  });

  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '2026-3-1', '2026-03-31T00:00:00Z', '31.03.2026', 20260331])(
    'refuses %p',
    async (day) => {
      const res = await echo({ day });
      expect(res.errors).toHaveLength(1);
    },
  );

  it('refuses a number literal', async () => {
    const res = await graphql({ schema, source: '{ echo(day: 20260331) }' });
    expect(res.errors).toHaveLength(1);
  });

  it('serialises strings and local Dates, refuses junk', () => {
    expect(LocalDateScalar.serialize('2026-01-05')).toBe('2026-01-05');
    expect(LocalDateScalar.serialize(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(() => LocalDateScalar.serialize('2026-02-30')).toThrow();
    expect(() => LocalDateScalar.serialize(new Date('x'))).toThrow();
  });

  it('helpers', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(localDateOf(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(addDaysToLocalDate('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDaysToLocalDate('2026-01-01', -1)).toBe('2025-12-31');
  });
});
