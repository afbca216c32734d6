import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalSum, intervalSumEach } from '../../src/arithmetic/kernels.js';
import { anyInterval, params } from './float-generators.js';

/**
 * The entrywise sums a fold over shaped terms uses are, entry by entry, exactly the interval sum of that
 * entry's column: the kernel's enclosure (its tests: float-kernels.test.ts) carries over bit for bit.
 */
describe('intervalSumEach', () => {
  const terms = fc.integer({ min: 1, max: 6 }).chain((size) => fc.array(fc.array(anyInterval, { minLength: size, maxLength: size }), { minLength: 1, maxLength: 40 }));

  it('equals intervalSum of each column, short folds and kernel lengths alike', () => {
    fc.assert(
      fc.property(terms, (ts) => {
        const each = intervalSumEach(ts);
        expect(each).toHaveLength(ts[0].length);
        each.forEach((entry, j) => expect(entry).toEqual(intervalSum(ts.map((t) => t[j]))));
      }),
      params(2000),
    );
  });

  it('refuses terms of different lengths', () => {
    expect(() => intervalSumEach([[{ lo: 0, hi: 1 }], []])).toThrow();
  });
});
