import { DomainError } from './domain-error.js';
import {
  MAX,
  addDown,
  addUp,
  binaryValue,
  timesPowerOfTwo,
  divDown,
  divUp,
  mulDown,
  mulUp,
  nextUp,
  sqrtDown,
  sqrtUp,
  subDown,
  subUp,
} from './rounding.js';

/**
 * A closed real interval [lo, hi] of doubles: lo ≤ hi, never NaN, lo < +∞ and
 * hi > −∞ (an infinite end means unbounded on that side). Every operation
 * returns an enclosure of the exact real result over all reals of its inputs.
 *
 * An infinite double given to `point` is read as a real beyond the double
 * range (what a float computation that overflowed denotes): point(+∞) =
 * [MAX_VALUE, +∞].
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** The empty set, for the IEEE 1788 set-based variants only. */
export type MaybeEmpty = Interval | null;

export const ENTIRE: Interval = Object.freeze({ lo: -Infinity, hi: Infinity });
export const ZERO: Interval = Object.freeze({ lo: 0, hi: 0 });
export const ONE: Interval = Object.freeze({ lo: 1, hi: 1 });
/** σ'(0) and ReLU derivatives of straddling arguments. */
export const UNIT: Interval = Object.freeze({ lo: 0, hi: 1 });

export function entire(): Interval {
  return ENTIRE;
}

/** [lo, hi] after validation; −0 ends become +0 (same real). */
export function interval(lo: number, hi: number): Interval {
  if (lo !== lo || hi !== hi) throw new DomainError('interval', true, 'NaN end');
  if (!(lo <= hi) || lo === Infinity || hi === -Infinity) throw new RangeError(`interval: invalid ends [${lo}, ${hi}]`);
  return { lo: lo + 0, hi: hi + 0 };
}

/** The exact value of a double; ±∞ becomes the overflow range beyond ±MAX_VALUE. */
export function point(x: number): Interval {
  if (x !== x) throw new DomainError('point', true, 'NaN');
  if (x === Infinity) return { lo: MAX, hi: Infinity };
  if (x === -Infinity) return { lo: -Infinity, hi: -MAX };
  return { lo: x + 0, hi: x + 0 };
}

export function isPoint(a: Interval): boolean {
  return a.lo === a.hi;
}

export function contains(a: Interval, x: number): boolean {
  return a.lo <= x && x <= a.hi;
}

export function subset(a: Interval, b: Interval): boolean {
  return b.lo <= a.lo && a.hi <= b.hi;
}

export function hull(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function intersect(a: Interval, b: Interval): MaybeEmpty {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : null;
}

/** An upper bound of hi − lo. */
export function width(a: Interval): number {
  return subUp(a.hi, a.lo);
}

/** A double inside the interval, near its centre (±MAX_VALUE for half-lines, 0 for the whole line). */
export function midpoint(a: Interval): number {
  if (a.lo === -Infinity) return a.hi === Infinity ? 0 : Math.min(-MAX, a.hi);
  if (a.hi === Infinity) return Math.max(MAX, a.lo);
  let m = (a.lo + a.hi) / 2;
  if (!Number.isFinite(m)) m = a.lo / 2 + a.hi / 2;
  return Math.min(Math.max(m, a.lo), a.hi);
}

export function neg(a: Interval): Interval {
  return { lo: -a.hi + 0, hi: -a.lo + 0 };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: addDown(a.lo, b.lo), hi: addUp(a.hi, b.hi) };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: subDown(a.lo, b.hi), hi: subUp(a.hi, b.lo) };
}

/** Product by sign cases; 0 · ∞ = 0 inside mulDown/mulUp. */
export function mul(a: Interval, b: Interval): Interval {
  const { lo: al, hi: ah } = a;
  const { lo: bl, hi: bh } = b;
  if (al >= 0) {
    if (bl >= 0) return { lo: mulDown(al, bl), hi: mulUp(ah, bh) };
    if (bh <= 0) return { lo: mulDown(ah, bl), hi: mulUp(al, bh) };
    return { lo: mulDown(ah, bl), hi: mulUp(ah, bh) };
  }
  if (ah <= 0) {
    if (bl >= 0) return { lo: mulDown(al, bh), hi: mulUp(ah, bl) };
    if (bh <= 0) return { lo: mulDown(ah, bh), hi: mulUp(al, bl) };
    return { lo: mulDown(al, bh), hi: mulUp(al, bl) };
  }
  if (bl >= 0) return { lo: mulDown(al, bh), hi: mulUp(ah, bh) };
  if (bh <= 0) return { lo: mulDown(ah, bl), hi: mulUp(al, bl) };
  return {
    lo: Math.min(mulDown(al, bh), mulDown(ah, bl)),
    hi: Math.max(mulUp(al, bl), mulUp(ah, bh)),
  };
}

/** Quotient when 0 ∉ b (b entirely positive or entirely negative). */
function divNonZero(a: Interval, b: Interval): Interval {
  const { lo: al, hi: ah } = a;
  const { lo: bl, hi: bh } = b;
  if (bl > 0) {
    if (al >= 0) return { lo: divDown(al, bh), hi: divUp(ah, bl) };
    if (ah <= 0) return { lo: divDown(al, bl), hi: divUp(ah, bh) };
    return { lo: divDown(al, bl), hi: divUp(ah, bl) };
  }
  if (al >= 0) return { lo: divDown(ah, bh), hi: divUp(al, bl) };
  if (ah <= 0) return { lo: divDown(ah, bl), hi: divUp(al, bh) };
  return { lo: divDown(ah, bh), hi: divUp(al, bh) };
}

/** a / b; DomainError when 0 ∈ b (certain when b = [0, 0]). */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) throw new DomainError('div', b.lo === 0 && b.hi === 0, 'divisor contains 0');
  return divNonZero(a, b);
}

/**
 * IEEE 1788 set-based division: the tightest interval containing
 * { x/y : x ∈ a, y ∈ b, y ≠ 0 } (empty when b = [0, 0]).
 */
export function divRelaxed(a: MaybeEmpty, b: MaybeEmpty): MaybeEmpty {
  if (a === null || b === null) return null;
  if (b.lo > 0 || b.hi < 0) return divNonZero(a, b);
  if (b.lo === 0 && b.hi === 0) return null;
  if (a.lo === 0 && a.hi === 0) return ZERO;
  if (b.lo < 0 && b.hi > 0) return ENTIRE;
  if (a.lo < 0 && a.hi > 0) return ENTIRE;
  // b = [0, bh] (bh > 0) or [bl, 0] (bl < 0); a lies on one side of 0.
  const bPositive = b.lo === 0;
  const NONNEG = { lo: 0, hi: Infinity };
  const NONPOS = { lo: -Infinity, hi: 0 };
  if (a.hi === 0) return bPositive ? NONPOS : NONNEG;
  if (a.lo === 0) return bPositive ? NONNEG : NONPOS;
  if (a.hi < 0) return bPositive ? { lo: -Infinity, hi: divUp(a.hi, b.hi) } : { lo: divDown(a.hi, b.lo), hi: Infinity };
  return bPositive ? { lo: divDown(a.lo, b.hi), hi: Infinity } : { lo: -Infinity, hi: divUp(a.lo, b.lo) };
}

export function abs(a: Interval): Interval {
  if (a.lo >= 0) return { lo: a.lo + 0, hi: a.hi + 0 };
  if (a.hi <= 0) return { lo: -a.hi + 0, hi: -a.lo };
  return { lo: 0, hi: Math.max(-a.lo, a.hi) };
}

export function min(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function max(a: Interval, b: Interval): Interval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function sqr(a: Interval): Interval {
  if (a.lo >= 0) return { lo: mulDown(a.lo, a.lo), hi: mulUp(a.hi, a.hi) };
  if (a.hi <= 0) return { lo: mulDown(a.hi, a.hi), hi: mulUp(a.lo, a.lo) };
  const m = Math.max(-a.lo, a.hi);
  return { lo: 0, hi: mulUp(m, m) };
}

/** √a; DomainError when a has negative points (certain when all are negative). */
export function sqrt(a: Interval): Interval {
  if (a.lo < 0) throw new DomainError('sqrt', a.hi < 0, 'negative argument');
  return { lo: sqrtDown(a.lo), hi: sqrtUp(a.hi) };
}

/** IEEE 1788 sqrt: the negative part is clipped. */
export function sqrtRelaxed(a: MaybeEmpty): MaybeEmpty {
  if (a === null || a.hi < 0) return null;
  return { lo: sqrtDown(Math.max(a.lo, 0)), hi: sqrtUp(a.hi) };
}

// ---------------------------------------------------------------------------
// Integer powers: exact BigInt powers rounded once for |n| ≤ 64 (tightest
// result), directed repeated squaring beyond.

const EXACT_POWER_LIMIT = 64;

/**
 * Rounds m · 2^e (m > 0) to the greatest double ≤ it (up=false) or the least
 * double ≥ it (up=true). `sticky` marks a value strictly above m · 2^e (a
 * truncated quotient).
 */
function roundBinary(m: bigint, e: number, up: boolean, sticky = false): number {
  const bits = m.toString(2).length;
  if (bits + e > 1024) return up ? Infinity : MAX;
  const shift = Math.max(bits - 53, -1074 - e);
  let q: bigint;
  let inexact = sticky;
  if (shift > 0) {
    q = m >> BigInt(shift);
    if (q << BigInt(shift) !== m) inexact = true;
  } else q = m << BigInt(-shift);
  const k = e + shift;
  // q < 2^53 so Number(q) is exact; the scaled result is representable.
  const x = timesPowerOfTwo(Number(q), k);
  return inexact && up ? nextUp(x) : x;
}

/** A lower (up=false) or upper (up=true) bound of x^n for x ≥ 0 (x may be +∞), integer n ≠ 0. */
function powAbsBound(x: number, n: number, up: boolean): number {
  if (x === 0) return n > 0 ? 0 : Infinity;
  if (x === Infinity) return n > 0 ? Infinity : 0;
  if (x === 1) return 1;
  const k = Math.abs(n);
  if (k <= EXACT_POWER_LIMIT) {
    const { m, e } = binaryValue(x);
    const power = m ** BigInt(k);
    if (n > 0) return roundBinary(power, e * n, up);
    // x^n = 2^(e·n) / m^k: a quotient with 54+ significant bits, remainder as sticky bit.
    const s = power.toString(2).length + 54;
    const numerator = 1n << BigInt(s);
    const q = numerator / power;
    return roundBinary(q, e * n - s, up, q * power !== numerator);
  }
  // x^n = 1 / x^k for n < 0: an upper bound needs a lower bound of x^k.
  const mulDir = (n > 0) === up ? mulUp : mulDown;
  let r = 1;
  let base = x;
  // Halving by division, not >>: k may exceed 2^31 (any safe integer).
  for (let j = k; j > 0; j = Math.floor(j / 2)) {
    if (j % 2 === 1) r = mulDir(r, base);
    base = mulDir(base, base);
  }
  if (n > 0) return r;
  if (r === 0) return Infinity; // only reached for an upper bound
  return up ? divUp(1, r) : divDown(1, r);
}

/** Enclosure of x^n over a piece of one sign (0 ∈ piece only as an end; n < 0 makes 0 an infinite end). */
function powPiece(lo: number, hi: number, n: number): Interval {
  if (lo >= 0) {
    return n > 0
      ? { lo: powAbsBound(lo, n, false), hi: powAbsBound(hi, n, true) }
      : { lo: powAbsBound(hi, n, false), hi: powAbsBound(lo, n, true) };
  }
  // x ≤ 0: |x| ranges over [-hi, -lo]; x^n = ±|x|^n by the parity of n.
  const m = powPiece(-hi + 0, -lo, n);
  return n % 2 === 0 ? m : { lo: -m.hi, hi: -m.lo + 0 };
}

function powNonZeroExponent(a: Interval, n: number): Interval {
  if (n === 1) return { lo: a.lo + 0, hi: a.hi + 0 };
  if (a.lo >= 0 || a.hi <= 0) return powPiece(a.lo, a.hi, n);
  // a straddles 0 (only reached for n > 0).
  if (n % 2 !== 0) return { lo: powPiece(a.lo, 0, n).lo, hi: powPiece(0, a.hi, n).hi };
  return { lo: 0, hi: Math.max(powPiece(a.lo, 0, n).hi, powPiece(0, a.hi, n).hi) };
}

function checkExponent(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`powInt: exponent ${n} is not a safe integer`);
}

/** a^n for integer n (x^0 = 1); negative n raises DomainError when 0 ∈ a (certain when a = [0, 0]). */
export function powInt(a: Interval, n: number): Interval {
  checkExponent(n);
  if (n === 0) return ONE;
  if (n < 0 && a.lo <= 0 && a.hi >= 0) throw new DomainError('powInt', a.lo === 0 && a.hi === 0, 'negative power of an interval containing 0');
  return powNonZeroExponent(a, n);
}

/** IEEE 1788 pown: for n < 0, the hull over the nonzero points of a (empty for [0, 0]). */
export function powIntRelaxed(a: MaybeEmpty, n: number): MaybeEmpty {
  checkExponent(n);
  if (a === null) return null;
  if (n === 0) return ONE;
  if (n > 0 || a.lo > 0 || a.hi < 0) return powNonZeroExponent(a, n);
  if (a.lo === 0 && a.hi === 0) return null;
  const pieces: Interval[] = [];
  if (a.hi > 0) pieces.push(powPiece(0, a.hi, n));
  if (a.lo < 0) pieces.push(powPiece(a.lo, 0, n));
  return pieces.reduce(hull);
}
