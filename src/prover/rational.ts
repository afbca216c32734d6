/** Exact rationals p/q (q > 0, lowest terms) on BigInt: the coefficients of the prover's exact algebra. */
export interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export function rational(p: bigint, q: bigint = 1n): Rational {
  if (q === 0n) throw new RangeError('rational: zero denominator');
  if (q < 0n) [p, q] = [-p, -q];
  const g = gcd(p, q) || 1n;
  return { p: p / g, q: q / g };
}

export const ZERO_Q = rational(0n);
export const ONE_Q = rational(1n);

export const addQ = (a: Rational, b: Rational): Rational => rational(a.p * b.q + b.p * a.q, a.q * b.q);
export const subQ = (a: Rational, b: Rational): Rational => rational(a.p * b.q - b.p * a.q, a.q * b.q);
export const mulQ = (a: Rational, b: Rational): Rational => rational(a.p * b.p, a.q * b.q);
export const divQ = (a: Rational, b: Rational): Rational => rational(a.p * b.q, a.q * b.p);
export const negQ = (a: Rational): Rational => ({ p: -a.p, q: a.q });
export const isZeroQ = (a: Rational): boolean => a.p === 0n;
export const signQ = (a: Rational): number => (a.p > 0n ? 1 : a.p < 0n ? -1 : 0);
export const isIntegerQ = (a: Rational): boolean => a.q === 1n;
export const textQ = (a: Rational): string => (a.q === 1n ? String(a.p) : `${a.p}/${a.q}`);

export function powQ(a: Rational, n: number): Rational {
  if (n < 0) return powQ(divQ(ONE_Q, a), -n);
  let out = ONE_Q;
  for (let k = 0; k < n; k++) out = mulQ(out, a);
  return out;
}

/** The exact value of a finite double (every double is a dyadic rational). */
export function fromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`rational: ${x} is not finite`);
  if (Number.isInteger(x)) return rational(BigInt(x));
  let q = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    q *= 2n;
  }
  return rational(BigInt(v), q);
}

/** A decimal literal "0.1", "-3e-7" or a ratio "1/3", exactly. */
export function fromText(text: string): Rational {
  const parts = text.split('/');
  if (parts.length === 2) return divQ(fromText(parts[0]), fromText(parts[1]));
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) throw new SyntaxError(`rational: cannot parse "${text}"`);
  const digits = (m[2] || '0') + (m[3] ?? '');
  const exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  const mantissa = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return exponent >= 0 ? rational(mantissa * 10n ** BigInt(exponent)) : rational(mantissa, 10n ** BigInt(-exponent));
}

/** Small prime factors of a positive integer, and what is left when they are divided out. */
export function smallFactors(n: bigint): { primes: Map<bigint, number>; rest: bigint } {
  const primes = new Map<bigint, number>();
  for (const p of [2n, 3n, 5n, 7n, 11n, 13n]) {
    while (n % p === 0n && n > 1n) {
      primes.set(p, (primes.get(p) ?? 0) + 1);
      n /= p;
    }
  }
  return { primes, rest: n };
}
