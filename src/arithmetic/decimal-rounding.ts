import { Decimal } from 'decimal.js';
import { expBound, lnBound } from './decimal-exp.js';

/**
 * Directed rounding of decimal.js scalars: every result is rounded toward −∞
 * ('down') or +∞ ('up') at a fixed number of significant digits, so a lower
 * bound stays a lower bound.
 *
 * decimal.js rounds +, −, ×, ÷ correctly in every mode; sqrt is verified by
 * squaring exactly; exp and ln are the fixed-point bounds of decimal-exp.ts
 * (decimal.js's own exp, ln and pow are not used: they are only promised to
 * about one unit in the last place).
 *
 * Exponent range: decimal.js silently turns |x| ≥ 10^(maxE+1) into ±∞ and
 * |x| < 10^minE into 0 whatever the rounding mode. Every operation here
 * replaces such results by sound bounds (±10^maxE, ±10^minE, or 0 where 0 is
 * on the right side). Infinite operands are unbounded interval ends and exact.
 */

export type Direction = 'down' | 'up';

export const MAX_EXPONENT = 9e15;
const LIMIT_HUGE = new Decimal(`1e${MAX_EXPONENT}`);
const LIMIT_TINY = new Decimal(`1e-${MAX_EXPONENT}`);
/** exp is evaluated only for |x| ≤ EXP_ARGUMENT_LIMIT; beyond, e^x > EXP_HUGE or e^x < EXP_TINY. */
const EXP_ARGUMENT_LIMIT = new Decimal('2e16');
const EXP_HUGE = new Decimal('1e8600000000000000'); // < e^(2e16) = 10^(8.6859e15)
const EXP_TINY = new Decimal('1e-8600000000000000');
const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const INFINITY = new Decimal(Infinity);
const NEG_INFINITY = new Decimal(-Infinity);

/**
 * The largest precision offered to users: internally expm1, log1p and ℓ^(−1)
 * work at up to about twice that, and decimal.js tabulates π to 1025 digits.
 */
export const MAX_DIGITS = 450;
/** The largest internal precision. */
const MAX_INTERNAL_DIGITS = 1000;

function cloneFor(precision: number, rounding: Decimal.Rounding): Decimal.Constructor {
  return Decimal.clone({
    precision,
    rounding,
    minE: -MAX_EXPONENT,
    maxE: MAX_EXPONENT,
    toExpNeg: -7,
    toExpPos: 21,
  });
}

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}

function maxOf(a: Decimal, b: Decimal): Decimal {
  return a.gt(b) ? a : b;
}

/** The true result is beyond the exponent range on the side of `sign`: the sound bound in direction `dir`. */
function overflowBound(sign: number, dir: Direction): Decimal {
  if (sign > 0) return dir === 'down' ? LIMIT_HUGE : INFINITY;
  return dir === 'down' ? NEG_INFINITY : LIMIT_HUGE.neg();
}

/** The true result is non-zero but below 10^minE in magnitude. */
function underflowBound(sign: number, dir: Direction): Decimal {
  if (sign > 0) return dir === 'down' ? ZERO : LIMIT_TINY;
  return dir === 'down' ? LIMIT_TINY.neg() : ZERO;
}

const cache = new Map<number, DirectedDecimal>();

/** Directed arithmetic at `precision` significant digits (cached per precision). */
export function directedDecimal(precision: number): DirectedDecimal {
  let context = cache.get(precision);
  if (!context) {
    context = new DirectedDecimal(precision);
    cache.set(precision, context);
  }
  return context;
}

export class DirectedDecimal {
  private readonly down: Decimal.Constructor;
  private readonly up: Decimal.Constructor;
  /** Exact products of two numbers of this precision (for the sqrt check). */
  private readonly wide: Decimal.Constructor;

  constructor(readonly precision: number) {
    if (!Number.isInteger(precision) || precision < 1 || precision > MAX_INTERNAL_DIGITS) {
      throw new RangeError(`directed decimal precision must be an integer in [1, ${MAX_INTERNAL_DIGITS}], got ${precision}`);
    }
    this.down = cloneFor(precision, Decimal.ROUND_FLOOR);
    this.up = cloneFor(precision, Decimal.ROUND_CEIL);
    this.wide = cloneFor(2 * precision + 2, Decimal.ROUND_HALF_EVEN);
  }

  private ctor(dir: Direction): Decimal.Constructor {
    return dir === 'down' ? this.down : this.up;
  }

  /** x rounded to this precision in direction `dir`. */
  round(x: Decimal, dir: Direction): Decimal {
    return x.toSD(this.precision, dir === 'down' ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL);
  }

  /** One unit in the last place of x (finite, non-zero) at this precision. */
  ulp(x: Decimal): Decimal {
    return new Decimal(`1e${x.e - this.precision + 1}`);
  }

  add(a: Decimal, b: Decimal, dir: Direction): Decimal {
    const r = this.ctor(dir).add(a, b);
    if (!r.isFinite()) {
      if (a.isFinite() && b.isFinite()) return overflowBound(r.s, dir);
    } else if (r.isZero() && !a.isZero() && !b.isZero() && !a.eq(b.neg())) {
      return underflowBound(a.abs().gt(b.abs()) ? a.s : b.s, dir);
    }
    return r;
  }

  sub(a: Decimal, b: Decimal, dir: Direction): Decimal {
    return this.add(a, b.neg(), dir);
  }

  /** a · b with 0 · ∞ = 0 (an end 0 is an attained value). */
  mul(a: Decimal, b: Decimal, dir: Direction): Decimal {
    if (a.isZero() || b.isZero()) return ZERO;
    const r = this.ctor(dir).mul(a, b);
    if (!r.isFinite()) {
      if (a.isFinite() && b.isFinite()) return overflowBound(a.s * b.s, dir);
    } else if (r.isZero()) return underflowBound(a.s * b.s, dir);
    return r;
  }

  /** a / b for b ≠ 0 and not both infinite. */
  div(a: Decimal, b: Decimal, dir: Direction): Decimal {
    if (a.isZero()) return ZERO;
    const r = this.ctor(dir).div(a, b);
    if (!r.isFinite()) {
      if (a.isFinite()) return overflowBound(a.s * b.s, dir);
    } else if (r.isZero() && b.isFinite()) return underflowBound(a.s * b.s, dir);
    return r;
  }

  /** √x for x ≥ 0, checked by squaring exactly. */
  sqrt(x: Decimal, dir: Direction): Decimal {
    if (x.isZero()) return ZERO;
    if (!x.isFinite()) return INFINITY;
    let s = this.ctor(dir).sqrt(x);
    for (let step = 0; ; step++) {
      const square = this.wide.mul(s, s);
      const ok = dir === 'down' ? square.lte(x) : square.gte(x);
      if (ok) return s;
      if (step === 4) throw new Error(`sqrt(${x}) failed its directed-rounding check`);
      s = dir === 'down' ? this.sub(s, this.ulp(s), 'down') : this.add(s, this.ulp(s), 'up');
    }
  }

  /** x^n for x ≥ 0 and an integer n ≥ 1, by squaring; every factor is non-negative so rounding composes. */
  powPositive(x: Decimal, n: number, dir: Direction): Decimal {
    let result = ONE;
    let base = x;
    let k = n;
    for (;;) {
      if (k % 2 === 1) result = this.mul(result, base, dir);
      k = Math.floor(k / 2);
      if (k === 0) return result;
      base = this.mul(base, base, dir);
    }
  }

  exp(x: Decimal, dir: Direction): Decimal {
    if (x.isZero()) return ONE;
    if (!x.isFinite()) return x.s > 0 ? INFINITY : ZERO;
    if (x.gt(EXP_ARGUMENT_LIMIT)) return dir === 'down' ? EXP_HUGE : INFINITY;
    if (x.lt(EXP_ARGUMENT_LIMIT.neg())) return dir === 'down' ? ZERO : EXP_TINY;
    const bound = expBound(x, this.precision, dir);
    // Keep to the right side of the anchor e^0 = 1 (inclusion isotonicity): e^x ≥ 1 + x, and e^x < 1 for x < 0.
    if (dir === 'down') return x.isPositive() ? maxOf(bound, this.add(ONE, x, 'down')) : maxOf(bound, ZERO);
    return x.isNegative() ? minOf(bound, ONE) : bound;
  }

  /** ln x for x ≥ 0 (ln 0 = −∞); near 1, x − 1 − (x − 1)² ≤ ln x ≤ x − 1 when |x − 1| is below the precision. */
  ln(x: Decimal, dir: Direction): Decimal {
    if (x.isZero()) return NEG_INFINITY;
    if (x.isNegative()) throw new RangeError(`ln of a negative number ${x}`);
    if (!x.isFinite()) return INFINITY;
    if (x.eq(ONE)) return ZERO;
    const d = this.sub(x, ONE, dir);
    if (d.e < -(this.precision + 2)) return dir === 'up' ? d : this.sub(d, this.mul(d, d, 'up'), 'down');
    const bound = lnBound(x, this.precision, dir);
    // Keep to the right side of the anchor ln 1 = 0.
    if (dir === 'down') return x.gt(ONE) ? maxOf(bound, ZERO) : bound;
    return x.lt(ONE) ? minOf(bound, ZERO) : bound;
  }

  /** e^x − 1, accurate for tiny x: x ≤ e^x − 1 ≤ x + x² for |x| ≤ 1, used when |x| is below the precision. */
  expm1(x: Decimal, dir: Direction): Decimal {
    if (x.isZero()) return ZERO;
    if (!x.isFinite()) return x.s > 0 ? INFINITY : ONE.neg();
    if (x.e < -(this.precision + 2)) {
      return dir === 'down' ? this.round(x, 'down') : this.add(x, this.mul(x, x, 'up'), 'up');
    }
    // e^x ≈ 1 + x: enough digits to resolve x to full precision below the leading 1.
    const wide = directedDecimal(this.precision + Math.max(0, -x.e) + 6);
    const bound = this.sub(wide.exp(x, dir), ONE, dir);
    // e^x − 1 ≥ x, which also joins the bound continuously to the tiny-x branch.
    return dir === 'down' ? maxOf(bound, this.round(x, 'down')) : bound;
  }

  /** ln(1 + x) for x ≥ −1, accurate for tiny x: x − x² ≤ ln(1 + x) ≤ x for |x| ≤ 1/2, used when |x| is below the precision. */
  log1p(x: Decimal, dir: Direction): Decimal {
    if (x.isZero()) return ZERO;
    if (!x.isFinite()) return INFINITY;
    if (x.e < -(this.precision + 2)) {
      return dir === 'up' ? this.round(x, 'up') : this.sub(x, this.mul(x, x, 'up'), 'down');
    }
    // 1 + x with the digits of x kept; the logarithm itself needs only this precision.
    const wide = directedDecimal(this.precision + Math.max(0, -x.e) + 6);
    const bound = this.ln(wide.add(ONE, x, dir), dir);
    // ln(1 + x) ≤ x, which also joins the bound continuously to the tiny-x branch; ln(1 + x) > 0 for x > 0.
    if (dir === 'up') return minOf(bound, this.round(x, 'up'));
    return x.isPositive() ? maxOf(bound, ZERO) : bound;
  }

  neg(x: Decimal): Decimal {
    return x.neg();
  }
}

export const DECIMAL_ZERO = ZERO;
export const DECIMAL_ONE = ONE;
export const DECIMAL_INFINITY = INFINITY;
export const DECIMAL_NEG_INFINITY = NEG_INFINITY;
