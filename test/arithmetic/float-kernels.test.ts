import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/arithmetic/domain-error.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import * as K from '../../src/arithmetic/kernels.js';
import { intervalArith } from '../../src/arithmetic/interval-arith.js';
import { type Dyadic, cmpDouble, dAdd, dMul, dSub, dyadic } from './float-reference.js';
import { subDown } from '../../src/arithmetic/rounding.js';
import { anyDouble, finiteDouble, intervalOf, params } from './float-generators.js';

/**
 * The typed-array kernels enclose the exact result (exact dyadic sums of the
 * exact products) on random vectors across the double range: overflowing
 * ones (slow path), infinite interval ends, cancellation, long vectors.
 */

type Ext = Dyadic | 'inf' | '-inf';

function product(a: number, b: number): Ext {
  if (a === 0 || b === 0) return dyadic(0);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Math.sign(a) * Math.sign(b) > 0 ? 'inf' : '-inf';
  return dMul(dyadic(a), dyadic(b));
}

function cmpExt(a: Ext, b: Ext): number {
  if (a === b) return 0;
  if (a === '-inf' || b === 'inf') return -1;
  if (a === 'inf' || b === '-inf') return 1;
  return Math.sign(Number(dSub(a, b).m));
}

function sumExt(terms: Ext[]): Ext {
  let s: Dyadic = dyadic(0);
  let inf: Ext | null = null;
  for (const t of terms) {
    if (typeof t === 'string') inf = t;
    else s = dAdd(s, t);
  }
  return inf ?? s;
}

function below(x: number, v: Ext): boolean {
  if (v === '-inf') return x === -Infinity;
  if (v === 'inf') return true;
  return cmpDouble(x, v) <= 0;
}

function above(x: number, v: Ext): boolean {
  if (v === 'inf') return x === Infinity;
  if (v === '-inf') return true;
  return cmpDouble(x, v) >= 0;
}

/** The exact range [Σ min corners, Σ max corners] of Σ X_i·Y_i. */
function exactDotRange(x: Interval[], y: Interval[]): [Ext, Ext] {
  const los: Ext[] = [];
  const his: Ext[] = [];
  for (let i = 0; i < x.length; i++) {
    const corners = [product(x[i].lo, y[i].lo), product(x[i].lo, y[i].hi), product(x[i].hi, y[i].lo), product(x[i].hi, y[i].hi)];
    corners.sort(cmpExt);
    los.push(corners[0]);
    his.push(corners[3]);
  }
  return [sumExt(los), sumExt(his)];
}

function encloses(r: Interval, [lo, hi]: [Ext, Ext]): boolean {
  return r.lo <= r.hi && below(r.lo, lo) && above(r.hi, hi);
}

const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const element = fc.oneof({ weight: 3, arbitrary: moderate }, { weight: 1, arbitrary: finiteDouble });
const pointVector = fc.array(element, { maxLength: 32 }).map((a) => Float64Array.from(a));
const intervalElement = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(moderate, moderate) },
  { weight: 1, arbitrary: fc.tuple(anyDouble, anyDouble) },
).map(([a, b]) => intervalOf(a, b));
const intervalArray = (n: number) => fc.array(intervalElement, { minLength: n, maxLength: n });

function toVector(xs: Interval[]): K.IntervalVector {
  return { lo: Float64Array.from(xs, (x) => x.lo), hi: Float64Array.from(xs, (x) => x.hi) };
}

function points(x: Float64Array): Interval[] {
  return Array.from(x, (v) => ({ lo: v, hi: v }));
}

const pairOfPointVectors = pointVector.chain((x) =>
  fc.array(element, { minLength: x.length, maxLength: x.length }).map((y) => [x, Float64Array.from(y)] as const),
);

describe('point kernels', () => {
  it('sumPoint and dotPoint enclose the exact sums', () => {
    fc.assert(
      fc.property(pairOfPointVectors, ([x, y]) => {
        const ones = points(new Float64Array(x.length).fill(1));
        return encloses(K.sumPoint(x), exactDotRange(points(x), ones)) && encloses(K.dotPoint(x, y), exactDotRange(points(x), points(y)));
      }),
      params(),
    );
  });

  it('normSquaredPoint and normPoint enclose Σx² and its root', () => {
    fc.assert(
      fc.property(pointVector, (x) => {
        const r = K.normSquaredPoint(x);
        const exact = exactDotRange(points(x), points(x));
        const n = K.normPoint(x);
        // lo² ≤ Σx² ≤ hi² checked exactly.
        const sq = (v: number): Ext => (v === Infinity ? 'inf' : dMul(dyadic(v), dyadic(v)));
        return encloses(r, exact) && r.lo >= 0 && cmpExt(sq(n.lo), exact[0]) <= 0 && cmpExt(sq(n.hi), exact[1]) >= 0;
      }),
      params(),
    );
  });

  it('matVecPoint encloses every row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }), fc.array(element, { minLength: 48, maxLength: 48 }), (rows, cols, data) => {
        const a = Float64Array.from(data.slice(0, rows * cols));
        const x = Float64Array.from(data.slice(40, 40 + cols));
        const r = K.matVecPoint(a, rows, cols, x);
        for (let i = 0; i < rows; i++) {
          const row = points(a.subarray(i * cols, (i + 1) * cols));
          if (!encloses(K.getInterval(r, i), exactDotRange(row, points(x)))) return false;
        }
        return true;
      }),
      params(),
    );
  });
});

describe('interval kernels', () => {
  const pair = fc.integer({ min: 0, max: 24 }).chain((n) => fc.tuple(intervalArray(n), intervalArray(n), fc.array(element, { minLength: n, maxLength: n })));

  it('sumInterval, dotIntervalPoint and dotInterval enclose the exact ranges', () => {
    fc.assert(
      fc.property(pair, ([x, y, p]) => {
        const ones = points(new Float64Array(x.length).fill(1));
        const pv = Float64Array.from(p);
        return (
          encloses(K.sumInterval(toVector(x)), exactDotRange(x, ones)) &&
          encloses(K.dotIntervalPoint(toVector(x), pv), exactDotRange(x, points(pv))) &&
          encloses(K.dotInterval(toVector(x), toVector(y)), exactDotRange(x, y))
        );
      }),
      params(),
    );
  });

  it('matVecIntervalPoint and matVecInterval enclose every row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), intervalArray(24), intervalArray(6), fc.array(element, { minLength: 6, maxLength: 6 }), (rows, cols, data, xs, ps) => {
        const a = toVector(data.slice(0, rows * cols));
        const x = xs.slice(0, cols);
        const p = Float64Array.from(ps.slice(0, cols));
        const r1 = K.matVecIntervalPoint(a, rows, cols, p);
        const r2 = K.matVecInterval(a, rows, cols, toVector(x));
        for (let i = 0; i < rows; i++) {
          const row = data.slice(i * cols, (i + 1) * cols);
          if (!encloses(K.getInterval(r1, i), exactDotRange(row, points(p)))) return false;
          if (!encloses(K.getInterval(r2, i), exactDotRange(row, x))) return false;
        }
        return true;
      }),
      params(),
    );
  });

  it('normSquaredInterval encloses the exact range of Σ X_i²', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 }).chain(intervalArray), (x) => {
        // Exact range: Σ mig², Σ mag².
        const lo: Ext[] = [];
        const hi: Ext[] = [];
        for (const v of x) {
          const mig = v.lo > 0 ? v.lo : v.hi < 0 ? -v.hi : 0;
          const mag = Math.max(-v.lo, v.hi);
          lo.push(product(mig, mig));
          hi.push(product(mag, mag));
        }
        const r = K.normSquaredInterval(toVector(x));
        return encloses(r, [sumExt(lo), sumExt(hi)]) && r.lo >= 0;
      }),
      params(),
    );
  });

  it('subtractScaled encloses W − η·G elementwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(intervalArray(n), intervalArray(n), intervalElement)), ([w, g, eta]) => {
        const r = K.subtractScaled(toVector(w), eta, toVector(g));
        for (let i = 0; i < w.length; i++) {
          const [pl, ph] = exactDotRange([eta], [g[i]]);
          const lo = typeof ph === 'string' ? (ph === 'inf' ? '-inf' : 'inf') : w[i].lo === -Infinity ? '-inf' : dSub(dyadic(w[i].lo), ph);
          const hi = typeof pl === 'string' ? (pl === '-inf' ? 'inf' : '-inf') : w[i].hi === Infinity ? 'inf' : dSub(dyadic(w[i].hi), pl);
          if (!encloses(K.getInterval(r, i), [lo, hi] as [Ext, Ext])) return false;
        }
        return true;
      }),
      params(),
    );
  });
});

describe('kernel edge cases', () => {
  it('overflowing sums go to the exact-ended slow path', () => {
    const big = new Float64Array([1e308, 1e308, -1e308]);
    const s = K.sumPoint(big);
    // Exact sum 1e308 (the partial sum overflows in floats).
    expect(s.lo).toBeLessThanOrEqual(1e308);
    expect(s.hi).toBeGreaterThanOrEqual(1e308);
    const d = K.dotPoint(new Float64Array([1e200, 1e200]), new Float64Array([1e200, 1e200]));
    expect(d).toEqual({ lo: Number.MAX_VALUE, hi: Infinity });
  });

  it('0 · ∞ = 0 for unbounded interval ends', () => {
    const x = toVector([{ lo: -Infinity, hi: 1 }, { lo: 2, hi: 3 }]);
    const r = K.dotIntervalPoint(x, new Float64Array([0, 1]));
    expect(r.lo).toBeLessThanOrEqual(2);
    expect(r.hi).toBeGreaterThanOrEqual(3);
    expect(Number.isFinite(r.lo) && Number.isFinite(r.hi)).toBe(true);
    expect(K.dotInterval(x, toVector([{ lo: 0, hi: 0 }, { lo: 1, hi: 1 }]))).toMatchObject({ lo: expect.any(Number) });
  });

  it('a NaN entry raises DomainError instead of a narrow wrong interval', () => {
    expect(() => K.dotPoint(new Float64Array([1, NaN]), new Float64Array([1, 1]))).toThrow(DomainError);
    expect(() => K.sumInterval({ lo: new Float64Array([NaN]), hi: new Float64Array([1]) })).toThrow(DomainError);
    expect(() => K.normSquaredPoint(new Float64Array([NaN]))).toThrow(DomainError);
    expect(() => K.subtractScaled(K.pointVector(new Float64Array([NaN])), { lo: 1, hi: 1 }, K.pointVector(new Float64Array([1])))).toThrow(DomainError);
  });

  it('length mismatches are refused', () => {
    expect(() => K.dotPoint(new Float64Array(2), new Float64Array(3))).toThrow(RangeError);
    expect(() => K.matVecPoint(new Float64Array(5), 2, 3, new Float64Array(3))).toThrow(RangeError);
  });

  it('long vectors: the a-priori bound encloses and stays narrow', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    const n = 100_000;
    const x = Float64Array.from({ length: n }, rand);
    const y = Float64Array.from({ length: n }, rand);
    const r = K.dotPoint(x, y);
    expect(encloses(r, exactDotRange(points(x), points(y)))).toBe(true);
    // Bound ≈ 1.1 (2√n + 2) u Σ|x_i y_i|: relative to Σ|x_i y_i| ≈ n/16, a width below 1e-9 here.
    expect(r.hi - r.lo).toBeLessThan(1e-9);
    const s = K.normSquaredPoint(x);
    expect((s.hi - s.lo) / s.hi).toBeLessThan(1e-12);
  });

  it('the Arith sum and dot use the kernels for long arrays and a fold for short ones', () => {
    const xs = Array.from({ length: 40 }, (_, i) => intervalArith.exact(`${i}/7`));
    const ys = Array.from({ length: 40 }, (_, i) => intervalArith.num(i % 3 === 0 ? -1 : 1));
    const dot = intervalArith.dot(xs, ys);
    const exact = xs.reduce((acc, _x, i) => acc + (i % 3 === 0 ? -i : i) / 7, 0);
    expect(dot.lo).toBeLessThan(exact + 1e-9);
    expect(dot.hi).toBeGreaterThan(exact - 1e-9);
    expect(exactDotRange(xs, ys)).toBeDefined();
    expect(encloses(dot, exactDotRange(xs, ys))).toBe(true);
    expect(encloses(intervalArith.sum(xs.slice(0, 5)), exactDotRange(xs.slice(0, 5), points(new Float64Array(5).fill(1))))).toBe(true);
  });
});

/**
 * An infinite entry of a point vector (an overflowed float iterate, or an end
 * +∞ as lower end as pointVector gives) is a real beyond the double range:
 * the kernels must enclose every real substitution [MAX, ∞] / [−∞, −MAX] and
 * keep the Interval invariant (lo < +∞, hi > −∞).
 */
const MAX = Number.MAX_VALUE;

describe('infinite entries of point vectors', () => {
  const overflowRange = (v: number): Interval => intervalArith.num(v);
  const overflowing = fc.oneof({ weight: 3, arbitrary: element }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) });
  const withInfinities = fc.array(overflowing, { maxLength: 12 }).map((a) => Float64Array.from(a));
  const valid = (r: Interval) => r.lo <= r.hi && r.lo < Infinity && r.hi > -Infinity;
  const ranges = (x: Float64Array) => Array.from(x, overflowRange);

  it('sums, dots, norms and matrix products enclose the overflow ranges', () => {
    fc.assert(
      fc.property(withInfinities.chain((x) => fc.array(overflowing, { minLength: x.length, maxLength: x.length }).map((y) => [x, Float64Array.from(y)] as const)), ([x, y]) => {
        const ones = points(new Float64Array(x.length).fill(1));
        const results: [Interval, [Ext, Ext]][] = [
          [K.sumPoint(x), exactDotRange(ranges(x), ones)],
          [K.sumInterval(K.pointVector(x)), exactDotRange(ranges(x), ones)],
          [K.dotPoint(x, y), exactDotRange(ranges(x), ranges(y))],
          [K.dotIntervalPoint(K.pointVector(x), y), exactDotRange(ranges(x), ranges(y))],
          [K.dotInterval(K.pointVector(x), K.pointVector(y)), exactDotRange(ranges(x), ranges(y))],
          [K.getInterval(K.matVecPoint(x, 1, x.length, y), 0), exactDotRange(ranges(x), ranges(y))],
          [K.getInterval(K.matVecIntervalPoint(K.pointVector(x), 1, x.length, y), 0), exactDotRange(ranges(x), ranges(y))],
          [K.getInterval(K.matVecInterval(K.pointVector(x), 1, x.length, K.pointVector(y)), 0), exactDotRange(ranges(x), ranges(y))],
        ];
        const squares = ranges(x).map((v) => {
          const mig = v.lo > 0 ? v.lo : v.hi < 0 ? -v.hi : 0;
          return [product(mig, mig), product(Math.max(-v.lo, v.hi), Math.max(-v.lo, v.hi))] as const;
        });
        const squareRange: [Ext, Ext] = [sumExt(squares.map((s) => s[0])), sumExt(squares.map((s) => s[1]))];
        results.push([K.normSquaredPoint(x), squareRange], [K.normSquaredInterval(K.pointVector(x)), squareRange]);
        return results.every(([r, exact]) => valid(r) && encloses(r, exact));
      }),
      params(),
    );
  });

  it('an overflowed sum is not certified above or below a real', () => {
    const inf = new Float64Array([Infinity]);
    expect(K.sumPoint(inf)).toEqual({ lo: MAX, hi: Infinity });
    expect(K.dotPoint(inf, new Float64Array([-1]))).toEqual({ lo: -Infinity, hi: -MAX });
    expect(K.normPoint(inf).lo).toBeLessThan(Infinity);
    expect(intervalArith.le(intervalArith.range(5, Infinity), K.sumPoint(inf))).toBe('inconclusive');
    expect(intervalArith.lt(K.dotPoint(inf, new Float64Array([-1])), intervalArith.range(-Infinity, -5))).toBe('inconclusive');
  });

  it('subtractScaled reads an infinite point entry as the overflow range', () => {
    const r = K.subtractScaled(K.pointVector(new Float64Array([Infinity, 1])), { lo: 1, hi: 1 }, K.pointVector(new Float64Array([1, -Infinity])));
    expect(K.getInterval(r, 0)).toEqual({ lo: subDown(MAX, 1), hi: Infinity });
    expect(K.getInterval(r, 1)).toEqual({ lo: MAX, hi: Infinity });
  });
});

describe('subtractScaled into one of its inputs', () => {
  const entry = fc.oneof({ weight: 3, arbitrary: intervalElement }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, 1e308, -1e308).map((v) => ({ lo: v, hi: v })) });
  const copy = (v: K.IntervalVector): K.IntervalVector => ({ lo: v.lo.slice(), hi: v.hi.slice() });

  it('out === w or out === g gives the same result as a fresh out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.array(entry, { minLength: n, maxLength: n }), fc.array(entry, { minLength: n, maxLength: n }), intervalElement)), ([w, g, eta]) => {
        const fresh = K.subtractScaled(toVector(w), eta, toVector(g));
        const intoW = toVector(w);
        K.subtractScaled(intoW, eta, toVector(g), intoW);
        const intoG = toVector(g);
        K.subtractScaled(toVector(w), eta, intoG, intoG);
        expect(copy(intoW)).toEqual(copy(fresh));
        expect(copy(intoG)).toEqual(copy(fresh));
      }),
      params(),
    );
  });

  it('a repaired (overflowing) entry is not stepped twice', () => {
    const w = K.pointVector(new Float64Array([1e308]));
    const g = K.pointVector(new Float64Array([-1e308]));
    const inPlace = { lo: w.lo.slice(), hi: w.hi.slice() };
    K.subtractScaled(inPlace, { lo: 1, hi: 1 }, g, inPlace);
    expect(K.getInterval(inPlace, 0)).toEqual({ lo: MAX, hi: Infinity });
  });
});
