import { nextDown, nextUp, productError } from './rounding.js';

/**
 * Double-double numbers h + l (two doubles, |l| ≤ ulp(h)/2, h = RN(h + l)):
 * about 32 significant digits from plain float operations. The algorithms are
 * the accurate ones of Joldes, Muller & Popescu, "Tight and rigorous error
 * bounds for basic building blocks of double-word arithmetic" (ACM TOMS
 * 2017), with Dekker's product in place of FMA: with u = 2^-53 their relative
 * errors are at most 3u² (sum), about 7u² (product) and 15u² (quotient);
 * the square root is one Newton step from the rounded root (about 3u²). The
 * directed ends below widen each result by REL = 2^-96 = 1024u² of its size,
 * far above those bounds, plus TINY for underflow in the low parts. The
 * bounds need no overflow or underflow in the high parts: callers keep the
 * products and quotients whose operands and result lie within
 * [2^-960, 2^990] (productExact, quotientExact) and sums below 2^1020
 * (inSumRange), and fall back to float intervals outside.
 */
export interface DD {
  readonly h: number;
  readonly l: number;
}

const REL = 2 ** -96;
const TINY = 2 ** -1000;
const LOW = 2 ** -960;
const HIGH = 2 ** 990;
const SUM_HIGH = 2 ** 1020;

/** Whether x is 0 or of a size where products and quotients can be exact (see productExact). */
export function inRange(x: number): boolean {
  const a = Math.abs(x);
  return a === 0 || (a >= LOW && a <= HIGH);
}

/** Whether Dekker's product of the high parts is exact: no split overflows, no partial product underflows. */
export const productExact = (a: number, b: number): boolean => a === 0 || b === 0 || (inRange(a) && inRange(b) && nonZeroInRange(a * b));

/** Whether the quotient's correction product y·q is exact (x ≠ 0; y ≠ 0). */
export const quotientExact = (x: number, y: number): boolean => x === 0 || (inRange(x) && inRange(y) && nonZeroInRange(x / y));

/** A product or quotient of non-zero operands that rounded to 0 underflowed: not in range. */
function nonZeroInRange(x: number): boolean {
  const a = Math.abs(x);
  return a >= LOW && a <= HIGH;
}

/** Whether x is small enough that sums of two such cannot overflow (sums are exact at any smaller size). */
export const inSumRange = (x: number): boolean => Math.abs(x) <= SUM_HIGH;

// Results of the error-free transformations, in module scope to avoid allocation.
let rh = 0;
let rl = 0;

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  rl = a - (s - bb) + (b - bb);
  rh = s;
}

/** Exact when |a| ≥ |b| (or a = 0): rh = RN(a + b), rl = a + b − rh. */
function fastTwoSum(a: number, b: number): void {
  const s = a + b;
  rl = b - (s - a);
  rh = s;
}

/** Exact when productExact(a, b). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  rl = productError(a, b, p);
  rh = p;
}

const dd = (h: number, l: number): DD => ({ h: h + 0, l: l + 0 });

export const ddOf = (x: number): DD => dd(x, 0);

/** h + l renormalised exactly (|l| ≤ |h| or h = 0). */
export function renormalised(h: number, l: number): DD {
  fastTwoSum(h, l);
  return dd(rh, rl);
}

/** Set by each approximation: whether its result is the exact real (no widening needed). */
let exactResult = false;

function approxAdd(x: DD, y: DD): DD {
  if (x.l === 0 && y.l === 0) {
    twoSum(x.h, y.h);
    exactResult = true;
    return dd(rh, rl);
  }
  twoSum(x.h, y.h);
  const sh = rh;
  const sl = rl;
  twoSum(x.l, y.l);
  const th = rh;
  const tl = rl;
  fastTwoSum(sh, sl + th);
  const vh = rh;
  const vl = rl;
  fastTwoSum(vh, tl + vl);
  exactResult = false;
  return dd(rh, rl);
}

function approxMul(x: DD, y: DD): DD {
  twoProd(x.h, y.h);
  if (x.l === 0 && y.l === 0) {
    exactResult = true;
    return dd(rh, rl);
  }
  const ch = rh;
  const cl = rl + (x.h * y.l + x.l * y.h);
  fastTwoSum(ch, cl);
  exactResult = false;
  return dd(rh, rl);
}

function approxDiv(x: DD, y: DD): DD {
  const q1 = x.h / y.h;
  const p = approxMul(y, ddOf(q1));
  const r = approxAdd(x, dd(-p.h, -p.l));
  const q2 = r.h / y.h;
  fastTwoSum(q1, q2);
  exactResult = false;
  return dd(rh, rl);
}

/** One Newton step from the rounded root of the high part: s + (x − s²)/(2s), error about 3u². */
function approxSqrt(x: DD): DD {
  const s = Math.sqrt(x.h);
  twoProd(s, s);
  const r = approxAdd(x, dd(-rh, -rl));
  fastTwoSum(s, r.h / (2 * s));
  exactResult = false;
  return dd(rh, rl);
}

/** The error bound: relative, plus TINY where a low-part product may underflow (sums of doubles never lose to underflow). */
function bound(z: DD, tiny: number): number {
  return nextUp(Math.abs(z.h) * REL + tiny);
}

/** A sum computed as 0 is exactly 0: its relative error bound is below 1. */
const isExact = (z: DD, tiny: number): boolean => exactResult || (tiny === 0 && z.h === 0);

function below(z: DD, tiny: number): DD {
  if (isExact(z, tiny)) return z;
  const l = nextDown(z.l - bound(z, tiny));
  return renormalised(z.h, l);
}

function above(z: DD, tiny: number): DD {
  if (isExact(z, tiny)) return z;
  const l = nextUp(z.l + bound(z, tiny));
  return renormalised(z.h, l);
}

/** Operands within inSumRange. */
export const addDown = (x: DD, y: DD): DD => below(approxAdd(x, y), 0);
export const addUp = (x: DD, y: DD): DD => above(approxAdd(x, y), 0);
/** productExact(x.h, y.h). */
export const mulDown = (x: DD, y: DD): DD => below(approxMul(x, y), TINY);
export const mulUp = (x: DD, y: DD): DD => above(approxMul(x, y), TINY);
/** quotientExact(x.h, y.h), y ≠ 0. */
export const divDown = (x: DD, y: DD): DD => below(approxDiv(x, y), TINY);
export const divUp = (x: DD, y: DD): DD => above(approxDiv(x, y), TINY);
/** x > 0 within inRange (s² ≈ x is then an exact product). */
export const sqrtDown = (x: DD): DD => below(approxSqrt(x), TINY);
export const sqrtUp = (x: DD): DD => above(approxSqrt(x), TINY);

export const neg = (x: DD): DD => dd(-x.h, -x.l);

/** Exact order of normalised double-doubles (h = RN(h + l) makes the representation unique). */
export function compare(x: DD, y: DD): number {
  if (x.h !== y.h) return x.h < y.h ? -1 : 1;
  return x.l === y.l ? 0 : x.l < y.l ? -1 : 1;
}

/** The largest double ≤ x and the smallest ≥ x. */
export const doubleBelow = (x: DD): number => (x.l < 0 ? nextDown(x.h) : x.h);
export const doubleAbove = (x: DD): number => (x.l > 0 ? nextUp(x.h) : x.h);
