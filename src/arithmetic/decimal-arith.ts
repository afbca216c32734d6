import { Decimal } from 'decimal.js';
import type { Arith } from './arith.js';
import { DomainError } from './domain-error.js';
import { ExactDecimal, decimalFromDouble, doubleAbove, doubleBelow, parseDecimalLiteral } from './exact.js';
import { DecimalInterval, DecimalIntervalArithmetic } from './decimal-interval.js';
import { DECIMAL_ZERO, MAX_DIGITS } from './decimal-rounding.js';
import { intervalOrder } from './truth.js';

const MAX_DOUBLE = decimalFromDouble(Number.MAX_VALUE);
const DECIMAL_ORDER = intervalOrder<DecimalInterval, Decimal>(
  (a) => a.lo,
  (a) => a.hi,
  (x, y) => x.cmp(y),
);

/**
 * Decimal intervals as an `Arith`: the refinement arithmetic. Results are
 * certified enclosures with ends at `digits` significant digits.
 */
export class DecimalArith extends DecimalIntervalArithmetic implements Arith<DecimalInterval> {
  readonly kind = 'decimal' as const;
  readonly certified = true;
  private readonly constants = new Map<string, DecimalInterval>();

  constructor(digits: number) {
    if (!Number.isInteger(digits) || digits < 1 || digits > MAX_DIGITS) {
      throw new RangeError(`decimalArith: digits must be an integer in [1, ${MAX_DIGITS}], got ${digits}`);
    }
    super(digits);
  }

  /** The exact double, rounded outward when it has more than `digits` digits; ±∞ is the overflow range beyond ±MAX_VALUE. */
  num(x: number): DecimalInterval {
    if (x !== x) throw new DomainError('num', true, 'NaN');
    if (x === Infinity) return new DecimalInterval(this.out.round(MAX_DOUBLE, 'down'), new ExactDecimal(Infinity));
    if (x === -Infinity) return new DecimalInterval(new ExactDecimal(-Infinity), this.out.round(MAX_DOUBLE.neg(), 'up'));
    return this.outward(new DecimalInterval(decimalFromDouble(x), decimalFromDouble(x)));
  }

  /** "0.1", "-3e-7", "1/3": a tight enclosure of the exact rational. */
  exact(text: string): DecimalInterval {
    const slash = text.indexOf('/');
    if (slash < 0) {
      const value = parseDecimalLiteral(text, text);
      return this.outward(new DecimalInterval(value, value));
    }
    const numerator = parseDecimalLiteral(text.slice(0, slash), text);
    const denominator = parseDecimalLiteral(text.slice(slash + 1), text);
    if (denominator.isZero()) throw new DomainError('exact', true, `zero denominator in "${text}"`);
    return new DecimalInterval(this.out.div(numerator, denominator, 'down'), this.out.div(numerator, denominator, 'up'));
  }

  /** All reals between two doubles (ends may be infinite: an unbounded box side). */
  range(lo: number, hi: number): DecimalInterval {
    if (lo !== lo || hi !== hi) throw new DomainError('range', true, 'NaN end');
    if (!(lo <= hi) || lo === Infinity || hi === -Infinity) throw new RangeError(`range: invalid ends [${lo}, ${hi}]`);
    return this.outward(new DecimalInterval(decimalFromDouble(lo), decimalFromDouble(hi)));
  }

  constant(name: 'pi' | 'e' | 'ln2'): DecimalInterval {
    let value = this.constants.get(name);
    if (!value) {
      const one = new DecimalInterval(new Decimal(1), new Decimal(1));
      if (name === 'e') value = this.exp(one);
      else if (name === 'ln2') value = this.log(this.num(2));
      else value = this.pi();
      this.constants.set(name, value);
    }
    return value;
  }

  /** π from decimal.js's table of its digits (acos(−1) reads it), widened by ten guard units, rounded outward. */
  private pi(): DecimalInterval {
    const guarded = this.digits + 5;
    const Wide = Decimal.clone({ precision: guarded, rounding: Decimal.ROUND_HALF_EVEN });
    const approx = Wide.acos(-1);
    const slack = new Decimal(`1e${approx.e - guarded + 2}`);
    return this.outward(new DecimalInterval(approx.minus(slack), approx.plus(slack)));
  }

  sum(xs: readonly DecimalInterval[]): DecimalInterval {
    const w = this.work;
    let lo = DECIMAL_ZERO;
    let hi = DECIMAL_ZERO;
    for (const x of xs) {
      lo = w.add(lo, x.lo, 'down');
      hi = w.add(hi, x.hi, 'up');
    }
    return this.outward(new DecimalInterval(lo, hi));
  }

  dot(xs: readonly DecimalInterval[], ys: readonly DecimalInterval[]): DecimalInterval {
    if (xs.length !== ys.length) throw new RangeError(`dot: lengths ${xs.length} and ${ys.length} differ`);
    const w = this.work;
    let lo = DECIMAL_ZERO;
    let hi = DECIMAL_ZERO;
    for (let i = 0; i < xs.length; i++) {
      const p = this.workProduct(xs[i], ys[i]);
      lo = w.add(lo, p.lo, 'down');
      hi = w.add(hi, p.hi, 'up');
    }
    return this.outward(new DecimalInterval(lo, hi));
  }

  lo(a: DecimalInterval): number {
    return doubleBelow(a.lo);
  }

  hi(a: DecimalInterval): number {
    return doubleAbove(a.hi);
  }

  width(a: DecimalInterval): number {
    return doubleAbove(this.out.sub(a.hi, a.lo, 'up'));
  }

  hull(a: DecimalInterval, b: DecimalInterval): DecimalInterval {
    return new DecimalInterval(a.lo.lt(b.lo) ? a.lo : b.lo, a.hi.gt(b.hi) ? a.hi : b.hi);
  }

  subset(a: DecimalInterval, b: DecimalInterval): boolean {
    return b.lo.lte(a.lo) && a.hi.lte(b.hi);
  }

  readonly lt = DECIMAL_ORDER.lt;
  readonly le = DECIMAL_ORDER.le;

  format(a: DecimalInterval): [string, string] {
    return [a.lo.toString(), a.hi.toString()];
  }
}

const cache = new Map<number, DecimalArith>();

/** The decimal-interval arithmetic at `digits` significant digits (cached per digits). */
export function decimalArith(digits: number): DecimalArith {
  let arith = cache.get(digits);
  if (!arith) {
    arith = new DecimalArith(digits);
    cache.set(digits, arith);
  }
  return arith;
}
