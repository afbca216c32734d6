import type { E } from '../language/builder.js';

/** A real variable of a whole-domain proof: its range and which ends are excluded. */
export interface DomainVariable {
  range: readonly [number, number];
  open?: 'lo' | 'hi' | 'both';
}

/**
 * A declared change of variable on one piece of a variable's range, from a
 * fixed table whose images the prover computes and checks:
 *   negLog: x = −log u, u ∈ (0, U] covers x ∈ [−log U, ∞)
 *   log:    x = log u,  u ∈ (0, U] covers x ∈ (−∞, log U]
 *   exp:    x = e^s,    s ∈ [a, b] covers x ∈ [e^a, e^b] (s ∈ ℝ covers x > 0)
 * The step's expressions are rewritten exactly (exp(−x) becomes u), so the
 * compactified end u = 0 is an ordinary point where both sides can be evaluated.
 */
export interface ChangeOfVariable {
  map: 'negLog' | 'log' | 'exp';
  /** The new variable's name. */
  to: string;
  range: readonly [number, number];
}

/** One piece of a variable's range, proved on its own (the pieces must cover the variable's range). */
export interface DomainPiece {
  variable: string;
  /** The piece of the variable's own range (without a change of variable). */
  range?: readonly [number, number];
  change?: ChangeOfVariable;
}

/** A sub-expression replaced by an expression in the variables, e.g. m_i(ū)/γ̄ = 1 + σ with σ ≥ 0. */
export interface Abstraction {
  /** Matched structurally (bound indices by their display name). */
  expr?: E;
  /** Or a named sub-expression, by its label. */
  label?: string;
  as: E;
  /** Why every value of the sub-expression is of that form (reported with the proof). */
  premise: string;
}

/** Where a failing step fails, stated in a few scalars and certified over their whole range. */
export interface FailingSetSpec {
  /** The variable the set is stated in (c). */
  variable: string;
  /** A condition under which the step fails (default: the step's own negation), and why it implies failure. */
  condition?: { lhs: E; relation: '≤' | '<' | '≥' | '>'; rhs: E; why: string };
  /** Why the step fails where the condition holds, e.g. "the bound exceeds γ̄ ≥ γ̃". */
  reads: string;
  /** How the variable reads in the report, e.g. "2tnγ̄²" for c. */
  label?: string;
  /** Ranges that replace the proof's for this scan (e.g. n ≥ 2, σ > 0). */
  variables?: Record<string, DomainVariable>;
  /**
   * A class of instances on which the condition is the step's exact negation (e.g. one point, where
   * 𝓛(w(t)) has a closed form, written in the condition): the set then reads "on <class>: fails exactly for …".
   */
  class?: string;
}

/** A step proved over its whole stated domain: LemmaSpec.wholeDomain[stepId]. */
export interface WholeDomainSpec {
  /** The domain in the notes' words, e.g. "z ∈ ℝ" or "c = 2tnγ̄² > 0, n ≥ 1, γ̄ ∈ (0, 1]". */
  domain: string;
  variables: Record<string, DomainVariable>;
  /** Parameters of the step as expressions in the variables (t = c/(2nγ̄²)); the step is rewritten exactly. */
  substitute?: Record<string, E>;
  abstract?: Abstraction[];
  pieces?: DomainPiece[];
  /** Boxes per goal (default 4000). */
  budget?: number;
  failingSet?: FailingSetSpec;
  /** Further failing sets of the same step (other conditions, or exact ones on a class of instances). */
  failingSets?: FailingSetSpec[];
  /**
   * The step is F′ = f for the closed form F of an integral of f from the lower end of the pieced variable
   * (t > 0 from 0): the prover also proves F → 0 there (on the lowest piece), so that F is the integral,
   * by the fundamental theorem of calculus. `reads` says what that establishes, in the notes' words.
   */
  integral?: { closedForm: E; reads: string };
  /** A failing step whose whole-domain proof is not expected (only its failing set is computed). */
  expectFailure?: boolean;
}

/**
 * How far a relaxed hypothesis can go (Relaxation.sharp): the claim on a stated class of
 * instances, written in a few reals, and the parameter the hypothesis bounds. The prover brackets
 * the largest value of the parameter for which the statement holds on the whole class: proved
 * below the bracket (every value up to its lower end), a certified counterexample at its upper end.
 */
export interface SharpHypothesisSpec {
  /** The bounded parameter, a variable of the statement (η). */
  variable: string;
  /** How it reads in reports. */
  label?: string;
  /** The class of instances, in words. */
  class: string;
  /** Why the claim on the class reads as this statement (and where it is tight). */
  reduction: string;
  lhs: E;
  relation: '≤' | '<' | '≥' | '>';
  rhs: E;
  /** The other variables, over which the statement must hold for each value of the parameter. */
  variables: Record<string, DomainVariable>;
  pieces?: DomainPiece[];
  /** The parameter's range searched: the statement must be proved at its lower end. */
  search: readonly [number, number];
  /** Relative width of the bracket to aim for (default 10⁻⁶). */
  width?: number;
  /** Boxes per probe (default 4000). */
  budget?: number;
}
