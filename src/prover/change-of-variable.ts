import { intervalArith as I } from '../arithmetic/interval-arith.js';
import type { Interval } from '../arithmetic/interval.js';
import type { Expr } from '../language/expr.js';
import type { ChangeOfVariable, DomainPiece } from './whole-domain-spec.js';

const param = (name: string): Expr => ({ kind: 'param', name });

/** x as an expression in the new variable. */
export function mapExpr(change: ChangeOfVariable): Expr {
  const u = param(change.to);
  if (change.map === 'negLog') return { kind: 'unary', op: 'neg', arg: { kind: 'unary', op: 'log', arg: u } };
  if (change.map === 'log') return { kind: 'unary', op: 'log', arg: u };
  return { kind: 'unary', op: 'exp', arg: u };
}

/** The image of a piece in the original variable: enclosures of its lower and upper end. */
export function imageOf(piece: DomainPiece): { lo: Interval; hi: Interval } {
  if (!piece.change) {
    const [a, b] = piece.range ?? [-Infinity, Infinity];
    return { lo: I.range(a, a === -Infinity ? -Number.MAX_VALUE : a), hi: I.range(b === Infinity ? Number.MAX_VALUE : b, b) };
  }
  const [a, b] = piece.change.range;
  const INF = I.range(Number.MAX_VALUE, Infinity);
  const NEG_INF = I.range(-Infinity, -Number.MAX_VALUE);
  switch (piece.change.map) {
    case 'negLog':
      if (a !== 0 || !(b > 0)) throw new Error('change of variable x = −log u needs u ∈ (0, U]');
      return { lo: I.neg(I.log(I.num(b))), hi: INF };
    case 'log':
      if (a !== 0 || !(b > 0)) throw new Error('change of variable x = log u needs u ∈ (0, U]');
      return { lo: NEG_INF, hi: I.log(I.num(b)) };
    case 'exp':
      return { lo: a === -Infinity ? I.num(0) : I.exp(I.num(a)), hi: b === Infinity ? INF : I.exp(I.num(b)) };
  }
}

/**
 * Checks that the pieces of one variable cover its range [lo, hi] and stay inside it:
 * sorted by their lower ends, each starts no later than the previous one ends (certified).
 */
export function checkCover(pieces: readonly DomainPiece[], lo: number, hi: number): string | null {
  const images = pieces.map(imageOf).sort((p, q) => p.lo.lo - q.lo.lo);
  const first = images[0];
  const last = images[images.length - 1];
  if (!(first.lo.hi <= lo || (lo === -Infinity && first.lo.lo === -Infinity) || (lo === 0 && first.lo.hi === 0))) return `the pieces start above ${lo}`;
  if (!(last.hi.lo >= hi || (hi === Infinity && last.hi.hi === Infinity))) return `the pieces end below ${hi}`;
  for (let k = 1; k < images.length; k++) if (!(images[k].lo.hi <= images[k - 1].hi.lo)) return `a gap between pieces near ${images[k].lo.lo}`;
  for (const im of images) if (im.lo.lo < lo || im.hi.hi > hi) return 'a piece reaches outside the domain';
  return null;
}
