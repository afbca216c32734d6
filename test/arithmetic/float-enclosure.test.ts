import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import * as E from '../../src/arithmetic/elementary.js';
import * as I from '../../src/arithmetic/interval.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import * as L from '../../src/arithmetic/losses.js';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import * as R from './float-reference.js';
import { finiteDouble, nestedIntervals, params } from './float-generators.js';

/**
 * Enclosure properties of the float intervals, for inputs across the whole
 * double range: (1) point inputs: the exact result lies in the enclosure,
 * which is at most a few ulps wide; (2) inclusion isotonicity
 * X ⊆ Y ⇒ F(X) ⊆ F(Y), for intervals with infinite ends too. Together they
 * give containment over whole intervals: f(x) ∈ F([x, x]) ⊆ F(X) for x ∈ X.
 */

const worst: Record<string, { ulps: number; at: string }> = {};

function record(name: string, ulps: number, at: string): void {
  const w = (worst[name] ??= { ulps: 0, at: '' });
  if (ulps > w.ulps) {
    w.ulps = ulps;
    w.at = at;
  }
}

afterAll(() => {
  console.log(`FLOAT_WIDTH_SUMMARY ${JSON.stringify(worst)}`);
});

/** Runs f, returning a DomainError instead of throwing it. */
function attempt(f: () => Interval): Interval | DomainError {
  try {
    return f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Point inputs: exact operations.

const exactBinary: [string, (a: Interval, b: Interval) => Interval, (a: R.Dyadic, b: R.Dyadic) => R.Dyadic][] = [
  ['add', I.add, R.dAdd],
  ['sub', I.sub, R.dSub],
  ['mul', I.mul, R.dMul],
  ['min', I.min, (a, b) => (R.dCmp(a, b) <= 0 ? a : b)],
  ['max', I.max, (a, b) => (R.dCmp(a, b) >= 0 ? a : b)],
];

/** Tightest enclosure of an exact value: ends equal, or adjacent doubles around it. */
function tightAround(r: Interval, v: R.Dyadic): boolean {
  if (!R.encloses(r, R.exactRef(v))) return false;
  return R.ulpsBetween(r.lo, r.hi) <= (R.cmpDouble(r.lo, v) === 0 ? 0 : 1);
}

describe('point enclosures of the arithmetic operations (exact reference)', () => {
  for (const [name, op, exact] of exactBinary) {
    it(`${name} is the tightest enclosure`, () => {
      fc.assert(
        fc.property(finiteDouble, finiteDouble, (a, b) => {
          const r = op(I.point(a), I.point(b));
          record(name, R.ulpsBetween(r.lo, r.hi), `${a}, ${b}`);
          return tightAround(r, exact(R.dyadic(a), R.dyadic(b)));
        }),
        params(),
      );
    });
  }

  it('neg, abs, sqr, relu are the tightest enclosures', () => {
    fc.assert(
      fc.property(finiteDouble, (a) => {
        const x = R.dyadic(a);
        const ax = a < 0 ? R.dNeg(x) : x;
        const sq = I.sqr(I.point(a));
        record('sqr', R.ulpsBetween(sq.lo, sq.hi), `${a}`);
        return (
          tightAround(I.neg(I.point(a)), R.dNeg(x)) &&
          tightAround(I.abs(I.point(a)), ax) &&
          tightAround(sq, R.dMul(x, x)) &&
          tightAround(L.relu(I.point(a)), a > 0 ? x : R.dyadic(0))
        );
      }),
      params(),
    );
  });

  it('div encloses the exact quotient within one ulp (DomainError only for a zero divisor)', () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, (a, b) => {
        const r = attempt(() => I.div(I.point(a), I.point(b)));
        if (r instanceof DomainError) return b === 0 && r.certain;
        // lo ≤ a/b ≤ hi ⇔ lo·b ≤ a ≤ hi·b for b > 0, reversed for b < 0.
        const s = Math.sign(b);
        const loOk = r.lo === -Infinity || s * R.cmpDouble(a, R.dMul(R.dyadic(r.lo), R.dyadic(b))) >= 0;
        const hiOk = r.hi === Infinity || s * R.cmpDouble(a, R.dMul(R.dyadic(r.hi), R.dyadic(b))) <= 0;
        const ulps = R.ulpsBetween(r.lo, r.hi);
        record('div', ulps, `${a}, ${b}`);
        return loOk && hiOk && ulps <= 1;
      }),
      params(),
    );
  });

  it('sqrt encloses the exact root within one ulp (DomainError for negative arguments)', () => {
    fc.assert(
      fc.property(finiteDouble, (a) => {
        const r = attempt(() => I.sqrt(I.point(a)));
        if (r instanceof DomainError) return a < 0 && r.certain;
        const sq = (x: number) => R.dMul(R.dyadic(x), R.dyadic(x));
        const ulps = R.ulpsBetween(r.lo, r.hi);
        record('sqrt', ulps, `${a}`);
        return R.cmpDouble(a, sq(r.lo)) >= 0 && (r.hi === Infinity || R.cmpDouble(a, sq(r.hi)) <= 0) && ulps <= 1;
      }),
      params(),
    );
  });

  it('powInt encloses the exact power within one ulp, for exponents −9…9', () => {
    fc.assert(
      fc.property(finiteDouble, fc.integer({ min: -9, max: 9 }), (a, n) => {
        const r = attempt(() => I.powInt(I.point(a), n));
        if (r instanceof DomainError) return n < 0 && a === 0 && r.certain;
        const ulps = R.ulpsBetween(r.lo, r.hi);
        record('powInt', ulps, `${a}^${n}`);
        if (ulps > 1) return false;
        if (n >= 0) return R.encloses(r, R.exactRef(R.dPow(R.dyadic(a), n)));
        // x^n = 1 / x^k: lo ≤ 1/p ⇔ lo·p ≤ 1 for p > 0, reversed for p < 0.
        const p = R.dPow(R.dyadic(a), -n);
        const s = p.m > 0n ? 1 : -1;
        const one = R.dyadic(1);
        const below = (x: number) => x === -Infinity || s * R.dCmp(one, R.dMul(R.dyadic(x), p)) >= 0;
        const above = (x: number) => x === Infinity || s * R.dCmp(one, R.dMul(R.dyadic(x), p)) <= 0;
        return below(r.lo) && above(r.hi);
      }),
      params(),
    );
  });
});

// ---------------------------------------------------------------------------
// Point inputs: the functions (high-precision reference).

interface FunctionCase {
  name: string;
  f: (a: Interval) => Interval;
  ref: (x: R.Dyadic) => R.Ref;
  /** Inside the domain (exact). */
  domain: (x: number) => boolean;
  /** |x · f'(x)|: the scale of an honest width (the conditioning), as a double. */
  scale: (x: number, fx: number) => number;
  /** Width bound in ulps of max(|f(x)|, scale). */
  ulps: number;
}

const functionCases: FunctionCase[] = [
  { name: 'exp', f: E.exp, ref: R.expRef, domain: () => true, scale: (_x, fx) => fx, ulps: 6 },
  { name: 'expm1', f: E.expm1, ref: R.expm1Ref, domain: () => true, scale: (_x, fx) => fx, ulps: 6 },
  { name: 'log', f: E.log, ref: R.logRef, domain: (x) => x > 0, scale: (_x, fx) => fx, ulps: 6 },
  { name: 'log1p', f: E.log1p, ref: R.log1pRef, domain: (x) => x > -1, scale: (_x, fx) => fx, ulps: 6 },
  { name: 'expLoss', f: L.expLoss, ref: R.expLossRef, domain: () => true, scale: (_x, fx) => fx, ulps: 6 },
  { name: 'expLossInverse', f: L.expLossInverse, ref: R.expLossInverseRef, domain: (x) => x > 0, scale: () => 1, ulps: 6 },
  {
    name: 'logistic',
    f: L.logistic,
    ref: R.logisticRef,
    domain: () => true,
    // |z ℓ'(z)| = |z| / (1 + e^z)
    scale: (z) => (z >= 0 ? (z * Math.exp(-z)) / (1 + Math.exp(-z)) : -z / (1 + Math.exp(z))),
    ulps: 16,
  },
  {
    name: 'logisticPrime',
    f: L.logisticPrime,
    ref: R.logisticPrimeRef,
    domain: () => true,
    // |z ℓ''(z)| = |z| t/(1+t)², t = e^(−|z|)
    scale: (z) => {
      const t = Math.exp(-Math.abs(z));
      return (Math.abs(z) * t) / (1 + t) ** 2;
    },
    ulps: 16,
  },
  {
    name: 'logisticInverse',
    f: L.logisticInverse,
    ref: R.logisticInverseRef,
    domain: (v) => v > 0,
    // |v (ℓ⁻¹)'(v)| = v / (1 − e^(−v))
    scale: (v) => v / -Math.expm1(-v),
    ulps: 16,
  },
];

describe('point enclosures of the functions (320-bit reference)', () => {
  for (const c of functionCases) {
    it(`${c.name} encloses f(x) within ${c.ulps} ulps of its scale`, () => {
      fc.assert(
        fc.property(finiteDouble, (x) => {
          const r = attempt(() => c.f(I.point(x)));
          if (r instanceof DomainError) return !c.domain(x) && r.certain;
          if (!c.domain(x)) return false;
          const ref = c.ref(R.dyadic(x));
          if (!R.encloses(r, ref)) throw new Error(`${c.name}(${x}) = [${r.lo}, ${r.hi}] misses ${R.refToNumber(ref)}`);
          if (!Number.isFinite(r.lo) || !Number.isFinite(r.hi)) return true; // beyond the double range
          const fx = R.refToNumber(ref);
          const scale = Math.max(Math.abs(fx), Math.abs(c.scale(x, fx)) || 0);
          const ulps = (r.hi - r.lo) / R.ulpOf(scale);
          record(c.name, ulps, `${x}`);
          return ulps <= c.ulps;
        }),
        params(),
      );
    });
  }

  it("reluPrime of a point is 1 for x > 0 and 0 otherwise (σ'(0) = 0)", () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        const r = L.reluPrime(I.point(x));
        return x > 0 ? r.lo === 1 && r.hi === 1 : r.lo === 0 && r.hi === 0;
      }),
      params(),
    );
  });
});

describe('the 320-bit reference agrees with decimal.js at 60 digits', () => {
  const D = Decimal.clone({ precision: 60, minE: -9e15, maxE: 9e15 });
  const Wide = Decimal.clone({ precision: 120, minE: -9e15, maxE: 9e15 });
  const checks: [string, (x: Decimal) => Decimal, (x: R.Dyadic) => R.Ref, fc.Arbitrary<number>][] = [
    ['exp', (x) => D.exp(x), R.expRef, fc.double({ min: -740, max: 700, noNaN: true })],
    ['log', (x) => D.ln(x), R.logRef, fc.double({ min: 1e-300, max: 1e300, noNaN: true })],
    ['expm1', (x) => new D(Wide.exp(x).minus(1)), R.expm1Ref, fc.double({ min: -40, max: 40, noNaN: true }).filter((x) => Math.abs(x) > 1e-30)],
    ['log1p', (x) => new D(Wide.ln(x.plus(1))), R.log1pRef, fc.double({ min: -0.99, max: 1e10, noNaN: true }).filter((x) => Math.abs(x) > 1e-30)],
    ['logistic', (z) => new D(Wide.ln(Wide.exp(z.neg()).plus(1))), R.logisticRef, fc.double({ min: -30, max: 30, noNaN: true })],
    ['logisticPrime', (z) => new D(-1).div(D.exp(z).plus(1)), R.logisticPrimeRef, fc.double({ min: -30, max: 30, noNaN: true })],
    ['logisticInverse', (v) => new D(Wide.ln(Wide.exp(v).minus(1)).neg()), R.logisticInverseRef, fc.double({ min: 1e-6, max: 30, noNaN: true })],
  ];
  for (const [name, decimalF, refF, arb] of checks) {
    it(name, () => {
      fc.assert(
        fc.property(arb, (x) => {
          const ref = refF(R.dyadic(x));
          if (ref.kind !== 'value') return false;
          const { m, e } = ref.v;
          const v = new Wide(m.toString()).times(new Wide(2).pow(e));
          const d = decimalF(decimalFromDouble(x));
          return v.minus(d).abs().lte(d.abs().times('1e-55'));
        }),
        params(200),
      );
    });
  }
});

// ---------------------------------------------------------------------------
// Isotonicity over intervals with any ends (±∞ included).

const unaryOps: [string, (a: Interval) => Interval][] = [
  ['neg', I.neg],
  ['abs', I.abs],
  ['sqr', I.sqr],
  ['sqrt', I.sqrt],
  ['exp', E.exp],
  ['expm1', E.expm1],
  ['log', E.log],
  ['log1p', E.log1p],
  ['relu', L.relu],
  ['reluPrime', L.reluPrime],
  ['logistic', L.logistic],
  ['logisticPrime', L.logisticPrime],
  ['logisticInverse', L.logisticInverse],
  ['expLoss', L.expLoss],
  ['expLossInverse', L.expLossInverse],
];

const binaryOps: [string, (a: Interval, b: Interval) => Interval][] = [
  ['add', I.add],
  ['sub', I.sub],
  ['mul', I.mul],
  ['div', I.div],
  ['min', I.min],
  ['max', I.max],
];

function valid(r: Interval): boolean {
  return r.lo === r.lo && r.hi === r.hi && r.lo <= r.hi && r.lo !== Infinity && r.hi !== -Infinity;
}

/** F(X) ⊆ F(Y) for X ⊆ Y; a DomainError on Y is allowed, on X it must also come on Y. */
function isotone(fx: Interval | DomainError, fy: Interval | DomainError): boolean {
  if (fx instanceof DomainError) return fy instanceof DomainError;
  if (fy instanceof DomainError) return !fy.certain;
  return valid(fx) && valid(fy) && I.subset(fx, fy);
}

describe('inclusion isotonicity X ⊆ Y ⇒ F(X) ⊆ F(Y)', () => {
  for (const [name, f] of unaryOps) {
    it(name, () => {
      fc.assert(
        fc.property(nestedIntervals, ([x, y]) => isotone(attempt(() => f(x)), attempt(() => f(y)))),
        params(),
      );
    });
  }
  it('powInt for exponents −9…9', () => {
    fc.assert(
      fc.property(nestedIntervals, fc.integer({ min: -9, max: 9 }), ([x, y], n) =>
        isotone(
          attempt(() => I.powInt(x, n)),
          attempt(() => I.powInt(y, n)),
        ),
      ),
      params(),
    );
  });
  for (const [name, f] of binaryOps) {
    it(name, () => {
      fc.assert(
        fc.property(nestedIntervals, nestedIntervals, ([x1, y1], [x2, y2]) =>
          isotone(
            attempt(() => f(x1, x2)),
            attempt(() => f(y1, y2)),
          ),
        ),
        params(),
      );
    });
  }

  it('a DomainError is certain only when the whole argument is outside the domain', () => {
    expect(() => I.div(I.ONE, I.interval(-1, 1))).toThrow(DomainError);
    expect(attempt(() => I.div(I.ONE, I.interval(-1, 1)))).toMatchObject({ certain: false });
    expect(attempt(() => I.div(I.ONE, I.ZERO))).toMatchObject({ certain: true });
    expect(attempt(() => E.log(I.interval(-1, 1)))).toMatchObject({ certain: false });
    expect(attempt(() => E.log(I.interval(-1, 0)))).toMatchObject({ certain: true });
    expect(attempt(() => I.sqrt(I.interval(-2, -1)))).toMatchObject({ certain: true });
  });
});
