import fc from '../node_modules/fast-check/lib/fast-check.js';
import { validatedGradientFlow } from '../src/trajectories/gradient-flow.ts';
import { SEED, randomLabelData } from '../test/margin/margin-reference.ts';
const samples = fc.sample(fc.tuple(randomLabelData(8, 2), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 })), { seed: SEED, numRuns: 6 });
const [data, w0] = samples[Number(process.argv[2] ?? 0)];
const r = validatedGradientFlow(data, [1e-6, 0.1, 1, 10, 100, 1e4], { w0, tolerance: Number(process.argv[3] ?? 1e-13) });
console.log(r.steps, r.rejectedSteps);
