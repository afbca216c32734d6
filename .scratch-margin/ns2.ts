import fc from '../node_modules/fast-check/lib/fast-check.js';
import { validatedGradientFlow } from '../src/trajectories/gradient-flow.ts';
import { flowTaylorCoefficients, taylorWorkspace, coefficientNorm } from '../src/trajectories/exponential-flow-taylor.ts';
import { signedPointMatrix } from '../src/models/dataset.ts';
import { SEED, randomLabelData } from '../test/margin/margin-reference.ts';
const samples = fc.sample(fc.tuple(randomLabelData(8, 2), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 })), { seed: SEED, numRuns: 6 });
const [data, w0] = samples[3];
console.log(JSON.stringify(data), w0);
for (const tol of [1e-8, 1e-13]) {
  const r = validatedGradientFlow(data, [50], { w0, tolerance: tol });
  const c = Float64Array.from(r.points[0].center);
  const ws = taylorWorkspace(8, 2, 14);
  flowTaylorCoefficients(signedPointMatrix(data), c, 13, 1, ws);
  console.log(tol, Array.from(c), Array.from({length: 13}, (_, k) => coefficientNorm(ws, k).toExponential(2)).join(' '));
}
