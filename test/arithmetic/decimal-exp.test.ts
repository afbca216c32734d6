import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { EXP_BOUND_LIMIT, expBound, lnBound, scaledBinary } from '../../src/arithmetic/decimal-exp.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { expectContains, finiteDouble, nearest, positiveDouble } from './decimal-reference.js';
import { fuzz } from '../fuzz.js';

const RUNS = 1500;
const SEED = 5_557;

/** Decimals of up to 60 digits whose leading digit has a decimal exponent in [minExp, maxExp]. */
function decimal(minExp: number, maxExp: number, sign: 'any' | 'positive'): fc.Arbitrary<Decimal> {
  return fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 60n }), fc.integer({ min: minExp, max: maxExp }), fc.boolean())
    .map(([m, e, negative]) => {
      const digits = m.toString();
      return new Decimal(`${sign === 'any' && negative ? '-' : ''}${digits[0]}.${digits.slice(1)}e${e}`);
    });
}

const precision = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 200 }));

function expectBounds(lower: Decimal, upper: Decimal, exact: Decimal, digits: number, what: () => string): void {
  if (!(lower.lte(exact) && exact.lte(upper))) expect.fail(`${what()}: [${lower}, ${upper}] misses ${exact}`);
  // Each bound is within one unit of the exact value at its precision, so together at most 2.
  const unit = new Decimal(`1e${upper.abs().gt(lower.abs()) ? upper.e - digits + 1 : lower.e - digits + 1}`);
  if (upper.minus(lower).gt(unit.times(2))) expect.fail(`${what()}: [${lower}, ${upper}] is wider than 2 units`);
}

describe('fixed-point exp and ln bounds', () => {
  it('scaledBinary rounds x · 2^bits down and up', () => {
    expect(scaledBinary(new Decimal('1.25'), 1, false)).toBe(2n);
    expect(scaledBinary(new Decimal('1.25'), 1, true)).toBe(3n);
    expect(scaledBinary(new Decimal('-1.25'), 1, false)).toBe(-3n);
    expect(scaledBinary(new Decimal('-1.25'), 1, true)).toBe(-2n);
    expect(scaledBinary(new Decimal('1e-300'), 10, false)).toBe(0n);
    expect(scaledBinary(new Decimal('1e-300'), 10, true)).toBe(1n);
    expect(scaledBinary(new Decimal('-1e-300'), 10, false)).toBe(-1n);
    expect(scaledBinary(new Decimal('-1e-8000000000000000'), 10, true)).toBe(0n);
    expect(scaledBinary(new Decimal('7e3'), 2, false)).toBe(28000n);
  });

  it('derives ln 2 and ln 10 from their series', () => {
    // ln 2 and ln 10 to 100 digits (from an independent multiprecision library, mpmath).
    const ln2 = new Decimal('0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875');
    const ln10 = new Decimal('2.302585092994045684017991454684364207601101488628772976033327900967572609677352480235997205089598298');
    for (const digits of [1, 17, 50, 99]) {
      expectBounds(lnBound(new Decimal(2), digits, 'down'), lnBound(new Decimal(2), digits, 'up'), ln2, digits, () => `ln 2 at ${digits}`);
      expectBounds(lnBound(new Decimal(10), digits, 'down'), lnBound(new Decimal(10), digits, 'up'), ln10, digits, () => `ln 10 at ${digits}`);
    }
  });

  it('expBound encloses e^x at every precision, across the whole argument range', () => {
    const argument = fc.oneof(
      finiteDouble.filter((x) => Math.abs(x) <= EXP_BOUND_LIMIT).map(decimalFromDouble),
      decimal(-80, 1, 'any'),
      fc.double({ min: -EXP_BOUND_LIMIT, max: EXP_BOUND_LIMIT, noNaN: true }).map(decimalFromDouble),
    );
    fc.assert(
      fc.property(argument, precision, (x, digits) => {
        const exact = nearest(digits + 25).exp(x);
        expectBounds(expBound(x, digits, 'down'), expBound(x, digits, 'up'), exact, digits, () => `exp(${x}) at ${digits}`);
      }),
      fuzz(RUNS, SEED),
    );
  });

  it('lnBound encloses ln x at every precision, across the whole decimal range', () => {
    const argument = fc.oneof(
      positiveDouble.map(decimalFromDouble),
      decimal(-60, 60, 'positive'),
      decimal(-8_000_000_000_000_000, 8_000_000_000_000_000, 'positive'),
      // Just off 1, where ln cancels.
      fc.tuple(decimal(-70, -2, 'any')).map(([d]) => new Decimal(1).plus(d)),
    );
    fc.assert(
      fc.property(argument, precision, (x, digits) => {
        fc.pre(!x.eq(1));
        const exact = nearest(digits + 25).ln(x);
        expectBounds(lnBound(x, digits, 'down'), lnBound(x, digits, 'up'), exact, digits, () => `ln(${x}) at ${digits}`);
      }),
      fuzz(RUNS, SEED + 1),
    );
  });

  it('the interval functions enclose the exact values at small precisions too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), finiteDouble, (digits, x) => {
        const A = decimalArith(digits);
        const X = A.num(x);
        const R = nearest(60);
        const exactX = decimalFromDouble(x);
        expectContains(A.exp(X), R.exp(exactX), () => `exp(${x}) at ${digits}`);
        expectContains(A.logisticPrime(X), R.div(-1, R.add(1, R.exp(exactX))), () => `ℓ'(${x}) at ${digits}`);
        if (x > 0) expectContains(A.log(X), R.ln(exactX), () => `log(${x}) at ${digits}`);
        if (x >= 0) expectContains(A.sqrt(X), R.sqrt(exactX), () => `sqrt(${x}) at ${digits}`);
      }),
      fuzz(500, SEED + 2),
    );
  });
});
