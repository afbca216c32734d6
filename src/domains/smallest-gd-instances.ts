import type { Instance, SystematicSearch } from '../language/lemma.js';
import { WEIGHT_SCALES, type ComparisonRecipe, type GdSetting } from './gd-instances.js';

/**
 * The smallest gradient-descent instances, enumerated rather than drawn: one point x = 1 (d = 1),
 * one neuron (m = 1), both labels and both output signs a, W_0 = s at each of the generator's
 * weight scales (positive, so the neuron is active), horizons t, and Z near W_0 (10⁻³ of its scale),
 * across a grid of step sizes η. A relaxed hypothesis searched here is found (or not) at every seed.
 *
 * Ordered from the simplest: t, then η, then W_0's scale, then the signs, so the first
 * counterexample is the smallest horizon and step size that fail.
 */
export function smallestGdInstances(etas: readonly number[], horizons: readonly number[] = [1, 2]): SystematicSearch {
  const domain = `n = d = m = 1, x = 1, y = ±1, a = ±1, W_0 ∈ {${WEIGHT_SCALES.join(', ')}}, t ∈ {${horizons.join(', ')}}, Z = W_0 + 10^-3 of its scale; η ∈ {${etas.join(', ')}}`;
  const instances = (): Instance[] => {
    const out: Instance[] = [];
    for (const t of horizons) {
      for (const eta of etas) {
        for (const scale of WEIGHT_SCALES) {
          for (const y of [1, -1]) {
            for (const a of [1, -1]) {
              const setting: GdSetting = { n: 1, d: 1, m: 1, X: [[1]], y: [y], a: [a], W0: [[scale]], data: 'separable', scale };
              const Z: ComparisonRecipe = { kind: 'near W_0', size: 1e-3, seed: 1 };
              out.push({ setting, eta, t, Z });
            }
          }
        }
      }
    }
    return out;
  };
  return { domain, instances };
}
