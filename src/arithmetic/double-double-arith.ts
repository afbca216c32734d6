import { Decimal } from 'decimal.js';
import type { Arith } from './arith.js';
import { decimalArith } from './decimal-arith.js';
import { DecimalInterval } from './decimal-interval.js';
import { DomainError } from './domain-error.js';
import * as D from './double-double.js';
import { type DD, compare, ddOf, inRange, inSumRange, productExact, quotientExact } from './double-double.js';
import { decimalFromDouble, doubleAbove as decimalAbove, doubleBelow as decimalBelow } from './exact.js';
import { exactDotSign } from './exact-dot.js';
import { type Interval, interval } from './interval.js';
import { intervalArith as I } from './interval-arith.js';
import { reluSlope } from './relu-kink.js';
import { nextDown, nextUp } from './rounding.js';
import { intervalOrder } from './truth.js';

/**
 * Intervals with double-double ends: the refinement level between float
 * intervals and decimals. Sums, products, quotients and √ run in double-double
 * with directed error bounds (double-double.ts), e^x, log, log1p and the
 * losses natively on top of them (below), about 27–29 digits at a fraction of
 * decimal.js's cost; expm1, ℓ⁻¹ and out-of-range arguments go through 40-digit
 * decimal intervals and come back rounded outward. Operands beyond the exact
 * range of the error-free transformations (see productExact; infinite ends)
 * are handled by the float intervals, which is sound and merely wider.
 */
export interface DDInterval {
  readonly lo: DD;
  readonly hi: DD;
}

const ZERO_DD = ddOf(0);
const pointOf = (x: DD): DDInterval => ({ lo: x, hi: x });
const ZERO: DDInterval = pointOf(ZERO_DD);
const ONE: DDInterval = pointOf(ddOf(1));
const UNIT: DDInterval = { lo: ZERO_DD, hi: ddOf(1) };

const isZero = (a: DDInterval): boolean => a.lo.h === 0 && a.hi.h === 0;
const isPoint = (a: DDInterval): boolean => compare(a.lo, a.hi) === 0;
const fastSum = (a: DDInterval): boolean => inSumRange(a.lo.h) && inSumRange(a.hi.h);
/** The largest |x| over the interval, and the interval [−r, r]. */
const magnitude = (a: DDInterval): number => Math.max(Math.abs(D.doubleBelow(a.lo)), Math.abs(D.doubleAbove(a.hi)));
const plusMinus = (r: number): DDInterval => ({ lo: ddOf(-r), hi: ddOf(r) });
const minDD = (x: DD, y: DD): DD => (compare(x, y) <= 0 ? x : y);
const maxDD = (x: DD, y: DD): DD => (compare(x, y) >= 0 ? x : y);

/** The float-interval hull, and back: the fallback outside the fast range. */
const toInterval = (a: DDInterval): Interval => interval(D.doubleBelow(a.lo), D.doubleAbove(a.hi));
const fromInterval = (a: Interval): DDInterval => ({ lo: ddOf(a.lo), hi: ddOf(a.hi) });
const viaFloat2 = (f: (x: Interval, y: Interval) => Interval, a: DDInterval, b: DDInterval): DDInterval => fromInterval(f(toInterval(a), toInterval(b)));

// Elementary functions through 40-digit decimal intervals.
const DEC = decimalArith(40);
const Floor = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_FLOOR });
const Ceil = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_CEIL });

function toDecimal(a: DDInterval): DecimalInterval {
  const lo = DEC.add(DEC.num(a.lo.h), DEC.num(a.lo.l)).lo;
  const hi = DEC.add(DEC.num(a.hi.h), DEC.num(a.hi.l)).hi;
  return new DecimalInterval(lo, hi);
}

/**
 * A double-double ≤ x (down) or ≥ x (up): a double h near x, the remainder x − h rounded that
 * way at 60 digits, and a low part two ulps beyond the remainder's nearest double that way
 * (decimal.js's toNumber is within an ulp). Near the ends of the double range the directed
 * double alone is the bound (a low part could overflow or underflow).
 */
function fromDecimalEnd(x: Decimal, down: boolean): DD {
  const h = x.toNumber();
  if (!(Math.abs(h) <= 2 ** 1000) || h === 0) return ddOf(down ? decimalBelow(x) : decimalAbove(x));
  const rest = (down ? Floor : Ceil).sub(x, decimalFromDouble(h)).toNumber();
  const l = down ? nextDown(nextDown(rest)) : nextUp(nextUp(rest));
  return D.renormalised(h, l);
}

const fromDecimal = (a: DecimalInterval): DDInterval => ({ lo: fromDecimalEnd(a.lo, true), hi: fromDecimalEnd(a.hi, false) });
const viaDecimal = (f: (x: DecimalInterval) => DecimalInterval) => (a: DDInterval): DDInterval => fromDecimal(f(toDecimal(a)));

function add(a: DDInterval, b: DDInterval): DDInterval {
  if (isZero(a)) return b;
  if (isZero(b)) return a;
  if (!fastSum(a) || !fastSum(b)) return viaFloat2(I.add, a, b);
  return { lo: D.addDown(a.lo, b.lo), hi: D.addUp(a.hi, b.hi) };
}

function neg(a: DDInterval): DDInterval {
  return { lo: D.neg(a.hi), hi: D.neg(a.lo) };
}

const sub = (a: DDInterval, b: DDInterval): DDInterval => add(a, neg(b));

/** Interval product by the signs of the factors: each end is one directed product of two ends (four where both straddle 0). */
function mul(a: DDInterval, b: DDInterval): DDInterval {
  if (isZero(a) || isZero(b)) return ZERO;
  const [al, ah, bl, bh] = [a.lo, a.hi, b.lo, b.hi];
  let lo: [DD, DD];
  let hi: [DD, DD];
  if (al.h >= 0) {
    if (bl.h >= 0) [lo, hi] = [[al, bl], [ah, bh]];
    else if (bh.h <= 0) [lo, hi] = [[ah, bl], [al, bh]];
    else [lo, hi] = [[ah, bl], [ah, bh]];
  } else if (ah.h <= 0) {
    if (bl.h >= 0) [lo, hi] = [[al, bh], [ah, bl]];
    else if (bh.h <= 0) [lo, hi] = [[ah, bh], [al, bl]];
    else [lo, hi] = [[al, bh], [al, bl]];
  } else if (bl.h >= 0) [lo, hi] = [[al, bh], [ah, bh]];
  else if (bh.h <= 0) [lo, hi] = [[ah, bl], [al, bl]];
  else {
    // Both straddle 0: lo = min(al·bh, ah·bl), hi = max(al·bl, ah·bh).
    if (![al, ah].every((x) => productExact(x.h, bl.h) && productExact(x.h, bh.h))) return viaFloat2(I.mul, a, b);
    return { lo: minDD(D.mulDown(al, bh), D.mulDown(ah, bl)), hi: maxDD(D.mulUp(al, bl), D.mulUp(ah, bh)) };
  }
  if (!productExact(lo[0].h, lo[1].h) || !productExact(hi[0].h, hi[1].h)) return viaFloat2(I.mul, a, b);
  return { lo: D.mulDown(lo[0], lo[1]), hi: D.mulUp(hi[0], hi[1]) };
}

function div(a: DDInterval, b: DDInterval): DDInterval {
  if (b.lo.h <= 0 && b.hi.h >= 0) throw new DomainError('div', isZero(b), 'divisor contains 0');
  if (isZero(a)) return ZERO;
  const ends: [DD, DD][] = [[a.lo, b.lo], [a.lo, b.hi], [a.hi, b.lo], [a.hi, b.hi]];
  if (!ends.every(([x, y]) => quotientExact(x.h, y.h))) return viaFloat2(I.div, a, b);
  let lo = D.divDown(ends[0][0], ends[0][1]);
  let hi = D.divUp(ends[0][0], ends[0][1]);
  for (let k = 1; k < 4; k++) {
    lo = minDD(lo, D.divDown(ends[k][0], ends[k][1]));
    hi = maxDD(hi, D.divUp(ends[k][0], ends[k][1]));
  }
  return { lo, hi };
}

function abs(a: DDInterval): DDInterval {
  if (a.lo.h >= 0) return a;
  if (a.hi.h <= 0) return neg(a);
  return { lo: ZERO_DD, hi: maxDD(D.neg(a.lo), a.hi) };
}

function sqr(a: DDInterval): DDInterval {
  if (a.lo.h >= 0) return mul(a, a);
  if (a.hi.h <= 0) return mul(neg(a), neg(a));
  const m = pointOf(maxDD(D.neg(a.lo), a.hi));
  return { lo: ZERO_DD, hi: mul(m, m).hi };
}

/*
 * e^x natively for |x| ≤ EXP_LIMIT (results within [2^-938, 2^938]): x = k·ln 2 + r, t = r/16,
 * e^t by its Taylor polynomial of degree 14 (Horner, coefficients 1/j! as enclosures) plus the
 * Lagrange remainder as an interval, squared four times, times 2^k. Every step is an interval
 * operation, so the result encloses e^x; it is about 27 digits wide (the squarings multiply the
 * width by 16). Elsewhere: float intervals.
 */
const EXP_LIMIT = 650;
const DEGREE = 14;
const LN2 = fromDecimal(DEC.constant('ln2'));
const INVERSE_FACTORIAL: DDInterval[] = [ONE];
for (let j = 1; j <= DEGREE; j++) INVERSE_FACTORIAL.push(div(INVERSE_FACTORIAL[j - 1], num(j)));
const SIXTEENTH = num(1 / 16);

function expOfPoint(x: DD): DDInterval {
  const k = Math.round(x.h / Math.LN2);
  const t = mul(sub(pointOf(x), mul(num(k), LN2)), SIXTEENTH);
  let p = INVERSE_FACTORIAL[DEGREE];
  for (let j = DEGREE - 1; j >= 0; j--) p = add(INVERSE_FACTORIAL[j], mul(t, p));
  // |t| ≤ 0.0217 (|r| ≤ ln 2 / 2 plus rounding): |remainder| ≤ |t|^15/15! · e^|t|, 15! > 1.3e12.
  const remainder = nextUp((magnitude(t) ** (DEGREE + 1) / 1.3e12) * 1.03 * (1 + 2 ** -40));
  p = add(p, plusMinus(remainder));
  for (let i = 0; i < 4; i++) p = sqr(p);
  return mul(p, num(2 ** k));
}

function exp(a: DDInterval): DDInterval {
  // Beyond, e^x is under 2^-938 or over 2^938, where products fall back to float intervals anyway.
  if (!(Math.abs(a.lo.h) <= EXP_LIMIT && Math.abs(a.hi.h) <= EXP_LIMIT)) return fromInterval(I.exp(toInterval(a)));
  if (isPoint(a)) return expOfPoint(a.lo);
  return { lo: expOfPoint(a.lo).lo, hi: expOfPoint(a.hi).hi };
}

/*
 * log natively on (0, ∞) within the native range of exp: log1p(d) = Σ (−1)^(j+1) d^j / j for
 * |d| ≤ 1/32 (degree 24, the alternating tail as an interval), and elsewhere log x = y + log1p(u)
 * with y = Math.log(x) and u = x·e^(−y) − 1 (tiny), log1p(u) = u − u²/2 within |u|³/(3(1 − |u|)).
 * The losses compose these; every step is an interval operation. Beyond, 40-digit decimals.
 */
const SERIES_LIMIT = 1 / 32;
const LOG_DEGREE = 24;
const SERIES_COEFFICIENT: DDInterval[] = Array.from({ length: LOG_DEGREE + 1 }, (_, j) => (j === 0 ? ZERO : div(num(j % 2 === 1 ? 1 : -1), num(j))));
const HALF = num(0.5);

/** log1p over an interval d with |d| ≤ 1/32. */
function log1pSeries(d: DDInterval): DDInterval {
  if (isZero(d)) return ZERO;
  let p = SERIES_COEFFICIENT[LOG_DEGREE];
  for (let j = LOG_DEGREE - 1; j >= 1; j--) p = add(SERIES_COEFFICIENT[j], mul(d, p));
  p = mul(d, p);
  // The tail Σ_{j>N} |d|^j / j ≤ |d|^(N+1) / ((N+1)(1 − |d|)).
  const m = magnitude(d);
  return add(p, plusMinus(nextUp(((m ** (LOG_DEGREE + 1) / (LOG_DEGREE + 1)) * 1.04) * (1 + 2 ** -40))));
}

/** An enclosure of log over x > 0 (one interval evaluation: the series near 1, else y + log1p(u)). */
function logOf(x: DDInterval): DDInterval {
  const d = sub(x, ONE);
  if (magnitude(d) <= SERIES_LIMIT) return log1pSeries(d);
  const y = Math.log(x.lo.h);
  const u = sub(mul(x, exp(num(-y))), ONE);
  const m = magnitude(u);
  // |u| is an ulp or so for a narrow x; a wide one goes to decimals.
  if (!(m <= 2 ** -20)) return decimalLog(x);
  const tail = nextUp(((m * m * m) / 3) * 1.01 * (1 + 2 ** -40));
  return add(num(y), add(sub(u, mul(sqr(u), HALF)), plusMinus(tail)));
}

const nativeLog = (a: DDInterval): boolean => a.lo.h >= 2 ** -900 && a.hi.h <= 2 ** 900;
const decimalLog = viaDecimal((x) => DEC.log(x));

const log = (a: DDInterval): DDInterval => (nativeLog(a) ? logOf(a) : decimalLog(a));

const decimalLog1p = viaDecimal((x) => DEC.log1p(x));
const decimalExpLossInverse = viaDecimal((x) => DEC.expLossInverse(x));

/** log1p: the series near 0, else log(1 + v) (no cancellation there); beyond log's native range, decimals. */
function log1p(a: DDInterval): DDInterval {
  if (!(a.lo.h > -1 + 2 ** -40 && a.hi.h <= 2 ** 900)) return decimalLog1p(a);
  return magnitude(a) <= SERIES_LIMIT ? log1pSeries(a) : logOf(add(ONE, a));
}

const LOSS_LIMIT = 600;
const withinLossLimit = (a: DDInterval): boolean => Math.abs(a.lo.h) <= LOSS_LIMIT && Math.abs(a.hi.h) <= LOSS_LIMIT;

/** ℓ(z) = log1p(e^(−z)) for z ≥ 0, −z + log1p(e^z) below: decreasing, so each end from the other end of z. */
function logisticOfPoint(z: DD): DDInterval {
  const e = exp(pointOf(z.h >= 0 ? D.neg(z) : z));
  const tail = log1p(e);
  return z.h >= 0 ? tail : add(neg(pointOf(z)), tail);
}

const decimalLogistic = viaDecimal((x) => DEC.logistic(x));

function logistic(a: DDInterval): DDInterval {
  if (!withinLossLimit(a)) return decimalLogistic(a);
  if (isPoint(a)) return logisticOfPoint(a.lo);
  return { lo: logisticOfPoint(a.hi).lo, hi: logisticOfPoint(a.lo).hi };
}

/** ℓ'(z) = −1/(1 + e^z): increasing. */
const logisticPrimeOfPoint = (z: DD): DDInterval => neg(div(ONE, add(ONE, exp(pointOf(z)))));
const decimalLogisticPrime = viaDecimal((x) => DEC.logisticPrime(x));

function logisticPrime(a: DDInterval): DDInterval {
  if (!withinLossLimit(a)) return decimalLogisticPrime(a);
  if (isPoint(a)) return logisticPrimeOfPoint(a.lo);
  return { lo: logisticPrimeOfPoint(a.lo).lo, hi: logisticPrimeOfPoint(a.hi).hi };
}

const decimalSqrt = viaDecimal((x) => DEC.sqrt(x));

function sqrt(a: DDInterval): DDInterval {
  if (a.lo.h <= 0 || !inRange(a.lo.h) || !inRange(a.hi.h)) return decimalSqrt(a);
  return { lo: D.sqrtDown(a.lo), hi: D.sqrtUp(a.hi) };
}

function powInt(a: DDInterval, n: number): DDInterval {
  if (n === 0 && Number.isInteger(n)) return ONE;
  if (n === 1) return a;
  if (n === 2) return sqr(a);
  return viaDecimal((x) => DEC.powInt(x, n))(a);
}

function relu(a: DDInterval): DDInterval {
  return { lo: a.lo.h > 0 ? a.lo : ZERO_DD, hi: a.hi.h > 0 ? a.hi : ZERO_DD };
}

/** The convention of relu-kink.ts; the sign of a normalised double-double is the sign of its high part. */
function reluPrime(a: DDInterval): DDInterval {
  const slope = reluSlope(a.lo.h, a.hi.h);
  return slope === 'active' ? ONE : slope === 'dead' ? ZERO : UNIT;
}

function sum(xs: readonly DDInterval[]): DDInterval {
  let s = ZERO;
  for (const x of xs) s = add(s, x);
  return s;
}

/** As the float intervals: a dot product of exact doubles whose enclosure meets 0 is decided by its exact sign. */
function dot(xs: readonly DDInterval[], ys: readonly DDInterval[]): DDInterval {
  if (xs.length !== ys.length) throw new RangeError(`dot: lengths ${xs.length} and ${ys.length} differ`);
  let s = ZERO;
  for (let i = 0; i < xs.length; i++) s = add(s, mul(xs[i], ys[i]));
  if (s.lo.h > 0 || s.hi.h < 0 || isZero(s)) return s;
  const doublePoint = (x: DDInterval): boolean => isPoint(x) && x.lo.l === 0 && Number.isFinite(x.lo.h);
  if (!xs.every(doublePoint) || !ys.every(doublePoint)) return s;
  return exactDotSign(xs.map((x) => x.lo.h), ys.map((y) => y.lo.h)) === 0 ? ZERO : s;
}

const { lt, le } = intervalOrder<DDInterval, DD>(
  (a) => a.lo,
  (a) => a.hi,
  compare,
);

function num(x: number): DDInterval {
  if (x !== x) throw new DomainError('num', true, 'NaN');
  return Number.isFinite(x) ? pointOf(ddOf(x)) : fromInterval(I.num(x));
}

export const doubleDoubleArith: Arith<DDInterval> = {
  kind: 'double-double',
  certified: true,
  digits: 29,

  num,
  exact: (text) => fromDecimal(DEC.exact(text)),
  range: (lo, hi) => fromInterval(I.range(lo, hi)),
  constant: (name) => fromDecimal(DEC.constant(name)),

  add,
  sub,
  mul,
  div,
  neg,
  abs,
  min: (a, b) => ({ lo: minDD(a.lo, b.lo), hi: minDD(a.hi, b.hi) }),
  max: (a, b) => ({ lo: maxDD(a.lo, b.lo), hi: maxDD(a.hi, b.hi) }),
  sqr,
  sqrt,
  powInt,
  exp,
  expm1: viaDecimal((x) => DEC.expm1(x)),
  log,
  log1p,

  relu,
  reluPrime,
  logistic,
  logisticPrime,
  logisticInverse: viaDecimal((x) => DEC.logisticInverse(x)),
  expLoss: (a) => exp(neg(a)),
  expLossInverse: (a) => (nativeLog(a) ? neg(log(a)) : decimalExpLossInverse(a)),

  sum,
  dot,

  lo: (a) => D.doubleBelow(a.lo),
  hi: (a) => D.doubleAbove(a.hi),
  width: (a) => (fastSum(a) ? D.doubleAbove(D.addUp(a.hi, D.neg(a.lo))) : I.width(toInterval(a))),
  hull: (a, b) => ({ lo: minDD(a.lo, b.lo), hi: maxDD(a.hi, b.hi) }),
  subset: (a, b) => compare(b.lo, a.lo) <= 0 && compare(a.hi, b.hi) <= 0,
  lt,
  le,
  format: (a) => {
    const d = toDecimal(a);
    return [d.lo.toString(), d.hi.toString()];
  },
};
