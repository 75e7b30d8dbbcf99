import { documentTotals, kopecks, lineAmounts, money, type LineInput } from './money';

const line = (quantity: string, price: string, vatPercent: string | null, discountPercent?: string): LineInput => ({ quantity, price, vatPercent, discountPercent });
const fixed = (l: ReturnType<typeof lineAmounts>) => ({ amount: money(l.amount), vat: money(l.vat), total: money(l.total) });

describe('kopecks and money', () => {
  it('rounds half up, where a binary float would round 1.005 down', () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the float trap this module exists for
    expect(money(kopecks('1.005'))).toBe('1.01');
    expect(money(kopecks('1.004999'))).toBe('1.00');
    expect(money(kopecks('2.675'))).toBe('2.68');
    expect(money('7')).toBe('7.00');
    expect(money('0.1234', 3)).toBe('0.123');
  });
});

describe('lineAmounts', () => {
  it('multiplies quantity by price exactly (0.1 + 0.2 style errors are impossible)', () => {
    expect(fixed(lineAmounts(line('3', '33.33', null), 'INCLUDED'))).toEqual({ amount: '99.99', vat: '0.00', total: '99.99' });
    expect(fixed(lineAmounts(line('0.3', '0.70', null), 'ADDED'))).toEqual({ amount: '0.21', vat: '0.00', total: '0.21' });
  });

  it('rounds a fractional quantity times price to kopecks, half up', () => {
    expect(money(lineAmounts(line('1.005', '1.00', null), 'ADDED').amount)).toBe('1.01');
    expect(money(lineAmounts(line('0.333', '10.00', null), 'ADDED').amount)).toBe('3.33');
    expect(money(lineAmounts(line('2.5', '0.01', null), 'ADDED').amount)).toBe('0.03');
  });

  it('applies the discount before rounding, and reports what it took off', () => {
    const l = lineAmounts(line('1', '10.00', null, '15.5'), 'ADDED');
    expect(money(l.amount)).toBe('8.45');
    expect(money(l.discountAmount)).toBe('1.55');
    expect(money(lineAmounts(line('1', '0.05', null, '10'), 'ADDED').amount)).toBe('0.05'); // 0.045 → 0.05
    expect(money(lineAmounts(line('3', '100.00', null, '100'), 'ADDED').amount)).toBe('0.00');
    expect(money(lineAmounts(line('7', '13.13', null, '0'), 'ADDED').amount)).toBe('91.91');
  });

  it('takes VAT included in the amount as amount × rate / (100 + rate), per line, half up', () => {
    expect(fixed(lineAmounts(line('1', '120.00', '20'), 'INCLUDED'))).toEqual({ amount: '120.00', vat: '20.00', total: '120.00' });
    expect(fixed(lineAmounts(line('1', '100.00', '20'), 'INCLUDED'))).toEqual({ amount: '100.00', vat: '16.67', total: '100.00' });
    expect(fixed(lineAmounts(line('1', '1.00', '20'), 'INCLUDED'))).toEqual({ amount: '1.00', vat: '0.17', total: '1.00' });
    // 0.03 × 20 / 120 = 0.005 exactly: half up gives a kopeck, banker's rounding would give none
    expect(fixed(lineAmounts(line('1', '0.03', '20'), 'INCLUDED'))).toEqual({ amount: '0.03', vat: '0.01', total: '0.03' });
    expect(fixed(lineAmounts(line('1', '110.00', '10'), 'INCLUDED'))).toEqual({ amount: '110.00', vat: '10.00', total: '110.00' });
    expect(fixed(lineAmounts(line('1', '122.00', '22'), 'INCLUDED'))).toEqual({ amount: '122.00', vat: '22.00', total: '122.00' });
    expect(money(lineAmounts(line('1', '105.00', '5'), 'INCLUDED').vat)).toBe('5.00');
    expect(money(lineAmounts(line('1', '100.00', '7'), 'INCLUDED').vat)).toBe('6.54'); // 6.5420…
    const l = lineAmounts(line('1', '100.00', '20'), 'INCLUDED');
    expect(money(l.totalWithoutVat)).toBe('83.33');
  });

  it('adds VAT on top as amount × rate / 100: the line total is amount + VAT', () => {
    expect(fixed(lineAmounts(line('1', '100.00', '20'), 'ADDED'))).toEqual({ amount: '100.00', vat: '20.00', total: '120.00' });
    expect(fixed(lineAmounts(line('1', '0.03', '20'), 'ADDED'))).toEqual({ amount: '0.03', vat: '0.01', total: '0.04' }); // 0.006
    expect(fixed(lineAmounts(line('1', '0.02', '20'), 'ADDED'))).toEqual({ amount: '0.02', vat: '0.00', total: '0.02' }); // 0.004
    expect(fixed(lineAmounts(line('1', '0.025', '20'), 'ADDED'))).toEqual({ amount: '0.03', vat: '0.01', total: '0.04' }); // VAT of the rounded amount
    expect(fixed(lineAmounts(line('3', '33.33', '10'), 'ADDED'))).toEqual({ amount: '99.99', vat: '10.00', total: '109.99' }); // 9.999
    expect(money(lineAmounts(line('1', '100.00', '20'), 'ADDED').totalWithoutVat)).toBe('100.00');
  });

  it('has no VAT at 0% nor without VAT, in either mode', () => {
    for (const mode of ['INCLUDED', 'ADDED'] as const) {
      expect(fixed(lineAmounts(line('2', '50.00', '0'), mode))).toEqual({ amount: '100.00', vat: '0.00', total: '100.00' });
      expect(fixed(lineAmounts(line('2', '50.00', null), mode))).toEqual({ amount: '100.00', vat: '0.00', total: '100.00' });
    }
  });

  it('stays exact at the limits of numeric(15,3) × numeric(15,2)', () => {
    const l = lineAmounts(line('123456789012.345', '1234567890123.45', '20'), 'ADDED');
    expect(money(l.amount)).toBe('152415787532386691205623.99'); // …623.99025
    expect(money(l.vat)).toBe('30483157506477338241124.80');
    expect(money(l.total)).toBe('182898945038864029446748.79');
    expect(money(lineAmounts(line('999999999999.995', '1.00', null), 'ADDED').amount)).toBe('1000000000000.00');
  });
});

describe('documentTotals', () => {
  it('sums the rounded lines: three ADDED lines of 0.03 at 20% have 0.03 of VAT, not 0.09 × 20% = 0.02', () => {
    const t = documentTotals([line('1', '0.03', '20'), line('1', '0.03', '20'), line('1', '0.03', '20')], 'ADDED');
    expect(money(t.amount)).toBe('0.09');
    expect(money(t.vat)).toBe('0.03');
    expect(money(t.total)).toBe('0.12');
    expect(money(t.totalWithoutVat)).toBe('0.09');
  });

  it('sums the rounded lines with VAT included too: three lines of 1.00 at 20% carry 0.51, not 3.00/6 = 0.50', () => {
    const t = documentTotals([line('1', '1.00', '20'), line('1', '1.00', '20'), line('1', '1.00', '20')], 'INCLUDED');
    expect(money(t.vat)).toBe('0.51');
    expect(money(t.total)).toBe('3.00');
    expect(money(t.totalWithoutVat)).toBe('2.49');
  });

  it('breaks VAT down per rate, without-VAT lines in their own group, in the order of the lines', () => {
    const t = documentTotals([line('2', '600.00', '20'), line('1', '55.00', '10'), line('1', '300.00', null), line('1', '45.50', '20', '10')], 'INCLUDED');
    expect(t.vatByRate.map((r) => ({ rate: r.vatPercent?.toString() ?? null, amount: money(r.amount), vat: money(r.vat) }))).toEqual([
      { rate: '20', amount: '1240.95', vat: '206.83' }, // 200.00 + 6.83 (40.95 × 20 / 120 = 6.825 → 6.83)
      { rate: '10', amount: '55.00', vat: '5.00' },
      { rate: null, amount: '300.00', vat: '0.00' },
    ]);
    expect(money(t.amount)).toBe('1595.95');
    expect(money(t.vat)).toBe('211.83');
    expect(money(t.discountAmount)).toBe('4.55');
    expect(money(t.total)).toBe('1595.95');
  });

  it('gives zero totals for no lines', () => {
    const t = documentTotals([], 'ADDED');
    expect([t.amount, t.vat, t.total].map((d) => money(d))).toEqual(['0.00', '0.00', '0.00']);
    expect(t.vatByRate).toEqual([]);
  });

  it('keeps its invariants over many generated documents (deterministic pseudo-random lines)', () => {
    let seed = 20260101;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const rates = ['20', '10', '0', null, '22', '5', '7'];
    for (let doc = 0; doc < 300; doc++) {
      const lines = Array.from({ length: 1 + next(8) }, () =>
        line(`${next(1000)}.${String(next(1000)).padStart(3, '0')}`, `${next(100000)}.${String(next(100)).padStart(2, '0')}`, rates[next(rates.length)], String(next(4) === 0 ? next(100) : 0)),
      );
      for (const mode of ['INCLUDED', 'ADDED'] as const) {
        const t = documentTotals(lines, mode);
        const sum = (pick: (l: (typeof t.lines)[number]) => { toString(): string }) => t.lines.reduce((s, l) => s + Math.round(Number(pick(l).toString()) * 100), 0);
        expect(Math.round(Number(t.total.toString()) * 100)).toBe(sum((l) => l.total));
        expect(Math.round(Number(t.vat.toString()) * 100)).toBe(sum((l) => l.vat));
        expect(Math.round(Number(t.amount.toString()) * 100)).toBe(sum((l) => l.amount));
        for (const l of t.lines) {
          expect(l.amount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(l.vat.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(l.vat.lessThanOrEqualTo(l.amount)).toBe(true);
          expect(l.total.equals(mode === 'ADDED' ? l.amount.plus(l.vat) : l.amount)).toBe(true);
        }
        expect(t.vatByRate.reduce((s, r) => s.plus(r.vat), t.vat.minus(t.vat)).equals(t.vat)).toBe(true);
      }
    }
  });
});
