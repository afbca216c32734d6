import fc from 'fast-check';
import { FLOAT_LEVEL, InstanceContext, type Level, ladder } from '../src/checker/instance-context.js';
import { evaluateCheck, indexAssignments } from '../src/checker/evaluate-check.js';
import type { Instance } from '../src/language/lemma.js';
import { gdSetting } from '../src/domains/gd-instances.js';
import lemma from '../proofs/lemma-9.4.js';
import { type Figure, type Section, consume, figure } from './measure.js';

/**
 * The full check of Lemma 9.4 on one gradient-descent trajectory of the
 * two-layer ReLU net (n = 32 points in d = 8, width m = 64, 200 steps):
 * setup (the trajectory) and every step at every iterate and prefix, in float
 * intervals (certified) against the same code in plain floats.
 */

const SIZES = { n: 32, d: 8, m: 64, t: 200 } as const;

function benchInstance(): Instance {
  const [setting] = fc.sample(
    gdSetting({ points: [SIZES.n, SIZES.n], dimension: [SIZES.d, SIZES.d], width: [SIZES.m, SIZES.m], scales: [1], kinds: ['random labels'] }),
    { seed: 7, numRuns: 1 },
  );
  return { setting, eta: 1, t: SIZES.t, Z: { kind: 'near W_t', size: 0.1, seed: 11 } };
}

/** Evaluates every check at every index in one arithmetic; returns how many held. */
function checkTrajectory(instance: Instance, level: Level): { held: number; total: number } {
  // A fresh context: the trajectory and every cached value are recomputed.
  const ctx = new InstanceContext(lemma, instance);
  let held = 0;
  let total = 0;
  for (const check of lemma.checks) {
    for (const index of indexAssignments(check, ctx, [level])) {
      const ev = evaluateCheck(check, ctx, index, { levels: [level], timeoutMs: 600_000 });
      total++;
      if (ev.verdict === 'held') held++;
    }
  }
  return { held, total };
}

/** Median times of two computations, alternated run by run so a change in machine load affects both alike. */
function interleavedMedians(first: () => void, second: () => void, runs: number): [number, number] {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    first();
    a.push(performance.now() - t0);
    t0 = performance.now();
    second();
    b.push(performance.now() - t0);
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(a), median(b)];
}

function run(): Record<string, Figure> {
  const instance = benchInstance();
  const [interval] = ladder([]);
  // Warm-up of both paths; the certified one also says how many evaluations floats intervals settle.
  consume(checkTrajectory(instance, FLOAT_LEVEL).held);
  const certified = checkTrajectory(instance, interval);
  if (certified.held !== certified.total) console.log(`  note: ${certified.total - certified.held} of ${certified.total} evaluations not settled in float intervals (a real run refines them in decimals)`);
  const [floatMs, intervalMs] = interleavedMedians(
    () => consume(checkTrajectory(instance, FLOAT_LEVEL).held),
    () => consume(checkTrajectory(instance, interval).held),
    3,
  );
  const label = `n=${SIZES.n} d=${SIZES.d} m=${SIZES.m} t=${SIZES.t}`;
  return {
    [`lemma 9.4 check of one trajectory (${label})`]: figure(intervalMs, floatMs, 'ms'),
    [`lemma 9.4 trajectories checked per second`]: figure(1000 / intervalMs, 1000 / floatMs, '1/s'),
  };
}

export const reluTrajectorySection: Section = { name: 'ReLU gradient-descent trajectory: certified vs float', run };
