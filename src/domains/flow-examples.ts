import type { RegionScan } from '../language/lemma.js';

/**
 * The simplest data sets of the flow lemmas, swept along t for the report's
 * plots: one point (n = 1, so log n = 0), and a symmetric pair (n = 2), both
 * with γ̄ = 1. Each is separable and inside the unit ball, as the hypotheses ask.
 */
export const SIMPLEST_FLOW_EXAMPLES: NonNullable<RegionScan['examples']> = [
  { label: 'one point: x₁ = (1), y₁ = 1', instance: { flow: { X: [[1]], y: [1], n: 1, d: 1, t: 1 } } },
  { label: 'a symmetric pair: x = ±(1), y = ±1', instance: { flow: { X: [[1], [-1]], y: [1, -1], n: 2, d: 1, t: 1 } } },
];
