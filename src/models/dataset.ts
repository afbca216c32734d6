/**
 * A labelled data set: points x_i ∈ ℝ^d (rows of X) and labels y_i ∈ {−1, +1}.
 * Every entry is a double and is taken as the exact real it denotes.
 */
export interface Dataset {
  X: number[][];
  y: number[];
}

/**
 * A well-formed data set that a lemma cannot be checked on, e.g. one that needs
 * linearly separable data: that lemma is not run (the others still are), and
 * the command line says so in one line and exits 2.
 */
export class UnsuitableDatasetError extends Error {
  override name = 'UnsuitableDatasetError';

  constructor(
    readonly requirement: string,
    readonly reason: string,
  ) {
    super(`needs ${requirement}; ${reason}`);
  }
}

/** Number of points. */
export function sampleCount(data: Dataset): number {
  return data.X.length;
}

/** Dimension of the points (0 for an empty set). */
export function dimension(data: Dataset): number {
  return data.X.length === 0 ? 0 : data.X[0].length;
}

/** z_i = y_i x_i. Exact: y_i = ±1 only flips signs. */
export function signedPoint(data: Dataset, i: number): number[] {
  const yi = data.y[i];
  return data.X[i].map((v) => (yi < 0 ? -v : v));
}

/** All z_i = y_i x_i, one per row. */
export function signedPoints(data: Dataset): number[][] {
  return data.X.map((_, i) => signedPoint(data, i));
}

/** The z_i as one row-major Float64Array (n × d), for the numeric kernels. */
export function signedPointMatrix(data: Dataset): Float64Array {
  const n = sampleCount(data);
  const d = dimension(data);
  const Z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const s = data.y[i] < 0 ? -1 : 1;
    const row = data.X[i];
    for (let j = 0; j < d; j++) Z[i * d + j] = s * row[j];
  }
  return Z;
}
