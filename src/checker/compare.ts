import type { Arith } from '../arithmetic/arith.js';
import type { Tolerance } from '../language/lemma.js';
import type { Relation } from './report.js';

export interface Comparison {
  verdict: 'held' | 'refuted' | 'inconclusive';
  /** Held only because the enclosures overlap within tolerance (an equality case). */
  viaTolerance: boolean;
  /** Certified lower bound of the slack (rhs − lhs for ≤/<, lhs − rhs for ≥/>), for held '≤'-type steps. */
  slack?: number;
  /** Certified lower bound of the violation, for refuted steps (0 means equality refutes a strict relation). */
  violation?: number;
  /** Upper bound of the width of the hull of both enclosures. */
  width: number;
}

/**
 * The verdict of `lhs relation rhs` from two enclosures, decided by the
 * arithmetic's own certified comparisons (never by converting to doubles,
 * which would throw away the precision of decimal enclosures).
 */
export function compare<T>(A: Arith<T>, relation: Relation, lhs: T, rhs: T, tol: Tolerance): Comparison {
  // a ≥ b is b ≤ a; a > b is b < a.
  if (relation === '≥') return compare(A, '≤', rhs, lhs, tol);
  if (relation === '>') return compare(A, '<', rhs, lhs, tol);
  const width = A.width(A.hull(lhs, rhs));
  if (relation === '=') {
    const disjoint = A.lt(lhs, rhs) === 'proved' || A.lt(rhs, lhs) === 'proved';
    if (disjoint) return { verdict: 'refuted', viaTolerance: false, width, violation: Math.max(A.lo(A.sub(lhs, rhs)), A.lo(A.sub(rhs, lhs))) };
    if (withinTolerance(A, lhs, rhs, tol)) return { verdict: 'held', viaTolerance: true, width };
    return { verdict: 'inconclusive', viaTolerance: false, width };
  }
  if (relation === '≤') {
    const t = A.le(lhs, rhs);
    if (t === 'proved') return { verdict: 'held', viaTolerance: false, width, slack: A.lo(A.sub(rhs, lhs)) };
    if (t === 'refuted') return { verdict: 'refuted', viaTolerance: false, width, violation: A.lo(A.sub(lhs, rhs)) };
    if (withinTolerance(A, lhs, rhs, tol)) return { verdict: 'held', viaTolerance: true, width, slack: A.lo(A.sub(rhs, lhs)) };
    return { verdict: 'inconclusive', viaTolerance: false, width };
  }
  // '<': refuted as soon as lhs ≥ rhs is certain, which includes exact equality of point enclosures.
  const t = A.lt(lhs, rhs);
  if (t === 'proved') return { verdict: 'held', viaTolerance: false, width, slack: A.lo(A.sub(rhs, lhs)) };
  if (t === 'refuted') return { verdict: 'refuted', viaTolerance: false, width, violation: Math.max(0, A.lo(A.sub(lhs, rhs))) };
  return { verdict: 'inconclusive', viaTolerance: false, width };
}

/**
 * Decided in the arithmetic itself, so tiny magnitudes keep the precision of decimal enclosures:
 * every possible |lhs − rhs| is at most rel·max(|lhs|, |rhs|) + abs. Only asked for when the relation itself is open.
 * (Module-level rather than a closure in compare: compare runs per tensor entry, and a closure per call costs.)
 */
function withinTolerance<T>(A: Arith<T>, lhs: T, rhs: T, tol: Tolerance): boolean {
  const gap = A.abs(A.sub(lhs, rhs));
  const allowance = A.add(A.mul(A.num(tol.rel), A.max(A.abs(lhs), A.abs(rhs))), A.num(tol.abs));
  return A.le(gap, allowance) === 'proved';
}
