import type { Arith } from '../arithmetic/arith.js';

/**
 * The net's hot quantities in any arithmetic (decimal intervals, dual
 * numbers, or as a reference for the fast paths), on flat row-major arrays:
 * W, Z are m × d, X is n × d. Same formulas as relu-net-float.ts.
 */
export interface GenericSample<T> {
  n: number;
  m: number;
  d: number;
  X: readonly T[];
  y: readonly T[];
  a: readonly T[];
}

function row<T>(M: readonly T[], r: number, cols: number): readonly T[] {
  return M.slice(r * cols, (r + 1) * cols);
}

/** ⟨w_j, x_k⟩: n × m, row-major by k. */
export function preactivations<T>(A: Arith<T>, W: readonly T[], s: GenericSample<T>): T[] {
  const rows = Array.from({ length: s.m }, (_, j) => row(W, j, s.d));
  const P: T[] = [];
  for (let k = 0; k < s.n; k++) {
    const x = row(s.X, k, s.d);
    for (let j = 0; j < s.m; j++) P.push(A.dot(rows[j], x));
  }
  return P;
}

function inverseSqrt<T>(A: Arith<T>, m: number): T {
  return A.div(A.num(1), A.sqrt(A.num(m)));
}

/** f(x_k; W) = (1/√m) Σ_j a_j σ(p_kj) for every k. */
export function outputs<T>(A: Arith<T>, P: readonly T[], s: GenericSample<T>): T[] {
  const scale = inverseSqrt(A, s.m);
  const f: T[] = [];
  for (let k = 0; k < s.n; k++) {
    const terms: T[] = [];
    for (let j = 0; j < s.m; j++) terms.push(A.mul(s.a[j], A.relu(P[k * s.m + j])));
    f.push(A.mul(scale, A.sum(terms)));
  }
  return f;
}

export function risk<T>(A: Arith<T>, W: readonly T[], s: GenericSample<T>): T {
  const f = outputs(A, preactivations(A, W, s), s);
  return A.div(A.sum(f.map((fk, k) => A.logistic(A.mul(s.y[k], fk)))), A.num(s.n));
}

/** ∇R̂(W): entry (j, l) is (1/n) Σ_k ℓ'(y_k f(x_k; W)) y_k (1/√m) a_j σ'(p_kj) x_kl. */
export function riskGradient<T>(A: Arith<T>, W: readonly T[], s: GenericSample<T>): T[] {
  const P = preactivations(A, W, s);
  const f = outputs(A, P, s);
  const slope = f.map((fk, k) => A.mul(A.logisticPrime(A.mul(s.y[k], fk)), s.y[k]));
  const scale = inverseSqrt(A, s.m);
  const n = A.num(s.n);
  const G: T[] = [];
  for (let j = 0; j < s.m; j++) {
    const coefficients = slope.map((sk, k) => A.mul(sk, A.reluPrime(P[k * s.m + j])));
    const rowScale = A.mul(scale, s.a[j]);
    for (let l = 0; l < s.d; l++) {
      const column = Array.from({ length: s.n }, (_, k) => s.X[k * s.d + l]);
      G.push(A.div(A.mul(rowScale, A.dot(coefficients, column)), n));
    }
  }
  return G;
}

/** R̂⁽ⁱ⁾(Z) = (1/n) Σ_k ℓ(y_k ⟨Z, ∇f(x_k; W_i)⟩) with W = W_i. */
export function surrogateRisk<T>(A: Arith<T>, Z: readonly T[], W: readonly T[], s: GenericSample<T>): T {
  const P = preactivations(A, W, s);
  const Q = preactivations(A, Z, s);
  const scale = inverseSqrt(A, s.m);
  const losses: T[] = [];
  for (let k = 0; k < s.n; k++) {
    const terms: T[] = [];
    for (let j = 0; j < s.m; j++) terms.push(A.mul(A.mul(s.a[j], A.reluPrime(P[k * s.m + j])), Q[k * s.m + j]));
    losses.push(A.logistic(A.mul(s.y[k], A.mul(scale, A.sum(terms)))));
  }
  return A.div(A.sum(losses), A.num(s.n));
}

/** f(x; W) for one point. */
export function output<T>(A: Arith<T>, x: readonly T[], W: readonly T[], a: readonly T[], d: number): T {
  const one: GenericSample<T> = { n: 1, m: a.length, d, X: x, y: [], a };
  return outputs(A, preactivations(A, W, one), one)[0];
}

/** ∇f(x; W) for one point: rows (1/√m) a_j σ'(⟨w_j, x⟩) x. */
export function gradient<T>(A: Arith<T>, x: readonly T[], W: readonly T[], a: readonly T[], d: number): T[] {
  const m = a.length;
  const scale = inverseSqrt(A, m);
  const G: T[] = [];
  for (let j = 0; j < m; j++) {
    const c = A.mul(scale, A.mul(a[j], A.reluPrime(A.dot(row(W, j, d), x))));
    for (let l = 0; l < d; l++) G.push(A.mul(c, x[l]));
  }
  return G;
}

/** ⟨∇f(x; W), V⟩ = (1/√m) Σ_j a_j σ'(⟨w_j, x⟩) ⟨v_j, x⟩ for one point. */
export function gradientPairing<T>(A: Arith<T>, x: readonly T[], W: readonly T[], V: readonly T[], a: readonly T[], d: number): T {
  const m = a.length;
  const terms: T[] = [];
  for (let j = 0; j < m; j++) terms.push(A.mul(A.mul(a[j], A.reluPrime(A.dot(row(W, j, d), x))), A.dot(row(V, j, d), x)));
  return A.mul(inverseSqrt(A, m), A.sum(terms));
}
