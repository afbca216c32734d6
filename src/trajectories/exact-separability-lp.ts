import { binaryValue } from '../arithmetic/rounding.js';
import type { Rational } from './exact-convex-combination.js';

/**
 * Decides exactly whether 0 lies in conv{z_i}, by a phase-one simplex in
 * rational arithmetic (BigInt) on
 *   Σ_i α_i z_i = 0,  Σ_i α_i = 1,  α ≥ 0.
 * Bland's rule (the system is highly degenerate) guarantees termination.
 * - Feasible: the basic feasible solution is a convex combination equal to 0.
 * - Infeasible: the simplex multipliers y = (w, c) of the optimal phase-one
 *   tableau satisfy ⟨w, z_i⟩ + c ≤ 0 for all i and c > 0 (Farkas), so u = −w
 *   has ⟨u, z_i⟩ ≥ c > 0: the data are strictly separable.
 * Both outcomes are re-checked by exact substitution before being returned.
 * Used when the floating-point candidates could not settle the question.
 */

export type HullDecision =
  | { kind: 'zero-in-hull'; support: number[]; weights: Rational[] }
  | { kind: 'separated'; direction: Rational[] };

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(num: bigint, den: bigint): Rational {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

const ZERO: Rational = { num: 0n, den: 1n };
const ONE: Rational = { num: 1n, den: 1n };
const sub = (a: Rational, b: Rational): Rational => make(a.num * b.den - b.num * a.den, a.den * b.den);
const mul = (a: Rational, b: Rational): Rational => (a.num === 0n || b.num === 0n ? ZERO : make(a.num * b.num, a.den * b.den));
const div = (a: Rational, b: Rational): Rational => make(a.num * b.den, a.den * b.num);
const cmp = (a: Rational, b: Rational): number => {
  const x = a.num * b.den - b.num * a.den;
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};

function fromDouble(x: number): Rational {
  const { m, e } = binaryValue(x);
  return e >= 0 ? { num: m << BigInt(e), den: 1n } : make(m, 1n << BigInt(-e));
}

/**
 * The decision, or null when the pivot budget ran out. `points` are finite doubles.
 */
export function decideZeroInHull(points: readonly (readonly number[])[], maxPivots = 10_000): HullDecision | null {
  const n = points.length;
  const d = points[0].length;
  const m = d + 1;
  // Tableau rows r < m: [A | I | b]; columns 0..n−1 α, n..n+m−1 artificials, last the right-hand side.
  const cols = n + m + 1;
  const T: Rational[][] = [];
  for (let r = 0; r < m; r++) {
    const row: Rational[] = new Array(cols).fill(ZERO);
    for (let i = 0; i < n; i++) row[i] = r < d ? fromDouble(points[i][r]) : ONE;
    row[n + r] = ONE;
    row[cols - 1] = r < d ? ZERO : ONE;
    T.push(row);
  }
  const basis = Array.from({ length: m }, (_, r) => n + r);
  // Reduced costs of the phase-one objective Σ artificials: r_j = c_j − Σ_r T[r][j] (c = 1 on artificials).
  const reduced = (j: number): Rational => {
    let s = j >= n ? ONE : ZERO;
    for (let r = 0; r < m; r++) {
      const cb = basis[r] >= n ? ONE : ZERO;
      if (cb.num !== 0n) s = sub(s, T[r][j]);
    }
    return s;
  };
  for (let pivots = 0; ; pivots++) {
    if (pivots > maxPivots) return null;
    let enter = -1;
    for (let j = 0; j < n + m; j++) {
      if (basis.includes(j)) continue;
      if (reduced(j).num < 0n) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best: Rational | null = null;
    for (let r = 0; r < m; r++) {
      if (T[r][enter].num <= 0n) continue;
      const ratio = div(T[r][cols - 1], T[r][enter]);
      const c = best === null ? -1 : cmp(ratio, best);
      if (c < 0 || (c === 0 && basis[r] < basis[leave])) {
        best = ratio;
        leave = r;
      }
    }
    if (leave < 0) return null; // unbounded: impossible for phase one
    const p = T[leave][enter];
    T[leave] = T[leave].map((x) => div(x, p));
    for (let r = 0; r < m; r++) {
      if (r === leave || T[r][enter].num === 0n) continue;
      const f = T[r][enter];
      T[r] = T[r].map((x, j) => sub(x, mul(f, T[leave][j])));
    }
    basis[leave] = enter;
  }
  // Phase-one optimum W = Σ of basic artificial values.
  let W = ZERO;
  for (let r = 0; r < m; r++) if (basis[r] >= n) W = make(W.num * T[r][cols - 1].den + T[r][cols - 1].num * W.den, W.den * T[r][cols - 1].den);
  if (W.num === 0n) {
    const support: number[] = [];
    const weights: Rational[] = [];
    for (let r = 0; r < m; r++) {
      if (basis[r] < n && T[r][cols - 1].num !== 0n) {
        support.push(basis[r]);
        weights.push(T[r][cols - 1]);
      }
    }
    return checkCombination(points, support, weights) ? { kind: 'zero-in-hull', support, weights } : null;
  }
  // Multipliers y_k = c_k − r_k on the artificial columns (c_k = 1).
  const y = Array.from({ length: m }, (_, k) => sub(ONE, reduced(n + k)));
  const direction = y.slice(0, d).map((v) => make(-v.num, v.den));
  return checkSeparation(points, direction) ? { kind: 'separated', direction } : null;
}

function dotExact(z: readonly number[], u: readonly Rational[]): Rational {
  let s = ZERO;
  for (let j = 0; j < z.length; j++) {
    if (z[j] === 0 || u[j].num === 0n) continue;
    const t = mul(fromDouble(z[j]), u[j]);
    s = make(s.num * t.den + t.num * s.den, s.den * t.den);
  }
  return s;
}

function checkCombination(points: readonly (readonly number[])[], support: number[], weights: Rational[]): boolean {
  if (weights.some((w) => w.num < 0n)) return false;
  let total = ZERO;
  for (const w of weights) total = make(total.num * w.den + w.num * total.den, total.den * w.den);
  if (cmp(total, ONE) !== 0) return false;
  for (let j = 0; j < points[0].length; j++) {
    let s = ZERO;
    support.forEach((i, k) => {
      const t = mul(fromDouble(points[i][j]), weights[k]);
      s = make(s.num * t.den + t.num * s.den, s.den * t.den);
    });
    if (s.num !== 0n) return false;
  }
  return true;
}

function checkSeparation(points: readonly (readonly number[])[], u: Rational[]): boolean {
  return points.every((z) => dotExact(z, u).num > 0n);
}

/** min_i ⟨z_i, u⟩ and ‖u‖², exactly (for the margin bound of a separating direction). */
export function marginOfDirection(points: readonly (readonly number[])[], u: readonly Rational[]): { minDot: Rational; normSquared: Rational } {
  let minDot: Rational | null = null;
  for (const z of points) {
    const v = dotExact(z, u);
    if (minDot === null || cmp(v, minDot) < 0) minDot = v;
  }
  let nsq = ZERO;
  for (const c of u) {
    const t = mul(c, c);
    nsq = make(nsq.num * t.den + t.num * nsq.den, nsq.den * t.den);
  }
  return { minDot: minDot ?? ZERO, normSquared: nsq };
}
