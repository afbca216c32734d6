import type { Arith } from '../arithmetic/arith.js';
import type { NetArrays } from './net-arrays.js';

/**
 * The net's array operations in any arithmetic (decimal intervals, dual
 * numbers of `grad`, or floats and intervals where the sample is not exact or
 * a sign is not ±1), on flat row-major arrays. σ' is the arithmetic's own
 * reluPrime (relu-kink.ts's rule: [0, 1] at a kink in certified arithmetics).
 * Exact arithmetic gives the exactness rules of net-arrays.ts by itself.
 */
export interface GenericSample<T> {
  readonly n: number;
  readonly m: number;
  readonly d: number;
  /** n × d, row-major. */
  readonly X: readonly T[];
  /** n labels (all 1 for the per-point quantities). */
  readonly y: readonly T[];
  readonly a: readonly T[];
}

export function genericNetArrays<T>(A: Arith<T>, s: GenericSample<T>): NetArrays<T[], T> {
  const { n, m, d, X, y, a } = s;
  const row = (M: readonly T[], r: number, cols: number): readonly T[] => M.slice(r * cols, (r + 1) * cols);
  const points = Array.from({ length: n }, (_, k) => row(X, k, d));
  const columns = Array.from({ length: d }, (_, l) => Array.from({ length: n }, (_, k) => X[k * d + l]));
  return {
    A,
    n,
    m,
    d,
    label: (k) => y[k],
    isZeroPoint: () => false,
    linear(W) {
      const rows = Array.from({ length: m }, (_, j) => row(W, j, d));
      const P: T[] = [];
      for (let k = 0; k < n; k++) for (let j = 0; j < m; j++) P.push(A.dot(rows[j], points[k]));
      return P;
    },
    signedReluSum: (P, k) => A.sum(a.map((aj, j) => A.mul(aj, A.relu(P[k * m + j])))),
    signedSlopeSum: (P, Q, k) => A.sum(a.map((aj, j) => A.mul(A.mul(aj, A.reluPrime(P[k * m + j])), Q[k * m + j]))),
    signedSlopeGradient(P, c, scale) {
      const G: T[] = [];
      for (let j = 0; j < m; j++) {
        const coefficients = c.map((ck, k) => A.mul(ck, A.reluPrime(P[k * m + j])));
        const rowScale = A.mul(scale, a[j]);
        for (let l = 0; l < d; l++) G.push(A.mul(rowScale, A.dot(coefficients, columns[l])));
      }
      return G;
    },
    signedSlopeRows(P, k, c) {
      const G: T[] = [];
      for (let j = 0; j < m; j++) {
        const g = A.mul(c, A.mul(a[j], A.reluPrime(P[k * m + j])));
        for (const x of points[k]) G.push(A.mul(g, x));
      }
      return G;
    },
    scale: (c, M) => M.map((v) => A.mul(c, v)),
  };
}
