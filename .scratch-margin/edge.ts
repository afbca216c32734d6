import { validatedGradientFlow } from '../src/trajectories/gradient-flow.ts';
import { benchDataset } from '../bench/margin.ts';
const cases: [string, any, any][] = [
  ['zero point', { X: [[0, 0]], y: [1] }, {}],
  ['far start', { X: [[0.5]], y: [1] }, { w0: [-50] }],
  ['far start good side', { X: [[0.5]], y: [1] }, { w0: [1000] }],
  ['tiny z', { X: [[1e-200, 0]], y: [1] }, {}],
  ['bench to 1e12', benchDataset(), {}],
];
for (const [name, data, opts] of cases) {
  const t0 = performance.now();
  const times = name === 'bench to 1e12' ? [1e6, 1e9, 1e12] : [1e-6, 1, 1e6, 1e12];
  const r = validatedGradientFlow(data, times, { maxSteps: 3000, ...opts });
  console.log(name, (performance.now()-t0).toFixed(0)+'ms', r.steps, r.rejectedSteps, r.complete, r.points.map(p => `${p.t}: r=${p.radius.toExponential(2)} w0=${p.center[0].toPrecision(6)} L=[${p.risk.lo.toPrecision(4)},${p.risk.hi.toPrecision(4)}] P=[${p.pathLength.lo.toPrecision(8)},${p.pathLength.hi.toPrecision(8)}]`).join(' | '));
}
