import { Decimal } from 'decimal.js';
import type { Arith } from './arith.js';
import { DomainError } from './domain-error.js';
import { exp, expm1, log, log1p } from './elementary.js';
import { doubleAbove, doubleBelow } from './exact.js';
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
} from './interval.js';
import { intervalDot, intervalSum } from './kernels.js';
import { expLoss, expLossInverse, logistic, logisticInverse, logisticPrime, relu, reluPrime } from './losses.js';
import { exactDecimalString, nextUp } from './rounding.js';
import type { Truth } from './truth.js';

/** Enough digits that a quotient rounded outward at this precision still rounds to the neighbouring doubles. */
const LITERAL_DIGITS = 40;
const DecimalFloor = Decimal.clone({ precision: LITERAL_DIGITS, rounding: Decimal.ROUND_FLOOR });
const DecimalCeil = Decimal.clone({ precision: LITERAL_DIGITS, rounding: Decimal.ROUND_CEIL });

function parseDecimal(text: string, literal: string): Decimal {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw new SyntaxError(`exact: cannot parse "${literal}"`);
  return new Decimal(t);
}

/** The tightest double interval around a decimal literal "0.1", "-3e-7" or a rational "1/3". */
export function intervalFromLiteral(text: string): Interval {
  const parts = text.split('/');
  if (parts.length > 2) throw new SyntaxError(`exact: cannot parse "${text}"`);
  const p = parseDecimal(parts[0], text);
  if (parts.length === 1) return interval(doubleBelow(p), doubleAbove(p));
  const q = parseDecimal(parts[1], text);
  if (q.isZero()) throw new DomainError('exact', true, `division by zero in "${text}"`);
  // Outward-rounded quotients at 40 digits, then outward to doubles.
  return interval(doubleBelow(DecimalFloor.div(p, q)), doubleAbove(DecimalCeil.div(p, q)));
}

const CONSTANTS = {
  // Each double is the one just below the constant (checked against decimal.js in the tests).
  pi: interval(Math.PI, nextUp(Math.PI)),
  e: interval(Math.E, nextUp(Math.E)),
  ln2: interval(Math.LN2, nextUp(Math.LN2)),
} as const;

function lt(a: Interval, b: Interval): Truth {
  if (a.hi < b.lo) return 'proved';
  if (a.lo >= b.hi) return 'refuted';
  return 'inconclusive';
}

function le(a: Interval, b: Interval): Truth {
  if (a.hi <= b.lo) return 'proved';
  if (a.lo > b.hi) return 'refuted';
  return 'inconclusive';
}

/** Float intervals with sound outward rounding: the certifying instance. */
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
  dot: intervalDot,

  lo: (a) => a.lo,
  hi: (a) => a.hi,
  width,
  hull,
  subset,
  lt,
  le,
  format: (a) => [exactDecimalString(a.lo), exactDecimalString(a.hi)],
};
