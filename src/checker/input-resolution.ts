import type { Arith } from '../arithmetic/arith.js';
import { some, type Expr } from '../language/expr.js';
import type { Check } from '../language/lemma.js';
import type { Value } from '../language/value.js';
import type { Comparison } from './compare.js';
import type { Precision } from './report.js';

/**
 * The resolution of a check's inputs, and when an overlap is explained by it.
 *
 * A setup binds some inputs as enclosures, not points: a validated flow w(t), a gradient-descent
 * trajectory, the certified γ̄ and ū. The sides of a step are evaluated on those boxes, so their
 * enclosures keep a width that no precision narrows. For an equality (or the equality case of ≤/≥)
 * that width is the limit of what the inputs can tell: if more digits no longer narrow the overlap,
 * the step is held *to the inputs' resolution*: |lhs − rhs| ≤ ε (for ≤: lhs ≤ rhs + ε) is certified,
 * with ε the certified bound on the difference, and the report states ε and the inputs' widths.
 * Strict relations are never held this way: an overlap cannot prove a strict sign.
 */

/** More digits "narrow" an overlap when its width shrinks below this fraction of the previous level's. */
export const NARROWING = 0.5;
/**
 * The widest relative width of an input enclosure whose resolution a verdict may rest on: inputs
 * known to fewer than two digits leave the step inconclusive, with their width as the reason.
 * Between, the report prints the bound that was certified and the inputs' widths.
 */
export const INPUT_RESOLUTION_LIMIT = 1e-2;

export interface InputWidth {
  /** Parameter name. */
  name: string;
  /** Widest entry width over the largest entry magnitude (for a vector: relative to its largest entry). */
  relativeWidth: number;
}

/** What an evaluation held to its inputs' resolution rests on (absent: it held within the step's own tolerance). */
export interface ResolutionHold {
  /** Certified upper bound of |lhs − rhs| (for ≤: of lhs − rhs; for ≥: of rhs − lhs). */
  within: number;
  /** The overlap's width at the last two decimal levels: more digits did not narrow it. */
  widths: [{ precision: Precision; width: number }, { precision: Precision; width: number }];
  /** The check's input enclosures, widest first. */
  inputs: InputWidth[];
}

const paramCache = new WeakMap<Check, { names: string[]; closure: boolean }>();

/** Parameters a check reads (a closure may read any, so it reads them all). */
function paramsOf(check: Check): { names: string[]; closure: boolean } {
  let known = paramCache.get(check);
  if (!known) {
    const names = new Set<string>();
    let closure = false;
    const visit = (e: Expr): boolean => {
      if (e.kind === 'param') names.add(e.name);
      if (e.kind === 'closure') closure = true;
      return false;
    };
    some(check.lhs, visit);
    some(check.rhs, visit);
    paramCache.set(check, (known = { names: [...names], closure }));
  }
  return known;
}

function relativeWidth<T>(A: Arith<T>, v: Value<T>): number {
  let width = 0;
  let magnitude = 0;
  for (const x of v.data) {
    width = Math.max(width, A.width(x));
    magnitude = Math.max(magnitude, Math.abs(A.lo(x)), Math.abs(A.hi(x)));
  }
  if (width === 0) return 0;
  return magnitude > 0 ? width / magnitude : Infinity;
}

/**
 * The check's inputs that are enclosures, widest first. An exact input (a data point) rounded to
 * the level's digits is a point for this purpose: its width is the level's own rounding.
 */
export function inputWidths<T>(A: Arith<T>, check: Check, inputs: Readonly<Record<string, Value<T>>>): InputWidth[] {
  const { names, closure } = paramsOf(check);
  const read = closure ? Object.keys(inputs) : names.filter((n) => n in inputs);
  const rounding = 10 ** (4 - A.digits);
  return read
    .map((name) => ({ name, relativeWidth: relativeWidth(A, inputs[name]) }))
    .filter((w) => w.relativeWidth > rounding)
    .sort((a, b) => b.relativeWidth - a.relativeWidth);
}

/** Certified upper bound of the difference the relation must bound (|l − r| for =, l − r for ≤, r − l for ≥). */
export function differenceBound<T>(A: Arith<T>, relation: Check['relation'], lhs: T, rhs: T): number {
  if (relation === '=') return A.hi(A.abs(A.sub(lhs, rhs)));
  if (relation === '≥') return A.hi(A.sub(rhs, lhs));
  return A.hi(A.sub(lhs, rhs));
}

export interface OverlapAtLevel {
  precision: Precision;
  comparison: Comparison;
}

export type ResolutionDecision =
  | { kind: 'held'; hold: ResolutionHold }
  | { kind: 'still narrowing' }
  | { kind: 'not explained'; reason: string };

/**
 * Whether an overlap that persists from one decimal level to the next is the inputs' resolution:
 * the relation is not strict, more digits did not narrow it, and the check reads input enclosures,
 * each known to INPUT_RESOLUTION_LIMIT or better.
 */
export function decideByResolution(relation: Check['relation'], previous: OverlapAtLevel, current: OverlapAtLevel, inputs: InputWidth[], within: number): ResolutionDecision {
  const before = previous.comparison.width;
  const now = current.comparison.width;
  if (!(now >= NARROWING * before)) return { kind: 'still narrowing' };
  const widths: ResolutionHold['widths'] = [
    { precision: previous.precision, width: before },
    { precision: current.precision, width: now },
  ];
  const persists = `the overlap is ${fmt(now)} wide at ${current.precision} as at ${previous.precision} (${fmt(before)}): more digits do not narrow it`;
  if (relation === '<' || relation === '>') return { kind: 'not explained', reason: `${persists}, and an overlap cannot prove a strict inequality` };
  if (inputs.length === 0) return { kind: 'not explained', reason: `${persists}, yet every input is exact` };
  const widest = inputs[0];
  if (!(widest.relativeWidth <= INPUT_RESOLUTION_LIMIT)) {
    return { kind: 'not explained', reason: `${persists}: the enclosure of ${widest.name} is ${fmt(widest.relativeWidth)} wide (relative), above the ${fmt(INPUT_RESOLUTION_LIMIT)} a verdict may rest on; refinement cannot narrow an input enclosure` };
  }
  if (!Number.isFinite(within)) return { kind: 'not explained', reason: `${persists}, and the difference is unbounded` };
  return { kind: 'held', hold: { within: Math.max(0, within), widths, inputs } };
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toExponential(2) : String(x));
