import { expDown, expUp } from '../arithmetic/elementary.js';
import { type Interval, interval } from '../arithmetic/interval.js';
import { addUp, mulDown, mulUp, subDown, subUp } from '../arithmetic/rounding.js';
import { type FlowPoint, type GradientFlowOptions, type GradientFlowResult, validatedGradientFlow } from '../trajectories/gradient-flow.js';
import { type Dataset, decimalOffset, sampleCount } from './dataset.js';
import { scaledDecimalFlow } from './scaled-flow.js';

/**
 * The gradient flow on decimal data (a user's file whose entries are not all doubles): exactly by
 * rescaling where the decimals are short (scaled-flow.ts), otherwise from the validated flow on
 * their nearest doubles, widened by a data-perturbation bound.
 *
 * Let f, g be the losses Σ_i e^{−⟨w, z_i⟩} on the exact points z_i and on the doubles z̃_i,
 * ‖z_i − z̃_i‖ ≤ δ, ‖z_i‖ ≤ 1 (checked exactly when the file was read), and w, v their flows from 0.
 * - f is convex, so ⟨∇f(w) − ∇f(v), w − v⟩ ≥ 0 and d/dt ‖w − v‖ ≤ ‖∇f(v) − ∇g(v)‖.
 * - With ρ = ‖v‖δ: ‖∇f(v) − ∇g(v)‖ ≤ Σ_i e^{−⟨v, z̃_i⟩}((e^ρ − 1)‖z̃_i‖ + e^ρ δ) ≤ g(v)·K,
 *   K = (e^ρ − 1)(1 + δ) + e^ρ δ; along the flow ‖v(s)‖ ≤ P̃(s) ≤ P̃(t) (its path length).
 * - g(v(s)) does not increase, so G = ∫₀ᵗ g(v(s)) ds ≤ n·t_K + Σ_k (t_k − t_{k+1})·g(v(t_{k+1})),
 *   over checkpoints t_k = t/16^k where the flow is enclosed too. Hence ‖w(t) − v(t)‖ ≤ D = K·G.
 * - Path length: |P(t) − P̃(t)| ≤ ∫ ‖∇f(w) − ∇f(v)‖ + ‖∇f(v) − ∇g(v)‖ ≤ (e^{D+ρ}·D + K)·G, since
 *   ‖∇²f(x)‖ ≤ f(x) ≤ e^{D+ρ} g(v) on the segment from v to w.
 * - Loss and speed move likewise: f(w) ∈ e^{±(D+ρ)}·g(v), |‖∇f(w)‖ − ‖∇g(v)‖| ≤ (e^{D+ρ}·D + K)·g(v).
 *
 * `onDoubles(t)` is the validated flow on the doubles at t, with enclosed points below t (the caller's
 * checkpoints) over which G accumulates.
 */
export function decimalDataFlowAt(data: Dataset, t: number, onDoubles: (t: number) => { point: FlowPoint; before: readonly FlowPoint[] }): FlowPoint {
  const exact = scaledDecimalFlow(data, [t]);
  if (exact) {
    if (!exact.complete || exact.points.length !== 1) throw new Error(`the validated gradient flow did not reach t = ${t}`);
    return exact.points[0];
  }
  const { point, before } = onDoubles(t);
  const delta = decimalOffset(data);
  if (delta === 0) return point;
  const G = lossIntegralBounds(sampleCount(data), [...before, point]);
  return widened(point, delta, G[G.length - 1]);
}

/**
 * G_k ≥ ∫₀^{t_k} g(v(s)) ds over enclosed points of one run at increasing times t_0 < t_1 < …: n on [0, t_0]
 * (g ≤ g(0) = n), then each enclosed time's loss bounds the stretch after it (g does not increase along its flow).
 */
function lossIntegralBounds(n: number, enclosed: readonly FlowPoint[]): number[] {
  const G: number[] = [mulUp(n, enclosed[0].t)];
  for (let k = 1; k < enclosed.length; k++) G.push(addUp(G[k - 1], mulUp(subUp(enclosed[k].t, enclosed[k - 1].t), enclosed[k - 1].risk.hi)));
  return G;
}

/**
 * The flow on decimal data at every given time (non-decreasing), from one validated run on the
 * doubles through those times and checkpoints below the first; each point is widened by the bound
 * above, with G accumulated over every enclosed time up to it.
 */
export function decimalDataFlow(data: Dataset, times: readonly number[], options: GradientFlowOptions = {}): GradientFlowResult {
  // Short decimals are integers times one scale: their flow is a rescaled flow on doubles, exactly.
  const exact = scaledDecimalFlow(data, times, options);
  if (exact) return exact;
  const delta = decimalOffset(data);
  const n = sampleCount(data);
  const checkpoints: number[] = [];
  // Ratio 16: the bound G overestimates ∫g by at most (16 − 1)/log 16 ≈ 5.4 where g decays like 1/s, and
  // the flow lands on few extra times (each costs a shortened step).
  const first = times.length ? times[0] : 0;
  for (let s = first / 16; checkpoints.length < 20 && s * n >= 1e-9; s /= 16) checkpoints.unshift(s);
  const result = validatedGradientFlow(data, [...checkpoints, ...times], options);
  const enclosed = result.points;
  const requested = enclosed.slice(checkpoints.length);
  if (delta === 0 || enclosed.length <= checkpoints.length) return { ...result, points: requested };
  const G = lossIntegralBounds(n, enclosed);
  return { ...result, points: requested.map((at, j) => widened(at, delta, G[checkpoints.length + j])) };
}

function widened(at: FlowPoint, delta: number, G: number): FlowPoint {
  const rho = mulUp(at.pathLength.hi, delta);
  const eRho = expUp(rho);
  const K = addUp(mulUp(subUp(eRho, 1), addUp(1, delta)), mulUp(eRho, delta));
  const D = mulUp(K, G);
  const growth = expUp(addUp(D, rho));
  const rate = addUp(mulUp(growth, D), K);
  const pathSlack = mulUp(rate, G);
  const radius = addUp(at.radius, D);
  const widen = (x: Interval, by: number): Interval => interval(Math.max(0, subDown(x.lo, by)), addUp(x.hi, by));
  return {
    t: at.t,
    center: at.center,
    radius,
    w: at.center.map((c) => interval(subDown(c, radius), addUp(c, radius))),
    risk: interval(mulDown(at.risk.lo, expDown(-addUp(D, rho))), mulUp(at.risk.hi, growth)),
    norm: widen(at.norm, D),
    speed: widen(at.speed, mulUp(rate, at.risk.hi)),
    pathLength: widen(at.pathLength, pathSlack),
  };
}
