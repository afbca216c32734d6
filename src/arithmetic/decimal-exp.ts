import { Decimal } from 'decimal.js';

/**
 * Rigorous directed bounds on e^x and ln x for decimal.js numbers, computed
 * on BigInt binary fixed point: several times faster than decimal.js's exp
 * and ln, which moreover are only promised to about one unit in the last
 * place. Every step rounds toward the side of the bound (floor for a lower
 * bound, ceil for an upper one) and every series tail is bounded explicitly,
 * so the results are bounds by construction. The constants come from the
 * same series, with no table:
 *   ln 2  = 18 atanh(1/26) − 2 atanh(1/4801) + 8 atanh(1/8749),
 *   ln 10 = 3 ln 2 + 2 atanh(1/9)   (ln 1.25 = 2 atanh(1/9)).
 *
 * exp: x = k·ln 10 + r with |r| ≤ 1.16, so e^x = 10^k · e^r exactly in
 * decimal; e^r by a Taylor series of r/2^s followed by s squarings.
 *
 * ln: x = m · 10^e · 2^j with m near 1, ln x = e·ln 10 + j·ln 2 + 2 atanh(z),
 * z = (m − 1)/(m + 1), |z| ≤ 0.172.
 */

export type Direction = 'down' | 'up';

/** Guard digits of the fixed-point computation above the requested precision. */
const GUARD = 6;
/** The largest |x| for which `expBound` is defined (k = round(x / ln 10) must fit the decimal exponent range). */
export const EXP_BOUND_LIMIT = 2.05e16;
/** Extra bits of the reduction x − k·ln 10, for |k| < 2^53. */
const REDUCTION_BITS = 64;

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

/** ⌊a / 2^n⌋ or ⌈a / 2^n⌉. */
function shiftRound(a: bigint, n: bigint, up: boolean): bigint {
  return up ? -(-a >> n) : a >> n;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length;
}

/** x = ±digits · 10^exponent10 exactly, from decimal.js's exponential notation. */
function decompose(x: Decimal): { digits: bigint; exponent10: number; leading: number } {
  const text = x.abs().toExponential();
  const at = text.indexOf('e');
  const mantissa = text.slice(0, at).replace('.', '');
  const leading = Number(text.slice(at + 1));
  const magnitude = BigInt(mantissa);
  return { digits: x.isNegative() ? -magnitude : magnitude, exponent10: leading - (mantissa.length - 1), leading };
}

/** ⌊x · 2^bits⌋ or ⌈x · 2^bits⌉ for a finite decimal x. */
export function scaledBinary(x: Decimal, bits: number, up: boolean): bigint {
  if (x.isZero()) return 0n;
  const { digits, exponent10, leading } = decompose(x);
  // |x| · 2^bits < 10^(leading + 1) · 2^bits < 1: the result is 0 or ±1 (and 10^−exponent10 may be astronomically large).
  if ((leading + 1) * Math.log2(10) + bits < -1) return up ? (digits < 0n ? 0n : 1n) : digits < 0n ? -1n : 0n;
  const shifted = digits << BigInt(bits);
  return exponent10 >= 0 ? shifted * pow10(exponent10) : divRound(shifted, pow10(-exponent10), up);
}

/** atanh(t) · 2^G for t = z / 2^G, |t| ≤ 0.173, rounded down (up = false) or up. */
function atanhScaled(z: bigint, G: bigint, up: boolean): bigint {
  if (z < 0n) return -atanhScaled(-z, G, !up);
  const square = shiftRound(z * z, G, up);
  let power = z;
  let sum = z;
  for (let n = 1n; ; n++) {
    power = shiftRound(power * square, G, up);
    const term = divRound(power, 2n * n + 1n, up);
    sum += term;
    if (!up && term === 0n) return sum; // the omitted tail is ≥ 0
    // t² < 0.03: the tail after this term is below a thirtieth of it, so below one unit here.
    if (up && term <= 1n) return sum + 1n;
  }
}

/** atanh(1/n) · 2^G rounded down or up (atanh increases, so a rounded-down argument gives a lower bound). */
function atanhInverse(n: bigint, G: bigint, up: boolean): bigint {
  return atanhScaled(divRound(1n << G, n, up), G, up);
}

const constantCache = new Map<string, [bigint, bigint]>();
/** Integers l ≤ c · 2^G ≤ h for c = ln 2 or ln 10. */
function constantBounds(name: 'ln2' | 'ln10', G: number): [bigint, bigint] {
  const key = `${name}:${G}`;
  let bounds = constantCache.get(key);
  if (bounds) return bounds;
  const Gb = BigInt(G);
  const ln2 = (up: boolean) =>
    18n * atanhInverse(26n, Gb, up) - 2n * atanhInverse(4801n, Gb, !up) + 8n * atanhInverse(8749n, Gb, up);
  if (name === 'ln2') bounds = [ln2(false), ln2(true)];
  else {
    const [low, high] = constantBounds('ln2', G);
    bounds = [3n * low + 2n * atanhInverse(9n, Gb, false), 3n * high + 2n * atanhInverse(9n, Gb, true)];
  }
  constantCache.set(key, bounds);
  return bounds;
}

/** e^t · 2^G for t = y / 2^G ∈ [0, 1/2], rounded down (up = false) or up. */
function taylorExp(y: bigint, G: bigint, up: boolean): bigint {
  const one = 1n << G;
  let sum = one;
  let term = one;
  for (let n = 1n; ; n++) {
    // ⌊⌊a / 2^G⌋ / n⌋ = ⌊a / (2^G n)⌋, and likewise for ⌈·⌉.
    term = divRound(shiftRound(term * y, G, up), n, up);
    sum += term;
    if (!up && term === 0n) return sum; // the omitted tail is ≥ 0
    // t ≤ 1/2: the tail after term n is at most term n, itself at most one unit here.
    if (up && term <= 1n) return sum + 1n;
  }
}

function toDecimal(m: bigint, exponent10: number, digits: number, up: boolean): Decimal {
  return new Decimal(`${m}e${exponent10}`).toSD(digits, up ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR);
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
  const s = Math.ceil(Math.sqrt(digits)) + 2;
  const G = Math.ceil((working + 4) * Math.log2(10)) + 2 * s + 8;
  // r = x − k·ln 10 at 2^−(G + REDUCTION_BITS), rounded toward the side of the bound (e^r increases with r).
  const wide = G + REDUCTION_BITS;
  const [ln10Low, ln10High] = constantBounds('ln10', wide);
  const xScaled = scaledBinary(x, wide, up);
  const r = up ? xScaled - K * (k >= 0 ? ln10Low : ln10High) : xScaled - K * (k >= 0 ? ln10High : ln10Low);
  // t = r / 2^s as y / 2^G.
  const y = shiftRound(r, BigInt(REDUCTION_BITS + s), up);
  const Gb = BigInt(G);
  let e: bigint;
  if (y >= 0n) e = taylorExp(y, Gb, up);
  else e = divRound(1n << (2n * Gb), taylorExp(-y, Gb, !up), up); // e^−|t| = 1 / e^|t|, bounded the other way
  for (let i = 0; i < s; i++) e = shiftRound(e * e, Gb, up);
  const T = working + 1;
  return toDecimal(divRound(e * pow10(T), 1n << Gb, up), k - T, digits, up);
}

/**
 * A bound on ln x rounded to `digits` significant digits: ≤ ln x for 'down',
 * ≥ ln x for 'up'. Requires a finite x > 0.
 */
export function lnBound(x: Decimal, digits: number, dir: Direction): Decimal {
  const up = dir === 'up';
  const { digits: M, exponent10, leading } = decompose(x);
  // m = x / 10^e10 with e10 = 0 near 1 (no cancellation against e·ln 10), else the decimal exponent.
  const e10 = x.gte(0.5) && x.lt(2) ? 0 : leading;
  const mApprox = x.toSD(17).times(`1e${-e10}`).toNumber();
  const j = Math.round(Math.log2(mApprox));
  // m / 2^j = P / Q exactly, then z = (P − Q)/(P + Q).
  let P = M;
  let Q = 1n;
  const shift = exponent10 - e10;
  if (shift >= 0) P *= pow10(shift);
  else Q = pow10(-shift);
  if (j >= 0) Q <<= BigInt(j);
  else P <<= BigInt(-j);
  const N = P - Q;
  const D = P + Q;
  const alone = j === 0 && e10 === 0;
  if (alone && N === 0n) return new Decimal(0); // x = 1
  // Working bits, plus (when ln x = 2 atanh z alone, x near 1) the leading zero bits of z, for relative precision.
  const smallZ = alone ? Math.max(0, bitLength(D) - bitLength(N)) : 0;
  const G = Math.ceil((digits + GUARD) * Math.log2(10)) + 16 + smallZ;
  const Gb = BigInt(G);
  let total = 2n * atanhScaled(divRound(N << Gb, D, up), Gb, up);
  if (!alone) {
    // The constants with enough bits that |e10| · (their error) stays below 2^−G.
    const wide = G + REDUCTION_BITS;
    const [ln10Low, ln10High] = constantBounds('ln10', wide);
    const [ln2Low, ln2High] = constantBounds('ln2', wide);
    // A lower bound takes the low constant for a positive multiple and the high one for a negative one.
    const multiples =
      BigInt(e10) * ((e10 >= 0) === up ? ln10High : ln10Low) + BigInt(j) * ((j >= 0) === up ? ln2High : ln2Low);
    total += shiftRound(multiples, BigInt(REDUCTION_BITS), up);
  }
  // To decimal: T decimals keep digits + 5 significant digits.
  const magnitude = Math.floor((bitLength(total) - G) * Math.log10(2));
  const T = digits + 5 - magnitude;
  const scaled = T >= 0 ? divRound(total * pow10(T), 1n << Gb, up) : divRound(total, (1n << Gb) * pow10(-T), up);
  return toDecimal(scaled, -T, digits, up);
}
