import type { Verdict } from '../../checker/report.js';

/** The words of a verdict, as the console prints them. */
export function verdictText(verdict: Verdict, expectedRefutation: boolean): string {
  switch (verdict) {
    case 'held':
      return '✓ held';
    case 'refuted':
      return expectedRefutation ? '✗ refuted (expected)' : '✗ refuted';
    case 'inconclusive':
      return '? inconclusive';
    case 'undefined':
      return '∅ undefined';
    case 'error':
      return '! error';
  }
}

/** Plot shading and legend words per verdict at a sampled value. */
export const SHADE_WORDS: Record<Verdict, string> = {
  held: 'held',
  refuted: 'refuted',
  inconclusive: 'undecided (inconclusive)',
  undefined: 'undefined',
  error: 'error',
};
