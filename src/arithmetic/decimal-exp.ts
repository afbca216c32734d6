import { Decimal } from 'decimal.js';

/**
 * Rigorous directed bounds on e^x and ln x for decimal.js numbers, computed
 * on BigInt fixed point (10–30× faster than decimal.js's own exp and ln).
 *
 * exp: x = k·ln 10 + r with |r| ≤ 1.16, e^r by a Taylor series of r/2^s
 * followed by s squarings. Every step rounds in the direction of the bound
 * (floor for lower, ceil for upper), the series tail is bounded explicitly,
 * and ln 10 is enclosed, so the result is a bound by construction.
 *
 * ln: a Halley iteration on e^y = x gives an approximation y; the bound is y
 * moved by a hundredth of a unit in the last place, kept only once the exp
 * bound proves it (e^L ≤ x for a lower bound L, e^U ≥ x for an upper bound U).
 */

export type Direction = 'down' | 'up';

/** Guard digits of the fixed-point computation above the requested precision. */
const GUARD = 6;
/** ln 10 is tabulated to this many decimals (decimal.js's own table has 1025 digits). */
const LN10_DECIMALS = 990;
/** The largest |x| for which `expBound` is defined (k = round(x / ln 10) must fit the decimal exponent range). */
export const EXP_BOUND_LIMIT = 2.05e16;

const pow10Cache = new Map<number, bigint>();
function pow10(n: number): bigint {
  let p = pow10Cache.get(n);
  if (p === undefined) {
    p = 10n ** BigInt(n);
    pow10Cache.set(n, p);
  }
  return p;
}

/** ⌊a / b⌋ or ⌈a / b⌉ for b > 0. */
function divRound(a: bigint, b: bigint, up: boolean): bigint {
  const q = a / b; // truncates toward 0
  if (q * b === a) return q;
  if (up) return a > 0n ? q + 1n : q;
  return a < 0n ? q - 1n : q;
}

/** ⌊x · 10^scale⌋ or ⌈x · 10^scale⌉ for a finite decimal x. */
export function scaledInteger(x: Decimal, scale: number, up: boolean): bigint {
  if (x.isZero()) return 0n;
  const text = x.abs().toExponential();
  const at = text.indexOf('e');
  const mantissa = text.slice(0, at).replace('.', '');
  const exponent = Number(text.slice(at + 1));
  // |x| < 10^(exponent + 1): when that is below 10^(−scale − 1), the result is 0 or ±1.
  if (exponent + scale < -1) return up ? (x.isNegative() ? 0n : 1n) : x.isNegative() ? -1n : 0n;
  const digits = x.isNegative() ? -BigInt(mantissa) : BigInt(mantissa);
  const shift = scale + exponent - (mantissa.length - 1);
  if (shift >= 0) return digits * pow10(shift);
  return divRound(digits, pow10(-shift), up);
}

let ln10Floor: bigint | undefined;
/** Integers l, h with l ≤ ln 10 · 10^scale ≤ h (scale ≤ LN10_DECIMALS). */
function ln10Bounds(scale: number): [bigint, bigint] {
  if (scale > LN10_DECIMALS) throw new RangeError(`exp/ln: precision beyond the ln 10 table (${scale} decimals)`);
  if (ln10Floor === undefined) {
    // decimal.js reads ln 10 from its digit table; truncated, with two units of slack below.
    const Table = Decimal.clone({ precision: LN10_DECIMALS + 5, rounding: Decimal.ROUND_DOWN });
    ln10Floor = scaledInteger(Table.ln(10), LN10_DECIMALS, false);
  }
  const truncated = ln10Floor / pow10(LN10_DECIMALS - scale);
  return [truncated - 2n, truncated + 2n];
}

/** e^t · 2^G for t = y / 2^G ∈ [0, 1/2], rounded down (up = false) or up. */
function taylorExp(y: bigint, G: bigint, up: boolean): bigint {
  const one = 1n << G;
  let sum = one;
  let term = one;
  for (let n = 1n; ; n++) {
    term = divRound(term * y, one * n, up);
    sum += term;
    if (!up && term === 0n) return sum; // the omitted tail is ≥ 0
    // t ≤ 1/2: the tail after term n is at most term n, itself at most one unit here.
    if (up && term <= 1n) return sum + 1n;
  }
}

/**
 * A bound on e^x rounded to `digits` significant digits: ≤ e^x for 'down',
 * ≥ e^x for 'up'. Requires a finite x with |x| ≤ EXP_BOUND_LIMIT.
 */
export function expBound(x: Decimal, digits: number, dir: Direction): Decimal {
  if (x.isZero()) return new Decimal(1);
  const up = dir === 'up';
  const approx = x.toNumber();
  if (!(Math.abs(approx) <= EXP_BOUND_LIMIT)) throw new RangeError(`expBound: |x| too large: ${x}`);
  const working = digits + GUARD;
  const k = Math.round(approx / Math.LN10);
  const K = BigInt(k);
  // r = x − k·ln 10 at 10^−scale, rounded in the direction of the bound (e^r increases with r).
  const scale = working + 20;
  const [ln10Low, ln10High] = ln10Bounds(scale);
  const xScaled = scaledInteger(x, scale, up);
  const r = up ? xScaled - K * (k >= 0 ? ln10Low : ln10High) : xScaled - K * (k >= 0 ? ln10High : ln10Low);
  // t = r / 2^s as y / 2^G.
  const s = Math.ceil(Math.sqrt(digits)) + 2;
  const G = BigInt(Math.ceil((working + 4) * Math.log2(10)) + 2 * s + 8);
  const y = divRound(r << (G - BigInt(s)), pow10(scale), up);
  let e: bigint;
  if (y >= 0n) e = taylorExp(y, G, up);
  else {
    // e^−|t| = 1 / e^|t|, with e^|t| bounded the other way.
    e = divRound(1n << (2n * G), taylorExp(-y, G, !up), up);
  }
  for (let i = 0; i < s; i++) e = up ? divRound(e * e, 1n << G, true) : (e * e) >> G;
  const T = working + 1;
  const m = divRound(e * pow10(T), 1n << G, up);
  return new Decimal(`${m}e${k - T}`).toSD(digits, up ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR);
}

const nearestContexts = new Map<number, Decimal.Constructor>();
function nearest(precision: number): Decimal.Constructor {
  let D = nearestContexts.get(precision);
  if (!D) {
    D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
    nearestContexts.set(precision, D);
  }
  return D;
}

/** An approximation of ln x (x > 0, finite, ≠ 1) with about `digits` correct significant digits. */
function lnApprox(x: Decimal, digits: number): Decimal {
  const Wide = nearest(digits + 20);
  const d = Wide.sub(x, 1);
  let y: Decimal;
  let known: number;
  if (d.abs().lt(0.5)) {
    const dd = d.toNumber();
    if (Math.abs(dd) < 1e-300) {
      // ln(1 + d) = d (1 + O(d)): already correct to −log10|d| digits.
      y = d;
      known = -d.e;
    } else {
      y = new Decimal(Math.log1p(dd));
      known = 14;
    }
  } else {
    const e = x.e;
    const mantissa = x.toSD(17).times(`1e${-e}`).toNumber();
    y = new Decimal(Math.log(mantissa) + e * Math.LN10);
    known = 14;
  }
  while (known < digits) {
    known = Math.min(3 * known, digits + 4);
    const P = known + 4;
    // E = e^y to P digits relative to y: as many more digits as |y| is below 1.
    const E = expBound(y, P + Math.max(0, -y.e) + 2, 'down');
    const C = nearest(P + Math.max(0, -y.e) + 6);
    y = C.add(y, C.div(C.mul(2, C.sub(x, E)), C.add(x, E)));
  }
  return y;
}

/**
 * A bound on ln x rounded to `digits` significant digits, or null when the
 * verification does not succeed (the caller falls back to another method).
 * Requires a finite x > 0, x ≠ 1, |ln x| < EXP_BOUND_LIMIT.
 */
export function lnBound(x: Decimal, digits: number, dir: Direction): Decimal | null {
  const y = lnApprox(x, digits + 3);
  if (Math.abs(y.toNumber()) > EXP_BOUND_LIMIT * 0.99) return null;
  const up = dir === 'up';
  const verifyDigits = digits + 4 + Math.max(0, -y.e);
  for (let attempt = 0, slack = 1; attempt < 3; attempt++, slack *= 100) {
    const delta = new Decimal(`${slack}e${y.e - digits - 1}`);
    const candidate = up
      ? y.plus(delta).toSD(digits, Decimal.ROUND_CEIL)
      : y.minus(delta).toSD(digits, Decimal.ROUND_FLOOR);
    // e^L ≤ x proves L ≤ ln x; e^U ≥ x proves U ≥ ln x.
    if (up ? expBound(candidate, verifyDigits, 'down').gte(x) : expBound(candidate, verifyDigits, 'up').lte(x)) return candidate;
  }
  return null;
}
