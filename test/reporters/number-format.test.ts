import { Decimal as BaseDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEnclosurePair, formatNumber } from '../../src/reporters/number-format.js';
import { fuzz } from '../fuzz.js';

/** Exact for every bound the tests build (the default 20 digits would round them). */
const Decimal = BaseDecimal.clone({ precision: 200 });

const parse = (text: string): BaseDecimal[] =>
  text
    .slice(1, -1)
    .split(', ')
    .map((s) => new Decimal(s.replace(/−/g, '-')));

describe('number formatting', () => {
  it('prints three significant digits with a typographic minus', () => {
    expect(formatNumber(0.000321987)).toBe('3.22e−4');
    expect(formatNumber(0.87234)).toBe('0.872');
    expect(formatNumber(-1.5e-17)).toBe('−1.5e−17');
    expect(formatNumber(123456)).toBe('1.23e5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
  });

  it('rounds certified lower bounds down, never claiming more than was proved', () => {
    expect(formatNumber(0.000321987, 'down')).toBe('3.21e−4');
    expect(formatNumber(9.9999e-5, 'down')).toBe('9.99e−5');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const printed = new Decimal(formatNumber(x, 'down').replace(/−/g, '-').replace(/e(\d)/, 'e+$1'));
        return printed.lte(new Decimal(x.toPrecision(100)));
      }),
      fuzz(300, 42),
    );
  });

  it('shortens enclosures outward, keeping disjoint ones visibly disjoint', () => {
    expect(formatEnclosurePair(['0.51234567890123456789', '0.51234567890123456790'], ['0.51234567890123456700', '0.51234567890123456701'])).toEqual([
      '[0.5123456789012345678, 0.5123456789012345679]',
      '[0.512345678901234567, 0.5123456789012345671]',
    ]);
    const bound = fc.tuple(fc.integer({ min: -40, max: 40 }), fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.boolean());
    fc.assert(
      fc.property(bound, fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), ([e, m, neg], w1, gap, w2) => {
        const unit = new Decimal(10).pow(e - 30);
        const lo1 = new Decimal(m.toString()).times(neg ? -1 : 1).times(new Decimal(10).pow(e));
        const hi1 = lo1.plus(unit.times(w1.toString()));
        const lo2 = hi1.plus(unit.times(gap.toString()));
        const hi2 = lo2.plus(unit.times(w2.toString()));
        const [a, b] = formatEnclosurePair([lo1.toString(), hi1.toString()], [lo2.toString(), hi2.toString()]);
        const [alo, ahi] = parse(a);
        const [blo, bhi] = parse(b);
        return alo.lte(lo1) && ahi.gte(hi1) && blo.lte(lo2) && bhi.gte(hi2) && ahi.lt(blo);
      }),
      fuzz(300, 7),
    );
  });
});
