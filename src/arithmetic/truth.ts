/** A comparison of enclosures is never a bare boolean. */
export type Truth = 'proved' | 'refuted' | 'inconclusive';

export function notTruth(t: Truth): Truth {
  return t === 'proved' ? 'refuted' : t === 'refuted' ? 'proved' : 'inconclusive';
}

export function andTruth(a: Truth, b: Truth): Truth {
  if (a === 'refuted' || b === 'refuted') return 'refuted';
  if (a === 'proved' && b === 'proved') return 'proved';
  return 'inconclusive';
}
