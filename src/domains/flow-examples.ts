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

/**
 * The data sets of the rate steps' long flows: the simplest ones, two orthogonal unit points
 * (γ̄ = 1/√2, closed-form flow), and three points in general position (two support vectors of
 * unequal length and one point off the margin), where γ̄ − γ(w(t)) is not 0.
 */
export const RATE_FLOW_EXAMPLES: NonNullable<RegionScan['examples']> = [
  ...SIMPLEST_FLOW_EXAMPLES,
  { label: 'two orthogonal points: x = e₁, e₂, y = 1', instance: { flow: { X: [[1, 0], [0, 1]], y: [1, 1], n: 2, d: 2, t: 1 } } },
  { label: 'three points: x = (0.8, 0.1), (0.1, 0.6), (0.9, 0.4), y = 1', instance: { flow: { X: [[0.8, 0.1], [0.1, 0.6], [0.9, 0.4]], y: [1, 1, 1], n: 3, d: 2, t: 1 } } },
];
