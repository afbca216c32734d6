/**
 * A labelled sample and the output signs of the two-layer ReLU net as flat
 * typed arrays, the form the loops of net-arrays-float.ts and
 * net-arrays-interval.ts read: X row-major (n × d), its columns, y and a.
 * Every entry is an exact double.
 */
export interface NetSample {
  readonly n: number;
  readonly m: number;
  readonly d: number;
  readonly X: Float64Array;
  /** Column l of X (the l-th coordinate of every point), for the gradient's sums over k. */
  readonly columns: readonly Float64Array[];
  readonly y: Float64Array;
  readonly a: Float64Array;
  /** Whether x_k is the zero vector (it contributes nothing to f, ∇f or the gradient). */
  readonly zeroPoint: readonly boolean[];
}

export function netSample(X: ArrayLike<number>, n: number, d: number, y: ArrayLike<number>, a: ArrayLike<number>): NetSample {
  if (X.length !== n * d) throw new RangeError(`netSample: X has ${X.length} entries, not ${n}×${d}`);
  if (y.length !== n) throw new RangeError(`netSample: ${y.length} labels for ${n} points`);
  const flat = Float64Array.from(X);
  const columns: Float64Array[] = [];
  for (let l = 0; l < d; l++) {
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) c[k] = flat[k * d + l];
    columns.push(c);
  }
  const zeroPoint: boolean[] = [];
  for (let k = 0; k < n; k++) {
    let zero = true;
    for (let l = 0; l < d; l++) if (flat[k * d + l] !== 0) zero = false;
    zeroPoint.push(zero);
  }
  return { n, m: a.length, d, X: flat, columns, y: Float64Array.from(y), a: Float64Array.from(a), zeroPoint };
}

/** Row k of X (a view, no copy). */
export function pointOf(s: NetSample, k: number): Float64Array {
  return s.X.subarray(k * s.d, (k + 1) * s.d);
}
