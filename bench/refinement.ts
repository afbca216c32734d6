import fc from 'fast-check';
import { decimalArith } from '../src/arithmetic/decimal-arith.js';
import { doubleDoubleArith } from '../src/arithmetic/double-double-arith.js';
import type { Arith } from '../src/arithmetic/arith.js';
import { InstanceContext, type Level } from '../src/checker/instance-context.js';
import { evaluateCheck, indexAssignments } from '../src/checker/evaluate-check.js';
import { gdSetting } from '../src/domains/gd-instances.js';
import type { Instance } from '../src/language/lemma.js';
import lemma from '../proofs/lemma-9.4.js';
import { type Figure, type Section, compare, consume, inputs } from './measure.js';

/**
 * The first refinement level against the one it comes before, in the same run:
 * double-double intervals against 30-digit decimal intervals, on a dot product,
 * e^x and ℓ(z), and on every step of Lemma 9.4 along one small certified
 * trajectory (setup included). Ratios below 1 are the saving; the relative
 * widths say what each level resolves.
 */

const DOT_LENGTH = 1000;
const POINTS = 64;

function relativeWidth<T>(A: Arith<T>, x: T): number {
  return A.width(x) / Math.max(Math.abs(A.lo(x)), Math.abs(A.hi(x)));
}

function trajectoryInstance(): Instance {
  const [setting] = fc.sample(gdSetting({ points: [8, 8], dimension: [4, 4], width: [16, 16], scales: [1], kinds: ['random labels'] }), { seed: 7, numRuns: 1 });
  return { setting, eta: 0.5, t: 5, Z: { kind: 'near W_t', size: 0.1, seed: 11 } };
}

/** Every step of the lemma at every index in one arithmetic, from a fresh context (the trajectory recomputed). */
function checkAll(instance: Instance, level: Level): number {
  const ctx = new InstanceContext(lemma, instance);
  let held = 0;
  for (const check of lemma.checks) {
    for (const index of indexAssignments(check, ctx, [level])) if (evaluateCheck(check, ctx, index, { levels: [level], timeoutMs: 600_000 }).verdict === 'held') held++;
  }
  return held;
}

function run(): Record<string, Figure> {
  const DD = doubleDoubleArith;
  const D30 = decimalArith(30);
  const xs = inputs(DOT_LENGTH, 1);
  const ys = inputs(DOT_LENGTH, 2);
  const zs = inputs(POINTS, 3).map((z) => 20 * z);
  const [X, Y, Z] = [xs, ys, zs].map((v) => v.map((x) => DD.num(x)));
  const [X30, Y30, Z30] = [xs, ys, zs].map((v) => v.map((x) => D30.num(x)));
  const options = { warmup: 2, runs: 7 };
  // Per evaluation, in µs, after enough warm-up for the JIT to settle on both sides.
  const perPoint = { warmup: 30, runs: 15, scale: 1000 / POINTS };
  const figures: Record<string, Figure> = {
    'double-double vs decimal30: dot(n=1e3)': {
      ...compare(() => consume(DD.lo(DD.dot(X, Y))), () => consume(D30.lo(D30.dot(X30, Y30))), 'ms', options),
      relativeWidth: relativeWidth(DD, DD.dot(X, Y)),
      note: `decimal30 rel. width ${relativeWidth(D30, D30.dot(X30, Y30)).toExponential(1)}`,
    },
    'double-double vs decimal30: exp': {
      ...compare(() => Z.forEach((z) => consume(DD.hi(DD.exp(z)))), () => Z30.forEach((z) => consume(D30.hi(D30.exp(z)))), 'us', perPoint),
      relativeWidth: Math.max(...Z.map((z) => relativeWidth(DD, DD.exp(z)))),
    },
    'double-double vs decimal30: logistic': compare(() => Z.forEach((z) => consume(DD.hi(DD.logistic(z)))), () => Z30.forEach((z) => consume(D30.hi(D30.logistic(z)))), 'us', perPoint),
  };
  const instance = trajectoryInstance();
  const dd: Level = { precision: 'double-double', arith: DD as Arith<unknown> };
  const d30: Level = { precision: 'decimal-30', arith: D30 as Arith<unknown> };
  const held = { dd: checkAll(instance, dd), d30: checkAll(instance, d30) };
  figures['double-double vs decimal30: lemma 9.4, every step (n=8 d=4 m=16 t=5)'] = {
    ...compare(() => consume(checkAll(instance, dd)), () => consume(checkAll(instance, d30)), 'ms', { warmup: 0, runs: 3 }),
    note: `held: ${held.dd} in double-double, ${held.d30} in decimal30`,
  };
  return figures;
}

export const refinementSection: Section = { name: 'refinement: double-double vs decimal30', run };
