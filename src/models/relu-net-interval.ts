import { type Interval, ONE, div, mul, point, sqrt } from '../arithmetic/interval.js';
import { type IntervalVector, intervalVector, matVecIntervalPoint, matVecPoint, sumInterval } from '../arithmetic/kernels.js';
import { logistic, logisticPrime } from '../arithmetic/losses.js';
import { downCheap, upCheap } from '../arithmetic/rounding.js';
import { type NetSample, pointOf } from './relu-net-sample.js';

/**
 * The net's hot quantities as certified enclosures over boxes of weights,
 * with the typed-array kernels of kernels.ts (a float loop widened by an
 * a-priori error bound) for every sum. W and Z are row-major m × d boxes
 * (lo === hi for a point); the sample is exact. Same formulas as
 * relu-net-float.ts; σ'(p) is [0, 1] wherever the enclosure of p contains 0.
 * Terms that are exactly 0 (a dead neuron, a zero coordinate) give exactly 0.
 */
export type Box = IntervalVector;

/** Enclosures of ⟨w_j, x_k⟩: n × m, row-major by k. */
export function preactivations(W: Box, s: NetSample): Box {
  const { n, m, d } = s;
  const P = intervalVector(n * m);
  const pointW = W.lo === W.hi;
  for (let k = 0; k < n; k++) {
    const x = pointOf(s, k);
    const v = pointW ? matVecPoint(W.lo, m, d, x) : matVecIntervalPoint(W, m, d, x);
    P.lo.set(v.lo, k * m);
    P.hi.set(v.hi, k * m);
  }
  return P;
}

const inverseSqrts = new Map<number, Interval>();
/** An enclosure of 1/√m (cached: it is needed once per point and neuron count). */
function inverseSqrt(m: number): Interval {
  let v = inverseSqrts.get(m);
  if (!v) inverseSqrts.set(m, (v = div(ONE, sqrt(point(m)))));
  return v;
}

/** p·[sl, sh] for an interval p = [l, h] and 0 < sl ≤ sh, rounded outward; written to out[i]. */
function scaleInto(l: number, h: number, sl: number, sh: number, out: Box, i: number): void {
  const a = l >= 0 ? l * sl : l * sh;
  const b = h >= 0 ? h * sh : h * sl;
  // Only an exact 0 operand gives an exact 0 (an underflowed product is not 0).
  out.lo[i] = l === 0 ? 0 : downCheap(a);
  out.hi[i] = h === 0 ? 0 : upCheap(b);
}

/** Σ_j a_j σ(p_kj) for row k of P, enclosed (the scratch vector holds the signed terms). */
function signedReluSum(P: Box, k: number, s: Pick<NetSample, 'm' | 'a'>, scratch: Box): Interval {
  const { m, a } = s;
  const o = k * m;
  let allZero = true;
  for (let j = 0; j < m; j++) {
    const l = P.lo[o + j];
    const h = P.hi[o + j];
    const rl = l > 0 ? l : 0;
    const rh = h > 0 ? h : 0;
    if (rh !== 0) allZero = false;
    if (a[j] > 0) {
      scratch.lo[j] = rl;
      scratch.hi[j] = rh;
    } else {
      scratch.lo[j] = -rh;
      scratch.hi[j] = -rl;
    }
  }
  return allZero ? { lo: 0, hi: 0 } : sumInterval(scratch);
}

/** f(x_k; W) for every k, from the preactivations. */
export function outputs(P: Box, s: NetSample): Interval[] {
  const scratch = intervalVector(s.m);
  const scale = inverseSqrt(s.m);
  const f: Interval[] = [];
  // f(0; W) = 0 exactly (the enclosure of ⟨w_j, 0⟩ carries the kernels' underflow term).
  for (let k = 0; k < s.n; k++) f.push(s.zeroPoint[k] ? { lo: 0, hi: 0 } : mul(scale, signedReluSum(P, k, s, scratch)));
  return f;
}

function margin(f: Interval, y: number): Interval {
  return y > 0 ? f : { lo: -f.hi, hi: -f.lo };
}

export function riskFrom(P: Box, s: NetSample): Interval {
  const f = outputs(P, s);
  const losses = intervalVector(s.n);
  for (let k = 0; k < s.n; k++) {
    const l = logistic(margin(f[k], s.y[k]));
    losses.lo[k] = l.lo;
    losses.hi[k] = l.hi;
  }
  return div(sumInterval(losses), point(s.n));
}

/** ∇R̂(W) from the preactivations: row j is (1/(n√m)) a_j Σ_k ℓ'(z_k) y_k σ'(p_kj) x_k. */
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

export function riskGradientFrom(P: Box, s: NetSample): Box {
  const { n, m, d, y, a } = s;
  const f = outputs(P, s);
  // C[j, k] = ℓ'(z_k) y_k σ'(p_kj).
  const C = intervalVector(m * n);
  const deadRow = new Array<boolean>(m).fill(true);
  for (let k = 0; k < n; k++) {
    const g = logisticPrime(margin(f[k], y[k]));
    const sl = y[k] > 0 ? g.lo : -g.hi;
    const sh = y[k] > 0 ? g.hi : -g.lo;
    for (let j = 0; j < m; j++) {
      const pl = P.lo[k * m + j];
      const ph = P.hi[k * m + j];
      let cl = 0;
      let ch = 0;
      if (pl > 0) {
        cl = sl;
        ch = sh;
      } else if (ph >= 0 && !s.zeroPoint[k]) {
        // σ' ∈ [0, 1]: the hull of 0 and the slope.
        cl = Math.min(0, sl);
        ch = Math.max(0, sh);
      }
      if (cl !== 0 || ch !== 0) deadRow[j] = false;
      C.lo[j * n + k] = cl;
      C.hi[j * n + k] = ch;
    }
  }
  const scale = div(ONE, mul(point(n), sqrt(point(m))));
  const G = intervalVector(m * d);
  for (let l = 0; l < d; l++) {
    const column = s.columns[l];
    let zeroColumn = true;
    for (let k = 0; k < n; k++) if (column[k] !== 0) zeroColumn = false;
    if (zeroColumn) continue;
    const v = matVecIntervalPoint(C, m, n, column);
    for (let j = 0; j < m; j++) {
      if (deadRow[j] || (isTiny(v.lo[j], v.hi[j]) && noTerms(C, j, n, column))) continue;
      const i = j * d + l;
      scaleInto(v.lo[j], v.hi[j], scale.lo, scale.hi, G, i);
      if (a[j] < 0) {
        const lo = G.lo[i];
        G.lo[i] = -G.hi[i];
        G.hi[i] = -lo;
      }
    }
  }
  return G;
}

export function riskGradient(W: Box, s: NetSample): Box {
  return riskGradientFrom(preactivations(W, s), s);
}

/** R̂⁽ⁱ⁾(Z) from the preactivations P of W_i and Q of Z. */
export function surrogateRiskFrom(P: Box, Q: Box, s: NetSample): Interval {
  const { n, y } = s;
  const losses = intervalVector(n);
  for (let k = 0; k < n; k++) {
    const loss = logistic(margin(pairingAt(P, Q, k, s), y[k]));
    losses.lo[k] = loss.lo;
    losses.hi[k] = loss.hi;
  }
  return div(sumInterval(losses), point(n));
}

/** A work vector of length m per sample (reused: the loops below never nest). */
const scratchOf = new WeakMap<NetSample, Box>();
function scratch(s: NetSample): Box {
  let v = scratchOf.get(s);
  if (!v) scratchOf.set(s, (v = intervalVector(s.m)));
  return v;
}

/** f(x_k; W) from the preactivations P of W (k is 0-based here). */
export function outputAt(P: Box, k: number, s: NetSample): Interval {
  if (s.zeroPoint[k]) return { lo: 0, hi: 0 };
  return mul(inverseSqrt(s.m), signedReluSum(P, k, s, scratch(s)));
}

/** ∇f(x_k; W) (m × d) from the preactivations P of W: rows (1/√m) a_j σ'(p_kj) x_k. */
export function gradientAt(P: Box, k: number, s: NetSample): Box {
  const { m, d, a } = s;
  const G = intervalVector(m * d);
  if (s.zeroPoint[k]) return G;
  const x = pointOf(s, k);
  const scale = inverseSqrt(m);
  const scaled = intervalVector(d);
  for (let l = 0; l < d; l++) {
    const v = mul(scale, point(x[l]));
    scaled.lo[l] = v.lo;
    scaled.hi[l] = v.hi;
  }
  for (let j = 0; j < m; j++) {
    const active = P.lo[k * m + j] > 0;
    const straddles = !active && P.hi[k * m + j] >= 0;
    if (!active && !straddles) continue;
    for (let l = 0; l < d; l++) {
      let lo = a[j] > 0 ? scaled.lo[l] : -scaled.hi[l];
      let hi = a[j] > 0 ? scaled.hi[l] : -scaled.lo[l];
      if (straddles) {
        lo = Math.min(0, lo);
        hi = Math.max(0, hi);
      }
      G.lo[j * d + l] = lo;
      G.hi[j * d + l] = hi;
    }
  }
  return G;
}

/** c·B entrywise for an interval c and a box B (each product rounded outward). */
export function scaleBox(c: Interval, B: Box): Box {
  const out = intervalVector(B.lo.length);
  for (let e = 0; e < B.lo.length; e++) {
    const l = B.lo[e];
    const h = B.hi[e];
    if (l === 0 && h === 0) continue;
    const v = mul(c, { lo: l, hi: h });
    out.lo[e] = v.lo;
    out.hi[e] = v.hi;
  }
  return out;
}

/** ⟨∇f(x_k; W), V⟩ = (1/√m) Σ_j a_j σ'(p_kj) ⟨v_j, x_k⟩ from the preactivations P of W and Q of V. */
export function pairingAt(P: Box, Q: Box, k: number, s: NetSample): Interval {
  const { m, a } = s;
  if (s.zeroPoint[k]) return { lo: 0, hi: 0 };
  const terms = scratch(s);
  let allZero = true;
  for (let j = 0; j < m; j++) {
    const i = k * m + j;
    let l = 0;
    let h = 0;
    if (P.lo[i] > 0) {
      l = Q.lo[i];
      h = Q.hi[i];
    } else if (P.hi[i] >= 0) {
      l = Math.min(0, Q.lo[i]);
      h = Math.max(0, Q.hi[i]);
    }
    if (l !== 0 || h !== 0) allZero = false;
    terms.lo[j] = a[j] > 0 ? l : -h;
    terms.hi[j] = a[j] > 0 ? h : -l;
  }
  return allZero ? { lo: 0, hi: 0 } : mul(inverseSqrt(m), sumInterval(terms));
}
