import { type Interval, mul } from '../arithmetic/interval.js';
import { intervalArith } from '../arithmetic/interval-arith.js';
import { type IntervalVector, type PointParts, intervalVector, matVecIntervalPoint, matVecPoint, pointParts, sumInterval } from '../arithmetic/kernels.js';
import { reluSlope } from '../arithmetic/relu-kink.js';
import { downCheap, upCheap } from '../arithmetic/rounding.js';
import type { NetArrays } from './net-arrays.js';
import { type NetSample, pointOf } from './relu-net-sample.js';

/**
 * The net's array operations as certified enclosures over typed-array boxes
 * (lo === hi for a point): the loops of net-arrays-float.ts with a-priori
 * rounding-error bounds. Every sum goes through the kernels of kernels.ts
 * (round-to-nearest accumulation widened by Higham's bound, exact slow path
 * on overflow and on 0·∞, NaN refused); the terms handed to them are exact
 * (ReLU of an enclosure, sign flips by a_j = ±1, hulls with 0 at a kink). The
 * sample is exact. σ'(p) is relu-kink.ts's: [0, 1] wherever the enclosure of
 * p touches 0. Terms that are exactly 0 give exactly 0 (net-arrays.ts).
 */
export type Box = IntervalVector;

export function intervalNetArrays(s: NetSample): NetArrays<Box, Interval> {
  const labels = Array.from(s.y, (v): Interval => ({ lo: v, hi: v }));
  // Scratch for the terms of one point's sum over j (the sums never nest); sign parts of each point and column, split once.
  const terms = intervalVector(s.m);
  const points = Array.from({ length: s.n }, (_, k) => pointParts(pointOf(s, k)));
  const columns = s.columns.map(pointParts);
  return {
    A: intervalArith,
    n: s.n,
    m: s.m,
    d: s.d,
    label: (k) => labels[k],
    isZeroPoint: (k) => s.zeroPoint[k],
    linear: (W) => linear(s, W, points),
    signedReluSum: (P, k) => signedReluSum(s, P, k, terms),
    signedSlopeSum: (P, Q, k) => signedSlopeSum(s, P, Q, k, terms),
    signedSlopeGradient: (P, c, scale) => signedSlopeGradient(s, P, c, scale, columns),
    signedSlopeRows: (P, k, c) => signedSlopeRows(s, P, k, c),
    scale,
  };
}

function linear(s: NetSample, W: Box, points: readonly PointParts[]): Box {
  const { n, m, d } = s;
  const P = intervalVector(n * m);
  const pointW = W.lo === W.hi;
  for (let k = 0; k < n; k++) {
    if (pointW) matVecPoint(W.lo, m, d, points[k].x, P, k * m);
    else matVecIntervalPoint(W, m, d, points[k], P, k * m);
  }
  return P;
}

/** Σ_j of the terms a_j·[l_j, h_j] put into `terms` (exact: a_j = ±1), exactly 0 when every term is. */
function signedSum(terms: Box, allZero: boolean): Interval {
  return allZero ? { lo: 0, hi: 0 } : sumInterval(terms);
}

function signedReluSum(s: NetSample, P: Box, k: number, terms: Box): Interval {
  const { m, a } = s;
  let allZero = true;
  for (let j = 0; j < m; j++) {
    const l = P.lo[k * m + j];
    const h = P.hi[k * m + j];
    const rl = l > 0 ? l : 0;
    const rh = h > 0 ? h : 0;
    if (rh !== 0) allZero = false;
    terms.lo[j] = a[j] > 0 ? rl : -rh;
    terms.hi[j] = a[j] > 0 ? rh : -rl;
  }
  return signedSum(terms, allZero);
}

function signedSlopeSum(s: NetSample, P: Box, Q: Box, k: number, terms: Box): Interval {
  const { m, a } = s;
  let allZero = true;
  for (let j = 0; j < m; j++) {
    const i = k * m + j;
    const slope = reluSlope(P.lo[i], P.hi[i]);
    let l = 0;
    let h = 0;
    if (slope === 'active') {
      l = Q.lo[i];
      h = Q.hi[i];
    } else if (slope === 'kink') {
      l = Math.min(0, Q.lo[i]);
      h = Math.max(0, Q.hi[i]);
    }
    if (l !== 0 || h !== 0) allZero = false;
    terms.lo[j] = a[j] > 0 ? l : -h;
    terms.hi[j] = a[j] > 0 ? h : -l;
  }
  return signedSum(terms, allZero);
}

/** Results this small may be the kernels' underflow allowance around an exact 0. */
function isTiny(lo: number, hi: number): boolean {
  return lo >= -1e-300 && hi <= 1e-300;
}

/** Whether every term C[j, k]·x_k of row j is exactly 0 (then the sum is exactly 0). */
function noTerms(C: Box, j: number, n: number, column: Float64Array): boolean {
  for (let k = 0; k < n; k++) {
    if (column[k] !== 0 && (C.lo[j * n + k] !== 0 || C.hi[j * n + k] !== 0)) return false;
  }
  return true;
}

function signedSlopeGradient(s: NetSample, P: Box, c: readonly Interval[], factor: Interval, columns: readonly PointParts[]): Box {
  const { n, m, d, a } = s;
  // C[j, k] = c_k σ'(p_kj): c_k, or the hull of 0 and c_k at a kink.
  const C = intervalVector(m * n);
  const deadRow = new Array<boolean>(m).fill(true);
  for (let k = 0; k < n; k++) {
    // x_k = 0 contributes nothing (its preactivations only look like kinks).
    if (s.zeroPoint[k]) continue;
    const cl = c[k].lo;
    const ch = c[k].hi;
    for (let j = 0; j < m; j++) {
      const slope = reluSlope(P.lo[k * m + j], P.hi[k * m + j]);
      if (slope === 'dead') continue;
      const lo = slope === 'active' ? cl : Math.min(0, cl);
      const hi = slope === 'active' ? ch : Math.max(0, ch);
      if (lo !== 0 || hi !== 0) deadRow[j] = false;
      C.lo[j * n + k] = lo;
      C.hi[j * n + k] = hi;
    }
  }
  const G = intervalVector(m * d);
  for (let l = 0; l < d; l++) {
    const column = s.columns[l];
    if (column.every((x) => x === 0)) continue;
    const v = matVecIntervalPoint(C, m, n, columns[l]);
    for (let j = 0; j < m; j++) {
      if (deadRow[j] || (isTiny(v.lo[j], v.hi[j]) && noTerms(C, j, n, column))) continue;
      const i = j * d + l;
      G.lo[i] = a[j] > 0 ? v.lo[j] : -v.hi[j];
      G.hi[i] = a[j] > 0 ? v.hi[j] : -v.lo[j];
    }
  }
  return scale(factor, G, G);
}

function signedSlopeRows(s: NetSample, P: Box, k: number, c: Interval): Box {
  const { m, d, a } = s;
  const G = intervalVector(m * d);
  if (s.zeroPoint[k]) return G;
  const x = pointOf(s, k);
  // c·x_l once per coordinate; each row is then a sign flip, or the hull with 0 at a kink (exact).
  const cx = Array.from(x, (v) => mul(c, { lo: v, hi: v }));
  for (let j = 0; j < m; j++) {
    const slope = reluSlope(P.lo[k * m + j], P.hi[k * m + j]);
    if (slope === 'dead') continue;
    for (let l = 0; l < d; l++) {
      const lo = a[j] > 0 ? cx[l].lo : -cx[l].hi;
      const hi = a[j] > 0 ? cx[l].hi : -cx[l].lo;
      G.lo[j * d + l] = slope === 'kink' ? Math.min(0, lo) : lo;
      G.hi[j * d + l] = slope === 'kink' ? Math.max(0, hi) : hi;
    }
  }
  return G;
}

/** c·B entrywise, into `out` (which may be B): exact zeros stay exact. */
function scale(c: Interval, B: Box, out: Box = intervalVector(B.lo.length)): Box {
  const positive = c.lo > 0;
  for (let e = 0; e < B.lo.length; e++) {
    const l = B.lo[e];
    const h = B.hi[e];
    if (l === 0 && h === 0) {
      out.lo[e] = 0;
      out.hi[e] = 0;
      continue;
    }
    // A positive factor: the cheap outward bounds of the two end products; an exact 0 end stays 0
    // (an underflowed product is not 0). Otherwise, or on overflow, exact directed rounding.
    let lo = positive ? (l === 0 ? 0 : downCheap(l >= 0 ? l * c.lo : l * c.hi)) : NaN;
    let hi = positive ? (h === 0 ? 0 : upCheap(h >= 0 ? h * c.hi : h * c.lo)) : NaN;
    if (!(Number.isFinite(lo) && Number.isFinite(hi))) ({ lo, hi } = mul(c, { lo: l, hi: h }));
    out.lo[e] = lo;
    out.hi[e] = hi;
  }
  return out;
}
