import type { Arith } from '../arithmetic/arith.js';
import { decimalArith } from '../arithmetic/decimal-arith.js';
import { DomainError } from '../arithmetic/domain-error.js';
import { intervalArith } from '../arithmetic/interval-arith.js';
import { mul, sub, type Interval } from '../arithmetic/interval.js';
import type { Truth } from '../arithmetic/truth.js';
import { some, type Expr } from '../language/expr.js';
import { enclose, secondOrder, withGradient } from './box-arithmetic.js';
import type { Box, Variable } from './box.js';
import { midpoint } from './box.js';

/** An inequality the prover decides on boxes: lhs relation rhs. Equalities are proved by exact algebra instead. */
export interface Goal {
  lhs: Expr;
  relation: '≤' | '<' | '≥' | '>';
  rhs: Expr;
}

export type BoxOutcome =
  | { kind: 'proved'; by: 'enclosure' | 'mean value' | 'monotone' | 'endpoint' }
  | { kind: 'refuted'; point: number[]; lhs: [string, string]; rhs: [string, string]; precision: string }
  /** whole: a certain domain error over the whole box (not only at the point). */
  | { kind: 'undefined'; point: number[]; message: string; whole: boolean }
  | { kind: 'split' };

const strictOf = (g: Goal): boolean => g.relation === '<' || g.relation === '>';

/** g with goal ⇔ g ≥ 0 (or g > 0 when strict). */
export function gapOf(goal: Goal): Expr {
  const [a, b] = goal.relation === '≤' || goal.relation === '<' ? [goal.rhs, goal.lhs] : [goal.lhs, goal.rhs];
  return { kind: 'binary', op: 'sub', left: a, right: b };
}

function holds<T>(A: Arith<T>, goal: Goal, lhs: T, rhs: T): Truth {
  switch (goal.relation) {
    case '≤': return A.le(lhs, rhs);
    case '<': return A.lt(lhs, rhs);
    case '≥': return A.le(rhs, lhs);
    case '>': return A.lt(rhs, lhs);
  }
}

/** Decimal digits for a point the float intervals could not decide. */
const POINT_DIGITS = 60;

/** The relation at one point of the domain: float intervals, then decimal intervals. */
export function decidePoint(goal: Goal, variables: readonly Variable[], point: readonly number[]): { truth: Truth; lhs: [string, string]; rhs: [string, string]; precision: string } | { undefined: string } {
  const box = point.map((x) => [x, x] as const);
  let last: { truth: Truth; lhs: [string, string]; rhs: [string, string]; precision: string } | null = null;
  for (const [A, precision] of [[intervalArith, 'interval'], [decimalArith(POINT_DIGITS), `decimal-${POINT_DIGITS}`]] as [Arith<unknown>, string][]) {
    try {
      const lhs = enclose(goal.lhs, variables, box, A);
      const rhs = enclose(goal.rhs, variables, box, A);
      last = { truth: holds(A, goal, lhs, rhs), lhs: A.format(lhs), rhs: A.format(rhs), precision };
      if (last.truth !== 'inconclusive') return last;
    } catch (err) {
      if (err instanceof DomainError && err.certain) return { undefined: err.message };
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return last ?? { truth: 'inconclusive', lhs: ['?', '?'], rhs: ['?', '?'], precision: 'interval' };
}

/** Whether a box's face x_k = end lies outside the domain (an excluded end). */
const excludedFace = (v: Variable, end: number, side: 'lo' | 'hi'): boolean => (side === 'lo' ? v.openLo && end === v.lo : v.openHi && end === v.hi);

/** A point of the box that lies in the domain (not on an excluded end), or null. */
function inDomain(point: number[], variables: readonly Variable[]): boolean {
  return point.every((x, k) => Number.isFinite(x) && !(variables[k].openLo && x === variables[k].lo) && !(variables[k].openHi && x === variables[k].hi));
}

const MAX_FACE_DEPTH = 4;

/**
 * Decides the goal on one box: the enclosures prove it, or prove its negation
 * at a point (certified), or a mean-value, monotonicity or endpoint-Taylor form
 * from the derivative enclosures closes the gap; otherwise the box is split.
 */
export function decideBox(goal: Goal, variables: readonly Variable[], box: Box, faceDepth = 0): BoxOutcome {
  const strict = strictOf(goal);
  let lhs: Interval;
  let rhs: Interval;
  try {
    lhs = enclose(goal.lhs, variables, box);
    rhs = enclose(goal.rhs, variables, box);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const m = midpoint(box);
    if (err.certain && inDomain(m, variables)) return { kind: 'undefined', point: m, message: err.message, whole: true };
    return refuteAtMidpoint(goal, variables, box) ?? { kind: 'split' };
  }
  const plain = holds(intervalArith, goal, lhs, rhs);
  if (plain === 'proved') return { kind: 'proved', by: 'enclosure' };
  const refuted = refuteAtMidpoint(goal, variables, box);
  if (refuted) return refuted;
  const gap = gapOf(goal);
  let first;
  try {
    first = withGradient(gap, variables, box);
  } catch (err) {
    if (err instanceof DomainError) return { kind: 'split' };
    throw err;
  }
  const finite = box.every(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi));
  if (finite && meanValueProves(gap, variables, box, first.gradient, strict)) return { kind: 'proved', by: 'mean value' };
  if (faceDepth < MAX_FACE_DEPTH && monotoneProves(goal, variables, box, first.gradient, strict, faceDepth)) return { kind: 'proved', by: 'monotone' };
  if (variables.length === 1 && smooth(gap) && endpointProves(gap, variables[0], box[0], strict)) return { kind: 'proved', by: 'endpoint' };
  return { kind: 'split' };
}

function refuteAtMidpoint(goal: Goal, variables: readonly Variable[], box: Box): BoxOutcome | null {
  const m = midpoint(box);
  if (!inDomain(m, variables) || m.some((x, k) => x < box[k][0] || x > box[k][1])) return null;
  const d = decidePoint(goal, variables, m);
  if ('undefined' in d) return { kind: 'undefined', point: m, message: d.undefined, whole: false };
  return d.truth === 'refuted' ? { kind: 'refuted', point: m, lhs: d.lhs, rhs: d.rhs, precision: d.precision } : null;
}

/** Taylor's form needs a second derivative; kinks (|·|, min, max, σ) have only one-sided first ones. */
const KINKS = new Set(['abs', 'min', 'max', 'relu', 'reluPrime']);
const smooth = (e: Expr): boolean =>
  !some(e, (n) => ((n.kind === 'unary' || n.kind === 'binary') && KINKS.has(n.op)) || n.kind === 'closure' || n.kind === 'call');

const positive = (x: Interval, strict: boolean): boolean => (strict ? x.lo > 0 : x.lo >= 0);

/** g(box) ⊆ g(m) + Σ_k ∂_k g(box)·(x_k − m_k). */
function meanValueProves(gap: Expr, variables: readonly Variable[], box: Box, gradient: Interval[], strict: boolean): boolean {
  const m = midpoint(box);
  let bound: Interval;
  try {
    bound = enclose(gap, variables, m.map((x) => [x, x] as const));
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
  box.forEach(([lo, hi], k) => {
    const offset = sub(intervalArith.range(lo, hi), intervalArith.num(m[k]));
    bound = intervalArith.add(bound, mul(gradient[k], offset));
  });
  return positive(bound, strict);
}

/**
 * Where ∂_k g has one sign over the box, g is smallest on one face: the goal on
 * that face (one dimension less; a point in one dimension, where equality is
 * exact) proves it on the box. A strict goal may rest on a face the domain
 * excludes when g grows strictly away from it.
 */
function monotoneProves(goal: Goal, variables: readonly Variable[], box: Box, gradient: Interval[], strict: boolean, faceDepth: number): boolean {
  for (let k = 0; k < box.length; k++) {
    const [lo, hi] = box[k];
    if (lo === hi) continue;
    const g = gradient[k];
    const side: 'lo' | 'hi' | null = g.lo >= 0 ? 'lo' : g.hi <= 0 ? 'hi' : null;
    if (!side) continue;
    const end = side === 'lo' ? lo : hi;
    if (!Number.isFinite(end)) continue;
    const face = box.map((r, j) => (j === k ? ([end, end] as const) : r));
    const outcome = decideBox(goal, variables, face, faceDepth + 1);
    if (outcome.kind === 'proved') return true;
    const growsStrictly = side === 'lo' ? g.lo > 0 : g.hi < 0;
    if (strict && growsStrictly && excludedFace(variables[k], end, side)) {
      const weak: Goal = { ...goal, relation: goal.relation === '<' ? '≤' : '≥' };
      if (decideBox(weak, variables, face, faceDepth + 1).kind === 'proved') return true;
    }
    return false;
  }
  return false;
}

/**
 * One variable, at an end p of the box: g(p + h) = g(p) + g′(p)h + g″(ξ)h²/2 with
 * h from 0 towards the box. With g(p) ≥ 0, g′(p)h ≥ 0 and g″ ≥ 0 on the box,
 * g ≥ 0 there: this closes touching points (both sides equal at p, e.g. the
 * compactified tail u = 0, where the sides of |ℓ′| ≤ ℓ agree to second order).
 */
function endpointProves(gap: Expr, variable: Variable, [lo, hi]: readonly [number, number], strict: boolean): boolean {
  // Taylor's form holds for every h ≥ 0, so a box with one infinite end (a tail [p, ∞)) is decided from its finite end.
  if ((!Number.isFinite(lo) && !Number.isFinite(hi)) || lo === hi) return false;
  let curvature: Interval;
  try {
    curvature = secondOrder(gap, variable, lo, hi).second;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
  if (curvature.lo < 0) return false;
  for (const [p, side, direction] of [[lo, 'lo', 1], [hi, 'hi', -1]] as const) {
    if (!Number.isFinite(p)) continue;
    let at;
    try {
      at = secondOrder(gap, variable, p, p);
    } catch (err) {
      if (err instanceof DomainError) continue;
      throw err;
    }
    const slope = direction === 1 ? at.first.lo : -at.first.hi;
    if (at.value.lo < 0 || slope < 0) continue;
    if (!strict || at.value.lo > 0) return true;
    // Strict with g(p) possibly 0: g > 0 away from p when p is excluded and g grows there.
    if (excludedFace(variable, p, side) && (slope > 0 || curvature.lo > 0)) return true;
  }
  return false;
}
