import type { Arith } from '../arithmetic/arith.js';
import { DomainError } from '../arithmetic/domain-error.js';
import type { Check } from '../language/lemma.js';
import { StepTimeoutError, type Evaluator, type IndexEnv } from '../language/evaluate.js';
import type { Expr } from '../language/expr.js';
import { ShapeError, sameShape, type Value } from '../language/value.js';
import { compare, type Comparison } from './compare.js';
import { decideByResolution, differenceBound, inputWidths, type ResolutionHold } from './input-resolution.js';
import { FLOAT_LEVEL, type InstanceContext, type Level } from './instance-context.js';
import type { Precision, Verdict } from './report.js';

/** The verdict of one check at one instance and one assignment of its indices. */
export interface Evaluation {
  verdict: Verdict;
  precision: Precision;
  index: IndexEnv;
  lhs?: [string, string];
  rhs?: [string, string];
  comparison?: Comparison;
  /** lhs/rhs at the enclosures' midpoints (for ≥/>: rhs/lhs), for tightness. */
  ratio?: number;
  message?: string;
  /** For tensor equalities: the flat index of the entry reported. */
  entry?: number;
  /** An undefined verdict that more precision might still resolve (the enclosure straddled the domain's edge). */
  uncertain?: boolean;
  /** The evaluation ran past its time budget. */
  timedOut?: boolean;
  /** Expression nodes this evaluation computed at its level (a deterministic cost). */
  work?: number;
  /** Held to the resolution of the check's input enclosures, not within its own tolerance (see input-resolution.ts). */
  resolution?: ResolutionHold;
  /** For the inconclusive verdict: why more precision could not decide it. */
  why?: string;
  /** Internal: the certified bound of the difference the relation bounds, for a resolution hold. */
  differenceBound?: number;
}

export interface EvaluateOptions {
  levels: readonly Level[];
  /** Per evaluation time budget in ms. */
  timeoutMs: number;
  /** Called after each instance a pass evaluates (for progress on long runs). */
  onInstance?: () => void;
  /** Called within an instance with the fraction of its evaluations done (progress on a long trajectory). */
  onPartial?: (fraction: number) => void;
  /** Candidates tried while shrinking a counterexample after the first failure (default 400); 0: the refuted instance as found. */
  shrinkBudget?: number;
  /** Words appended to every printed replay command (CheckOptions.replayArgs). */
  replayArgs?: readonly string[];
  /** False: the plots' series are not computed (CheckOptions.plots). */
  plots?: boolean;
}

/** Enumerates the assignments of a check's quantified indices at this instance. */
export function indexAssignments(check: Check, ctx: InstanceContext, levels: readonly Level[]): IndexEnv[] {
  if (check.over.length === 0) return [{}];
  const ev = ctx.evaluator(levels[0]);
  let envs: IndexEnv[] = [{}];
  for (const q of check.over) {
    const next: IndexEnv[] = [];
    for (const env of envs) {
      const from = ev.int(q.from, env);
      const to = ev.int(q.to, env);
      for (let i = from; i <= to; i++) next.push({ ...env, [q.name]: i });
    }
    envs = next;
  }
  return envs;
}

/**
 * Climbs the precision ladder until the comparison is decided. A domain
 * error that is certain (the whole enclosure is outside the domain) ends the
 * climb as undefined; an uncertain one is retried at higher precision.
 */
export function evaluateCheck(check: Check, ctx: InstanceContext, index: IndexEnv, options: EvaluateOptions): Evaluation {
  const started = Date.now();
  let last: Evaluation | null = null;
  let previousDecimal: Evaluation | null = null;
  for (const level of options.levels) {
    // The deep end of the ladder is tried only for small expressions. The rule counts nodes, not
    // milliseconds, so the same seed gives the same verdicts on a fast machine and a loaded one.
    if (last && digitsOf(level) > SHALLOW_DIGITS && (last.work ?? Infinity) > DEEP_WORK) break;
    const result = evaluateAtLevel(check, ctx, index, level, options.timeoutMs - (Date.now() - started));
    if (last && result.timedOut) break;
    if (result.verdict !== 'inconclusive' && !result.uncertain) return result;
    last = result;
    if (result.verdict !== 'inconclusive' || digitsOf(level) === 0) continue;
    // An overlap that more digits do not narrow is the resolution of the inputs: decide it now.
    if (previousDecimal?.comparison && result.comparison) {
      const decision = decideByResolution(
        check.relation,
        { precision: previousDecimal.precision, comparison: previousDecimal.comparison },
        { precision: result.precision, comparison: result.comparison },
        inputWidths(level.arith, check, ctx.inputs(level)),
        result.differenceBound ?? Infinity,
      );
      if (decision.kind === 'held') {
        return { ...result, verdict: 'held', comparison: { ...result.comparison, verdict: 'held', viaTolerance: true }, resolution: decision.hold };
      }
      if (decision.kind === 'not explained') return { ...result, why: decision.reason };
    }
    previousDecimal = result;
  }
  if (last?.verdict === 'inconclusive' && !last.why && last.comparison) {
    const overlap = `the overlap (${last.comparison.width.toExponential(2)} at ${last.precision})`;
    if (options.levels.length === 1) return { ...last, why: `${overlap} was not refined: this run's ladder has ${last.precision} arithmetic only` };
    return { ...last, why: `${overlap} was still narrowing with precision when the ladder ended` };
  }
  return last!;
}

/** Levels up to this many digits are always tried; deeper ones only for expressions of at most DEEP_WORK nodes. */
const SHALLOW_DIGITS = 120;
const DEEP_WORK = 5000;

const digitsOf = (level: Level): number => (level.precision.startsWith('decimal-') ? Number(level.precision.slice('decimal-'.length)) : 0);

/** Plain floats: a quick screen that never certifies. Returns whether floats say the relation fails. */
export function floatScreenFails(check: Check, ctx: InstanceContext, index: IndexEnv): boolean {
  try {
    const r = evaluateAtLevel(check, ctx, index, FLOAT_LEVEL, Infinity);
    return r.verdict !== 'held';
  } catch {
    return true;
  }
}

function evaluateAtLevel(check: Check, ctx: InstanceContext, index: IndexEnv, level: Level, timeoutMs: number): Evaluation {
  const base = { precision: level.precision, index };
  let ev: ReturnType<InstanceContext['evaluator']> | undefined;
  let workBefore = 0;
  try {
    ev = ctx.evaluator(level);
    ev.deadline = Date.now() + timeoutMs;
    workBefore = ev.work;
    const A = level.arith;
    const left = ev.value(check.lhs, index);
    const right = ev.value(check.rhs, index);
    if (!sameShape(left.shape, right.shape)) throw new ShapeError(`sides have shapes [${left.shape}] and [${right.shape}]`);
    const differs = check.transcription && level.precision !== 'float' ? transcriptionDifference(check, ev, index, left, right) : null;
    if (differs) return { ...base, work: ev.work - workBefore, verdict: 'error', message: differs };
    if (left.shape.length > 0 && check.relation !== '=') throw new ShapeError(`'${check.relation}' between tensors; only '=' compares entrywise`);
    // Tensors are equal when every entry is: the decisive entry (refuted, else the widest) is the one reported.
    // A tensor equality's relative tolerance is relative to its largest entry, so nearly cancelled entries still count as equal.
    let tolerance = check.tolerance;
    if (left.shape.length > 0) {
      const scale = Math.max(largestMagnitude(A, left.data), largestMagnitude(A, right.data));
      if (Number.isFinite(scale)) tolerance = { rel: check.tolerance.rel, abs: check.tolerance.abs + check.tolerance.rel * scale };
    }
    let decisive: { comparison: Comparison; k: number } | null = null;
    for (let k = 0; k < left.data.length; k++) {
      const lk = left.data[k];
      const rk = right.data[k];
      if (level.precision === 'float' && (Number.isNaN(lk) || Number.isNaN(rk))) return { ...base, verdict: 'undefined', message: 'NaN in floats' };
      const comparison = compare(A, check.relation, lk, rk, tolerance);
      if (!decisive || severity(comparison) > severity(decisive.comparison) || (severity(comparison) === severity(decisive.comparison) && comparison.width > decisive.comparison.width)) decisive = { comparison, k };
      if (comparison.verdict === 'refuted') break;
    }
    if (!decisive) return { ...base, verdict: 'held', message: 'empty tensors' };
    const lhs = left.data[decisive.k];
    const rhs = right.data[decisive.k];
    const [num, den] = check.relation === '≥' || check.relation === '>' ? [rhs, lhs] : [lhs, rhs];
    // The sides as exact decimal strings are formatted only when asked for: most evaluations are summarised, never printed.
    let lhsText: [string, string] | undefined;
    let rhsText: [string, string] | undefined;
    return {
      ...base,
      work: ev.work - workBefore,
      verdict: decisive.comparison.verdict,
      ...(decisive.comparison.verdict === 'inconclusive' ? { differenceBound: left.data.reduce((m: number, l, k) => Math.max(m, differenceBound(A, check.relation, l, right.data[k])), 0) } : {}),
      get lhs(): [string, string] {
        return (lhsText ??= A.format(lhs));
      },
      get rhs(): [string, string] {
        return (rhsText ??= A.format(rhs));
      },
      comparison: decisive.comparison,
      // A ratio says how tight a bound is only between positive quantities.
      ...(midpoint(A, num) > 0 && midpoint(A, den) > 0 ? { ratio: midpoint(A, num) / midpoint(A, den) } : {}),
      ...(left.shape.length ? { entry: decisive.k } : {}),
    };
  } catch (err) {
    if (err instanceof DomainError) return { ...base, verdict: 'undefined', message: err.message, uncertain: !err.certain, ...(ev ? { work: ev.work - workBefore } : {}) };
    const e = err as Error;
    return { ...base, verdict: 'error', message: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`, ...(err instanceof StepTimeoutError ? { timedOut: true } : {}) };
  }
}

/**
 * A step compiled from the notes keeps its hand-built sides: both are evaluated, and a certified
 * difference between them is an error (the proof file no longer transcribes the notes).
 */
function transcriptionDifference<T>(check: Check, ev: Evaluator<T>, index: IndexEnv, left: Value<T>, right: Value<T>): string | null {
  const hand = check.transcription!;
  if (hand.relation !== check.relation) return `the transcription differs from the notes: the notes say ${check.relation}, the hand-built step ${hand.relation}`;
  const sides: [string, Expr | undefined, Value<T>][] = [['left', hand.lhs, left], ['right', hand.rhs, right]];
  for (const [side, expr, notes] of sides) {
    if (expr === undefined || expr === (side === 'left' ? check.lhs : check.rhs)) continue;
    let transcribed: Value<T>;
    try {
      transcribed = ev.value(expr, index);
    } catch (err) {
      if (err instanceof DomainError && !err.certain) continue;
      return `the transcription differs from the notes: its ${side} side fails where the notes' is defined (${(err as Error).message})`;
    }
    if (!sameShape(notes.shape, transcribed.shape)) return `the transcription differs from the notes: its ${side} side has shape [${transcribed.shape}], the notes' [${notes.shape}]`;
    const A = ev.arith;
    const scale = Math.max(largestMagnitude(A, notes.data), largestMagnitude(A, transcribed.data));
    const tolerance = notes.shape.length && Number.isFinite(scale) ? { rel: check.tolerance.rel, abs: check.tolerance.abs + check.tolerance.rel * scale } : check.tolerance;
    for (let k = 0; k < notes.data.length; k++) {
      if (compare(A, '=', notes.data[k], transcribed.data[k], tolerance).verdict === 'refuted') {
        const [lo, hi] = A.format(notes.data[k]);
        const [tlo, thi] = A.format(transcribed.data[k]);
        return `the transcription differs from the notes: ${side} side ∈ [${lo}, ${hi}] from the notes, ∈ [${tlo}, ${thi}] hand-built`;
      }
    }
  }
  return null;
}

/** The largest |end| over a tensor's entries (its scale, for tolerances relative to the largest entry). */
function largestMagnitude<T>(A: Arith<T>, data: readonly T[]): number {
  let scale = 0;
  for (const x of data) scale = Math.max(scale, Math.abs(A.lo(x)), Math.abs(A.hi(x)));
  return scale;
}

function midpoint<T>(A: Arith<T>, x: T): number {
  return (A.lo(x) + A.hi(x)) / 2;
}

function severity(c: Comparison): number {
  return c.verdict === 'refuted' ? 2 : c.verdict === 'inconclusive' ? 1 : 0;
}
