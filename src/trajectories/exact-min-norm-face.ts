import { nextDown, nextUp, timesPowerOfTwo } from '../arithmetic/rounding.js';
import { type IntegerMatrix, entryOfDouble, integerMatrix, powerOfTen } from '../models/exact-entry.js';

/**
 * Exact optimality certificate for the minimum-norm point of conv{z_i} on a
 * candidate support S (the face found numerically).
 *
 * With G the Gram matrix of the z_k, k ∈ S (linearly independent), solve
 * G β = 1 exactly over the rationals. The affine minimum-norm point of S is
 * v = Σ_k β_k z_k / Σβ with ‖v‖² = 1/Σβ. It is the minimum-norm point of
 * the whole hull iff β ≥ 0 (v ∈ conv S) and ⟨z_i, v⟩ ≥ ‖v‖² for every i,
 * i.e. Σ_k β_k ⟨z_i, z_k⟩ ≥ 1 (the optimality condition ⟨v, z − v⟩ ≥ 0 on
 * the hull). Then γ̄ = ‖v‖ = 1/√Σβ and ū = Σ_k β_k z_k / √Σβ exactly, and
 * both are enclosed to a few ulps by integer square roots.
 *
 * All coordinates are scaled by one power of two 2^−E to integers ẑ; the
 * certificate is invariant under that scaling (γ̄ scales by 2^E).
 */

export interface ExactFace {
  /** Bounds of γ̄ (doubles, lo ≤ γ̄ ≤ hi). */
  gamma: [number, number];
  /** Bounds of each coordinate of ū. */
  direction: [number, number][];
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** ⌊√x⌋ for x ≥ 0 (Newton). */
function isqrt(x: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << BigInt(Math.ceil(bitLength(x) / 2));
  for (;;) {
    const next = (r + x / r) >> 1n;
    if (next >= r) break;
    r = next;
  }
  while (r * r > x) r--;
  while ((r + 1n) * (r + 1n) <= x) r++;
  return r;
}

/** Doubles lo ≤ N·2^k and hi ≥ (N+1)·2^k for an integer N ≥ 0. */
function scaledBounds(N: bigint, k: number): [number, number] {
  // N and N + 1 to doubles, rounded outward exactly (both below 2^1024 here).
  const lo0 = Number(N);
  const lo1 = BigInt(lo0) <= N ? lo0 : nextDown(lo0);
  const hiInt = N + 1n;
  const hi0 = Number(hiInt);
  const hi1 = BigInt(hi0) >= hiInt ? hi0 : nextUp(hi0);
  const a = timesPowerOfTwo(lo1, k);
  const b = timesPowerOfTwo(hi1, k);
  // Away from the subnormal range and overflow the scaling is exact; otherwise step outward.
  const exact = Number.isFinite(b) && (a === 0 ? lo1 === 0 : a >= 2 ** -1000);
  return exact ? [a, b] : [Math.max(0, nextDown(a)), nextUp(b)];
}

/** Bounds of √(P/Q)·2^extra for integers P ≥ 0, Q > 0, to about 60 bits. */
export function sqrtRatioBounds(P: bigint, Q: bigint, extra = 0): [number, number] {
  if (P === 0n) return [0, 0];
  // √(P/Q) = √(P·4^s / Q) · 2^−s, with s (of either sign) leaving ~64 bits in the root.
  const s = Math.ceil((128 - bitLength(P) + bitLength(Q)) / 2);
  const N = s >= 0 ? isqrt((P << BigInt(2 * s)) / Q) : isqrt(P / (Q << BigInt(-2 * s)));
  return scaledBounds(N, extra - s);
}

/** Exact Gauss–Jordan solve of A x = b (A square, integers); null if singular. Returns x = num/den. */
function solveExact(A: bigint[][], b: bigint[]): { num: bigint[]; den: bigint } | null {
  const m = A.length;
  const rows = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < m; c++) {
    let r = c;
    while (r < m && rows[r][c] === 0n) r++;
    if (r === m) return null;
    [rows[c], rows[r]] = [rows[r], rows[c]];
    const p = rows[c][c];
    for (let r2 = 0; r2 < m; r2++) {
      if (r2 === c || rows[r2][c] === 0n) continue;
      const f = rows[r2][c];
      let g = 0n;
      for (let c2 = 0; c2 <= m; c2++) {
        rows[r2][c2] = rows[r2][c2] * p - rows[c][c2] * f;
        if (rows[r2][c2] !== 0n) g = gcd(g, rows[r2][c2]);
      }
      if (g > 1n) for (let c2 = 0; c2 <= m; c2++) rows[r2][c2] /= g;
    }
  }
  // x_c = rows[c][m] / rows[c][c]; bring to a common positive denominator.
  let den = 1n;
  for (let c = 0; c < m; c++) {
    const p = rows[c][c] < 0n ? -rows[c][c] : rows[c][c];
    den = (den / gcd(den, p)) * p;
  }
  const num = rows.map((row, c) => (row[m] * den) / row[c]);
  return { num, den };
}

/**
 * The exact certificate on support S, or null when S is not the optimal face
 * (or is degenerate). `points` are the z_i (finite doubles).
 */
export function exactMinNormFace(points: readonly (readonly number[])[], support: readonly number[]): ExactFace | null {
  return exactMinNormFaceOf(integerMatrix(points.map((z) => z.map(entryOfDouble))), support);
}

/**
 * The same certificate on exact points given as integers with one scale, z = Ẑ · 2^pow2 · 10^pow10
 * (doubles, or the decimals of a user's data set): the certificate is invariant under the scale,
 * and γ̄ scales by it.
 */
export function exactMinNormFaceOf(points: IntegerMatrix, support: readonly number[]): ExactFace | null {
  const Zi = points.Z;
  const n = Zi.length;
  const d = Zi[0].length;
  const m = support.length;
  if (m === 0 || m > d) return null;
  if (Zi.every((row) => row.every((v) => v === 0n))) return null;
  const dotInt = (a: bigint[], b: bigint[]): bigint => {
    let s = 0n;
    for (let j = 0; j < d; j++) s += a[j] * b[j];
    return s;
  };
  const S = support.map((k) => Zi[k]);
  const G = S.map((a) => S.map((b) => dotInt(a, b)));
  const sol = solveExact(G, new Array<bigint>(m).fill(1n));
  if (sol === null) return null;
  // β = num/den with den > 0: need β ≥ 0 and Σβ > 0.
  if (sol.num.some((x) => x < 0n)) return null;
  const sumNum = sol.num.reduce((a, b) => a + b, 0n);
  if (sumNum <= 0n) return null;
  // w = Σ β_k ẑ_k (scaled by den); check Σ_k β_k⟨ẑ_i, ẑ_k⟩ ≥ 1 ⇔ ⟨ẑ_i, w⟩ ≥ den.
  const w = new Array<bigint>(d).fill(0n);
  for (let k = 0; k < m; k++) for (let j = 0; j < d; j++) w[j] += sol.num[k] * S[k][j];
  for (let i = 0; i < n; i++) if (dotInt(Zi[i], w) < sol.den) return null;
  // γ̂² = 1/Σβ̂ = den/sumNum; γ̄ = γ̂ · 2^pow2 · 10^pow10.
  const tens = powerOfTen(2 * Math.abs(points.pow10));
  const gamma = points.pow10 >= 0 ? sqrtRatioBounds(sol.den * tens, sumNum, points.pow2) : sqrtRatioBounds(sol.den, sumNum * tens, points.pow2);
  // ū_j = (Σ β_k ẑ_kj)/√Σβ = (w_j/den)/√(sumNum/den) = sign(w_j) √(w_j² / (den · sumNum)).
  const direction = w.map((wj): [number, number] => {
    const [lo, hi] = sqrtRatioBounds(wj * wj, sol.den * sumNum);
    return wj < 0n ? [-hi, -lo] : [lo, hi];
  });
  return { gamma, direction };
}
