import type { Arith } from './arith.js';
import { DomainError } from './domain-error.js';
import { interval, midpoint } from './interval.js';
import { floatReluSlope } from './relu-kink.js';
import { exactDecimalString } from './rounding.js';
import type { Truth } from './truth.js';

/**
 * Plain doubles with Math.*: fast screening, never a certificate. Domain
 * violations still throw DomainError, never with `certain` (a rounded float
 * argument proves nothing about the exact one). The losses use the same
 * stable formulas as the interval instance.
 */

function refuseNaN(x: number, op: string): number {
  if (x !== x) throw new DomainError(op, false, 'NaN');
  return x;
}

function parseLiteral(text: string): number {
  const parts = text.split('/');
  const nums = parts.map((p) => {
    const t = p.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw new SyntaxError(`exact: cannot parse "${text}"`);
    return Number(t);
  });
  if (nums.length === 1) return nums[0];
  if (nums.length !== 2) throw new SyntaxError(`exact: cannot parse "${text}"`);
  if (nums[1] === 0) throw new DomainError('exact', false, `division by zero in "${text}"`);
  return nums[0] / nums[1];
}

function logistic(z: number): number {
  return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
}

function logisticPrime(z: number): number {
  if (z >= 0) {
    const t = Math.exp(-z);
    return -t / (1 + t);
  }
  return -1 / (1 + Math.exp(z));
}

function logisticInverse(v: number): number {
  if (!(v > 0)) throw new DomainError('logisticInverse', false, 'argument ≤ 0');
  return v > 2 ? -v - Math.log1p(-Math.exp(-v)) : -Math.log(Math.expm1(v));
}

function positive(op: string, v: number): number {
  if (!(v > 0)) throw new DomainError(op, false, 'argument ≤ 0');
  return v;
}

const compare = (ok: boolean): Truth => (ok ? 'proved' : 'refuted');

export const floatArith: Arith<number> = {
  kind: 'float',
  certified: false,
  digits: 17,

  num: (x) => refuseNaN(x, 'num'),
  exact: parseLiteral,
  range: (lo, hi) => midpoint(interval(lo, hi)),
  constant: (name) => (name === 'pi' ? Math.PI : name === 'e' ? Math.E : Math.LN2),

  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => {
    if (b === 0) throw new DomainError('div', false, 'division by 0');
    return a / b;
  },
  neg: (a) => -a,
  abs: Math.abs,
  min: Math.min,
  max: Math.max,
  sqr: (a) => a * a,
  sqrt: (a) => {
    if (a < 0) throw new DomainError('sqrt', false, 'negative argument');
    return Math.sqrt(a);
  },
  powInt: (a, n) => {
    if (!Number.isSafeInteger(n)) throw new RangeError(`powInt: exponent ${n} is not a safe integer`);
    if (n < 0 && a === 0) throw new DomainError('powInt', false, 'negative power of 0');
    return a ** n;
  },
  exp: Math.exp,
  expm1: Math.expm1,
  log: (a) => Math.log(positive('log', a)),
  log1p: (a) => {
    if (!(a > -1)) throw new DomainError('log1p', false, 'argument ≤ −1');
    return Math.log1p(a);
  },

  relu: (a) => Math.max(0, a),
  reluPrime: floatReluSlope,
  logistic,
  logisticPrime,
  logisticInverse,
  expLoss: (a) => Math.exp(-a),
  expLossInverse: (a) => -Math.log(positive('expLossInverse', a)),

  sum: (xs) => {
    let s = 0;
    for (const x of xs) s += x;
    return s;
  },
  dot: (xs, ys) => {
    if (xs.length !== ys.length) throw new RangeError('dot: lengths differ');
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[i] * ys[i];
    return s;
  },

  lo: (a) => a,
  hi: (a) => a,
  width: () => 0,
  hull: (a, b) => a / 2 + b / 2,
  subset: (a, b) => a === b,
  lt: (a, b) => compare(a < b),
  le: (a, b) => compare(a <= b),
  format: (a) => [exactDecimalString(a), exactDecimalString(a)],
};
