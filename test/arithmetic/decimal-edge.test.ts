import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalArith } from '../../src/arithmetic/decimal-arith.js';
import type { DecimalInterval } from '../../src/arithmetic/decimal-interval.js';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { expectContains, finiteDouble, nearest } from './decimal-reference.js';
import { fuzz } from '../fuzz.js';

const A30 = decimalArith(30);
const A60 = decimalArith(60);
const A120 = decimalArith(120);
const D = (s: string | number) => new Decimal(s);
const ends = (x: DecimalInterval) => [x.lo.toString(), x.hi.toString()];
/** e^−1000 to 64 digits (from an independent multiprecision library, mpmath). */
const E_MINUS_1000 = '5.075958897549456765291809479574336919305599282892837361832393845e-435';
const POINT_ONE = '0.1000000000000000055511151231257827021181583404541015625';

function domainError(f: () => unknown): DomainError {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('decimal arithmetic: conversions', () => {
  it('num is the exact double, rounded outward only when it has more digits', () => {
    expect(ends(A60.num(0.1))).toEqual([POINT_ONE, POINT_ONE]);
    expect(ends(A120.num(0.1))).toEqual([POINT_ONE, POINT_ONE]);
    const at30 = A30.num(0.1);
    expect(ends(at30)).toEqual(['0.100000000000000005551115123125', '0.100000000000000005551115123126']);
    expect(A30.lo(A60.num(0.1))).toBe(0.1);
    expect(A30.hi(A60.num(0.1))).toBe(0.1);
    // 5e-324 has 751 significant digits: enclosed, not equal.
    const tiny = A120.num(5e-324);
    expect(tiny.lo.lt(decimalFromDouble(5e-324)) && tiny.hi.gt(decimalFromDouble(5e-324))).toBe(true);
    expect(A120.lo(tiny)).toBe(0);
    expect(A120.hi(tiny)).toBe(1e-323);
    expect(ends(A30.num(-0))).toEqual(['0', '0']);
  });

  it('num of an infinity is the overflow range and NaN is outside every domain', () => {
    const inf = A30.num(Infinity);
    expect(inf.hi.isFinite()).toBe(false);
    expect(inf.lo.lte(decimalFromDouble(Number.MAX_VALUE))).toBe(true);
    expect(A60.num(Infinity).lo.eq(decimalFromDouble(Number.MAX_VALUE).toSD(60, Decimal.ROUND_FLOOR))).toBe(true);
    expect(A30.hi(A30.num(-Infinity))).toBeGreaterThanOrEqual(-Number.MAX_VALUE);
    expect(domainError(() => A30.num(NaN)).certain).toBe(true);
  });

  it('exact encloses decimal and rational literals tightly', () => {
    expect(ends(A30.exact('0.1'))).toEqual(['0.1', '0.1']);
    expect(ends(A30.exact('-3e-7'))).toEqual(['-3e-7', '-3e-7']);
    expect(ends(A30.exact('2/-4'))).toEqual(['-0.5', '-0.5']);
    const third = A30.exact('1/3');
    expect(ends(third)).toEqual(['0.333333333333333333333333333333', '0.333333333333333333333333333334']);
    expect(third.lo.times(3).lt(1) && third.hi.times(3).gt(1)).toBe(true);
    // More digits than the precision: rounded outward.
    expect(ends(A30.exact('1.0000000000000000000000000000001'))).toEqual(['1', '1.00000000000000000000000000001']);
    expect(domainError(() => A30.exact('1/0')).certain).toBe(true);
    expect(() => A30.exact('0.1.2')).toThrow(SyntaxError);
    expect(() => A30.exact('')).toThrow(SyntaxError);
    // decimal.js would silently make these ∞ and 0.
    expect(() => A30.exact('1e99999999999999999')).toThrow(RangeError);
    expect(() => A30.exact('1e-99999999999999999')).toThrow(RangeError);
    expect(ends(A30.exact('0e-99999999999999999'))).toEqual(['0', '0']);
  });

  it('range accepts unbounded sides and rejects reversed ends', () => {
    expect(ends(A30.range(-Infinity, Infinity))).toEqual(['-Infinity', 'Infinity']);
    expect(() => A30.range(2, 1)).toThrow(RangeError);
    expect(() => A30.range(Infinity, Infinity)).toThrow(RangeError);
    expect(domainError(() => A30.range(NaN, 1)).certain).toBe(true);
  });

  it('constants enclose π, e and ln 2', () => {
    const pi = '3.14159265358979323846264338327950288419716939937510582097494459230781640628620899';
    const e = '2.71828182845904523536028747135266249775724709369995957496696762772407663035354759';
    const ln2 = '0.693147180559945309417232121458176568075500134360255254120680009493393621969694715';
    for (const A of [A30, A60]) {
      for (const [name, value] of [['pi', pi], ['e', e], ['ln2', ln2]] as const) {
        const c = A.constant(name);
        expectContains(c, D(value), () => name);
        expect(c.hi.minus(c.lo).lte(D(`2e${c.hi.e - A.digits + 1}`))).toBe(true);
      }
    }
  });

  it('lo, hi, width and format report doubles and decimal strings outward', () => {
    const third = A30.exact('1/3');
    expect(A30.lo(third)).toBeLessThanOrEqual(1 / 3);
    expect(A30.hi(third)).toBeGreaterThanOrEqual(1 / 3);
    expect(A30.width(third)).toBeGreaterThanOrEqual(1e-30);
    expect(A30.width(third)).toBeLessThan(1.1e-30);
    expect(A30.width(A30.range(0, Infinity))).toBe(Infinity);
    expect(A30.format(third)).toEqual(['0.333333333333333333333333333333', '0.333333333333333333333333333334']);
    // An end beyond the double range rounds outward to MAX_VALUE / Infinity.
    const big = A30.exp(A30.num(710));
    expect(A30.lo(big)).toBe(Number.MAX_VALUE);
    expect(A30.hi(big)).toBe(Infinity);
  });

  it('is cached per precision and validates the precision', () => {
    expect(decimalArith(30)).toBe(A30);
    expect(A30.kind).toBe('decimal');
    expect(A30.certified).toBe(true);
    expect(A30.digits).toBe(30);
    expect(() => decimalArith(0)).toThrow(RangeError);
    expect(() => decimalArith(2.5)).toThrow(RangeError);
    expect(() => decimalArith(5000)).toThrow(RangeError);
  });
});

describe('decimal arithmetic: comparisons and set operations', () => {
  const I = (lo: number, hi: number) => A30.range(lo, hi);

  it('lt and le are proved, refuted or inconclusive', () => {
    expect(A30.lt(I(1, 2), I(3, 4))).toBe('proved');
    expect(A30.lt(I(3, 4), I(1, 2))).toBe('refuted');
    expect(A30.lt(I(1, 3), I(2, 4))).toBe('inconclusive');
    expect(A30.lt(I(1, 2), I(2, 3))).toBe('inconclusive');
    expect(A30.lt(I(2, 2), I(2, 2))).toBe('refuted');
    expect(A30.le(I(1, 2), I(2, 3))).toBe('proved');
    expect(A30.le(I(2, 2), I(2, 2))).toBe('proved');
    expect(A30.le(I(3, 4), I(1, 2))).toBe('refuted');
    expect(A30.le(I(1, 3), I(2, 4))).toBe('inconclusive');
  });

  it('hull and subset', () => {
    expect(ends(A30.hull(I(1, 2), I(-3, 0)))).toEqual(['-3', '2']);
    expect(A30.subset(I(1, 2), I(0, 2))).toBe(true);
    expect(A30.subset(I(1, 3), I(0, 2))).toBe(false);
    expect(A30.subset(I(1, 2), I(-Infinity, Infinity))).toBe(true);
  });

  it('sum and dot enclose the exact results', () => {
    expect(ends(A30.sum([]))).toEqual(['0', '0']);
    const n = 100;
    const xs = Array.from({ length: n }, (_, i) => A30.num(i + 1));
    // Σ i² = n(n+1)(2n+1)/6
    expect(ends(A30.dot(xs, xs))).toEqual(['338350', '338350']);
    expect(() => A30.dot(xs, xs.slice(1))).toThrow(RangeError);
    fc.assert(
      fc.property(fc.array(fc.tuple(finiteDouble, finiteDouble), { minLength: 1, maxLength: 20 }), (pairs) => {
        const R = nearest(2000);
        let exact = R(0);
        for (const [x, y] of pairs) exact = R.add(exact, R.mul(decimalFromDouble(x), decimalFromDouble(y)));
        for (const A of [A30, A60]) {
          expectContains(A.dot(pairs.map(([x]) => A.num(x)), pairs.map(([, y]) => A.num(y))), exact, () => `dot ${JSON.stringify(pairs)}`);
          expectContains(A.sum(pairs.map(([x]) => A.num(x))), pairs.reduce((s, [x]) => R.add(s, decimalFromDouble(x)), R(0)), () => 'sum');
        }
      }),
      fuzz(300, 4_242),
    );
  });
});

describe('decimal arithmetic: hand-worked edge cases', () => {
  const I = (lo: number, hi: number) => A30.range(lo, hi);

  it('√2 at 30 digits', () => {
    expect(ends(A30.sqrt(A30.num(2)))).toEqual(['1.4142135623730950488016887242', '1.41421356237309504880168872421']);
  });

  it('ℓ(−1000) ≈ 1000 and ℓ(1000) ≈ e^−1000', () => {
    const value = A30.logistic(A30.num(-1000));
    expect(value.lo.gte(1000)).toBe(true);
    expect(value.hi.lt('1000.0000000000000000000000001')).toBe(true);
    const small = A30.logistic(A30.num(1000));
    expectContains(small, D(E_MINUS_1000), () => 'ℓ(1000)');
    expect(small.lo.gt(0)).toBe(true);
  });

  it("ℓ'(1000) is a tiny negative number whose enclosure excludes 0", () => {
    const slope = A30.logisticPrime(A30.num(1000));
    expect(A30.lt(slope, A30.num(0))).toBe('proved');
    expectContains(slope, D(E_MINUS_1000).neg(), () => "ℓ'(1000)");
    expect(slope.lo.gt(D(E_MINUS_1000).neg().times(1.000001))).toBe(true);
    expect(ends(A30.logisticPrime(A30.num(0)))).toEqual(['-0.5', '-0.5']);
    expectContains(A30.logisticPrime(A30.num(-1000)), D(-1), () => "ℓ'(−1000)");
    // Beyond the decimal exponent range the enclosure is [−10^−8.6e15, 0]: still sound.
    const far = A30.logisticPrime(A30.num(1e300));
    expect(far.hi.isZero() && far.lo.lt(0)).toBe(true);
  });

  it('ℓ^(−1)(ℓ(z)) ∋ z and (e^(−·))^(−1)(e^(−z)) ∋ z', () => {
    for (const A of [A30, A60, A120]) {
      for (const z of [-1000, -30, -1, -1e-20, 0, 1e-20, 0.5, 1, 30, 1000, 1e5]) {
        const exact = decimalFromDouble(z);
        expectContains(A.logisticInverse(A.logistic(A.num(z))), exact, () => `ℓ^-1(ℓ(${z})) at ${A.digits}`);
        if (Math.abs(z) <= 1000) expectContains(A.expLossInverse(A.expLoss(A.num(z))), exact, () => `expLoss at ${A.digits}`);
      }
    }
  });

  it('ℓ^(−1) keeps relative accuracy near its zero at ln 2', () => {
    const nearZero = A30.logisticInverse(A30.exact('0.6931471805599453094172321214'));
    const ulps = nearZero.hi.minus(nearZero.lo).div(D(`1e${nearZero.hi.e - 29}`)).toNumber();
    expect(ulps).toBeLessThanOrEqual(2);
  });

  it('0 · ∞ = 0 and products of every sign', () => {
    expect(ends(A30.mul(I(0, 0), I(1, Infinity)))).toEqual(['0', '0']);
    expect(ends(A30.mul(I(0, 1), I(1, Infinity)))).toEqual(['0', 'Infinity']);
    expect(ends(A30.mul(I(-2, 3), I(-5, 7)))).toEqual(['-15', '21']);
    expect(ends(A30.mul(I(-Infinity, 0), I(-Infinity, 0)))).toEqual(['0', 'Infinity']);
  });

  it('division by an interval containing 0 is a domain error', () => {
    expect(domainError(() => A30.div(I(1, 2), I(-1, 1))).certain).toBe(false);
    expect(domainError(() => A30.div(I(1, 2), I(0, 1))).certain).toBe(false);
    expect(domainError(() => A30.div(I(1, 2), I(0, 0))).certain).toBe(true);
    expect(ends(A30.div(I(1, 2), I(-Infinity, -4)))).toEqual(['-0.5', '0']);
  });

  it('odd powers spanning 0, abs of the whole line, powInt domain', () => {
    expect(ends(A30.powInt(I(-3, 1), 3))).toEqual(['-27', '1']);
    expect(ends(A30.powInt(I(-3, 1), 2))).toEqual(['0', '9']);
    expect(ends(A30.powInt(I(-3, 1), 0))).toEqual(['1', '1']);
    expect(ends(A30.powInt(I(-2, -1), -3))).toEqual(['-1', '-0.125']);
    expect(domainError(() => A30.powInt(I(-1, 1), -2)).certain).toBe(false);
    expect(domainError(() => A30.powInt(I(0, 0), -1)).certain).toBe(true);
    expect(() => A30.powInt(I(1, 2), 0.5)).toThrow(RangeError);
    expect(ends(A30.abs(I(-Infinity, Infinity)))).toEqual(['0', 'Infinity']);
  });

  it('functions outside their domains', () => {
    expect(domainError(() => A30.log(I(0, 1))).certain).toBe(false);
    expect(domainError(() => A30.log(I(-2, -1))).certain).toBe(true);
    expect(domainError(() => A30.sqrt(I(-1, 4))).certain).toBe(false);
    expect(domainError(() => A30.sqrt(I(-4, -1))).certain).toBe(true);
    expect(ends(A30.sqrt(I(0, 4)))).toEqual(['0', '2']);
    expect(domainError(() => A30.log1p(I(-1, 0))).certain).toBe(false);
    expect(domainError(() => A30.logisticInverse(I(0, 0))).certain).toBe(true);
    expect(domainError(() => A30.expLossInverse(I(-1, 1))).certain).toBe(false);
    // e^(−1e300) underflows the decimal range: its inverse is then possibly undefined, never wrong.
    expect(domainError(() => A30.expLossInverse(A30.expLoss(A30.num(1e300)))).certain).toBe(false);
  });

  it('ReLU and its derivative', () => {
    expect(ends(A30.relu(I(-2, 3)))).toEqual(['0', '3']);
    expect(ends(A30.relu(I(-2, -1)))).toEqual(['0', '0']);
    expect(ends(A30.reluPrime(I(-2, -1)))).toEqual(['0', '0']);
    expect(ends(A30.reluPrime(I(1, 2)))).toEqual(['1', '1']);
    expect(ends(A30.reluPrime(I(0, 0)))).toEqual(['0', '0']); // σ'(0) = 0 at an exact zero
    expect(ends(A30.reluPrime(I(0, 5)))).toEqual(['0', '1']);
    expect(ends(A30.reluPrime(I(-1, 1)))).toEqual(['0', '1']);
  });

  it('unbounded arguments', () => {
    const all = A30.range(-Infinity, Infinity);
    expect(ends(A30.exp(all))).toEqual(['0', 'Infinity']);
    expect(ends(A30.logistic(all))).toEqual(['0', 'Infinity']);
    expect(ends(A30.logisticPrime(all))).toEqual(['-1', '0']);
    expect(ends(A30.expLoss(all))).toEqual(['0', 'Infinity']);
    expect(ends(A30.logisticInverse(A30.range(1, Infinity)))[0]).toBe('-Infinity');
    expect(ends(A30.log(A30.range(1, Infinity)))).toEqual(['0', 'Infinity']);
  });

  it('stays sound beyond the decimal exponent range', () => {
    const huge = A30.exp(A30.num(1e300));
    expect(huge.lo.isFinite() && huge.lo.gt('1e1000000000000000')).toBe(true);
    expect(huge.hi.isFinite()).toBe(false);
    const tiny = A30.exp(A30.num(-1e300));
    expect(tiny.lo.isZero() && tiny.hi.gt(0)).toBe(true);
    // e^(−1.5e16) ≈ 10^(−6.5e15); its square underflows below 10^(−9e15): [0, positive].
    const small = A30.exp(A30.num(-1.5e16));
    expect(small.lo.gt(0)).toBe(true);
    const square = A30.sqr(small);
    expect(square.lo.gte(0) && square.hi.gt(0)).toBe(true);
    const product = A30.mul(small, A30.neg(small));
    expect(product.hi.lte(0) && product.lo.lt(0)).toBe(true);
    // Its square overflows above 10^(9e15): [finite, ∞].
    const large = A30.exp(A30.num(1.5e16));
    const overflow = A30.mul(large, large);
    expect(overflow.lo.isFinite() && overflow.lo.gt(large.hi)).toBe(true);
    expect(overflow.hi.isFinite()).toBe(false);
    const negative = A30.mul(large, A30.neg(large));
    expect(negative.hi.isFinite() && negative.hi.lt(0) && !negative.lo.isFinite()).toBe(true);
    expect(A30.div(A30.num(1), large).lo.gt(0)).toBe(true);
    expect(A30.div(small, large).hi.gt(0)).toBe(true);
  });

  it('works at the largest supported precision', () => {
    const A = decimalArith(450);
    const R = nearest(1000);
    expectContains(A.log(A.num(1e-300)), R.ln(decimalFromDouble(1e-300)), () => 'log');
    expectContains(A.exp(A.num(-1e15)), R.exp(-1e15), () => 'exp');
    expectContains(A.log1p(A.num(1e-400 + 1e-300)), R.ln(R.add(1, decimalFromDouble(1e-300))), () => 'log1p');
    // ln 2 to 300 digits, rounded: ℓ^(−1) is about 10^−300 there.
    const nearLn2 = '0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542001481020570685733685520235758130557032670751635075961930727570828371435190307038623891673471123350115364497955239120475172681574932065155524734139525882950453007095326366642654104239157814952043740430385500801944170641671518644712839968171784546957026271631064546150257207402481637773389638550695260668341137273873722928956493547025762652098859693201965058554764703306793654432547632744951250406069438147104689946506220167720424524529612687946546193165174681392672504103802546259656869144192871608293803172714368';
    const exactReference = R.ln(R.exp(nearLn2).minus(1)).neg();
    expectContains(A.logisticInverse(A.exact(nearLn2)), exactReference, () => 'logisticInverse near ln 2');
    expectContains(A.expm1(A.exact('1e-400')), R.exp('1e-400').minus(1), () => 'expm1');
  });
});
