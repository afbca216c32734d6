import fc from 'fast-check';
import { unitBallPoint } from './points.js';
import { realLine } from './scalars.js';

/** Entries of a weight matrix: any sign, magnitudes log-uniform over 10^−6 … 10^2 (see each lemma's domain note). */
export const weightEntry = realLine({ minExponent: -6, maxExponent: 1, boundaries: [1, 1e-300] }).filter((w) => w !== 0);

export interface NetInstance {
  m: number;
  d: number;
  a: number[];
  W: number[][];
}

/** A two-layer ReLU net: width m, signs a_j ∈ {±1}, first layer W ∈ R^{m×d}. */
export function reluNetOf(d: number, width: [number, number], entry: fc.Arbitrary<number> = weightEntry): fc.Arbitrary<NetInstance> {
  return fc.integer({ min: width[0], max: width[1] }).chain((m) =>
    fc.record({
      m: fc.constant(m),
      d: fc.constant(d),
      a: fc.array(fc.constantFrom(1, -1), { minLength: m, maxLength: m }),
      W: fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: m, maxLength: m }),
    }),
  );
}

/** A net together with one input point ‖x‖ ≤ 1. */
export function reluNetAndPoint(options: { width: [number, number]; dimension: [number, number] }): fc.Arbitrary<NetInstance & { x: number[] }> {
  return fc
    .integer({ min: options.dimension[0], max: options.dimension[1] })
    .chain((d) => fc.tuple(reluNetOf(d, options.width), unitBallPoint(d)))
    .map(([net, x]) => ({ ...net, x }));
}

/** A net with a labelled data set (n points ‖x_k‖ ≤ 1, labels ±1). */
export function reluNetAndData(options: { width: [number, number]; dimension: [number, number]; points: [number, number] }): fc.Arbitrary<NetInstance & { n: number; X: number[][]; y: number[] }> {
  return fc
    .integer({ min: options.dimension[0], max: options.dimension[1] })
    .chain((d) =>
      fc.tuple(
        reluNetOf(d, options.width),
        fc.array(fc.tuple(unitBallPoint(d), fc.constantFrom(1, -1)), { minLength: options.points[0], maxLength: options.points[1] }),
      ),
    )
    .map(([net, pairs]) => ({ ...net, n: pairs.length, X: pairs.map(([x]) => x), y: pairs.map(([, y]) => y) }));
}
