import { type ExactEntry, entryOfDouble, integerMatrix } from '../models/exact-entry.js';

/**
 * Exact rational certificates that 0 lies in the convex hull of given
 * points. Every double is a rational m·2^e (and every decimal N·10^k), so the system
 *   Σ_{k∈S} α_k z_k = 0,  Σ_k α_k = 1
 * is solved exactly (BigInt Gauss–Jordan elimination) on a candidate support
 * S, and the solution is accepted only if every α_k ≥ 0 and a separate exact
 * substitution confirms both equations.
 */

/** A rational num/den with den > 0. */
export interface Rational {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function normalizeRow(row: bigint[]): void {
  let g = 0n;
  for (const v of row) if (v !== 0n) g = gcd(g, v);
  if (g > 1n) for (let i = 0; i < row.length; i++) row[i] /= g;
}

export function rationalToString(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

/**
 * Integer rows for the equations: row j (j < d) is coordinate j of the
 * points scaled by a power of two (an equation = 0, so any positive scale
 * is harmless); the last row is Σ α = 1.
 */
function integerSystem(points: readonly (readonly ExactEntry[])[], support: readonly number[]): bigint[][] {
  const d = points[support[0]].length;
  const m = support.length;
  const rows: bigint[][] = [];
  for (let j = 0; j < d; j++) {
    const row = integerMatrix([support.map((s) => points[s][j])]).Z[0];
    row.push(0n);
    rows.push(row);
  }
  const ones = new Array<bigint>(m).fill(1n);
  ones.push(1n);
  rows.push(ones);
  return rows;
}

/** Exact substitution check of a candidate α (common denominator). */
function verifies(points: readonly (readonly ExactEntry[])[], support: readonly number[], alpha: Rational[]): boolean {
  const rows = integerSystem(points, support);
  let den = 1n;
  for (const a of alpha) den = (den / gcd(den, a.den)) * a.den;
  const scaled = alpha.map((a) => a.num * (den / a.den));
  if (scaled.some((v) => v < 0n)) return false;
  for (let j = 0; j < rows.length; j++) {
    let s = 0n;
    for (let k = 0; k < support.length; k++) s += rows[j][k] * scaled[k];
    const rhs = rows[j][support.length] * den;
    if (s !== rhs) return false;
  }
  return true;
}

/**
 * An exact α ≥ 0 with Σ α_k z_{S_k} = 0 and Σ α_k = 1 (a basic solution of
 * the system on the support S), or null when this support does not give one.
 * Every point must be finite.
 */
export function zeroInConvexHull(points: readonly (readonly number[])[], support: readonly number[]): Rational[] | null {
  const entries: ExactEntry[][] = [];
  for (const k of support) entries[k] = points[k].map(entryOfDouble); // only the support is read
  return zeroInConvexHullOf(entries, support);
}

/** The same on exact points (doubles, or the decimals of a user's data set). */
export function zeroInConvexHullOf(points: readonly (readonly ExactEntry[])[], support: readonly number[]): Rational[] | null {
  const m = support.length;
  if (m === 0) return null;
  const rows = integerSystem(points, support);
  const R = rows.length;
  const pivots: number[] = [];
  let pr = 0;
  for (let c = 0; c < m && pr < R; c++) {
    let r = pr;
    while (r < R && rows[r][c] === 0n) r++;
    if (r === R) continue;
    [rows[pr], rows[r]] = [rows[r], rows[pr]];
    const p = rows[pr][c];
    for (let r2 = 0; r2 < R; r2++) {
      if (r2 === pr || rows[r2][c] === 0n) continue;
      const f = rows[r2][c];
      for (let c2 = 0; c2 <= m; c2++) rows[r2][c2] = rows[r2][c2] * p - rows[pr][c2] * f;
      normalizeRow(rows[r2]);
    }
    pivots.push(c);
    pr++;
  }
  // Consistency: rows without a pivot must have right-hand side 0.
  for (let r = pr; r < R; r++) if (rows[r][m] !== 0n) return null;
  const alpha: Rational[] = new Array(m).fill(null).map(() => ({ num: 0n, den: 1n }));
  for (let i = 0; i < pivots.length; i++) {
    let num = rows[i][m];
    let den = rows[i][pivots[i]];
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    alpha[pivots[i]] = g > 1n ? { num: num / g, den: den / g } : { num, den };
  }
  if (alpha.some((a) => a.num < 0n)) return null;
  return verifies(points, support, alpha) ? alpha : null;
}
