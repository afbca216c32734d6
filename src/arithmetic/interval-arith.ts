import { Decimal } from 'decimal.js';
import type { Arith } from './arith.js';
import { DomainError } from './domain-error.js';
import { exp, expm1, log, log1p } from './elementary.js';
import { doubleAbove, doubleBelow, parseDecimalLiteral } from './exact.js';
import {
  type Interval,
  abs,
  add,
  div,
  hull,
  interval,
  max,
  min,
  mul,
  neg,
  point,
  powInt,
  sqr,
  sqrt,
  sub,
  subset,
  width,
  ZERO,
} from './interval.js';
import { exactDotSign } from './exact-dot.js';
import { intervalDot, intervalSum, intervalSumEach } from './kernels.js';
import { expLoss, expLossInverse, logistic, logisticInverse, logisticPrime, relu, reluPrime } from './losses.js';
import { ETA, MAX, exactDecimalString, nextUp } from './rounding.js';
import { intervalOrder } from './truth.js';

/** Enough digits that a quotient rounded outward at this precision still rounds to the neighbouring doubles. */
const LITERAL_DIGITS = 40;
const DecimalFloor = Decimal.clone({ precision: LITERAL_DIGITS, rounding: Decimal.ROUND_FLOOR });
const DecimalCeil = Decimal.clone({ precision: LITERAL_DIGITS, rounding: Decimal.ROUND_CEIL });

/** Lower double bound of a quotient rounded down at 40 digits (decimal.js flushes beyond its exponent range). */
function quotientBelow(q: Decimal, positive: boolean): number {
  if (q.isZero()) return positive ? 0 : -ETA; // a non-zero quotient below 10^-9e15
  return Math.min(doubleBelow(q), MAX); // +∞: a quotient beyond 10^9e15
}

/** The tightest double interval around a decimal literal "0.1", "-3e-7" or a rational "1/3". */
export function intervalFromLiteral(text: string): Interval {
  const parts = text.split('/');
  if (parts.length > 2) throw new SyntaxError(`exact: not a decimal or rational literal: "${text}"`);
  const p = parseDecimalLiteral(parts[0], text);
  if (parts.length === 1) return interval(doubleBelow(p), doubleAbove(p));
  const q = parseDecimalLiteral(parts[1], text);
  if (q.isZero()) throw new DomainError('exact', true, `division by zero in "${text}"`);
  if (p.isZero()) return ZERO;
  // Outward-rounded quotients at 40 digits, then outward to doubles.
  const positive = p.isNegative() === q.isNegative();
  return interval(quotientBelow(DecimalFloor.div(p, q), positive), -quotientBelow(DecimalCeil.div(p, q).neg(), !positive));
}

const CONSTANTS = {
  // Each double is the one just below the constant (checked against decimal.js in the tests).
  pi: interval(Math.PI, nextUp(Math.PI)),
  e: interval(Math.E, nextUp(Math.E)),
  ln2: interval(Math.LN2, nextUp(Math.LN2)),
} as const;

const { lt, le } = intervalOrder<Interval, number>(
  (a) => a.lo,
  (a) => a.hi,
  (x, y) => (x < y ? -1 : x > y ? 1 : 0),
);

/** Float intervals with sound outward rounding: the certifying instance. */
const isFinitePoint = (x: Interval): boolean => x.lo === x.hi && Number.isFinite(x.lo);

/**
 * The dot product; when its enclosure touches 0 and every entry is a point (exact doubles), the
 * exact sign decides whether it is 0 exactly: an exact ReLU kink ⟨w_j, x⟩ = 0 then is one (σ'(0) = 0
 * on every side that meets it), where rounded products would leave [−ε, ε].
 */
function exactAtZeroDot(xs: readonly Interval[], ys: readonly Interval[]): Interval {
  const r = intervalDot(xs, ys);
  if (r.lo > 0 || r.hi < 0 || (r.lo === 0 && r.hi === 0)) return r;
  if (!xs.every(isFinitePoint) || !ys.every(isFinitePoint)) return r;
  return exactDotSign(xs.map((x) => x.lo), ys.map((y) => y.lo)) === 0 ? ZERO : r;
}

export const intervalArith: Arith<Interval> = {
  kind: 'interval',
  certified: true,
  digits: 17,

  num: point,
  exact: intervalFromLiteral,
  range: (lo, hi) => interval(lo, hi),
  constant: (name) => CONSTANTS[name],

  add,
  sub,
  mul,
  div,
  neg,
  abs,
  min,
  max,
  sqr,
  sqrt,
  powInt,
  exp,
  expm1,
  log,
  log1p,

  relu,
  reluPrime,
  logistic,
  logisticPrime,
  logisticInverse,
  expLoss,
  expLossInverse,

  sum: intervalSum,
  sumEach: intervalSumEach,
  dot: exactAtZeroDot,

  lo: (a) => a.lo,
  hi: (a) => a.hi,
  width,
  hull,
  subset,
  lt,
  le,
  format: (a) => [exactDecimalString(a.lo), exactDecimalString(a.hi)],
};
