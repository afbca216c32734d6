import { intervalArith } from '../src/arithmetic/interval-arith.js';
import type { Interval } from '../src/arithmetic/interval.js';
import * as K from '../src/arithmetic/kernels.js';
import { intervalArithmeticPackage as pkg } from '../src/arithmetic/package-interval.js';
import { type Figure, type Section, compare, consume } from './measure.js';

/**
 * Certified kernels against the same loops in plain floats, measured in the
 * same run (warm-up, alternating runs, medians). Also the scalar cost of one interval
 * multiply-add: ours (exact directed rounding) and the interval-arithmetic
 * package's.
 */

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31 - 0.5;
}

function randomVector(n: number): Float64Array {
  return Float64Array.from({ length: n }, random);
}

function randomIntervals(n: number): K.IntervalVector {
  const lo = randomVector(n);
  const hi = lo.map((x) => x + Math.abs(random()) * 1e-6);
  return { lo, hi };
}

function plainDot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

function plainMatVec(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const o = r * cols;
    for (let c = 0; c < cols; c++) s += a[o + c] * x[c];
    out[r] = s;
  }
}

function plainNormSquared(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

function plainAxpy(w: Float64Array, eta: number, g: Float64Array, out: Float64Array): void {
  for (let i = 0; i < w.length; i++) out[i] = w[i] - eta * g[i];
}

function run(): Record<string, Figure> {
  const figures: Record<string, Figure> = {};

  // Dot products and norms of length 10^6.
  const n = 1_000_000;
  const x = randomVector(n);
  const y = randomVector(n);
  const xi = randomIntervals(n);
  const yi = randomIntervals(n);
  const floatDot = () => consume(plainDot(x, y));
  figures['arithmetic.dot_1e6.point'] = compare(() => consume(K.dotPoint(x, y).lo), floatDot);
  figures['arithmetic.dot_1e6.interval_point'] = compare(() => consume(K.dotIntervalPoint(xi, y).lo), floatDot);
  figures['arithmetic.dot_1e6.interval_interval'] = compare(() => consume(K.dotInterval(xi, yi).lo), floatDot);
  const floatNorm = () => consume(plainNormSquared(x));
  figures['arithmetic.norm_squared_1e6.point'] = compare(() => consume(K.normSquaredPoint(x).hi), floatNorm);
  figures['arithmetic.norm_squared_1e6.interval'] = compare(() => consume(K.normSquaredInterval(xi).hi), floatNorm);
  const out = new Float64Array(n);
  const outI = K.intervalVector(n);
  const eta: Interval = { lo: 0.01, hi: 0.010000000000000002 };
  figures['arithmetic.subtract_scaled_1e6.interval'] = compare(
    () => consume(K.subtractScaled(xi, eta, yi, outI).lo[0]),
    () => plainAxpy(x, 0.01, y, out),
  );

  // 256 × 256 matrix–vector products (repeated 100× per sample for timer resolution).
  const m = 256;
  const reps = 100;
  const a = randomVector(m * m);
  const ai = randomIntervals(m * m);
  const v = randomVector(m);
  const vi = randomIntervals(m);
  const res = new Float64Array(m);
  const floatMatVec = () => {
    for (let k = 0; k < reps; k++) plainMatVec(a, m, m, v, res);
    consume(res[0]);
  };
  const repeated = (f: () => K.IntervalVector) => () => {
    for (let k = 0; k < reps; k++) consume(f().lo[0]);
  };
  const perProduct = { scale: 1 / reps };
  figures['arithmetic.matvec_256.point'] = compare(repeated(() => K.matVecPoint(a, m, m, v)), floatMatVec, 'ms', perProduct);
  figures['arithmetic.matvec_256.interval_point'] = compare(repeated(() => K.matVecIntervalPoint(ai, m, m, v)), floatMatVec, 'ms', perProduct);
  figures['arithmetic.matvec_256.interval_interval'] = compare(repeated(() => K.matVecInterval(ai, m, m, vi)), floatMatVec, 'ms', perProduct);

  // Scalar interval multiply-add, per operation (ns), against a float multiply-add.
  const s = 100_000;
  const perOp = { scale: 1e6 / s, runs: 11 };
  const xs = x.subarray(0, s);
  const ys = y.subarray(0, s);
  const floatMulAdd = () => consume(plainDot(xs, ys));
  const ours = Array.from({ length: s }, (_, i) => ({ lo: xi.lo[i], hi: xi.hi[i] }));
  const oursY = Array.from({ length: s }, (_, i) => ({ lo: yi.lo[i], hi: yi.hi[i] }));
  figures['arithmetic.scalar_mul_add.ours'] = compare(
    () => {
      let acc: Interval = { lo: 0, hi: 0 };
      for (let i = 0; i < s; i++) acc = intervalArith.add(acc, intervalArith.mul(ours[i], oursY[i]));
      consume(acc.lo);
    },
    floatMulAdd,
    'ns',
    perOp,
  );
  const px = ours.map((i) => new pkg.Interval(i.lo, i.hi));
  const py = oursY.map((i) => new pkg.Interval(i.lo, i.hi));
  figures['arithmetic.scalar_mul_add.package'] = compare(
    () => {
      let acc = new pkg.Interval(0, 0);
      for (let i = 0; i < s; i++) acc = pkg.add(acc, pkg.multiply(px[i], py[i]));
      consume(acc.lo);
    },
    floatMulAdd,
    'ns',
    { ...perOp, warmup: 2 },
  );
  return figures;
}

export const arithmeticSection: Section = { name: 'arithmetic (certified kernels vs plain floats)', run };
