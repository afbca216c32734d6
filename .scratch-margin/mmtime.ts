import fc from '../node_modules/fast-check/lib/fast-check.js';
import { certifiedMaxMargin } from '../src/trajectories/max-margin.ts';
import { SEED, randomLabelData, separableData } from '../test/margin/margin-reference.ts';
const sep = fc.sample(separableData({ nMin: 2, nMax: 30, dMin: 2, dMax: 6, margin: 0.05 }), { seed: SEED, numRuns: 40 });
let worst = 0;
for (const data of sep) { for (const ef of [true, false]) { const t0 = performance.now(); const r = certifiedMaxMargin(data, { exactFace: ef }); const dt = performance.now() - t0; if (dt > worst) { worst = dt; console.log('sep', dt.toFixed(1), data.X.length, data.X[0].length, r.kind, (r as any).method); } } }
const ns = fc.sample(randomLabelData(20, 2), { seed: SEED, numRuns: 30 });
worst = 0;
for (const data of ns) { const t0 = performance.now(); const r = certifiedMaxMargin(data); const dt = performance.now() - t0; if (dt > worst) { worst = dt; console.log('ns', dt.toFixed(1), r.kind); } }
