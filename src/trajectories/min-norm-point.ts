/**
 * The minimum-norm point of the convex hull of finitely many points, by
 * Wolfe's algorithm (P. Wolfe, "Finding the nearest point in a polytope",
 * Math. Programming 11, 1976), in plain floats. Non-validated: the result
 * is a candidate primal/dual pair that max-margin.ts certifies.
 *
 * The corral (active set) is kept affinely independent; its affine
 * minimum-norm point is found by a Householder least-squares solve with
 * iterative refinement against the original points, so the final weights
 * are accurate to about the conditioning of the corral times 1e−16.
 */

export interface MinNormPoint {
  /** Indices of the corral (the support) and their convex weights. */
  support: number[];
  weights: number[];
  /** x = Σ weights_i z_support_i. */
  point: number[];
  /** Wolfe gap ‖x‖² − min_i ⟨x, z_i⟩ at the end (≥ 0 up to rounding). */
  gap: number;
  iterations: number;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

function combination(points: readonly (readonly number[])[], support: number[], weights: number[], d: number): number[] {
  const x = new Array<number>(d).fill(0);
  for (let k = 0; k < support.length; k++) {
    const z = points[support[k]];
    for (let j = 0; j < d; j++) x[j] += weights[k] * z[j];
  }
  return x;
}

/**
 * Least squares min_β ‖r + Aβ‖ for A = columns cols (each of length d), by
 * Householder QR. Returns null when A is numerically rank deficient.
 */
function leastSquares(cols: number[][], r: number[]): number[] | null {
  const k = cols.length;
  const d = r.length;
  if (k === 0) return [];
  if (k > d) return null;
  const A = cols.map((c) => c.slice());
  const b = r.map((v) => -v);
  const diag: number[] = [];
  let scale = 0;
  for (const c of cols) scale = Math.max(scale, Math.sqrt(dot(c, c)));
  for (let c = 0; c < k; c++) {
    const col = A[c];
    let norm = 0;
    for (let i = c; i < d; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-13 * scale)) return null;
    const alpha = col[c] > 0 ? -norm : norm;
    const v = new Array<number>(d).fill(0);
    for (let i = c; i < d; i++) v[i] = col[i];
    v[c] -= alpha;
    const vv = dot(v, v);
    const reflect = (x: number[]): void => {
      if (vv === 0) return;
      let s = 0;
      for (let i = c; i < d; i++) s += v[i] * x[i];
      const f = (2 * s) / vv;
      for (let i = c; i < d; i++) x[i] -= f * v[i];
    };
    for (let c2 = c; c2 < k; c2++) reflect(A[c2]);
    reflect(b);
    diag.push(A[c][c]);
  }
  const beta = new Array<number>(k).fill(0);
  for (let c = k - 1; c >= 0; c--) {
    let s = b[c];
    for (let c2 = c + 1; c2 < k; c2++) s -= A[c2][c] * beta[c2];
    beta[c] = s / diag[c];
  }
  return beta;
}

/** Weights of the affine minimum-norm point of the corral, or null if it is not affinely independent. */
function affineMinimizer(points: readonly (readonly number[])[], support: number[], d: number): number[] | null {
  const m = support.length;
  const base = points[support[0]];
  const cols: number[][] = [];
  for (let k = 1; k < m; k++) cols.push(points[support[k]].map((v, j) => v - base[j]));
  let weights = new Array<number>(m).fill(0);
  weights[0] = 1;
  // Refinement: residual from the original points, correction from the differences.
  for (let pass = 0; pass < 3; pass++) {
    const r = combination(points, support, weights, d);
    const beta = leastSquares(cols, r);
    if (beta === null) return null;
    const next = weights.slice();
    for (let k = 1; k < m; k++) {
      next[k] += beta[k - 1];
      next[0] -= beta[k - 1];
    }
    weights = next;
  }
  return weights;
}

export interface WolfeOptions {
  /** Stop when ‖x‖² − min_i⟨x, z_i⟩ ≤ tolerance · max_i‖z_i‖² (default 1e−15). */
  tolerance?: number;
  maxIterations?: number;
}

/** Wolfe's algorithm for the minimum-norm point of conv{points}. */
export function minNormPoint(points: readonly (readonly number[])[], options: WolfeOptions = {}): MinNormPoint {
  const n = points.length;
  if (n === 0) throw new RangeError('minNormPoint: no points');
  const d = points[0].length;
  const tolerance = options.tolerance ?? 1e-15;
  const maxIterations = options.maxIterations ?? 50 * n + 1000;
  let maxSq = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const s = dot(points[i], points[i]);
    if (s > maxSq) maxSq = s;
    if (s < dot(points[start], points[start])) start = i;
  }
  let support = [start];
  let weights = [1];
  let x = points[start].slice();
  let iterations = 0;
  let gap = Infinity;

  for (; iterations < maxIterations; iterations++) {
    const xx = dot(x, x);
    let best = -1;
    let bestValue = Infinity;
    for (let i = 0; i < n; i++) {
      const v = dot(x, points[i]);
      if (v < bestValue) {
        bestValue = v;
        best = i;
      }
    }
    gap = xx - bestValue;
    if (gap <= tolerance * maxSq || support.includes(best) || support.length > d) break;
    support.push(best);
    weights.push(0);
    // Minor cycle: move towards the affine minimizer, dropping points that leave the hull.
    for (let minor = 0; minor <= d + 1; minor++) {
      const alpha = affineMinimizer(points, support, d);
      if (alpha === null) {
        // Numerically dependent corral: drop the newest point and stop.
        support.pop();
        weights.pop();
        iterations = maxIterations;
        break;
      }
      if (alpha.every((a) => a > 0)) {
        weights = alpha;
        break;
      }
      let theta = 1;
      for (let k = 0; k < alpha.length; k++) {
        if (alpha[k] <= 0) theta = Math.min(theta, weights[k] / (weights[k] - alpha[k]));
      }
      const mixed = weights.map((w, k) => (1 - theta) * w + theta * alpha[k]);
      let dropped = false;
      const keepSupport: number[] = [];
      const keepWeights: number[] = [];
      // Drop every point whose weight reached 0 (at least the one fixing θ).
      let argmin = 0;
      for (let k = 1; k < mixed.length; k++) if (mixed[k] < mixed[argmin]) argmin = k;
      for (let k = 0; k < mixed.length; k++) {
        if (k === argmin || mixed[k] <= 0) {
          dropped = true;
          continue;
        }
        keepSupport.push(support[k]);
        keepWeights.push(mixed[k]);
      }
      if (!dropped || keepSupport.length === 0) break;
      const total = keepWeights.reduce((a, b) => a + b, 0);
      support = keepSupport;
      weights = keepWeights.map((w) => w / total);
    }
    x = combination(points, support, weights, d);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  weights = weights.map((w) => w / total);
  x = combination(points, support, weights, d);
  return { support, weights, point: x, gap, iterations };
}
