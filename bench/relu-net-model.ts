import { randomSeparableData } from '../src/domains/random-separable.js';
import { type Box, intervalNetArrays } from '../src/models/net-arrays-interval.js';
import { reluNetModel } from '../src/models/relu-net-model.js';
import { netSample } from '../src/models/relu-net-sample.js';
import { type Figure, type Section, compare, consume } from './measure.js';
import { plainRisk, plainRiskGradient } from './plain-relu-descent.js';

/**
 * The net written once (relu-net-model.ts), in its float-interval
 * specialisation, against plain hand-written float loops of the same
 * computation (plain-relu-descent.ts): R̂(W) and ∇R̂(W) at a point W and on a
 * box of relative radius 10⁻⁹ around it, preactivations included. Relative
 * width: the widest entry's width over the largest magnitude.
 */

const SIZES: readonly (readonly [number, number, number])[] = [[100, 10, 64], [1000, 10, 64], [10, 100, 256], [1000, 100, 16]];

function relativeWidth(b: Box): number {
  let width = 0;
  let largest = 0;
  for (let e = 0; e < b.lo.length; e++) {
    width = Math.max(width, b.hi[e] - b.lo[e]);
    largest = Math.max(largest, Math.abs(b.lo[e]), Math.abs(b.hi[e]));
  }
  return largest > 0 ? width / largest : 0;
}

function run(): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const [n, d, m] of SIZES) {
    const data = randomSeparableData(n, d, 1);
    const X = Float64Array.from(data.X.flat());
    const y = Float64Array.from(data.y);
    const a = Float64Array.from({ length: m }, (_, j) => (j % 2 === 0 ? 1 : -1));
    const W = Float64Array.from({ length: m * d }, (_, e) => Math.sin(7.3 * e) / Math.sqrt(d));
    const net = reluNetModel(intervalNetArrays(netSample(X, n, d, y, a)));
    const G = new Float64Array(m * d);
    const P = new Float64Array(m);
    const size = `n=${n} d=${d} m=${m}`;
    for (const [where, box] of [['point', { lo: W, hi: W }], ['box', { lo: W.map((w) => w - 1e-9 * Math.abs(w)), hi: W.map((w) => w + 1e-9 * Math.abs(w)) }]] as const) {
      const gradient = compare(() => consume(net.riskGradient(net.preactivations(box)).lo[0]), () => { plainRiskGradient(X, y, a, W, n, d, G, P); consume(G[0]); }, 'ms', { runs: 15, warmup: 15 });
      figures[`model.gradient at=${where} ${size}`] = { ...gradient, relativeWidth: relativeWidth(net.riskGradient(net.preactivations(box))) };
      const risk = compare(() => consume(net.risk(net.preactivations(box)).lo), () => consume(plainRisk(X, y, a, W, n, d, P)), 'ms', { runs: 15, warmup: 15 });
      const r = net.risk(net.preactivations(box));
      figures[`model.risk at=${where} ${size}`] = { ...risk, relativeWidth: (r.hi - r.lo) / Math.abs(r.hi) };
    }
  }
  return figures;
}

export const reluNetModelSection: Section = { name: 'model: the ReLU net (written once) in float intervals vs plain float loops', run };
