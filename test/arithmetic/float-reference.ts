import type { Interval } from '../../src/arithmetic/interval.js';
import { binaryValue } from '../../src/arithmetic/rounding.js';

/**
 * Exact and high-precision reference values for the float enclosure tests.
 *
 * The arithmetic operations are exact: doubles are dyadic rationals m · 2^e
 * (BigInt m), and sums and products of dyadics are dyadic. Quotients and
 * roots are checked by cross-multiplication in the tests.
 *
 * The transcendental functions are computed in BigInt fixed point with
 * F = 320 fraction bits (argument reduction + Taylor / atanh series); their
 * relative error is far below 2^-180, the tolerance of `encloses`. They are
 * themselves cross-checked against decimal.js at 60 digits in
 * float-enclosure.test.ts. (decimal.js is ~20× slower, too slow for 10^4
 * cases of every function in CI.)
 */

export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

/**
 * A reference value: a dyadic approximation with relative error ≤ 2^-tolBits
 * (0 = exact), or beyond the reach of doubles ('huge': |value| > 2^1100;
 * 'tiny': 0 < |value| < 2^-1100), with the sign.
 */
export type Ref =
  | { readonly kind: 'value'; readonly v: Dyadic; readonly exact: boolean }
  | { readonly kind: 'huge' | 'tiny'; readonly sign: 1 | -1 };

export const TOL_BITS = 180;

export function dyadic(x: number): Dyadic {
  return binaryValue(x);
}

export function exactRef(v: Dyadic): Ref {
  return { kind: 'value', v, exact: true };
}

function approxRef(v: Dyadic): Ref {
  return { kind: 'value', v, exact: false };
}

export function dAdd(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

export function dNeg(a: Dyadic): Dyadic {
  return { m: -a.m, e: a.e };
}

export function dSub(a: Dyadic, b: Dyadic): Dyadic {
  return dAdd(a, dNeg(b));
}

export function dMul(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

export function dPow(a: Dyadic, n: number): Dyadic {
  return { m: a.m ** BigInt(n), e: a.e * n };
}

function bitLength(m: bigint): number {
  return m === 0n ? 0 : (m < 0n ? -m : m).toString(2).length;
}

/** Sign of a − b. */
export function dCmp(a: Dyadic, b: Dyadic): number {
  const d = dSub(a, b).m;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Sign of x − v for a double x (±∞ allowed). */
export function cmpDouble(x: number, v: Dyadic): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  return dCmp(dyadic(x), v);
}

/** log2 |v| roughly (floor), for classifying magnitudes. */
function magnitude(v: Dyadic): number {
  return bitLength(v.m) - 1 + v.e;
}

// ---------------------------------------------------------------------------
// Fixed point with F fraction bits.

const F = 320;
const FB = BigInt(F);
const ONE = 1n << FB;

/** floor(v · 2^F). */
function toFixed(v: Dyadic): bigint {
  const s = v.e + F;
  return s >= 0 ? v.m << BigInt(s) : v.m >> BigInt(-s);
}

function fixedMul(a: bigint, b: bigint): bigint {
  return (a * b) >> FB;
}

function fixedDiv(a: bigint, b: bigint): bigint {
  return (a << FB) / b;
}

/** atanh(z) for |z| ≤ 0.2 (fixed point). */
function atanhFixed(z: bigint): bigint {
  const z2 = fixedMul(z, z);
  let power = z;
  let sum = z;
  for (let k = 3n; ; k += 2n) {
    power = fixedMul(power, z2);
    const term = power / k;
    if (term === 0n) break;
    sum += term;
  }
  return sum;
}

// ln 2 = 2 atanh(1/3), computed with 64 guard bits.
const LN2: bigint = (() => {
  const G = FB + 64n;
  const one = 1n << G;
  const z = one / 3n;
  const z2 = (z * z) >> G;
  let power = z;
  let sum = z;
  for (let k = 3n; ; k += 2n) {
    power = (power * z2) >> G;
    const term = power / k;
    if (term === 0n) break;
    sum += term;
  }
  return (2n * sum) >> 64n;
})();

/** e^r for |r| ≤ 0.36 (fixed point): Taylor on r/2^12, then 12 squarings. */
function expSmallFixed(r: bigint): bigint {
  const s = r >> 12n;
  let sum = ONE;
  let term = ONE;
  for (let n = 1n; ; n++) {
    term = fixedMul(term, s) / n;
    if (term === 0n) break;
    sum += term;
  }
  for (let i = 0; i < 12; i++) sum = fixedMul(sum, sum);
  return sum;
}


/** e^x as a dyadic with relative error ~2^-290. */
export function expRef(x: Dyadic): Ref {
  if (x.m === 0n) return exactRef({ m: 1n, e: 0 });
  if (magnitude(x) >= 20) return { kind: x.m > 0n ? 'huge' : 'tiny', sign: 1 };
  // x = k ln 2 + r, |r| ≤ ln2/2 (plus a negligible error of the double estimate of k).
  const k = Math.round(dyadicToNumber(x) / Math.LN2);
  const r = toFixed(x) - BigInt(k) * LN2;
  return approxRef({ m: expSmallFixed(r), e: k - F });
}

/** ln x for x > 0. */
function lnDyadic(x: Dyadic): Dyadic {
  // x = y · 2^E with y ∈ [1/√2, √2).
  const L = bitLength(x.m);
  let E = x.e + L - 1;
  let Y = toFixed({ m: x.m, e: -(L - 1) });
  if (Y * Y > 2n * ONE * ONE) {
    Y >>= 1n;
    E += 1;
  }
  const z = fixedDiv(Y - ONE, Y + ONE);
  return { m: 2n * atanhFixed(z) + BigInt(E) * LN2, e: -F };
}

export function logRef(x: Dyadic): Ref {
  if (x.m <= 0n) throw new RangeError('logRef: argument ≤ 0');
  if (dCmp(x, { m: 1n, e: 0 }) === 0) return exactRef({ m: 0n, e: 0 });
  return approxRef(lnDyadic(x));
}

const SERIES = -40; // |x| < 2^-40 uses series

/** Σ c_k x^k as x · q(x), q evaluated in fixed point (relative error ~ 2^-F + x^5). */
function seriesTimesX(x: Dyadic, coefficients: (k: number) => bigint | null): Dyadic {
  // q = 1 + Σ_{k≥1} x^k · c_k, with c_k = ONE-scaled coefficient (null to stop)
  const X = toFixed(x);
  let q = ONE;
  let power = ONE;
  for (let k = 1; k <= 6; k++) {
    power = fixedMul(power, X);
    const c = coefficients(k);
    if (c === null) break;
    q += (power * c) >> FB;
  }
  return { m: x.m * q, e: x.e - F };
}

const INV: bigint[] = Array.from({ length: 10 }, (_, k) => (k === 0 ? 0n : ONE / BigInt(k)));
const FACT_INV: bigint[] = [ONE, ONE, ONE / 2n, ONE / 6n, ONE / 24n, ONE / 120n, ONE / 720n, ONE / 5040n];

export function expm1Ref(x: Dyadic): Ref {
  if (x.m === 0n) return exactRef(x);
  if (magnitude(x) < SERIES) return approxRef(seriesTimesX(x, (k) => FACT_INV[k + 1]));
  const e = expRef(x);
  if (e.kind === 'huge') return e;
  if (e.kind === 'tiny') return approxRef({ m: -1n, e: 0 });
  if (e.kind !== 'value') throw new Error('unreachable');
  return approxRef(dSub(e.v, { m: 1n, e: 0 }));
}

export function log1pRef(x: Dyadic): Ref {
  if (x.m === 0n) return exactRef(x);
  if (magnitude(x) < SERIES) return approxRef(seriesTimesX(x, (k) => (k % 2 === 1 ? -INV[k + 1] : INV[k + 1])));
  return approxRef(lnDyadic(dAdd(x, { m: 1n, e: 0 })));
}

function valueOf(r: Ref): Dyadic {
  if (r.kind !== 'value') throw new Error('reference out of range');
  return r.v;
}

/** ℓ(z) = log(1 + e^(−z)). */
export function logisticRef(z: Dyadic): Ref {
  const negZ = dNeg(z);
  if (z.m >= 0n) {
    const t = expRef(negZ);
    if (t.kind === 'tiny') return { kind: 'tiny', sign: 1 };
    return log1pRef(valueOf(t));
  }
  const u = expRef(z);
  if (u.kind === 'tiny') return approxRef(negZ); // −z + (something below 2^-1100·|z|)
  return approxRef(dAdd(negZ, valueOf(log1pRef(valueOf(u)))));
}

/** ℓ'(z) = −1/(1 + e^z) = −t/(1 + t), t = e^(−z). */
export function logisticPrimeRef(z: Dyadic): Ref {
  if (z.m >= 0n) {
    const t = expRef(dNeg(z));
    if (t.kind === 'tiny') return { kind: 'tiny', sign: -1 };
    const tv = valueOf(t);
    const inv = fixedDiv(ONE, ONE + toFixed(tv));
    return approxRef({ m: -tv.m * inv, e: tv.e - F });
  }
  const u = expRef(z);
  if (u.kind === 'tiny') return approxRef({ m: -1n, e: 0 });
  return approxRef({ m: -fixedDiv(ONE, ONE + toFixed(valueOf(u))), e: -F });
}

/** ℓ⁻¹(v) = −log(e^v − 1), v > 0. */
export function logisticInverseRef(v: Dyadic): Ref {
  if (v.m <= 0n) throw new RangeError('logisticInverseRef: v ≤ 0');
  if (magnitude(v) >= 20) return approxRef(dNeg(v)); // −v − log1p(−e^(−v)), the correction below 2^-10^6
  const m = expm1Ref(v);
  const mv = valueOf(m);
  return approxRef(dNeg(lnDyadic(mv)));
}

export function expLossRef(z: Dyadic): Ref {
  return expRef(dNeg(z));
}

export function expLossInverseRef(v: Dyadic): Ref {
  const r = logRef(v);
  if (r.kind !== 'value') return r;
  return { kind: 'value', v: dNeg(r.v), exact: r.exact };
}

// ---------------------------------------------------------------------------
// Checks.

/** Whether [lo, hi] can contain the reference (fails only when certainly outside). */
export function encloses(a: Interval, ref: Ref): boolean {
  if (ref.kind !== 'value') {
    if (ref.kind === 'huge') return ref.sign > 0 ? a.hi === Infinity : a.lo === -Infinity;
    return ref.sign > 0 ? a.lo <= 0 && a.hi > 0 : a.lo < 0 && a.hi >= 0;
  }
  const { v } = ref;
  if (ref.exact) return cmpDouble(a.lo, v) <= 0 && cmpDouble(a.hi, v) >= 0;
  // |x − v| ≤ |v| 2^-TOL counts as inside.
  const tol: Dyadic = { m: v.m < 0n ? -v.m : v.m, e: v.e - TOL_BITS };
  const loOk = a.lo === -Infinity || (a.lo !== Infinity && dCmp(dyadic(a.lo), dAdd(v, tol)) <= 0);
  const hiOk = a.hi === Infinity || (a.hi !== -Infinity && dCmp(dyadic(a.hi), dSub(v, tol)) >= 0);
  return loOk && hiOk;
}

/** A double near the reference (for width scales and messages). */
export function refToNumber(ref: Ref): number {
  if (ref.kind !== 'value') return ref.kind === 'huge' ? ref.sign * Infinity : 0;
  return dyadicToNumber(ref.v);
}

/** A double near v (±∞ / 0 beyond the double range). */
export function dyadicToNumber(v: Dyadic): number {
  const { m, e } = v;
  if (m === 0n) return 0;
  const L = bitLength(m);
  const shift = L - 60;
  const top = Number(shift > 0 ? m >> BigInt(shift) : m << BigInt(-shift));
  // Scale in two steps so that neither factor under- or overflows on its own.
  const k = e + shift;
  const half = Math.trunc(k / 2);
  return top * 2 ** half * 2 ** (k - half);
}

// ---------------------------------------------------------------------------
// Widths in ulps.

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Position of x in the ordered lattice of doubles (−0 and +0 share 0). */
function ordinal(x: number): bigint {
  f64[0] = x;
  const b = i64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Number of double steps from lo to hi. */
export function ulpsBetween(lo: number, hi: number): number {
  return Number(ordinal(hi) - ordinal(lo));
}

/** The spacing of doubles at |x| (the subnormal spacing near 0). */
export function ulpOf(x: number): number {
  const a = Math.abs(x);
  if (a < 2 ** -1022) return 2 ** -1074;
  if (!Number.isFinite(a)) return Infinity;
  return 2 ** (Math.floor(Math.log2(a)) - 52);
}
