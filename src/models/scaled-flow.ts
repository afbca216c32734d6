import { intervalFromLiteral } from '../arithmetic/interval-arith.js';
import { type Interval, interval, mul } from '../arithmetic/interval.js';
import { addUp, mulDown, mulUp, sqrtUp, subDown, subUp, timesPowerOfTwo } from '../arithmetic/rounding.js';
import { type FlowPoint, type GradientFlowOptions, type GradientFlowResult, validatedGradientFlow } from '../trajectories/gradient-flow.js';
import { type Dataset, exactSignedEntries, sampleCount } from './dataset.js';
import { integerMatrix } from './exact-entry.js';

/**
 * The gradient flow on decimal data without any perturbation, where the decimals are short: with
 * z_i = c·Ẑ_i for integers Ẑ_i that are doubles (|Ẑ_ij| ≤ 2^53; c = 2^p·10^q, e.g. 0.999999 and 10⁻⁶
 * are 10⁻⁶·(999999, 1)), the flow of 𝓛 on the z_i is w(t) = ŵ(c²t)/c for the flow ŵ on the Ẑ_i:
 * ⟨w, z_i⟩ = ⟨ŵ, Ẑ_i⟩ and ẇ = c·Σ e^{−⟨ŵ,Ẑ_i⟩}Ẑ_i. So 𝓛(w(t)) = 𝓛̂(ŵ(τ)), ‖ẇ(t)‖ = c‖dŵ/dτ‖,
 * ∫₀ᵗ‖ẇ‖ = P̂(τ)/c, τ = c²t. τ is the double τ' ≥ c²t rounded up; the gap |τ' − c²t| moves ŵ and P̂ by
 * at most |Δτ|·n·M (the speed is ≤ 𝓛̂·M ≤ n·M, M = max‖Ẑ_i‖), 𝓛̂ by |Δτ|(nM)², the speed by |Δτ|n²M³.
 * Null when the data are not of that form (then decimal-flow.ts widens the flow on the doubles).
 */
export function scaledDecimalFlow(data: Dataset, times: readonly number[], options: GradientFlowOptions = {}): GradientFlowResult | null {
  const { Z, pow2, pow10 } = integerMatrix(exactSignedEntries(data));
  const LIMIT = 2n ** 53n;
  if (!Z.every((row) => row.every((v) => v <= LIMIT && v >= -LIMIT))) return null;
  if (Math.abs(pow10) > 300 || Math.abs(pow2) > 900) return null;
  const scaled: Dataset = { X: Z.map((row) => row.map((v) => Number(v))), y: Z.map(() => 1) };
  // c = 2^pow2·10^pow10 and c², as enclosures; 1/c likewise.
  const tens = (k: number): Interval => intervalFromLiteral(`1e${k}`);
  const scale2 = (x: Interval, k: number): Interval => interval(timesPowerOfTwo(x.lo, k), timesPowerOfTwo(x.hi, k));
  const c2 = scale2(tens(2 * pow10), 2 * pow2);
  const cInv = scale2(tens(-pow10), -pow2);
  const c = scale2(tens(pow10), pow2);
  if (!(c2.lo > 0 && Number.isFinite(c2.hi) && cInv.lo > 0 && Number.isFinite(cInv.hi) && c.lo > 0 && c.hi <= 1)) return null;
  const taus = times.map((t) => mulUp(t, c2.hi));
  if (!taus.every(Number.isFinite)) return null;
  const n = sampleCount(data);
  let M = 0;
  for (const row of scaled.X) M = Math.max(M, sqrtUp(row.reduce((s, v) => addUp(s, mulUp(v, v)), 0)));
  const result = validatedGradientFlow(scaled, taus, options);
  const points = result.points.map((p, k): FlowPoint => {
    const t = times[k];
    const gap = subUp(taus[k], mulDown(t, c2.lo));
    const move = mulUp(mulUp(gap, n), M);
    const radiusHat = addUp(p.radius, move);
    const center = p.center.map((x) => x * cInv.lo);
    const centerError = sqrtUp(p.center.reduce((s, x, j) => {
      const e = Math.max(subUp(Math.max(mulUp(x, cInv.hi), mulUp(x, cInv.lo)), center[j]), subUp(center[j], Math.min(mulDown(x, cInv.lo), mulDown(x, cInv.hi))));
      return addUp(s, mulUp(e, e));
    }, 0));
    const radius = addUp(mulUp(radiusHat, cInv.hi), centerError);
    const widen = (x: Interval, by: number): Interval => interval(Math.max(0, subDown(x.lo, by)), addUp(x.hi, by));
    const unscale = (x: Interval): Interval => mul(x, cInv);
    return {
      t,
      center,
      radius,
      w: center.map((x) => interval(subDown(x, radius), addUp(x, radius))),
      risk: widen(p.risk, mulUp(gap, mulUp(mulUp(n, M), mulUp(n, M)))),
      norm: widen(unscale(p.norm), mulUp(move, cInv.hi)),
      speed: widen(mul(p.speed, c), mulUp(mulUp(gap, mulUp(n, n)), mulUp(M, mulUp(M, M)))), // c ≤ 1: the τ-units bound covers c times it
      pathLength: widen(unscale(p.pathLength), mulUp(move, cInv.hi)),
    };
  });
  return { ...result, points };
}
