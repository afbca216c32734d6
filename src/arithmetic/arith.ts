import type { Truth } from './truth.js';

/**
 * One formula, several evaluations. A formula is written once against
 * `Arith<T>` and evaluated in plain floats (screening, never certifies),
 * float intervals (certification), double-double or decimal intervals
 * (refinement).
 * Interval instances also evaluate on boxes: `range(lo, hi)` is a parameter
 * that ranges over a whole interval.
 *
 * Every operation of a certified instance returns an enclosure of the exact
 * real result of the exact real inputs. Operations outside their domain throw
 * `DomainError` (certain when the whole argument is outside the domain).
 */
export interface Arith<T> {
  readonly kind: 'float' | 'interval' | 'double-double' | 'decimal';
  /** True when results are rigorous enclosures. */
  readonly certified: boolean;
  /** Decimal digits for `decimal`; 17 for the float kinds. */
  readonly digits: number;

  /** The exact value of a double (every double is an exact real). */
  num(x: number): T;
  /** An enclosure of an exact decimal or rational literal: "0.1", "-3e-7", "1/3". */
  exact(text: string): T;
  /** A parameter ranging over [lo, hi] (box evaluation); floats take the midpoint. */
  range(lo: number, hi: number): T;
  /** An enclosure of a well-known constant. */
  constant(name: 'pi' | 'e' | 'ln2'): T;

  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  sqr(a: T): T;
  sqrt(a: T): T;
  powInt(a: T, n: number): T;
  exp(a: T): T;
  expm1(a: T): T;
  log(a: T): T;
  log1p(a: T): T;

  /** ReLU σ(z) = max(0, z) and σ'(z) (the interval [0, 1] where z straddles 0; σ'(0) ∈ [0, 1]). */
  relu(a: T): T;
  reluPrime(a: T): T;
  /** Logistic loss ℓ(z) = log(1 + e^(−z)), ℓ'(z) = −e^(−z)/(1 + e^(−z)), ℓ^(−1)(v) = −log(e^v − 1) for v > 0. */
  logistic(a: T): T;
  logisticPrime(a: T): T;
  logisticInverse(a: T): T;
  /** Exponential loss e^(−z) and its inverse −log(v) for v > 0. */
  expLoss(a: T): T;
  expLossInverse(a: T): T;

  /** Sum and dot product of equal-length arrays (kernels may be faster than a fold). */
  sum(xs: readonly T[]): T;
  dot(xs: readonly T[], ys: readonly T[]): T;
  /** Optional: the entrywise sums of equally long arrays, entry j exactly as `sum` of the arrays' j-th entries (without building each column). */
  sumEach?(terms: readonly (readonly T[])[]): T[];

  /** A double ≤ every point of the enclosure (−∞ allowed), and one ≥ every point. */
  lo(a: T): number;
  hi(a: T): number;
  /** Upper bound of hi − lo, as a double (0 for floats). */
  width(a: T): number;
  hull(a: T, b: T): T;
  /** Whether every point of `a` lies in `b`. */
  subset(a: T, b: T): boolean;
  /**
   * Certified comparisons (for floats: a plain comparison, which the caller never treats as a certificate).
   * lt: proved when hi(a) < lo(b), refuted when lo(a) ≥ hi(b) (every point of a is ≥ every point of b).
   * le: proved when hi(a) ≤ lo(b), refuted when lo(a) > hi(b). Otherwise inconclusive.
   */
  lt(a: T, b: T): Truth;
  le(a: T, b: T): Truth;
  /** Decimal strings of the ends, exact for doubles (for reports). */
  format(a: T): [string, string];
}
