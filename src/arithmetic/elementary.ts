import { DomainError } from './domain-error.js';
import type { Interval, MaybeEmpty } from './interval.js';
import { assertLibmAccuracy } from './libm-self-test.js';
import { MAX, addUp, mulUp, nextDown, nextUp, subDown } from './rounding.js';

/**
 * exp, expm1, log, log1p over intervals. All four are increasing, so the
 * ends are evaluated separately: Math.* widened outward by LIBM_ULPS ulps.
 * The end bounds are monotone when Math.* is (checked in the libm test), so
 * the interval functions are inclusion isotone.
 * V8's implementations (fdlibm ports) are within 1 ulp of the exact value;
 * test/arithmetic/float-libm.test.ts checks that against decimal.js, so
 * 2 ulps covers the libm error plus a margin. The first call of Math.* here
 * runs a self-test of the engine on hard cases (libm-self-test.ts), which
 * stops with LibmAccuracyError if the engine is worse than that. Known exact values (exp 0 = 1,
 * log 1 = 0, …) and sound sign/range facts (exp x < 1 for x < 0, expm1 x ≥ x,
 * log1p x ≤ x, …) clip the widened ends.
 */
export const LIBM_ULPS = 2;

let libmTrusted = false;

/** Math.f(x) after the once-per-process libm self-test. */
function libm(f: (x: number) => number, x: number): number {
  if (!libmTrusted) {
    assertLibmAccuracy();
    libmTrusted = true;
  }
  return f(x);
}

function widenDown(y: number): number {
  for (let i = 0; i < LIBM_ULPS; i++) y = nextDown(y);
  return y;
}

function widenUp(y: number): number {
  for (let i = 0; i < LIBM_ULPS; i++) y = nextUp(y);
  return y;
}

// --- endpoint bounds (x is an interval end: ±∞ means unbounded) ---

export function expDown(x: number): number {
  if (x === -Infinity) return 0;
  if (x === 0) return 1;
  const y = libm(Math.exp, x);
  // A finite x whose exp rounds to +∞ still has a finite exact value.
  if (y === Infinity) return x === Infinity ? Infinity : widenDown(MAX);
  const lo = Math.max(0, widenDown(y));
  return x > 0 ? Math.max(1, lo) : lo;
}

export function expUp(x: number): number {
  if (x === 0) return 1;
  const y = widenUp(libm(Math.exp, x));
  return x < 0 ? Math.min(1, y) : y;
}

/**
 * Below this magnitude expm1 and log1p use the series bounds
 * x ≤ expm1 x ≤ x + x² and x − x² ≤ log1p x ≤ x (|x| ≤ 1/2), at most one ulp
 * wide here (x² < ulp(x)); an ulp-based widening would be far too wide
 * relative to subnormal results. At the seam both kinds of bounds round to
 * x's neighbours, which keeps the end bounds monotone (isotonicity).
 */
const SERIES_LIMIT = 2 ** -54;

export function expm1Down(x: number): number {
  if (x === -Infinity) return -1;
  if (x === 0) return 0;
  if (Math.abs(x) < SERIES_LIMIT) return x;
  const y = libm(Math.expm1, x);
  if (y === Infinity) return x === Infinity ? Infinity : widenDown(MAX);
  // expm1 x ≥ x and > −1.
  return Math.max(-1, x, widenDown(y));
}

export function expm1Up(x: number): number {
  if (x === 0) return 0;
  if (Math.abs(x) < SERIES_LIMIT) return Math.min(x < 0 ? 0 : Infinity, addUp(x, mulUp(x, x)));
  const y = widenUp(libm(Math.expm1, x));
  return x < 0 ? Math.min(0, y) : y;
}

/** Lower bound of log x for x ≥ 0 (log 0 = −∞). */
export function logDown(x: number): number {
  if (x === 0) return -Infinity;
  if (x === 1) return 0;
  if (x === Infinity) return Infinity;
  const lo = widenDown(libm(Math.log, x));
  return x > 1 ? Math.max(0, lo) : lo;
}

export function logUp(x: number): number {
  if (x === 0) return -MAX; // only the upper end of [0, 0], excluded by callers
  if (x === 1) return 0;
  if (x === Infinity) return Infinity;
  const hi = widenUp(libm(Math.log, x));
  return x < 1 ? Math.min(0, hi) : hi;
}

/** Lower bound of log1p x for x ≥ −1. */
export function log1pDown(x: number): number {
  if (x === -1) return -Infinity;
  if (x === 0) return 0;
  if (x === Infinity) return Infinity;
  if (Math.abs(x) < SERIES_LIMIT) return subDown(x, mulUp(x, x));
  const lo = widenDown(libm(Math.log1p, x));
  return x > 0 ? Math.max(0, lo) : lo;
}

export function log1pUp(x: number): number {
  if (x === 0) return 0;
  if (x === Infinity) return Infinity;
  // log1p x ≤ x.
  if (Math.abs(x) < SERIES_LIMIT) return x;
  return Math.min(x, widenUp(libm(Math.log1p, x)));
}

// --- interval functions ---

export function exp(a: Interval): Interval {
  return { lo: expDown(a.lo), hi: expUp(a.hi) };
}

export function expm1(a: Interval): Interval {
  return { lo: expm1Down(a.lo), hi: expm1Up(a.hi) };
}

/** log a; DomainError unless a > 0 (certain when a ≤ 0 entirely). */
export function log(a: Interval): Interval {
  if (a.lo <= 0) throw new DomainError('log', a.hi <= 0, 'non-positive argument');
  return { lo: logDown(a.lo), hi: logUp(a.hi) };
}

/** log1p a; DomainError unless a > −1. */
export function log1p(a: Interval): Interval {
  if (a.lo <= -1) throw new DomainError('log1p', a.hi <= -1, 'argument ≤ −1');
  return { lo: log1pDown(a.lo), hi: log1pUp(a.hi) };
}

/** IEEE 1788 log: over the positive part of a (empty if none). */
export function logRelaxed(a: MaybeEmpty): MaybeEmpty {
  if (a === null || a.hi <= 0) return null;
  return { lo: logDown(Math.max(a.lo, 0)), hi: logUp(a.hi) };
}

export function expRelaxed(a: MaybeEmpty): MaybeEmpty {
  return a === null ? null : exp(a);
}
