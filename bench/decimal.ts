import { decimalArith } from '../src/arithmetic/decimal-arith.js';
import type { DecimalInterval } from '../src/arithmetic/decimal-interval.js';

/** One benchmark figure: `value` in `unit`; `ratio` = value / `baseline` (the plain-float cost). */
export interface BenchFigure {
  value: number;
  unit: string;
  ratio?: number;
  baseline?: number;
}

const DOT_LENGTH = 1000;

/** Deterministic inputs in [−1, 1) (a linear congruential generator, so runs compare). */
function inputs(length: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** Median time per call in microseconds, over `rounds` rounds of at least `minMs` each. */
function microseconds(f: () => unknown, rounds = 5, minMs = 40): number {
  let sink: unknown;
  for (let i = 0; i < 3; i++) sink = f();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      sink = f();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    samples.push((elapsed * 1000) / calls);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function floatDot(xs: readonly number[], ys: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] * ys[i];
  return s;
}

function floatLogistic(z: number): number {
  return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
}

/**
 * Cost of decimal-interval refinement relative to plain floats: a dot product
 * of length 10^3, and one logistic-loss evaluation, at 30 and 60 digits.
 */
export async function benchDecimal(): Promise<Record<string, BenchFigure>> {
  const xs = inputs(DOT_LENGTH, 1);
  const ys = inputs(DOT_LENGTH, 2);
  const floatDotUs = microseconds(() => floatDot(xs, ys), 5, 20);
  const zs = inputs(64, 3).map((z) => z * 20);
  const floatLogisticUs = microseconds(() => zs.reduce((s, z) => s + floatLogistic(z), 0), 5, 20) / zs.length;

  const figures: Record<string, BenchFigure> = {};
  for (const digits of [30, 60]) {
    const A = decimalArith(digits);
    const X: DecimalInterval[] = xs.map((x) => A.num(x));
    const Y: DecimalInterval[] = ys.map((y) => A.num(y));
    const dotUs = microseconds(() => A.dot(X, Y), 3, 100);
    figures[`decimal.dot1e3.digits${digits}`] = { value: dotUs, unit: 'us', baseline: floatDotUs, ratio: dotUs / floatDotUs };
    const Z = zs.map((z) => A.num(z));
    const logisticUs = microseconds(() => Z.map((z) => A.logistic(z)), 3, 100) / Z.length;
    figures[`decimal.logistic.digits${digits}`] = {
      value: logisticUs,
      unit: 'us',
      baseline: floatLogisticUs,
      ratio: logisticUs / floatLogisticUs,
    };
  }
  return figures;
}
