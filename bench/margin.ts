import { randomSeparableData } from '../src/domains/random-separable.js';
import type { Dataset } from '../src/models/dataset.js';
import { validatedGradientFlow } from '../src/trajectories/gradient-flow.js';
import { certifiedMaxMargin } from '../src/trajectories/max-margin.js';
import { referenceGradientFlow } from '../src/trajectories/reference-integrator.js';
import { type Figure, type Section, compare, consume, figure } from './measure.js';

/**
 * The validated gradient flow of one linear predictor under the exponential
 * loss (n = 50 points in d = 10, w(0) = 0, up to t = 1e6) against a
 * non-validated adaptive Dormand–Prince 5(4) integration of the same flow to
 * relative accuracy 1e−10, timed alternately in one run. Also the radius of
 * the enclosure at t = 1e6 relative to ‖w(t)‖ (target ≤ 1e−8), and the
 * certified max margin of the same data.
 */

const TIMES = [1e-6, 1e-3, 1, 1e3, 1e6];

/** The bench's data: random separable points (see random-separable.ts). */
export function benchDataset(n = 50, d = 10, seed = 1): Dataset {
  return randomSeparableData(n, d, seed);
}

function run(): Record<string, Figure> {
  const data = benchDataset();
  const validated = validatedGradientFlow(data, TIMES);
  const reference = referenceGradientFlow(data, TIMES, { rtol: 1e-10 });
  const last = validated.points[validated.points.length - 1];
  const relativeRadius = last.radius / last.norm.lo;
  const margin = certifiedMaxMargin(data);
  console.log(
    `flow n=50 d=10 to t=1e6: validated ${validated.steps} steps (${validated.rejectedSteps} rejected), ` +
      `reference ${reference.steps} steps; radius at 1e6 = ${last.radius.toExponential(2)} (‖w‖ ≈ ${last.norm.lo.toFixed(3)}, ` +
      `relative ${relativeRadius.toExponential(2)}); ∫‖ẇ‖ ∈ [${last.pathLength.lo}, ${last.pathLength.hi}]`,
  );
  if (margin.kind === 'separable') {
    console.log(`max margin γ̄ ∈ [${margin.gamma.lo}, ${margin.gamma.hi}] (${margin.method}, relative width ${margin.relativeWidth.toExponential(2)})`);
  }
  const flow = compare(
    () => consume(validatedGradientFlow(data, TIMES).points.length),
    () => consume(referenceGradientFlow(data, TIMES, { rtol: 1e-10 }).points.length),
    'ms',
    { warmup: 2, runs: 9 },
  );
  const mm = compare(
    () => consume(certifiedMaxMargin(data).kind.length),
    () => consume(certifiedMaxMargin(data, { exactFace: false }).kind.length),
    'ms',
    { warmup: 2, runs: 9 },
  );
  return {
    'margin.flow.validated-vs-rk45 (n=50,d=10,t=1e6)': flow,
    'margin.flow.radius-at-1e6/‖w‖ vs 1e-8': figure(relativeRadius, 1e-8, 'rel'),
    'margin.max-margin.exact-face-vs-primal-dual': mm,
    'margin.max-margin.relative-width vs 1e-9': figure(margin.kind === 'separable' ? margin.relativeWidth : Infinity, 1e-9, 'rel'),
  };
}

export const marginSection: Section = { name: 'margin (validated gradient flow, certified max margin)', run };
