import { binaryValue } from './rounding.js';

/**
 * The exact sign of Σ_k x_k·y_k for finite doubles (−1, 0 or 1), in BigInt: every double is
 * m·2^e, so the sum is an integer times 2^(least exponent). It decides an exact zero, which no
 * rounded enclosure can: e.g. ⟨(10⁻³⁰⁰, −10⁻³⁰⁰), (a, a)⟩ = 0, whose float products underflow.
 */
export function exactDotSign(xs: readonly number[], ys: readonly number[]): -1 | 0 | 1 {
  const terms: { m: bigint; e: number }[] = [];
  let least = Infinity;
  for (let k = 0; k < xs.length; k++) {
    const a = binaryValue(xs[k]);
    const b = binaryValue(ys[k]);
    if (a.m === 0n || b.m === 0n) continue;
    const term = { m: a.m * b.m, e: a.e + b.e };
    terms.push(term);
    least = Math.min(least, term.e);
  }
  let sum = 0n;
  for (const t of terms) sum += t.m << BigInt(t.e - least);
  return sum > 0n ? 1 : sum < 0n ? -1 : 0;
}
