import fc from 'fast-check';

/**
 * Samplers for unbounded domains: magnitudes log-uniform across many orders,
 * with the boundary regimes always in the mix. Values shrink toward 1 (and
 * toward the simplest boundary), so counterexamples come out readable.
 */

export interface MagnitudeOptions {
  /** Smallest and largest decimal exponent, e.g. −12 and 12 for 1e−12 … 1e12. */
  minExponent: number;
  maxExponent: number;
  /** Values always tried with some weight (bounds, 1, tiny, huge). */
  boundaries?: readonly number[];
}

/** A positive real, log-uniform in magnitude: m·10^e with m ∈ [1, 10), e an integer. */
export function positiveReal(options: MagnitudeOptions): fc.Arbitrary<number> {
  const { minExponent, maxExponent } = options;
  const core = fc
    .tuple(fc.integer({ min: minExponent, max: maxExponent }), fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }))
    .map(([e, m]) => clamp(m * 10 ** e, 10 ** minExponent, 10 ** (maxExponent + 1)));
  const boundaries = options.boundaries ?? [];
  return boundaries.length ? fc.oneof({ arbitrary: core, weight: 4 }, { arbitrary: fc.constantFrom(...boundaries), weight: 1 }) : core;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** A real number of either sign across magnitudes, with 0 and the extremes. */
export function realLine(options: MagnitudeOptions): fc.Arbitrary<number> {
  const magnitude = positiveReal(options);
  const signed = fc.tuple(fc.boolean(), magnitude).map(([negative, m]) => (negative ? -m : m));
  const extremes = [0, ...(options.boundaries ?? []).flatMap((b) => [b, -b])];
  return fc.oneof({ arbitrary: signed, weight: 5 }, { arbitrary: fc.constantFrom(...extremes), weight: 1 });
}

/**
 * A step size in (0, max]: max·10^(−s) with s uniform in [0, decades], so
 * log-uniform over `decades` orders of magnitude below the bound; the bound
 * itself is always in the mix and is where values shrink to.
 */
export function stepSize(max: number, decades = 6): fc.Arbitrary<number> {
  // An integer grid rather than fc.double, whose bias towards 0 and the extremes would skew the exponent.
  const below = fc.integer({ min: 0, max: 1_000_000 }).map((k) => Math.min(max, max * 10 ** (-decades * k / 1_000_000)));
  return fc.oneof({ arbitrary: fc.constant(max), weight: 1 }, { arbitrary: below, weight: 3 });
}

/** A real in (lo, hi], uniform, with hi always in the mix (for relaxed hypotheses like η ∈ (1, 2]). */
export function halfOpen(lo: number, hi: number): fc.Arbitrary<number> {
  const inside = fc.integer({ min: 1, max: 1_000_000 }).map((k) => Math.min(hi, lo + ((hi - lo) * k) / 1_000_000)).filter((x) => x > lo);
  return fc.oneof({ arbitrary: fc.constant(hi), weight: 1 }, { arbitrary: inside, weight: 3 });
}
