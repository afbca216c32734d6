/**
 * Sound directed rounding on top of JavaScript's round-to-nearest doubles.
 *
 * Conventions for endpoint arithmetic (used by interval.ts): an infinite
 * operand is an unbounded interval end and is exact; a finite computation
 * that overflows is not (its true value is a finite real beyond MAX_VALUE),
 * so a finite overflow rounds down to MAX_VALUE and up to +Infinity.
 * 0 × ±∞ = 0 (IEEE 1788: the end 0 is an attained real value).
 *
 * Two tiers:
 * - tight: the exact sign of the rounding error (error-free transformations,
 *   with an exact BigInt comparison where they could overflow or underflow),
 *   then one step with nextUp/nextDown. Results are the tightest doubles.
 * - cheap: the a-priori bound of Rump, Zimmermann, Boldo and Melquiond
 *   ("Computing predecessor and successor in rounding to nearest", BIT 2009):
 *   for a round-to-nearest result c, e = fl(fl(φ|c|) + η) with
 *   φ = 2^-53 + 2^-105, η = 2^-1074 gives fl(c − e) ≤ pred(c) and
 *   fl(c + e) ≥ succ(c). Since the exact value lies in [pred(c), succ(c)],
 *   [c − e, c + e] encloses it. One multiply and two adds, no branches.
 */

export const MAX = Number.MAX_VALUE;
export const ETA = 2 ** -1074;
export const PHI = 2 ** -53 + 2 ** -105;
/**
 * 2^−1021 = 2^53·η, the underflow allowance per operation of the error bounds
 * in hot loops: k·UNDERFLOW_UNIT ≥ 8kη, and for k ≥ 1 it is a normal double.
 * The exact 8kη is a product with a subnormal result, which costs about a
 * hundred cycles on x86 (a microcode assist): it made roundoffRadius 3–4×
 * slower. It is larger than 8kη, so the bounds stay sound, and it widens them
 * only where the errors they bound are themselves below about 2^−960.
 */
export const UNDERFLOW_UNIT = 2 ** -1021;
/** Unit roundoff u = 2^-53. */
export const UNIT_ROUNDOFF = 2 ** -53;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = littleEndian ? 0 : 1;
const HIGH = littleEndian ? 1 : 0;

/** The least double > x (exact; +∞ stays +∞, NaN stays NaN). */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return ETA;
  f64[0] = x;
  if (x > 0) {
    if (u32[LOW] === 0xffffffff) {
      u32[LOW] = 0;
      u32[HIGH]++;
    } else u32[LOW]++;
  } else {
    if (u32[LOW] === 0) {
      u32[LOW] = 0xffffffff;
      u32[HIGH]--;
    } else u32[LOW]--;
  }
  return f64[0];
}

/** The greatest double < x (exact). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Cheap sound upper bound of the exact value rounded to c (Rump et al. 2009). */
export function upCheap(c: number): number {
  return c + (PHI * Math.abs(c) + ETA);
}

/** Cheap sound lower bound of the exact value rounded to c (Rump et al. 2009). */
export function downCheap(c: number): number {
  return c - (PHI * Math.abs(c) + ETA);
}

// ---------------------------------------------------------------------------
// Exact binary values (BigInt), for the rare cases error-free transformations
// cannot handle and for exact decimal printing.

/** x = m · 2^e exactly, m a (signed) BigInt; x finite. */
export function binaryValue(x: number): { m: bigint; e: number } {
  if (!Number.isFinite(x)) throw new RangeError(`binaryValue: ${x} is not finite`);
  if (x === 0) return { m: 0n, e: 0 };
  f64[0] = Math.abs(x);
  const hi = u32[HIGH];
  const lo = u32[LOW];
  const biased = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = biased === 0 ? frac : frac | (1n << 52n);
  const e = biased === 0 ? -1074 : biased - 1075;
  return { m: x < 0 ? -m : m, e };
}

function cmpBinary(am: bigint, ae: number, bm: bigint, be: number): number {
  let d: bigint;
  if (ae >= be) d = (am << BigInt(ae - be)) - bm;
  else d = am - (bm << BigInt(be - ae));
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Exact sign of x − a·b for finite doubles. */
export function signOfResidual(x: number, a: number, b: number): number {
  const X = binaryValue(x);
  const A = binaryValue(a);
  const B = binaryValue(b);
  return cmpBinary(X.m, X.e, A.m * B.m, A.e + B.e);
}

/** The exact decimal expansion of a finite double ("-0" for −0). */
export function exactDecimalString(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // Below 2^53 an integer prints exactly as itself.
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return String(x);
  // Reports format the same enclosure ends many times (every evaluation's sides).
  const known = decimalStrings.get(x);
  if (known !== undefined) return known;
  const text = exactDecimalText(x);
  if (decimalStrings.size >= DECIMAL_STRINGS_KEPT) decimalStrings.clear();
  decimalStrings.set(x, text);
  return text;
}

const DECIMAL_STRINGS_KEPT = 1 << 14;
const decimalStrings = new Map<number, string>();
const powersOfFive: bigint[] = [1n];

function powerOfFive(k: number): bigint {
  for (let j = powersOfFive.length; j <= k; j++) powersOfFive.push(powersOfFive[j - 1] * 5n);
  return powersOfFive[k];
}

/** Trailing zero bits of a positive BigInt below 2^53. */
function trailingZeroBits(mag: bigint): number {
  const low = Number(mag & 0xffffffffn);
  if (low !== 0) return 31 - Math.clz32(low & -low);
  const high = Number(mag >> 32n);
  return 32 + 31 - Math.clz32(high & -high);
}

function exactDecimalText(x: number): string {
  const { m, e } = binaryValue(x);
  const sign = m < 0n ? '-' : '';
  let mag = m < 0n ? -m : m;
  if (e >= 0) return sign + (mag << BigInt(e)).toString();
  // With the mantissa odd, m · 5^-e has no factor 10, so the fraction has no trailing zeros.
  const shift = Math.min(trailingZeroBits(mag), -e);
  mag >>= BigInt(shift);
  const exponent = e + shift;
  if (exponent === 0) return sign + mag.toString();
  // m · 2^e = m · 5^-e / 10^-e
  const digits = (mag * powerOfFive(-exponent)).toString().padStart(-exponent + 1, '0');
  const point = digits.length + exponent;
  return sign + digits.slice(0, point) + '.' + digits.slice(point);
}

// ---------------------------------------------------------------------------
// Tight directed operations on interval endpoints.

const SPLITTER = 134217729; // 2^27 + 1 (Dekker)
const SAFE_HI = 2 ** 995; // splitting below this cannot overflow
const SAFE_LO = 2 ** -960; // products above this have an exact error term

/**
 * Error of fl(a·b) (Dekker/Veltkamp TwoProduct): a·b = p + err exactly,
 * valid when |a|, |b| < 2^995 and |p| ≥ 2^-960 (no overflow in the split,
 * every partial product exactly representable).
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

function safeProduct(a: number, b: number, p: number): boolean {
  const ap = Math.abs(p);
  return Math.abs(a) < SAFE_HI && Math.abs(b) < SAFE_HI && ap >= SAFE_LO && ap < SAFE_HI;
}

/** Sign of (exact a·b) − fl(a·b), for finite nonzero a, b with finite p. */
function productErrorSign(a: number, b: number, p: number): number {
  if (safeProduct(a, b, p)) return Math.sign(productError(a, b, p));
  return -signOfResidual(p, a, b);
}

/** Sign of (exact a + b) − s where s = fl(a + b) finite (TwoSum, exact barring intermediate overflow). */
function sumErrorSign(a: number, b: number, s: number): number {
  const bb = s - a;
  const err = a - (s - bb) + (b - bb);
  if (Number.isFinite(err)) return Math.sign(err);
  const A = binaryValue(a);
  const B = binaryValue(b);
  const S = binaryValue(s);
  // (a + b) − s over the common exponent.
  const e = Math.min(A.e, B.e, S.e);
  const d = (A.m << BigInt(A.e - e)) + (B.m << BigInt(B.e - e)) - (S.m << BigInt(S.e - e));
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

export function addDown(a: number, b: number): number {
  const s = a + b;
  if (s === Infinity) return a === Infinity || b === Infinity ? Infinity : MAX;
  if (s === -Infinity) return -Infinity;
  return sumErrorSign(a, b, s) < 0 ? nextDown(s) : s;
}

export function addUp(a: number, b: number): number {
  return -addDown(-a, -b) + 0;
}

export function subDown(a: number, b: number): number {
  return addDown(a, -b);
}

export function subUp(a: number, b: number): number {
  return -addDown(-a, b) + 0;
}

export function mulDown(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const p = a * b;
  if (p === Infinity) return Math.abs(a) === Infinity || Math.abs(b) === Infinity ? Infinity : MAX;
  if (p === -Infinity) return -Infinity;
  return productErrorSign(a, b, p) < 0 ? nextDown(p) : p;
}

export function mulUp(a: number, b: number): number {
  return -mulDown(-a, b) + 0;
}

/** Sign of (exact a / b) − q for q = fl(a / b) finite, a, b finite, b ≠ 0. */
function quotientErrorSign(a: number, b: number, q: number): number {
  // exact − q = (a − q·b) / b
  let r: number;
  if (q !== 0 && safeProduct(q, b, q * b)) {
    const ph = q * b;
    const pl = productError(q, b, ph);
    // a − ph is exact (Sterbenz: ph is within a factor 2 of a); the final
    // subtraction then has the exact sign of a − q·b.
    r = Math.sign(a - ph - pl);
  } else r = signOfResidual(a, q, b);
  return b > 0 ? r : -r;
}

/** Lower bound of a / b; b ≠ 0 and not both infinite. */
export function divDown(a: number, b: number): number {
  const q = a / b;
  if (q !== q) throw new RangeError(`divDown: ${a} / ${b}`);
  if (q === Infinity) return Math.abs(a) === Infinity ? Infinity : MAX;
  if (q === -Infinity) return -Infinity;
  if (Math.abs(a) === Infinity || Math.abs(b) === Infinity) return q;
  return quotientErrorSign(a, b, q) < 0 ? nextDown(q) : q;
}

export function divUp(a: number, b: number): number {
  return -divDown(-a, b) + 0;
}

/** Sign of x − r² (exact), r ≥ 0 finite. */
function sqrtResidualSign(x: number, r: number): number {
  if (r !== 0 && safeProduct(r, r, r * r)) {
    const ph = r * r;
    const pl = productError(r, r, ph);
    return Math.sign(x - ph - pl);
  }
  return signOfResidual(x, r, r);
}

/** Greatest double ≤ √x, x ≥ 0. */
export function sqrtDown(x: number): number {
  if (x === Infinity || x === 0) return x === 0 ? 0 : Infinity;
  let r = Math.sqrt(x);
  while (sqrtResidualSign(x, r) < 0) r = nextDown(r);
  return r;
}

/** Least double ≥ √x, x ≥ 0. */
export function sqrtUp(x: number): number {
  if (x === Infinity || x === 0) return x === 0 ? 0 : Infinity;
  let r = Math.sqrt(x);
  while (sqrtResidualSign(x, r) > 0) r = nextUp(r);
  return r;
}

/** x·2^k by steps that cannot overflow in between (exact unless the result over- or underflows). */
export function timesPowerOfTwo(x: number, k: number): number {
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}
