import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/arithmetic/float-arith.js';
import { lit, param } from '../../src/language/builder.js';
import { Evaluator } from '../../src/language/evaluate.js';
import { scalar } from '../../src/language/value.js';

const x = param('x');
const kept = x.times(lit(3)).node;
/** Twenty values nobody reads twice: x + 100, x + 101, … */
const flood = Array.from({ length: 20 }, (_, k) => x.plus(lit(100 + k)).node);
const evaluator = (budget?: number) => new Evaluator(floatArith, { x: scalar(2) }, {}, budget);

/** `work` counts cache misses: a value recomputed shows as more work. */
describe('the evaluator cache bound', () => {
  it('keeps everything under its budget', () => {
    const ev = evaluator();
    ev.value(kept);
    for (const e of flood) ev.value(e);
    const before = ev.work;
    expect(ev.value(kept).data).toEqual([6]);
    expect(ev.work).toBe(before);
  });

  it('past its budget, forgets the oldest value not read again, and recomputes it when asked', () => {
    const ev = evaluator(8);
    ev.value(kept);
    for (const e of flood) ev.value(e);
    const before = ev.work;
    expect(ev.value(kept).data).toEqual([6]);
    expect(ev.work).toBeGreaterThan(before);
  });

  it('keeps a value that is read again while others come and go (the clock)', () => {
    const ev = evaluator(8);
    ev.value(kept);
    for (const e of flood) {
      ev.value(e);
      ev.value(kept);
    }
    const before = ev.work;
    ev.value(kept);
    expect(ev.work).toBe(before);
    // The flood itself was forgotten: its first value is computed again.
    ev.value(flood[0]);
    expect(ev.work).toBeGreaterThan(before);
  });
});
