import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockLength, compileBlockedSum, depth } from '../../src/arithmetic/blocked-sum.js';
import { fuzz } from '../fuzz.js';

/**
 * The compiled loop of the kernels (blocked-sum.ts) against the same blocked
 * summation written out here: bit for bit, for point and interval terms, with
 * and without a magnitude sum, across the block boundary (n > 1024). The
 * kernels' enclosure tests (float-kernels.test.ts) run through these loops.
 */

function plainBlocked(lo: Float64Array, hi: Float64Array, magnitude: (i: number) => number): [number, number, number] {
  const n = lo.length;
  const B = blockLength(n);
  let sl = 0;
  let sh = 0;
  let S = 0;
  for (let b = 0; b < n; b += B) {
    let bl = 0;
    let bh = 0;
    let bS = 0;
    for (let i = b; i < Math.min(n, b + B); i++) {
      bl += lo[i];
      bh += hi[i];
      bS += magnitude(i);
    }
    sl += bl;
    sh += bh;
    S += bS;
  }
  return [sl, sh, S];
}

const vectors = fc.integer({ min: 0, max: 3000 }).chain((n) =>
  fc.tuple(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }), fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: n, maxLength: n })),
);

describe('compiled blocked sums', () => {
  const point = compileBlockedSum({ params: ['x'], point: true, term: 'const l = x[i]; const mag = Math.abs(l);' });
  const interval = compileBlockedSum({ params: ['lo', 'hi'], term: 'const l = lo[i]; const h = hi[i]; const mag = Math.abs(l) + Math.abs(h);' });
  const squares = compileBlockedSum({ params: ['x'], point: true, selfMagnitude: true, term: 'const l = x[i] * x[i];' });

  it('compute the same sums as the plain blocked loop, bit for bit', () => {
    fc.assert(
      fc.property(vectors, ([xs, ws]) => {
        const x = Float64Array.from(xs);
        const hi = x.map((v, i) => v + ws[i]);
        const out = new Float64Array(3);
        point(x, x.length, out);
        expect([...out]).toEqual(plainBlocked(x, x, (i) => Math.abs(x[i])));
        interval(x, hi, x.length, out);
        expect([...out]).toEqual(plainBlocked(x, hi, (i) => Math.abs(x[i]) + Math.abs(hi[i])));
        const sq = x.map((v) => v * v);
        squares(x, x.length, out);
        const [s] = plainBlocked(sq, sq, () => 0);
        expect([...out]).toEqual([s, s, s]);
      }),
      fuzz(200, 41),
    );
  });

  it('block lengths and depths: one block up to 1024 terms, about √n blocks beyond', () => {
    expect(blockLength(1024)).toBe(1024);
    expect(blockLength(1025)).toBe(33);
    expect(depth(1024, 1024)).toBe(1023);
    expect(depth(1025, 33)).toBe(32 + 31);
    expect(depth(0, 1)).toBe(0);
  });

  it('refuse parameter names that would change the generated code', () => {
    expect(() => compileBlockedSum({ params: ['x); evil('], term: 'const l = 0; const mag = 0;' })).toThrow(SyntaxError);
    expect(() => compileBlockedSum({ params: ['n'], term: 'const l = 0; const mag = 0;' })).toThrow(SyntaxError);
  });
});
