import { describe, expect, it } from 'vitest';
import { withValueAt } from '../../src/checker/instance-path.js';
import { withInterval } from '../../src/checker/regions.js';
import { withParameter } from '../../src/checker/series.js';

/** A scan's cells are copies of one instance that differ in one parameter and share its data set. */
describe('an instance with one parameter replaced', () => {
  const X = [[0.6, 0.8], [0.6, -0.8]];
  const y = [1, 1];
  const instance = { flow: { X, y, n: 2, d: 2, t: 10 }, c: 3 };

  it('replaces the number at a nested path and shares everything else', () => {
    const copy = withParameter(instance, 'flow.t', 1e6) as typeof instance;
    expect(copy.flow.t).toBe(1e6);
    expect(copy.flow.X).toBe(X);
    expect(copy.flow.y).toBe(y);
    expect(copy.c).toBe(3);
    expect(instance.flow.t).toBe(10);
  });

  it('replaces a top-level number by a whole interval', () => {
    const copy = withInterval(instance, 'c', 1, 2) as unknown as { c: unknown; flow: typeof instance.flow };
    expect(copy.c).toEqual({ wholeInterval: [1, 2] });
    expect(copy.flow).toBe(instance.flow);
    expect(instance.c).toBe(3);
  });

  it('refuses a path that does not lead to a number', () => {
    expect(() => withValueAt(instance, 'flow.X', 1)).toThrow("region scan: 'flow.X' is not a number in the instance");
    expect(() => withValueAt(instance, 'flow.X.0', 1)).toThrow("'flow.X.0' is not a number");
    expect(() => withValueAt(instance, 'nothing.t', 1)).toThrow("'nothing.t' is not a number");
  });
});
