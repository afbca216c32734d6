import fc from 'fast-check';
import type { Interval } from '../../src/arithmetic/interval.js';
import { nextDown, nextUp } from '../../src/arithmetic/rounding.js';
import { fuzz } from '../fuzz.js';

/** Default fast-check settings of the float tests (test/fuzz.ts applies LEMMACHECK_FUZZ_RUNS and LEMMACHECK_FUZZ_SEED). */
export const SEED = 1788;
export const RUNS = 10_000;

export function params(runs = RUNS): fc.Parameters<unknown> {
  return fuzz(runs, SEED);
}

const MAX = Number.MAX_VALUE;
const MIN_NORMAL = 2 ** -1022;
const MIN_SUB = 2 ** -1074;

const specials = [
  0, -0, MIN_SUB, -MIN_SUB, 2 * MIN_SUB, nextDown(MIN_NORMAL), MIN_NORMAL, -MIN_NORMAL, 1e-300, -1e-300,
  MAX, -MAX, nextDown(MAX), -nextDown(MAX), 1e300, -1e300, 1, -1, nextUp(1), nextDown(1), 0.5, 2, 3, -3, 0.1, -0.1,
  Math.LN2, 709.782712893384, 709.8, -745.1332191019412, -745.2, -1000, 1000, 2 ** 53, 2 ** 995, 2 ** -960,
];

/** Finite doubles across the whole range: specials, uniform over the bit patterns, and moderate magnitudes. */
export const finiteDouble: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...specials) },
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.double({ min: -800, max: 800, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1e-6, max: 1e-6, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -1074, max: 1023 }).chain((k) => fc.double({ min: 2 ** k, max: 2 ** k * 2, noNaN: true, noDefaultInfinity: true }).map((x) => Math.min(x, MAX))) },
).map((x) => (Number.isFinite(x) ? x : MAX));

/** Every double but NaN (interval ends may be infinite). */
export const anyDouble: fc.Arbitrary<number> = fc.oneof(
  { weight: 9, arbitrary: finiteDouble },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) },
);

/** A valid interval from two doubles (an end +∞ as lower end becomes MAX_VALUE, and so on). */
export function intervalOf(a: number, b: number): Interval {
  let lo = Math.min(a, b);
  let hi = Math.max(a, b);
  if (lo === Infinity) lo = MAX;
  if (hi === -Infinity) hi = -MAX;
  return { lo: lo + 0, hi: hi + 0 };
}

export const anyInterval: fc.Arbitrary<Interval> = fc.tuple(anyDouble, anyDouble).map(([a, b]) => intervalOf(a, b));

/** A pair X ⊆ Y. */
export const nestedIntervals: fc.Arbitrary<[Interval, Interval]> = fc
  .tuple(anyInterval, anyDouble, anyDouble, fc.boolean(), fc.boolean())
  .map(([y, c1, c2, keepLo, keepHi]) => {
    const clamp = (c: number) => Math.min(Math.max(c, y.lo), y.hi);
    const a = keepLo ? y.lo : clamp(c1);
    const b = keepHi ? y.hi : clamp(c2);
    return [intervalOf(a, b), y];
  });
