import { Decimal } from 'decimal.js';
import { DomainError } from './domain-error.js';
import {
  DECIMAL_INFINITY as INFINITY,
  DECIMAL_NEG_INFINITY as NEG_INFINITY,
  DECIMAL_ONE as ONE,
  DECIMAL_ZERO as ZERO,
  type DirectedDecimal,
  type Direction,
  directedDecimal,
} from './decimal-rounding.js';

/**
 * A closed real interval with decimal ends: lo ≤ hi, never NaN, lo < +∞ and
 * hi > −∞ (an infinite end means unbounded on that side).
 */
export class DecimalInterval {
  constructor(
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}

  toString(): string {
    return `[${this.lo.toString()}, ${this.hi.toString()}]`;
  }
}

/** Extra digits for composite functions, whose ends are rounded outward to the target precision once at the end. */
const WORKING_GUARD = 8;

const NEG_ONE = ONE.neg();
const TWO = ONE.plus(ONE);
/** Where ℓ^(−1)(v) = −log(e^v − 1) is close to its zero at ln 2 ≈ 0.6931. */
const NEAR_LN2_LO = new Decimal('0.6');
const NEAR_LN2_HI = new Decimal('0.8');
const UNIT = new DecimalInterval(ZERO, ONE);
const POINT_ZERO = new DecimalInterval(ZERO, ZERO);
const POINT_ONE = new DecimalInterval(ONE, ONE);

function opposite(dir: Direction): Direction {
  return dir === 'down' ? 'up' : 'down';
}

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}

function maxOf(a: Decimal, b: Decimal): Decimal {
  return a.gt(b) ? a : b;
}

/** a · b in the precision of `r` (sign cases; 0 · ∞ = 0). */
function mulWith(r: DirectedDecimal, a: DecimalInterval, b: DecimalInterval): DecimalInterval {
  const { lo: al, hi: ah } = a;
  const { lo: bl, hi: bh } = b;
  if (al.gte(0)) {
    if (bl.gte(0)) return new DecimalInterval(r.mul(al, bl, 'down'), r.mul(ah, bh, 'up'));
    if (bh.lte(0)) return new DecimalInterval(r.mul(ah, bl, 'down'), r.mul(al, bh, 'up'));
    return new DecimalInterval(r.mul(ah, bl, 'down'), r.mul(ah, bh, 'up'));
  }
  if (ah.lte(0)) {
    if (bl.gte(0)) return new DecimalInterval(r.mul(al, bh, 'down'), r.mul(ah, bl, 'up'));
    if (bh.lte(0)) return new DecimalInterval(r.mul(ah, bh, 'down'), r.mul(al, bl, 'up'));
    return new DecimalInterval(r.mul(al, bh, 'down'), r.mul(al, bl, 'up'));
  }
  if (bl.gte(0)) return new DecimalInterval(r.mul(al, bh, 'down'), r.mul(ah, bh, 'up'));
  if (bh.lte(0)) return new DecimalInterval(r.mul(ah, bl, 'down'), r.mul(al, bl, 'up'));
  return new DecimalInterval(
    minOf(r.mul(al, bh, 'down'), r.mul(ah, bl, 'down')),
    maxOf(r.mul(al, bl, 'up'), r.mul(ah, bh, 'up')),
  );
}

/** a / b for 0 ∉ b, in the precision of `r` (no ∞/∞ arises: the relevant ends of b are finite). */
function divWith(r: DirectedDecimal, a: DecimalInterval, b: DecimalInterval): DecimalInterval {
  const { lo: al, hi: ah } = a;
  const { lo: bl, hi: bh } = b;
  if (bl.gt(0)) {
    if (al.gte(0)) return new DecimalInterval(r.div(al, bh, 'down'), r.div(ah, bl, 'up'));
    if (ah.lte(0)) return new DecimalInterval(r.div(al, bl, 'down'), r.div(ah, bh, 'up'));
    return new DecimalInterval(r.div(al, bl, 'down'), r.div(ah, bl, 'up'));
  }
  if (al.gte(0)) return new DecimalInterval(r.div(ah, bh, 'down'), r.div(al, bl, 'up'));
  if (ah.lte(0)) return new DecimalInterval(r.div(ah, bl, 'down'), r.div(al, bh, 'up'));
  return new DecimalInterval(r.div(ah, bh, 'down'), r.div(al, bh, 'up'));
}

/** a^n for an integer n ≥ 1 in the precision of `r`. */
function powWith(r: DirectedDecimal, a: DecimalInterval, n: number): DecimalInterval {
  const { lo, hi } = a;
  const odd = n % 2 === 1;
  if (lo.gte(0)) return new DecimalInterval(r.powPositive(lo, n, 'down'), r.powPositive(hi, n, 'up'));
  if (hi.lte(0)) {
    if (odd) return new DecimalInterval(r.powPositive(lo.neg(), n, 'up').neg(), r.powPositive(hi.neg(), n, 'down').neg());
    return new DecimalInterval(r.powPositive(hi.neg(), n, 'down'), r.powPositive(lo.neg(), n, 'up'));
  }
  if (odd) return new DecimalInterval(r.powPositive(lo.neg(), n, 'up').neg(), r.powPositive(hi, n, 'up'));
  return new DecimalInterval(ZERO, maxOf(r.powPositive(lo.neg(), n, 'up'), r.powPositive(hi, n, 'up')));
}

/**
 * Interval operations with ends at `digits` significant digits. Every
 * operation returns an enclosure of the exact real result over all reals of
 * its inputs, lower ends rounded toward −∞ and upper ends toward +∞.
 * Monotone functions are evaluated at the ends; composite ones at a few guard
 * digits, then rounded outward once. (`decimalArith` in decimal-arith.ts is
 * the cached entry point.)
 */
export class DecimalIntervalArithmetic {
  /** Rounding at the target precision. */
  protected readonly out: DirectedDecimal;
  /** Rounding at the working precision of composite functions. */
  protected readonly work: DirectedDecimal;

  constructor(readonly digits: number) {
    this.out = directedDecimal(digits);
    this.work = directedDecimal(digits + WORKING_GUARD);
  }

  /** [lo, hi] after validation. */
  interval(lo: Decimal, hi: Decimal): DecimalInterval {
    if (lo.isNaN() || hi.isNaN()) throw new DomainError('interval', true, 'NaN end');
    if (lo.gt(hi) || (!lo.isFinite() && lo.isPositive()) || (!hi.isFinite() && hi.isNegative())) {
      throw new RangeError(`interval: invalid ends [${lo}, ${hi}]`);
    }
    return new DecimalInterval(lo, hi);
  }

  /** The interval rounded outward to the target precision. */
  outward(a: DecimalInterval): DecimalInterval {
    return new DecimalInterval(this.out.round(a.lo, 'down'), this.out.round(a.hi, 'up'));
  }

  /** a · b rounded outward at the working precision (for accumulations rounded once at the end). */
  protected workProduct(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return mulWith(this.work, a, b);
  }

  private outwardEnds(lo: Decimal, hi: Decimal): DecimalInterval {
    return new DecimalInterval(this.out.round(lo, 'down'), this.out.round(hi, 'up'));
  }

  add(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return new DecimalInterval(this.out.add(a.lo, b.lo, 'down'), this.out.add(a.hi, b.hi, 'up'));
  }

  sub(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return new DecimalInterval(this.out.sub(a.lo, b.hi, 'down'), this.out.sub(a.hi, b.lo, 'up'));
  }

  mul(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return mulWith(this.out, a, b);
  }

  /** a / b; DomainError when 0 ∈ b (certain when b = [0, 0]). */
  div(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    if (b.lo.lte(0) && b.hi.gte(0)) throw new DomainError('div', b.lo.isZero() && b.hi.isZero(), 'divisor contains 0');
    return divWith(this.out, a, b);
  }

  neg(a: DecimalInterval): DecimalInterval {
    return new DecimalInterval(a.hi.neg(), a.lo.neg());
  }

  abs(a: DecimalInterval): DecimalInterval {
    if (a.lo.gte(0)) return a;
    if (a.hi.lte(0)) return this.neg(a);
    return new DecimalInterval(ZERO, maxOf(a.lo.neg(), a.hi));
  }

  min(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return new DecimalInterval(minOf(a.lo, b.lo), minOf(a.hi, b.hi));
  }

  max(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return new DecimalInterval(maxOf(a.lo, b.lo), maxOf(a.hi, b.hi));
  }

  sqr(a: DecimalInterval): DecimalInterval {
    return powWith(this.out, a, 2);
  }

  /** a^n for an integer n (x^0 = 1); negative n raises DomainError when 0 ∈ a (certain when a = [0, 0]). */
  powInt(a: DecimalInterval, n: number): DecimalInterval {
    if (!Number.isSafeInteger(n)) throw new RangeError(`powInt: exponent ${n} is not an integer`);
    if (n === 0) return POINT_ONE;
    if (n === 1) return a;
    if (n > 0) return this.outward(powWith(this.work, a, n));
    if (a.lo.lte(0) && a.hi.gte(0)) {
      throw new DomainError('powInt', a.lo.isZero() && a.hi.isZero(), 'negative power of an interval containing 0');
    }
    return divWith(this.out, POINT_ONE, powWith(this.work, a, -n));
  }

  /** √a; DomainError when a has negative points (certain when all are negative). */
  sqrt(a: DecimalInterval): DecimalInterval {
    if (a.lo.isNegative() && !a.lo.isZero()) throw new DomainError('sqrt', a.hi.lt(0), 'negative argument');
    return new DecimalInterval(this.out.sqrt(a.lo, 'down'), this.out.sqrt(a.hi, 'up'));
  }

  exp(a: DecimalInterval): DecimalInterval {
    return new DecimalInterval(this.out.exp(a.lo, 'down'), this.out.exp(a.hi, 'up'));
  }

  expm1(a: DecimalInterval): DecimalInterval {
    return new DecimalInterval(this.out.expm1(a.lo, 'down'), this.out.expm1(a.hi, 'up'));
  }

  /** log a; DomainError unless a > 0 (certain when a ≤ 0 entirely). */
  log(a: DecimalInterval): DecimalInterval {
    if (a.lo.lte(0)) throw new DomainError('log', a.hi.lte(0), 'non-positive argument');
    return new DecimalInterval(this.out.ln(a.lo, 'down'), this.out.ln(a.hi, 'up'));
  }

  /** log1p a; DomainError unless a > −1. */
  log1p(a: DecimalInterval): DecimalInterval {
    if (a.lo.lte(-1)) throw new DomainError('log1p', a.hi.lte(-1), 'argument ≤ −1');
    return new DecimalInterval(this.out.log1p(a.lo, 'down'), this.out.log1p(a.hi, 'up'));
  }

  relu(a: DecimalInterval): DecimalInterval {
    if (a.lo.gte(0)) return a;
    return new DecimalInterval(ZERO, maxOf(a.hi, ZERO));
  }

  /** σ'(z): 0 for z < 0, 1 for z > 0, σ'(0) = 0 at an exact zero (as the float intervals), and [0, 1] when the argument straddles or touches 0. */
  reluPrime(a: DecimalInterval): DecimalInterval {
    if (a.hi.lt(0) || (a.lo.isZero() && a.hi.isZero())) return POINT_ZERO;
    if (a.lo.gt(0)) return POINT_ONE;
    return UNIT;
  }

  /** ℓ(z) = log(1 + e^(−z)), decreasing. */
  logistic(a: DecimalInterval): DecimalInterval {
    return this.outwardEnds(this.logisticAt(a.hi, 'down'), this.logisticAt(a.lo, 'up'));
  }

  /** ℓ'(z) = −1/(1 + e^z), increasing. */
  logisticPrime(a: DecimalInterval): DecimalInterval {
    return this.outwardEnds(this.logisticPrimeAt(a.lo, 'down'), this.logisticPrimeAt(a.hi, 'up'));
  }

  /** ℓ^(−1)(v) = −log(e^v − 1) for v > 0, decreasing. */
  logisticInverse(a: DecimalInterval): DecimalInterval {
    if (a.lo.lte(0)) throw new DomainError('logisticInverse', a.hi.lte(0), 'non-positive argument');
    return this.outwardEnds(this.logisticInverseAt(a.hi, 'down'), this.logisticInverseAt(a.lo, 'up'));
  }

  /** e^(−z), decreasing. */
  expLoss(a: DecimalInterval): DecimalInterval {
    return new DecimalInterval(this.out.exp(a.hi.neg(), 'down'), this.out.exp(a.lo.neg(), 'up'));
  }

  /** −log v for v > 0, decreasing. */
  expLossInverse(a: DecimalInterval): DecimalInterval {
    if (a.lo.lte(0)) throw new DomainError('expLossInverse', a.hi.lte(0), 'non-positive argument');
    return new DecimalInterval(this.out.ln(a.hi, 'up').neg(), this.out.ln(a.lo, 'down').neg());
  }

  /** ℓ(z) rounded in direction `dir`, without cancellation for either sign of z. */
  private logisticAt(z: Decimal, dir: Direction): Decimal {
    const w = this.work;
    if (!z.isFinite()) return z.isPositive() ? ZERO : INFINITY;
    if (!z.isNegative()) return w.log1p(w.exp(z.neg(), dir), dir);
    // ℓ(z) = −z + log(1 + e^z) for z < 0.
    return w.add(z.neg(), w.log1p(w.exp(z, dir), dir), dir);
  }

  /** −1/(1 + e^z) rounded in direction `dir`: the quotient is rounded the other way. */
  private logisticPrimeAt(z: Decimal, dir: Direction): Decimal {
    const w = this.work;
    if (!z.isFinite()) return z.isPositive() ? ZERO : NEG_ONE;
    const denominator = w.add(ONE, w.exp(z, dir), dir);
    return w.div(ONE, denominator, opposite(dir)).neg();
  }

  /** −log(e^v − 1) rounded in direction `dir` (v > 0). */
  private logisticInverseAt(v: Decimal, dir: Direction): Decimal {
    const w = this.work;
    if (!v.isFinite()) return NEG_INFINITY;
    const other = opposite(dir);
    if (v.gt(NEAR_LN2_LO) && v.lt(NEAR_LN2_HI)) {
      // Near the zero at v = ln 2, log(e^v − 1) = log1p(e^v − 2) and e^v − 2 cancels: recompute it with the digits lost.
      const shifted = w.sub(w.exp(v, other), TWO, other);
      if (shifted.isZero() || shifted.e < -1) {
        const extra = shifted.isZero() ? w.precision + 20 : Math.min(2 - shifted.e, w.precision + 20);
        const wide = directedDecimal(w.precision + extra);
        return w.log1p(wide.sub(wide.exp(v, other), TWO, other), other).neg();
      }
    }
    if (v.lt(1)) return w.ln(w.expm1(v, other), other).neg();
    // −log(e^v − 1) = −v − log(1 − e^(−v)) for v ≥ 1, without overflow for huge v.
    const tail = w.log1p(w.exp(v.neg(), dir).neg(), other);
    return w.sub(v.neg(), tail, dir);
  }
}
