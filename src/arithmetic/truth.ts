/** A comparison of enclosures is never a bare boolean. */
export type Truth = 'proved' | 'refuted' | 'inconclusive';

export function notTruth(t: Truth): Truth {
  return t === 'proved' ? 'refuted' : t === 'refuted' ? 'proved' : 'inconclusive';
}

/**
 * The certified comparisons of intervals from an exact order of their ends (cmp(x, y) < 0 when
 * x < y): lt is proved when hi(a) < lo(b) and refuted when lo(a) ≥ hi(b); le likewise with ≤ and >.
 */
export function intervalOrder<I, E>(lo: (a: I) => E, hi: (a: I) => E, cmp: (x: E, y: E) => number): { lt(a: I, b: I): Truth; le(a: I, b: I): Truth } {
  return {
    lt: (a, b) => (cmp(hi(a), lo(b)) < 0 ? 'proved' : cmp(lo(a), hi(b)) >= 0 ? 'refuted' : 'inconclusive'),
    le: (a, b) => (cmp(hi(a), lo(b)) <= 0 ? 'proved' : cmp(lo(a), hi(b)) > 0 ? 'refuted' : 'inconclusive'),
  };
}

export function andTruth(a: Truth, b: Truth): Truth {
  if (a === 'refuted' || b === 'refuted') return 'refuted';
  if (a === 'proved' && b === 'proved') return 'proved';
  return 'inconclusive';
}
