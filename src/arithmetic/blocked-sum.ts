/**
 * The one loop of every summation kernel (kernels.ts), compiled per term.
 *
 * Each kernel sums n terms in round-to-nearest, in blocks of B terms (the
 * block sums then summed), alongside a sum of magnitudes that bounds the
 * rounding error a priori (the error analysis is in kernels.ts's header and
 * depends only on n, B and how each term is formed). What differs between
 * kernels is only the term: a point, an interval, a product of a point and an
 * interval by sign parts, ... So a kernel is declared as the few statements
 * that compute its term at index i, and `compileBlockedSum` generates the
 * fused, allocation-free loop for it with `new Function` (one specialised
 * function per kernel, so each stays monomorphic for the JIT).
 *
 * A term's statements assign `l` (its lower end), `h` (its upper end; absent
 * for point terms, where h = l) and `mag` (a double ≥ the magnitude the
 * kernel's error bound needs; absent when the terms are non-negative and the
 * sum is its own magnitude sum). Everything else in the loop is fixed here.
 */

export interface TermSpec {
  /** Parameter names of the compiled function, before the term count n and the result array. */
  readonly params: readonly string[];
  /** Statements assigning l, and h for interval terms, and mag unless `selfMagnitude`. */
  readonly term: string;
  /** Point terms: one accumulator (h = l). */
  readonly point?: boolean;
  /** Non-negative terms: the sums are their own magnitude sums (no mag accumulator). */
  readonly selfMagnitude?: boolean;
}

/**
 * The compiled loop: (…params, n, out) writes the computed sum of the lower
 * ends to out[0], of the upper ends to out[1] (= out[0] for point terms) and
 * the magnitude sum to out[2] (= the sums' own, per end, when selfMagnitude).
 */
export type BlockedSum = (...args: unknown[]) => void;

/** Block length for a sum of n terms: one block up to 1024 terms (a cheaper loop), else about √n (minimising the depth). */
export function blockLength(n: number): number {
  return n <= 1024 ? Math.max(n, 1) : Math.ceil(Math.sqrt(n));
}

/** Rounding depth of a blocked sum of n terms with block length B: the additions any one term goes through. */
export function depth(n: number, B: number): number {
  return Math.max(0, Math.min(B, n) - 1) + Math.max(0, Math.ceil(n / B) - 1);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function compileBlockedSum(spec: TermSpec): BlockedSum {
  for (const p of spec.params) if (!IDENTIFIER.test(p) || p === 'n' || p === 'out') throw new SyntaxError(`compileBlockedSum: bad parameter name '${p}'`);
  const upper = spec.point ? 'l' : 'h';
  const magnitude = !spec.selfMagnitude;
  const source = `
    return function blockedSum(${[...spec.params, 'n', 'out'].join(', ')}) {
      const B = blockLength(n);
      let sl = 0;
      let sh = 0;
      let S = 0;
      for (let b = 0; b < n; b += B) {
        const end = Math.min(n, b + B);
        let bl = 0;
        ${spec.point ? '' : 'let bh = 0;'}
        ${magnitude ? 'let bS = 0;' : ''}
        for (let i = b; i < end; i++) {
          ${spec.term}
          bl += l;
          ${spec.point ? '' : `bh += ${upper};`}
          ${magnitude ? 'bS += mag;' : ''}
        }
        sl += bl;
        ${spec.point ? '' : 'sh += bh;'}
        ${magnitude ? 'S += bS;' : ''}
      }
      out[0] = sl;
      out[1] = ${spec.point ? 'sl' : 'sh'};
      out[2] = ${magnitude ? 'S' : spec.point ? 'sl' : 'sh'};
    };`;
  return new Function('blockLength', source)(blockLength) as BlockedSum;
}
