/**
 * Shared by the margin tests: exact reference values in decimal.js, data-set
 * generators (seeded fast-check), and a deterministic fixed-seed setting.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { decimalFromDouble } from '../../src/arithmetic/exact.js';
import type { Interval } from '../../src/arithmetic/interval.js';
import type { Dataset } from '../../src/models/dataset.js';

export const SEED = 20261128;

/** Reference arithmetic: 50 significant digits, round to nearest. */
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
export type Dec = InstanceType<typeof D>;

/** The exact value of a double, as a reference decimal. */
export function dec(x: number): Dec {
  return new D(decimalFromDouble(x).toString());
}

export function contains(box: Interval, x: Dec): boolean {
  return dec(box.lo).lte(x) && x.lte(dec(box.hi));
}

/** Message for a failed containment (for expect(...).toBe(true) diagnostics). */
export function describeMiss(what: string, box: Interval, x: Dec): string {
  return `${what}: ${x.toPrecision(25)} not in [${box.lo}, ${box.hi}]`;
}

export function dotDec(a: readonly number[], b: readonly Dec[]): Dec {
  return a.reduce((s, v, j) => s.plus(dec(v).times(b[j])), new D(0));
}

export function normDec(v: readonly Dec[]): Dec {
  return v.reduce((s, x) => s.plus(x.times(x)), new D(0)).sqrt();
}

/** Quadrature arithmetic: 30 digits (the enclosures it checks are about 1e−13 wide). */
export const Q = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
export type QDec = InstanceType<typeof Q>;

/**
 * ∫_a^b f by the tanh-sinh (double-exponential) rule at step h, in the
 * quadrature arithmetic; f must be analytic on a neighbourhood of [a, b].
 */
export function tanhSinh(f: (x: QDec) => QDec, a: QDec, b: QDec, h: number, tMax = 4): QDec {
  const half = b.minus(a).div(2);
  const mid = a.plus(b).div(2);
  const halfPi = Q.acos(-1).div(2);
  let sum = new Q(0);
  for (let k = -Math.ceil(tMax / h); k <= Math.ceil(tMax / h); k++) {
    const tau = new Q(k).times(h);
    const s = halfPi.times(Q.sinh(tau));
    const x = Q.tanh(s);
    const w = halfPi.times(Q.cosh(tau)).div(Q.cosh(s).pow(2));
    if (w.isZero()) continue;
    sum = sum.plus(w.times(f(mid.plus(half.times(x)))));
  }
  return sum.times(half).times(h);
}

/** Unit vector in a random direction, from a seeded generator. */
function gaussianVector(d: number): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }).filter((v) => v.some((x) => Math.abs(x) > 1e-3));
}

/**
 * Linearly separable data in the unit ball with a planted margin: points
 * x with |⟨u, x⟩| ≥ margin for a random unit u, labels sign⟨u, x⟩.
 */
export function separableData(opts: { nMin: number; nMax: number; dMin: number; dMax: number; margin: number }): fc.Arbitrary<Dataset> {
  return fc.integer({ min: opts.dMin, max: opts.dMax }).chain((d) =>
    fc
      .tuple(
        gaussianVector(d),
        fc.array(fc.tuple(gaussianVector(d), fc.double({ min: 0.2, max: 1, noNaN: true })), { minLength: opts.nMin, maxLength: opts.nMax }),
      )
      .map(([u0, raw]) => {
        const un = Math.hypot(...u0);
        const u = u0.map((v) => v / un);
        const X: number[][] = [];
        const y: number[] = [];
        for (const [v, r] of raw) {
          const vn = Math.hypot(...v);
          const x = v.map((c) => (c / vn) * r * 0.999);
          let m = x.reduce((s, c, j) => s + c * u[j], 0);
          // Push the point away from the hyperplane to the planted margin.
          if (Math.abs(m) < opts.margin) {
            const shift = (m >= 0 ? 1 : -1) * (opts.margin - Math.abs(m)) * 1.01;
            for (let j = 0; j < d; j++) x[j] += shift * u[j];
            const xn = Math.hypot(...x);
            if (xn > 0.999) for (let j = 0; j < d; j++) x[j] *= 0.999 / xn;
            m = x.reduce((s, c, j) => s + c * u[j], 0);
          }
          X.push(x);
          y.push(m >= 0 ? 1 : -1);
        }
        return { X, y };
      }),
  );
}

/** Random labels on many points in low dimension: usually not separable. */
export function randomLabelData(n: number, d: number): fc.Arbitrary<Dataset> {
  return fc
    .array(fc.tuple(gaussianVector(d), fc.boolean()), { minLength: n, maxLength: n })
    .map((rows) => ({
      X: rows.map(([v]) => {
        const vn = Math.hypot(...v);
        return v.map((c) => (c / vn) * 0.9);
      }),
      y: rows.map(([, b]) => (b ? 1 : -1)),
    }));
}

/** x = m·2^e exactly (decoded from the IEEE bits here, independently of the code under test). */
export function exactBinary(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? frac : frac | (1n << 52n);
  return { m: sign * m, e: biased === 0 ? -1074 : biased - 1075 };
}
