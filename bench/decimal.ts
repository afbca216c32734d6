import { decimalArith } from '../src/arithmetic/decimal-arith.js';
import { type Figure, type Section, compare, consume, inputs } from './measure.js';

/**
 * Cost of decimal-interval refinement against plain floats, measured in the
 * same run: a dot product of length 10^3, and the logistic loss ℓ(z) and its
 * derivative (exp and log underneath), at 30 and 60 digits.
 */

const DOT_LENGTH = 1000;
const LOSS_POINTS = 64;

function floatDot(xs: readonly number[], ys: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] * ys[i];
  return s;
}

/** The float logistic loss in its stable form, the plain-float baseline. */
function floatLogistic(z: number): number {
  return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
}

function floatLogisticPrime(z: number): number {
  return -1 / (1 + Math.exp(z));
}

function run(): Record<string, Figure> {
  const xs = inputs(DOT_LENGTH, 1);
  const ys = inputs(DOT_LENGTH, 2);
  const zs = inputs(LOSS_POINTS, 3).map((z) => 20 * z);
  const figures: Record<string, Figure> = {};
  for (const digits of [30, 60]) {
    const A = decimalArith(digits);
    const X = xs.map((x) => A.num(x));
    const Y = ys.map((y) => A.num(y));
    const Z = zs.map((z) => A.num(z));
    const options = { warmup: 2, runs: 7 };
    figures[`decimal${digits}.dot(n=1e3)`] = compare(
      () => consume(A.lo(A.dot(X, Y))),
      () => consume(floatDot(xs, ys)),
      'ms',
      options,
    );
    // Per evaluation, in µs.
    const perPoint = { ...options, scale: 1000 / LOSS_POINTS };
    figures[`decimal${digits}.logistic`] = compare(
      () => Z.forEach((z) => consume(A.hi(A.logistic(z)))),
      () => zs.forEach((z) => consume(floatLogistic(z))),
      'us',
      perPoint,
    );
    figures[`decimal${digits}.logisticPrime`] = compare(
      () => Z.forEach((z) => consume(A.hi(A.logisticPrime(z)))),
      () => zs.forEach((z) => consume(floatLogisticPrime(z))),
      'us',
      perPoint,
    );
  }
  return figures;
}

export const decimalSection: Section = { name: 'decimal intervals (refinement) vs plain floats', run };
