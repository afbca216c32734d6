/**
 * Shared by the decimal-interval tests: input generators across the whole
 * double range, reference values at much higher precision (plain
 * round-to-nearest decimal.js), and the run counts.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalArith, type DecimalArith } from '../../src/arithmetic/decimal-arith.js';
import type { DecimalInterval } from '../../src/arithmetic/decimal-interval.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import { fuzz } from '../fuzz.js';

export const PRECISIONS = [30, 60, 120] as const;
/** Share of an operation's runs spent at each precision (higher precisions are slower). */
const PRECISION_SHARE: Record<number, number> = { 30: 0.6, 60: 0.3, 120: 0.1 };

/**
 * Default runs at one precision of an operation's total over all precisions
 * (test/fuzz.ts replaces every property's count by LEMMACHECK_FUZZ_RUNS).
 */
export function runsAt(digits: number, total: number): number {
  return Math.max(1, Math.round(total * PRECISION_SHARE[digits]));
}

// ---------------------------------------------------------------------------
// Generators.

function fromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** Every finite double, each binary exponent equally likely. */
const anyFinite = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(fromBits).filter((x) => Number.isFinite(x));

/** Doubles with exponents in [2^lo, 2^hi), random sign. */
function scaled(lo: number, hi: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true }), fc.integer({ min: lo, max: hi - 1 }), fc.boolean())
    .map(([m, e, negative]) => (negative ? -1 : 1) * m * 2 ** e);
}

const SPECIAL = [0, -0, 5e-324, -5e-324, 2 ** -1022, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 0.5, 2, 0.1, 1e-300, 1e300, -1e300];

/** Finite doubles: the whole range, moderate magnitudes (where functions are interesting), and the special values. */
export const finiteDouble: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: anyFinite, weight: 2 },
  { arbitrary: scaled(-80, 12), weight: 4 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.constantFrom(...SPECIAL), weight: 1 },
);

export const positiveDouble = finiteDouble.map(Math.abs).filter((x) => x > 0);
export const nonNegativeDouble = finiteDouble.map(Math.abs);
/** Doubles > −1, dense near −1 and near 0. */
export const aboveMinusOne = fc.oneof(
  finiteDouble.filter((x) => x > -1),
  scaled(-60, 0).map((x) => -1 + Math.abs(x) / 2).filter((x) => x > -1),
);
/** Doubles around ln 2, where ℓ^(−1) crosses 0. */
export const nearLn2 = fc.double({ min: 0.69, max: 0.7, noNaN: true });

/**
 * A point with `digits` significant digits (an exact point interval at that
 * precision), as a decimal string; `minExp`/`maxExp` bound its decimal exponent.
 */
export function decimalPoint(digits: number, minExp: number, maxExp: number, sign: 'any' | 'positive' = 'any'): fc.Arbitrary<string> {
  return fc
    .tuple(fc.bigInt({ min: 10n ** BigInt(digits - 1), max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: minExp, max: maxExp }), fc.boolean())
    .map(([mantissa, exponent, negative]) => {
      const text = mantissa.toString();
      return `${sign === 'any' && negative ? '-' : ''}${text[0]}.${text.slice(1)}e${exponent}`;
    });
}

/** Three doubles a ≤ c ≤ d ≤ b and t ∈ [c, d], from a generator of doubles (outer interval, inner interval, point). */
export function nestedIntervals(gen: fc.Arbitrary<number>): fc.Arbitrary<{ a: number; b: number; c: number; d: number; t: number }> {
  return fc.tuple(gen, gen, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([x, y, u, v, s]) => {
      const a = Math.min(x, y);
      const b = Math.max(x, y);
      // A convex combination that cannot overflow, clamped against rounding.
      const between = (f: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, lo * (1 - f) + hi * f));
      const c = between(Math.min(u, v), a, b);
      const d = Math.max(c, between(Math.max(u, v), a, b));
      const t = between(s, c, d);
      return { a: a + 0, b: b + 0, c: c + 0, d: d + 0, t: t + 0 };
    });
}

// ---------------------------------------------------------------------------
// References: round to nearest at `digits`, with digits added where an expression cancels.

const contexts = new Map<number, Decimal.Constructor>();
export function nearest(digits: number): Decimal.Constructor {
  let D = contexts.get(digits);
  if (!D) {
    D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
    contexts.set(digits, D);
  }
  return D;
}

/**
 * Reference precision: 25 digits beyond the enclosure's. A reference can then
 * only fall outside a correct enclosure if the exact value lies within 10^−25
 * of an end's last unit, which random arguments of transcendental functions
 * do not hit (exact cases such as e^0 are exact in both).
 */
export function referenceDigits(digits: number): number {
  return digits + 25;
}

export function refExpm1(x: Decimal, R: number): Decimal {
  if (x.isZero()) return x;
  if (x.e < -R) return x;
  const D = nearest(R + Math.max(0, -x.e) + 5);
  return D.exp(x).minus(1).toSD(R);
}

export function refLog1p(x: Decimal, R: number): Decimal {
  if (x.isZero()) return x;
  if (x.e < -R) return x;
  const D = nearest(R + Math.max(0, -x.e) + 5);
  return D.ln(D.add(1, x)).toSD(R);
}

export function refLogistic(z: Decimal, R: number): Decimal {
  const D = nearest(R);
  if (z.gte(0)) return refLog1p(D.exp(z.neg()), R);
  return D.add(z.neg(), refLog1p(D.exp(z), R));
}

/** ℓ'(z) = −e^(−z)/(1 + e^(−z)) for z ≥ 0 (the notes' form), −1/(1 + e^z) for z < 0. */
export function refLogisticPrime(z: Decimal, R: number): Decimal {
  const D = nearest(R);
  if (z.gte(0)) {
    const t = D.exp(z.neg());
    return D.div(t, D.add(1, t)).neg();
  }
  return D.div(-1, D.add(1, D.exp(z)));
}

/** ℓ^(−1)(v) = −v − log(1 − e^(−v)) for v ≥ 1, −log(e^v − 1) below. */
export function refLogisticInverse(v: Decimal, R: number): Decimal {
  const D = nearest(R);
  if (v.gte(1)) return D.sub(v.neg(), refLog1p(D.exp(v.neg()).neg(), R));
  // Near ln 2 the log cancels; the reference keeps R digits of absolute accuracy there, enough for containment.
  return D.ln(refExpm1(v, R + 10)).neg();
}

// ---------------------------------------------------------------------------
// Checks.

export function expectContains(y: DecimalInterval, exact: Decimal, label: () => string): void {
  if (!(y.lo.lte(exact) && exact.lte(y.hi))) {
    expect.fail(`${label()}: ${y.toString()} does not contain ${exact.toString()}`);
  }
}

export function expectSubset(inner: DecimalInterval, outer: DecimalInterval, label: () => string): void {
  if (!(outer.lo.lte(inner.lo) && inner.hi.lte(outer.hi))) {
    expect.fail(`${label()}: ${inner.toString()} is not inside ${outer.toString()}`);
  }
}

/** Width of a finite enclosure in units of the last place (at `digits`) of its larger end. */
export function widthInUlps(y: DecimalInterval, digits: number): number {
  if (!y.lo.isFinite() || !y.hi.isFinite()) return Infinity;
  const width = y.hi.minus(y.lo);
  if (width.isZero()) return 0;
  const big = y.lo.abs().gt(y.hi.abs()) ? y.lo : y.hi;
  return width.div(new Decimal(`1e${big.e - digits + 1}`)).toNumber();
}

/** Worst widths seen, by operation and precision, printed once by the suite. */
export const worstWidths = new Map<string, number>();
export function recordWidth(operation: string, digits: number, ulps: number): void {
  const key = `${operation}@${digits}`;
  worstWidths.set(key, Math.max(worstWidths.get(key) ?? 0, ulps));
}
export function printWorstWidths(title: string): void {
  const lines = [...worstWidths.entries()].map(([key, ulps]) => `${key}: ${ulps.toFixed(2)}`);
  if (lines.length) console.log(`${title} (worst width of point enclosures, in ulps at the precision)\n  ${lines.join('\n  ')}`);
}

// ---------------------------------------------------------------------------
// Property suites shared by the test files.

export interface UnaryCase {
  name: string;
  /** Doubles in the domain (both ends of interval arguments are drawn from it). */
  domain: fc.Arbitrary<number>;
  /** Exact `digits`-digit points in the domain, as decimal strings. */
  points: (digits: number) => fc.Arbitrary<string>;
  apply: (A: DecimalArith, x: DecimalInterval) => DecimalInterval;
  /** The exact value, rounded to nearest at `R` digits. */
  reference: (x: Decimal, R: number) => Decimal;
  /** Bound on the width of point enclosures, in ulps at the precision. */
  maxUlps: number;
  /** Default cases over all precisions and properties. */
  runs: number;
  /** Whether interval arguments must avoid 0 (negative powers). */
  avoidZero?: boolean;
}

const show = (parts: Record<string, unknown>) => () => JSON.stringify(parts);

/** Three properties per case and precision: doubles across the range, exact points (width), nested intervals (isotonicity). */
export function describeUnary(cases: UnaryCase[], digits: number, seed: number): void {
  const A = decimalArith(digits);
  const R = referenceDigits(digits);
  describe.each(cases)('$name', ({ name, domain, points, apply, reference, maxUlps, runs, avoidZero }) => {
    const numRuns = Math.max(1, Math.round(runsAt(digits, runs) / 3));

    it('encloses the exact result for doubles across the whole range', () => {
      fc.assert(
        fc.property(domain, (x) => {
          expectContains(apply(A, A.num(x)), reference(decimalFromDouble(x), R), show({ name, digits, x }));
        }),
        fuzz(numRuns, seed),
      );
    });

    it(`is at most ${maxUlps} ulps wide on exact points`, () => {
      fc.assert(
        fc.property(points(digits), (xs) => {
          const result = apply(A, A.exact(xs));
          expectContains(result, reference(new Decimal(xs), R), show({ name, digits, xs }));
          const ulps = widthInUlps(result, digits);
          recordWidth(name, digits, ulps);
          if (ulps > maxUlps) expect.fail(`${name}(${xs}) is ${ulps} ulps wide: ${result.toString()}`);
        }),
        fuzz(numRuns, seed + 1),
      );
    });

    it('is inclusion isotone and encloses every point of interval arguments', () => {
      const nested = avoidZero ? sameSign(nestedIntervals(domain.map(Math.abs).filter((x) => x > 0))) : nestedIntervals(domain);
      fc.assert(
        fc.property(nested, (x) => {
          const outer = apply(A, A.range(x.a, x.b));
          const inner = apply(A, A.range(x.c, x.d));
          expectSubset(inner, outer, show({ name, digits, x }));
          expectContains(inner, reference(decimalFromDouble(x.t), R), show({ name, digits, x }));
        }),
        fuzz(numRuns, seed + 2),
      );
    });
  });
}

type Nested = { a: number; b: number; c: number; d: number; t: number };

/** Nested intervals of positive doubles, negated half of the time (intervals that exclude 0). */
export function sameSign(positive: fc.Arbitrary<Nested>): fc.Arbitrary<Nested> {
  return fc.tuple(positive, fc.boolean()).map(([n, negate]) =>
    negate ? { a: -n.b, b: -n.a, c: -n.d, d: -n.c, t: -n.t } : n,
  );
}
