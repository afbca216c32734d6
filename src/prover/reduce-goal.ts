import { DomainError } from '../arithmetic/domain-error.js';
import type { Relation } from '../checker/report.js';
import type { Expr } from '../language/expr.js';
import { print } from '../language/print.js';
import type { Variable } from './box.js';
import { enclose } from './box-arithmetic.js';
import { wholeBox } from './box.js';
import type { Goal } from './decide-box.js';
import {
  ONE_Q, ZERO_Q, atomFraction, constant, div, fractionKey, isPolynomial, isZero, monoKey, mul, neg, signQ, sub, type Fraction, type Poly, type Term,
} from './normal-form.js';
import { Normaliser, type NormaliseContext } from './normalise.js';

/** What exact algebra makes of a step: an identity, an inequality in the prover's variables, or why it cannot. */
export type Reduction =
  | { kind: 'identity'; obligations: Goal[]; definedWhere: string[] }
  | { kind: 'goal'; goal: Goal; obligations: Goal[]; termwise: boolean; definedWhere: string[] }
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

/**
 * Rewrites lhs − rhs exactly (substitutions, abstractions, the losses'
 * definitions, log and exp rules for positive atoms), then: an equality whose
 * difference is 0 is an identity; an inequality becomes g ≥ 0 (or > 0) after
 * dividing by factors proved positive; a difference that is a sum over i of
 * terms (after common addends cancel) is proved term by term.
 */
export function reduce(input: ReductionInput): Reduction {
  const domain = wholeBox(input.variables);
  const ctx: NormaliseContext = {
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
    weakSignOver: (expr) => {
      try {
        const x = enclose(expr, input.variables, domain);
        return x.lo >= 0 ? 1 : x.hi <= 0 ? -1 : 0;
      } catch {
        return 0;
      }
    },
  };
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
    if (isZero(g)) return { kind: 'identity', obligations: obligations(), definedWhere };
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
  return { kind: 'goal', goal: { lhs: ZERO_EXPR, relation: strict ? '<' : '≤', rhs: N.toExpr(g) }, obligations: obligations(), termwise, definedWhere };
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
      const low = exps.every((e) => e > 0) ? Math.min(...exps) : exps.every((e) => e < 0) ? Math.max(...exps) : 0;
      if (low !== 0) shared.set(k, low);
    }
    if (shared.size === 0 || terms.length === 0) return asFraction(p);
    return div(asFraction(p), asFraction(new Map([[monoKey(shared), { coef: ONE_Q, mono: shared }]])));
  };
  const num = withoutContent(g.num);
  if (isPolynomial(g) || positivePoly(g.den)) return num;
  return div(num, withoutContent(g.den));
}
