import fc from 'fast-check';
import { compareSquaredNormWithOne } from '../io/instance-file.js';

/** ‖x‖² ≤ 1, decided exactly (no rounding anywhere). */
export function inUnitBall(x: readonly number[]): boolean {
  return x.every(Number.isFinite) && compareSquaredNormWithOne(x) <= 0;
}

/** Scales x into the closed unit ball, shrinking by one ulp-ish step until the exact check passes. */
function intoUnitBall(x: number[], radius: number): number[] {
  const n = Math.hypot(...x);
  if (n === 0) return x.map(() => 0);
  let y = x.map((v) => (v / n) * radius);
  for (let k = 0; !inUnitBall(y); k++) y = y.map((v) => v * (1 - 2 ** -52 * 2 ** k));
  return y;
}

/**
 * A point of R^d with ‖x‖ ≤ 1 exactly: on the sphere (±e_j exactly, or a
 * direction scaled to within an ulp of norm 1), inside at any radius across
 * magnitudes, or 0.
 */
export function unitBallPoint(d: number): fc.Arbitrary<number[]> {
  const direction = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d });
  const axis = fc.tuple(fc.integer({ min: 0, max: d - 1 }), fc.boolean()).map(([j, neg]) => Array.from({ length: d }, (_, k) => (k === j ? (neg ? -1 : 1) : 0)));
  const radius = fc.oneof(
    { arbitrary: fc.constant(1), weight: 2 },
    { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
    { arbitrary: fc.double({ min: 0, max: 12, noNaN: true }).map((s) => 10 ** -s), weight: 1 },
  );
  const scaled = fc.tuple(direction, radius).map(([x, r]) => intoUnitBall(x, r));
  return fc.oneof({ arbitrary: scaled, weight: 6 }, { arbitrary: axis, weight: 2 }, { arbitrary: fc.constant(Array(d).fill(0)), weight: 1 });
}

export interface LabelledData {
  X: number[][];
  y: number[];
}

/** n points in the unit ball of R^d with labels ±1 (separable or not), n and d from the given ranges. */
export function labelledData(options: { n: [number, number]; d: [number, number] }): fc.Arbitrary<LabelledData> {
  return fc.integer({ min: options.d[0], max: options.d[1] }).chain((d) =>
    fc
      .array(fc.tuple(unitBallPoint(d), fc.constantFrom(1, -1)), { minLength: options.n[0], maxLength: options.n[1] })
      .map((pairs) => ({ X: pairs.map(([x]) => x), y: pairs.map(([, y]) => y) })),
  );
}
