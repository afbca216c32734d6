import type { Decimal } from 'decimal.js';
import { expBound, lnBound } from './decimal-exp.js';
import { ExactDecimal, decimalFromDouble } from './exact.js';
import { nextDown, nextUp } from './rounding.js';

/**
 * elementary.ts trusts Math.exp/expm1/log/log1p to lie within one ulp of the
 * exact value (it widens by two). ECMAScript promises nothing, so before the
 * first float-interval elementary function is evaluated, this start-up check
 * compares the engine on hard cases against rigorous decimal bounds
 * (decimal-exp.ts): the exact value must lie strictly between the doubles
 * next to Math.f(x). Another engine, or a future V8 with a less accurate
 * libm, then stops with one line instead of certifying from wrong bounds.
 *
 * The cases: the worst errors the fuzzing of test/arithmetic/float-libm.test.ts
 * found on V8 (0.7–0.9 ulp), the argument-reduction seams of the fdlibm
 * algorithms (multiples of ln 2 / 2, √2 / 2, √2), results near overflow and in
 * the subnormal range, and arguments next to 0 and 1.
 */

const DIGITS = 40;
const LN2 = Math.LN2;

export const LIBM_CASES: Readonly<Record<'exp' | 'expm1' | 'log' | 'log1p', readonly number[]>> = {
  exp: [
    -150.01722799712354, 1.0462960066000286, 0.5 * LN2, LN2, 1.5 * LN2, -0.5 * LN2, 1, -1, 2 ** -30, -(2 ** -28), 10, 100, -100,
    700, 709.78, -708.3964185322641, -740, -745.1,
  ],
  expm1: [
    -0.4093298886332594, -0.4621597283483697, 0.5 * LN2, -0.5 * LN2, 1.5 * LN2, 56 * LN2, 1e-10, -1e-10, 2 ** -20, 1, -1, 40, -40, 709,
  ],
  log: [
    0.6178163980003767, 1.2815201660270328, Math.SQRT1_2, Math.SQRT2, nextUp(1), nextDown(1), 0.5, 2, Math.E, 10, 1e-300, 5e-324,
    2 ** -1022, Number.MAX_VALUE,
  ],
  log1p: [
    1.7011209986162477, -0.37696906365717686, Math.SQRT2 - 1, Math.SQRT1_2 - 1, 1e-10, -1e-10, 2 ** -29, 1, -0.5, nextUp(-1), 2 ** 53,
    1e300,
  ],
};

/** Digits that keep DIGITS significant digits of e^x − 1 after the cancellation. */
function expm1Digits(x: number): number {
  return DIGITS + Math.max(0, Math.ceil(-Math.log10(Math.abs(x))));
}

/** Rigorous [lower, upper] of f(x). */
const exactBounds: Record<keyof typeof LIBM_CASES, (x: Decimal, double: number) => [Decimal, Decimal]> = {
  exp: (x) => [expBound(x, DIGITS, 'down'), expBound(x, DIGITS, 'up')],
  expm1: (x, double) => {
    const digits = expm1Digits(double);
    return [new ExactDecimal(expBound(x, digits, 'down')).minus(1), new ExactDecimal(expBound(x, digits, 'up')).minus(1)];
  },
  log: (x) => [lnBound(x, DIGITS, 'down'), lnBound(x, DIGITS, 'up')],
  log1p: (x) => {
    const y = x.plus(1); // exact: x is a double as an ExactDecimal
    return [lnBound(y, DIGITS, 'down'), lnBound(y, DIGITS, 'up')];
  },
};

const ENGINE: Record<keyof typeof LIBM_CASES, (x: number) => number> = { exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p };

/** The first case where the engine is off by one ulp or more, as one line; null when every case passes. */
export function libmSelfTest(engine: Record<keyof typeof LIBM_CASES, (x: number) => number> = ENGINE): string | null {
  for (const name of Object.keys(LIBM_CASES) as (keyof typeof LIBM_CASES)[]) {
    for (const x of LIBM_CASES[name]) {
      const y = engine[name](x);
      const [lower, upper] = exactBounds[name](decimalFromDouble(x), x);
      const ok =
        Number.isFinite(y) && decimalFromDouble(nextDown(y)).lt(lower) && upper.lt(decimalFromDouble(nextUp(y)));
      if (!ok) {
        return (
          `libm self-test failed: Math.${name}(${x}) = ${y}, but the exact value lies in ` +
          `[${lower.toSD(20, 3).toString()}, ${upper.toSD(20, 2).toString()}] — more than the 1 ulp the float intervals assume ` +
          `(src/arithmetic/elementary.ts); this JavaScript engine cannot be used for certified results`
        );
      }
    }
  }
  return null;
}

/** Raised once per process when the engine's libm is less accurate than assumed. */
export class LibmAccuracyError extends Error {
  override name = 'LibmAccuracyError';
}

let verdict: string | null | undefined;

/** Runs the self-test once per process (a few ms) and throws LibmAccuracyError on every call if it failed. */
export function assertLibmAccuracy(): void {
  if (verdict === undefined) verdict = libmSelfTest();
  if (verdict !== null) throw new LibmAccuracyError(verdict);
}
