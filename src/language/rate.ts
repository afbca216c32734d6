import type { Relation } from '../checker/report.js';
import type { E } from './builder.js';
import type { Expr } from './expr.js';
import type { Instance, Tolerance } from './lemma.js';
import type { NotesPosition } from '../notes/notes-file.js';

/**
 * An asymptotic remark of the notes ("Risk decays as log t/t") as a checked step. No finite
 * computation certifies a limit; a rate step certifies what a long validated flow can:
 *
 * - its verdict: `quantity relation bound` (the bound the corrected proof gives) for every t in
 *   every checked decade [10^k, 10^(k+1)], certified over whole sub-intervals of t;
 * - and, per decade, certified enclosures of quantity/stated (the notes' rate), quantity/observed
 *   (the rate the computation shows) and bound/stated (whether the proof gives the notes' rate).
 */
/** The fields a proof file writes, with expressions of type X (builder E in a spec, Expr nodes when checked). */
interface RateFields<X> {
  /** Stable id, used in reports. */
  id: string;
  /** The remark's text in the notes, verbatim (prose: the step is hand-transcribed). */
  notes: string;
  /** Why the bound holds (the proof's lines it comes from). */
  why: string;
  /** The time parameter, as a region scan names it ("flow.t"): the setup binds it over whole intervals. */
  parameter: string;
  /** Decimal exponents [a, b] of the checked range [10^a, 10^b] (one row per decade). */
  decades: readonly [number, number];
  /** The data sets the long flows run on (at a user's data set, that one instead). */
  examples: readonly { label: string; instance: Instance }[];
  /** Q(t), the quantity the remark is about. */
  quantity: X;
  /** The remark's rate r(t), e.g. log t/t. */
  stated: { expr: X; reads: string };
  /** The corrected proof's bound on Q(t): the step's verdict. */
  bound: { relation: Relation; expr: X; reads: string };
  /** The rate the computation shows, and the constant Q/observed is expected near (printed as its enclosure). */
  observed: { expr: X; reads: string; constant?: { expr: X; reads: string } };
  /** Q(t) is monotone along the flow (a proved fact, with its reason): over a cell it lies between its ends' values. */
  monotone?: { direction: 'non-increasing' | 'non-decreasing'; why: string };
  /** Where the bound says something (e.g. V(t) > 0): cells where `expr > 0` is not certified are skipped, and counted. */
  where?: { expr: X; reads: string };
  /**
   * The data sets the step is stated for, as a condition on the data alone (`expr > 0`, certified at the
   * data set): elsewhere the step is not applicable and says why. Examples are drawn from it; a user's
   * data set outside it gets a "not applicable" report, never a verdict.
   */
  applies?: { expr: X; reads: string; why: string };
}

export interface RateSpec extends RateFields<E> {
  /** Sub-intervals of t per decade, each evaluated once over its whole length (default 16). */
  cells?: number;
  /** Tolerance for the equality case of the bound (e.g. γ̄ − γ(w(t)) = 0 exactly on symmetric data). */
  tolerance?: Partial<Tolerance>;
}

/** A rate step as the checker sees it: expressions as nodes, and where the notes text sits. */
export interface RateStep extends RateFields<Expr> {
  cells: number;
  tolerance: Tolerance;
  notesAt?: NotesPosition;
}

export const DEFAULT_RATE_CELLS = 16;

export function rateStep(spec: RateSpec, tolerance: Tolerance): RateStep {
  const node = (e: E): Expr => e.node;
  return {
    id: spec.id,
    notes: spec.notes,
    why: spec.why,
    parameter: spec.parameter,
    decades: spec.decades,
    examples: spec.examples,
    quantity: node(spec.quantity),
    stated: { expr: node(spec.stated.expr), reads: spec.stated.reads },
    bound: { relation: spec.bound.relation, expr: node(spec.bound.expr), reads: spec.bound.reads },
    observed: {
      expr: node(spec.observed.expr),
      reads: spec.observed.reads,
      ...(spec.observed.constant ? { constant: { expr: node(spec.observed.constant.expr), reads: spec.observed.constant.reads } } : {}),
    },
    ...(spec.monotone ? { monotone: { ...spec.monotone } } : {}),
    ...(spec.where ? { where: { expr: node(spec.where.expr), reads: spec.where.reads } } : {}),
    ...(spec.applies ? { applies: { expr: node(spec.applies.expr), reads: spec.applies.reads, why: spec.applies.why } } : {}),
    cells: spec.cells ?? DEFAULT_RATE_CELLS,
    tolerance: { ...tolerance, ...spec.tolerance },
  };
}
