import { DomainError } from '../arithmetic/domain-error.js';
import type { Relation } from '../checker/report.js';
import type { Expr } from '../language/expr.js';
import { print } from '../language/print.js';
import type { Variable } from './box.js';
import { enclose } from './box-arithmetic.js';
import { wholeBox } from './box.js';
import { branchAndBound } from './branch-and-bound.js';
import { exprKey, paramsOf } from './expr-key.js';
import type { Goal } from './decide-box.js';
import {
  ONE_Q, ZERO_Q, atomFraction, constant, div, fractionKey, isPolynomial, isZero, monoKey, mul, neg, signQ, sub, type Fraction, type Poly, type Term,
} from './normal-form.js';
import { Normaliser, type NormaliseContext } from './normalise.js';

/** What exact algebra makes of a step: an identity, an inequality in the prover's variables, or why it cannot. */
/** sideBoxes: boxes spent proving side conditions while normalising (which argument of a min is smaller). */
export type Reduction =
  | { kind: 'identity'; obligations: Goal[]; definedWhere: string[]; sideBoxes: number }
  | { kind: 'goal'; goal: Goal; obligations: Goal[]; termwise: boolean; definedWhere: string[]; sideBoxes: number }
  | { kind: 'not-identity'; difference: Expr; obligations: Goal[] }
  | { kind: 'not-reduced'; reason: string };

export interface ReductionInput {
  lhs: Expr;
  relation: Relation;
  rhs: Expr;
  variables: readonly Variable[];
  substitute: ReadonlyMap<string, Expr>;
  abstractByKey: ReadonlyMap<string, Expr>;
  abstractByLabel: ReadonlyMap<string, Expr>;
}

const ZERO_EXPR: Expr = { kind: 'const', value: 0 };

function signOfVariable(v: Variable): number {
  if (v.lo > 0 || (v.lo === 0 && v.openLo)) return 1;
  if (v.hi < 0 || (v.hi === 0 && v.openHi)) return -1;
  return 0;
}

/** Signs and side proofs over the input's whole domain, for the normaliser. */
function contextOf(input: Omit<ReductionInput, 'lhs' | 'relation' | 'rhs'>): NormaliseContext & { sideBoxes: number } {
  const domain = wholeBox(input.variables);
  const proofs = new Map<string, boolean>();
  const ctx: NormaliseContext & { sideBoxes: number } = {
    sideBoxes: 0,
    variables: new Map(input.variables.map((v) => [v.name, signOfVariable(v)])),
    substitute: input.substitute,
    abstractByKey: input.abstractByKey,
    abstractByLabel: input.abstractByLabel,
    signOver: (expr) => {
      try {
        const x = enclose(expr, input.variables, domain);
        return x.lo > 0 ? 1 : x.hi < 0 ? -1 : 0;
      } catch {
        return 0;
      }
    },
    provedNonnegative: (expr) => {
      const key = exprKey(expr);
      let known = proofs.get(key);
      if (known === undefined) {
        const proof = provedOnDomain(expr, input.variables);
        ctx.sideBoxes += proof.boxes;
        proofs.set(key, (known = proof.proved));
      }
      return known;
    },
    weakSignOver: (expr) => {
      try {
        const x = enclose(expr, input.variables, domain);
        return x.lo >= 0 ? 1 : x.hi <= 0 ? -1 : 0;
      } catch {
        return 0;
      }
    },
  };
  return ctx;
}

/**
 * Rewrites lhs − rhs exactly (substitutions, abstractions, the losses'
 * definitions, log and exp rules for positive atoms), then: an equality whose
 * difference is 0 is an identity; an inequality becomes g ≥ 0 (or > 0) after
 * dividing by factors proved positive; a difference that is a sum over i of
 * terms (after common addends cancel) is proved term by term.
 */
export function reduce(input: ReductionInput): Reduction {
  const largest = sumMinusLargest(input);
  if (largest) return largest;
  const ctx = contextOf(input);
  const N = new Normaliser(ctx);
  let L: Fraction;
  let R: Fraction;
  try {
    L = N.normalise(input.lhs);
    R = N.normalise(input.rhs);
  } catch (err) {
    if (err instanceof DomainError) return { kind: 'not-reduced', reason: err.message };
    throw err;
  }
  const upward = input.relation === '≤' || input.relation === '<';
  let g = upward ? sub(R, L) : sub(L, R);
  // Conditions on data (𝓛(w) > 0 under a logarithm) cannot be proved over the variables: the step is claimed
  // where its sides are defined, and the report lists them.
  const local = (o: (typeof N.obligations)[number]): boolean => N.foreign(o.of).length === 0;
  const definedWhere = N.obligations.filter((o) => !local(o)).map((o) => `${print(N.toExpr(o.of))} ${o.kind === 'positive' ? '> 0' : o.kind === 'nonnegative' ? '≥ 0' : '≠ 0'}`);
  const obligations = (): Goal[] =>
    N.obligations.filter(local).map((o) => {
      const e = N.toExpr(o.of);
      if (o.kind === 'positive') return { lhs: ZERO_EXPR, relation: '<', rhs: e };
      if (o.kind === 'nonnegative') return { lhs: ZERO_EXPR, relation: '≤', rhs: e };
      return { lhs: ZERO_EXPR, relation: '<', rhs: { kind: 'unary', op: 'abs', arg: e } };
    });
  const foreignOf = (f: Fraction): string[] => N.foreign(f);
  if (input.relation === '=') {
    if (isZero(g)) return { kind: 'identity', obligations: obligations(), definedWhere, sideBoxes: ctx.sideBoxes };
    const foreign = foreignOf(g);
    if (foreign.length) return { kind: 'not-reduced', reason: `the difference of the sides depends on ${[...new Set(foreign)].join(', ')}, not only on the prover's variables` };
    return { kind: 'not-identity', difference: N.toExpr(g), obligations: obligations() };
  }
  let termwise = false;
  const opened = openSums(N, g);
  if (opened) {
    g = opened;
    termwise = true;
  }
  g = dropPositiveFactors(N, g);
  const foreign = foreignOf(g);
  if (foreign.length) return { kind: 'not-reduced', reason: `after reduction the step still depends on ${[...new Set(foreign)].join(', ')}` };
  const strict = input.relation === '<' || input.relation === '>';
  return { kind: 'goal', goal: { lhs: ZERO_EXPR, relation: strict ? '<' : '≤', rhs: N.toExpr(g) }, obligations: obligations(), termwise, definedWhere, sideBoxes: ctx.sideBoxes };
}

/**
 * Σ_i a_i − max_i a_i ≥ 0 (the notes' Σ ≥ max, compared as a difference): over a non-empty range it is
 * the sum of every term but a largest one, so every a_i ≥ 0 suffices, term by term. (The strict form
 * needs two terms, so it is left to the checker: it is false for n = 1.)
 */
function sumMinusLargest(input: ReductionInput): Reduction | null {
  const body = sumAndLargestOf(input);
  if (!body) return null;
  const r = reduce({ ...input, lhs: ZERO_EXPR, relation: '≤', rhs: body });
  if (r.kind === 'goal') return { ...r, termwise: true };
  return r.kind === 'not-reduced' ? r : { kind: 'not-reduced', reason: 'a term of the sum did not reduce to an inequality' };
}

/** The common term of Σ_i a_i ≥ max_i a_i (as written, or as Σ − max ≥ 0), over the same range; else null. */
function sumAndLargestOf(input: ReductionInput): Expr | null {
  const isZeroConst = (e: Expr): boolean => e.kind === 'const' && e.value === 0;
  const [big, small] = input.relation === '≥' ? [input.lhs, input.rhs] : input.relation === '≤' ? [input.rhs, input.lhs] : [null, null];
  if (!big || !small) return null;
  if (isZeroConst(small) && big.kind === 'call' && big.fn.name === 'sum-minus-largest') {
    const terms = big.args[0];
    return terms?.kind === 'rows' ? terms.body : null;
  }
  if (big.kind !== 'fold' || big.op !== 'sum' || small.kind !== 'fold' || small.op !== 'max') return null;
  const same = (a: Expr, b: Expr): boolean => exprKey(a) === exprKey(b);
  return same(big.from, small.from) && same(big.to, small.to) && same(big.body, small.body) && big.index.split('#')[0] === small.index.split('#')[0] ? big.body : null;
}

/** Boxes for a side condition proved while normalising (which argument of a min or max is smaller). */
const SIDE_BUDGET = 1500;

/** 0 ≤ expr on the whole domain, an expression in the variables only: reduced exactly, then branch and bound. */
function provedOnDomain(expr: Expr, variables: readonly Variable[]): { proved: boolean; boxes: number } {
  const r = reduce({ lhs: ZERO_EXPR, relation: '≤', rhs: expr, variables, substitute: new Map(), abstractByKey: new Map(), abstractByLabel: new Map() });
  if (r.kind !== 'goal') return { proved: false, boxes: 0 };
  let boxes = r.sideBoxes;
  const proved = [...r.obligations, r.goal].every((goal) => {
    // Only the variables the condition reads: fewer dimensions, and one-variable tools (Taylor at an end) apply.
    const read = new Set([...paramsOf(goal.lhs), ...paramsOf(goal.rhs)]);
    const result = branchAndBound(goal, variables.filter((v) => read.has(v.name)), undefined, SIDE_BUDGET);
    boxes += result.boxes;
    return result.kind === 'proved';
  });
  return { proved, boxes };
}

/**
 * g = Σ_{i=a}^{b} (Σ_k c_k·B_k(i)) + r, with every sum over the same range and r
 * free of i, is Σ_i h(i) with h(i) = Σ_k c_k·B_k(i) + r/(b − a + 1): h ≥ 0 for every
 * value of i's abstracted quantities proves g ≥ 0 (the range is not empty).
 */
function openSums(N: Normaliser, g: Fraction): Fraction | null {
  if (!isPolynomial(g)) return null;
  let range: string | null = null;
  let count: Fraction | null = null;
  let perTerm: Fraction = constant(ZERO_Q);
  let rest: Fraction = constant(ZERO_Q);
  let found = false;
  for (const t of g.num.values()) {
    const sums = [...t.mono.keys()].filter((k) => N.atom(k).sum);
    const single: Fraction = { num: new Map([[monoKey(t.mono), t]]), den: constant(ONE_Q).num };
    if (sums.length === 0) {
      rest = addF(rest, single);
      continue;
    }
    if (sums.length > 1 || t.mono.get(sums[0]) !== 1) return null;
    const s = N.atom(sums[0]).sum!;
    const key = `${s.index}=${fractionKey(s.from)}..${fractionKey(s.to)}`;
    if (range !== null && range !== key) return null;
    range = key;
    count = addF(sub(s.to, s.from), constant(ONE_Q));
    const coefficient = div(single, atomFraction(sums[0]));
    perTerm = addF(perTerm, mul(coefficient, s.body));
    found = true;
  }
  if (!found || !count) return null;
  return addF(perTerm, div(rest, count));
}

const addF = (a: Fraction, b: Fraction): Fraction => sub(a, neg(b));

/** g ≥ 0 ⇔ g/m ≥ 0 for a monomial m of atoms positive on the domain (from the numerator or the denominator); a denominator with only positive terms can go too. */
function dropPositiveFactors(N: Normaliser, g: Fraction): Fraction {
  const positivePoly = (p: Poly): boolean =>
    [...p.values()].every((t) => signQ(t.coef) > 0 && [...t.mono].every(([k, e]) => e % 2 === 0 || N.atom(k).sign > 0));
  const asFraction = (p: Poly): Fraction => ({ num: p, den: constant(ONE_Q).num });
  const withoutContent = (p: Poly): Fraction => {
    const terms: Term[] = [...p.values()];
    const shared = new Map<string, number>();
    for (const k of new Set(terms.flatMap((t) => [...t.mono.keys()]))) {
      if (N.atom(k).sign <= 0) continue;
      const exps = terms.map((t) => t.mono.get(k) ?? 0);
      // A common power goes; a mix of negative and other powers is cleared (g·a^k, k > 0, keeps g's sign):
      // −1 + e^{−s} + s²e^{−s} ≥ 0 becomes 1 + s² − e^s ≥ 0, which nothing overflows or divides by 0 in.
      const low = exps.every((e) => e > 0) ? Math.min(...exps) : exps.every((e) => e < 0) ? Math.max(...exps) : Math.min(0, ...exps);
      if (low !== 0) shared.set(k, low);
    }
    if (shared.size === 0 || terms.length === 0) return asFraction(p);
    return div(asFraction(p), asFraction(new Map([[monoKey(shared), { coef: ONE_Q, mono: shared }]])));
  };
  const num = withoutContent(g.num);
  if (isPolynomial(g) || positivePoly(g.den)) return num;
  return div(num, withoutContent(g.den));
}

/**
 * Whether expr → 0 as the variable goes to the lower end of its range (0⁺ for a variable whose range
 * starts at 0, −∞ for s where the step's variable is e^s): its normal form is a sum of terms each with a
 * positive power of the variable (of e^s) and nothing else that reads it, over a denominator that does
 * not read it and is nonzero on the domain.
 */
export function vanishesAtLowerEnd(expr: Expr, input: Omit<ReductionInput, 'lhs' | 'relation' | 'rhs'>, variable: string): boolean {
  const v = input.variables.find((x) => x.name === variable);
  if (!v) return false;
  const ctx = contextOf(input);
  const N = new Normaliser(ctx);
  let f: Fraction;
  try {
    f = N.normalise(expr);
  } catch {
    return false;
  }
  const self = fractionKey(N.variable(variable));
  const reads = (key: string): boolean => paramsOf(N.atom(key).expr).has(variable);
  const vanishing = (key: string): boolean => {
    if (v.lo === 0) return key === `var:${variable}`;
    const expOf = N.atom(key).expOf;
    return v.lo === -Infinity && expOf !== undefined && fractionKey(expOf) === self;
  };
  for (const t of f.num.values()) {
    let vanishes = false;
    for (const [k, e] of t.mono) {
      if (!reads(k)) continue;
      if (!vanishing(k) || e <= 0) return false;
      vanishes = true;
    }
    if (!vanishes) return false;
  }
  for (const t of f.den.values()) for (const k of t.mono.keys()) if (reads(k)) return false;
  const den: Fraction = { num: f.den, den: constant(ONE_Q).num };
  return N.foreign(den).length === 0 && ctx.signOver(N.toExpr(den)) !== 0;
}
