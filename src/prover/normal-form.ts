import { DomainError } from '../arithmetic/domain-error.js';
import type { Expr } from '../language/expr.js';
import {
  ONE_Q, ZERO_Q, addQ, divQ, fromDouble, fromText, isIntegerQ, isZeroQ, mulQ, negQ, powQ, rational, signQ, smallFactors, textQ, type Rational,
} from './rational.js';

/**
 * Exact algebra for the prover: an expression becomes a fraction of Laurent
 * polynomials with rational coefficients over atoms (the prover's variables,
 * e, logarithms and other opaque functions of normalised arguments). Every
 * rewrite is an identity of real functions wherever the original expression
 * is defined (log(ab) = log a + log b only for atoms known to be positive).
 * Two expressions are equal when their difference has the zero numerator.
 */
export interface Atom {
  readonly key: string;
  /** How the atom evaluates, in the prover's variables. */
  readonly expr: Expr;
  /** +1 / −1 when the atom is known to be positive / negative on the whole domain, else 0. */
  readonly sign: number;
  /** For log atoms: the argument, so that exp(k·log a) = a^k. */
  readonly logOf?: Fraction;
  /** For exp atoms: the exponent, so that log(exp x) = x. */
  readonly expOf?: Fraction;
  /** For index-dependent sums Σ_{i=from}^{to} body: the parts, for termwise reduction. */
  readonly sum?: { readonly index: string; readonly from: Fraction; readonly to: Fraction; readonly body: Fraction };
  /** Parameters the atom still reads that are not prover variables (a reduction must leave none). */
  readonly foreign: readonly string[];
}

export type Monomial = ReadonlyMap<string, number>;
export interface Term {
  readonly coef: Rational;
  readonly mono: Monomial;
}
/** Terms keyed by their monomial. */
export type Poly = ReadonlyMap<string, Term>;
export interface Fraction {
  readonly num: Poly;
  readonly den: Poly;
}

export const monoKey = (m: Monomial): string => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, e]) => (e === 1 ? k : `${k}^${e}`)).join('*');

export function polyKey(p: Poly): string {
  if (p.size === 0) return '0';
  return [...p.values()].map((t) => `${textQ(t.coef)}${t.mono.size ? `*${monoKey(t.mono)}` : ''}`).sort().join(' + ');
}

export const fractionKey = (f: Fraction): string => (isOne(f.den) ? polyKey(f.num) : `(${polyKey(f.num)})/(${polyKey(f.den)})`);

const constPoly = (q: Rational): Poly => (isZeroQ(q) ? new Map() : new Map([['', { coef: q, mono: new Map() }]]));
const isOne = (p: Poly): boolean => p.size === 1 && p.has('') && p.get('')!.coef.p === 1n && p.get('')!.coef.q === 1n;

function addPoly(a: Poly, b: Poly): Poly {
  const out = new Map(a);
  for (const [k, t] of b) {
    const prev = out.get(k);
    const coef = prev ? addQ(prev.coef, t.coef) : t.coef;
    if (isZeroQ(coef)) out.delete(k);
    else out.set(k, { coef, mono: t.mono });
  }
  return out;
}

function mulMono(a: Monomial, b: Monomial): Monomial {
  const out = new Map(a);
  for (const [k, e] of b) {
    const s = (out.get(k) ?? 0) + e;
    if (s === 0) out.delete(k);
    else out.set(k, s);
  }
  return out;
}

function mulPoly(a: Poly, b: Poly): Poly {
  let out: Poly = new Map();
  for (const s of a.values()) {
    for (const t of b.values()) {
      const mono = mulMono(s.mono, t.mono);
      out = addPoly(out, new Map([[monoKey(mono), { coef: mulQ(s.coef, t.coef), mono }]]));
    }
  }
  return out;
}

const scalePoly = (p: Poly, q: Rational, m: Monomial = new Map()): Poly => mulPoly(p, new Map([[monoKey(m), { coef: q, mono: m }]]));

export const constant = (q: Rational): Fraction => ({ num: constPoly(q), den: constPoly(ONE_Q) });
export const atomFraction = (key: string): Fraction => {
  const mono = new Map([[key, 1]]);
  return { num: new Map([[key, { coef: ONE_Q, mono }]]), den: constPoly(ONE_Q) };
};
export const isZero = (f: Fraction): boolean => f.num.size === 0;

/** Canonical form: a single-term denominator is folded into the numerator; otherwise negative powers are cleared and the denominator's first coefficient made 1. */
function canonical(num: Poly, den: Poly): Fraction {
  if (den.size === 0) throw new DomainError('division', true, 'by an expression that is identically 0');
  if (num.size === 0) return { num, den: constPoly(ONE_Q) };
  if (den.size === 1) {
    const t = [...den.values()][0];
    const inv = new Map([...t.mono].map(([k, e]) => [k, -e] as [string, number]));
    return { num: scalePoly(num, divQ(ONE_Q, t.coef), inv), den: constPoly(ONE_Q) };
  }
  // Each atom's lowest power over all terms (an absent atom has power 0); negative ones are cleared.
  const terms = [...num.values(), ...den.values()];
  const atoms = new Set(terms.flatMap((t) => [...t.mono.keys()]));
  const clear = new Map<string, number>();
  for (const k of atoms) {
    const lowest = Math.min(...terms.map((t) => t.mono.get(k) ?? 0));
    if (lowest < 0) clear.set(k, -lowest);
  }
  let n = scalePoly(num, ONE_Q, clear);
  let d = scalePoly(den, ONE_Q, clear);
  const lead = [...d.values()].sort((a, b) => (monoKey(a.mono) < monoKey(b.mono) ? -1 : 1))[0].coef;
  n = scalePoly(n, divQ(ONE_Q, lead));
  d = scalePoly(d, divQ(ONE_Q, lead));
  return { num: n, den: d };
}

export const add = (a: Fraction, b: Fraction): Fraction =>
  polyKey(a.den) === polyKey(b.den) ? canonical(addPoly(a.num, b.num), a.den) : canonical(addPoly(mulPoly(a.num, b.den), mulPoly(b.num, a.den)), mulPoly(a.den, b.den));
export const neg = (a: Fraction): Fraction => ({ num: scalePoly(a.num, negQ(ONE_Q)), den: a.den });
export const sub = (a: Fraction, b: Fraction): Fraction => add(a, neg(b));
export const mul = (a: Fraction, b: Fraction): Fraction => canonical(mulPoly(a.num, b.num), mulPoly(a.den, b.den));
export const div = (a: Fraction, b: Fraction): Fraction => canonical(mulPoly(a.num, b.den), mulPoly(a.den, b.num));
export function pow(a: Fraction, n: number): Fraction {
  if (n < 0) return pow(div(constant(ONE_Q), a), -n);
  let out = constant(ONE_Q);
  for (let k = 0; k < n; k++) out = mul(out, a);
  return out;
}

/** A fraction whose denominator is 1 (canonical forms fold single-term denominators into the numerator). */
export const isPolynomial = (f: Fraction): boolean => isOne(f.den);

/** The single term of a polynomial fraction with denominator 1, if it has one term. */
export function singleTerm(f: Fraction): Term | null {
  return isOne(f.den) && f.num.size === 1 ? [...f.num.values()][0] : null;
}

export function constantValue(f: Fraction): Rational | null {
  if (isZero(f)) return ZERO_Q;
  const t = singleTerm(f);
  return t && t.mono.size === 0 ? t.coef : null;
}

/** The exact literal of a const node. */
export function literal(e: Extract<Expr, { kind: 'const' }>): Rational {
  return e.text !== undefined ? fromText(e.text) : fromDouble(e.value);
}

/** log of a positive rational: Σ k_p log p over its small prime factors (so log 2 + log 3 = log 6), other factors as their own atoms. */
export function logOfRational(q: Rational, logOfInteger: (value: bigint) => Fraction): Fraction {
  if (signQ(q) <= 0) throw new DomainError('log', true, 'of a non-positive constant');
  let out = constant(ZERO_Q);
  for (const [part, sign] of [[q.p, 1], [q.q, -1]] as const) {
    const { primes, rest } = smallFactors(part);
    for (const [p, k] of primes) out = add(out, mul(constant(rational(BigInt(k * sign))), logOfInteger(p)));
    if (rest > 1n) out = add(out, mul(constant(rational(BigInt(sign))), logOfInteger(rest)));
  }
  return out;
}

export { ONE_Q, ZERO_Q, isIntegerQ, powQ, rational, signQ, textQ };
