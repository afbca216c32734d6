import fc from '../node_modules/fast-check/lib/fast-check.js';
import { validatedGradientFlow } from '/work/main/src/trajectories/gradient-flow.ts';
import { referenceGradientFlow } from '/work/main/src/trajectories/reference-integrator.ts';
import { SEED, randomLabelData, separableData } from '/work/main/test/margin/margin-reference.ts';
const samples = fc.sample(fc.tuple(randomLabelData(8, 2), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 })), { seed: SEED, numRuns: 6 });
const times = [1e-6, 0.1, 1, 10, 100, 1e4];
for (const [data, w0] of samples) {
  let t0 = performance.now();
  const ref = referenceGradientFlow(data, times, { rtol: 1e-13, w0 });
  const tr = performance.now() - t0; t0 = performance.now();
  const loose = validatedGradientFlow(data, times, { tolerance: Number(process.env.TOL ?? 1e-8), w0 });
  const tl = performance.now() - t0; t0 = performance.now();
  const tight = validatedGradientFlow(data, times, { w0 });
  const tt = performance.now() - t0;
  const last = loose.points.at(-1)!; const lt = tight.points.at(-1)!;
  const diff = Math.hypot(...lt.center.map((c, j) => c - ref.points.at(-1)!.w[j]));
  console.log(`ref ${tr.toFixed(0)}ms ${ref.steps} | loose ${tl.toFixed(0)}ms ${loose.steps}/${loose.rejectedSteps} r=${last.radius.toExponential(1)} | tight ${tt.toFixed(0)}ms ${tight.steps}/${tight.rejectedSteps} r=${lt.radius.toExponential(1)} diff=${diff.toExponential(1)}`);
}
const s2 = fc.sample(separableData({ nMin: 1, nMax: 12, dMin: 1, dMax: 5, margin: 0.05 }), { seed: SEED, numRuns: 12 });
const T = [1e-6, 1e-3, 0.1, 1, 10, 1e3, 1e5, 1e6];
for (const data of s2) {
  const ref = referenceGradientFlow(data, T, { rtol: 1e-13 });
  const loose = validatedGradientFlow(data, T, { tolerance: Number(process.env.TOL ?? 1e-8) });
  const tight = validatedGradientFlow(data, T);
  const last = loose.points.at(-1)!; const lt = tight.points.at(-1)!;
  const diff = Math.hypot(...lt.center.map((c, j) => c - ref.points.at(-1)!.w[j]));
  console.log(`n=${data.X.length} d=${data.X[0].length} loose r=${(last.radius/last.norm.hi).toExponential(1)} steps ${loose.steps} tight r=${(lt.radius/lt.norm.hi).toExponential(1)} steps ${tight.steps}/${tight.rejectedSteps} diff=${(diff/lt.norm.hi).toExponential(1)} ref ${ref.steps}`);
}
