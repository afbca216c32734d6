import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLemma } from '../../src/reporters/console.js';
import { displayWidth, wrap } from '../../src/reporters/text-layout.js';
import { auditReport } from '../fixtures/reports/audit-report.js';
import { fuzz } from '../fuzz.js';

describe('wrapping a long value', () => {
  it('keeps every character, within the width, breaking after commas where it can', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 8, max: 120 }), (text, width) => {
        const lines = wrap(text, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      fuzz(300, 4),
    );
    expect(wrap('{"X":[[1,0],[0,1]],"y":[1,-1]}', 20)).toEqual(['{"X":[[1,0],[0,1]],', '"y":[1,-1]}']);
  });

  it('the console prints a counterexample whole however narrow the terminal', () => {
    const lemma = auditReport.lemmas[0];
    const big = { X: Array.from({ length: 12 }, (_, k) => [k / 7, -k / 3, 1e-300 * k]), y: Array(12).fill(1) };
    const step = lemma.steps.find((s) => s.counterexample)!;
    const withBig = { ...lemma, steps: [{ ...step, counterexample: { ...step.counterexample!, instance: big } }] };
    for (const width of [72, 100]) {
      const text = formatLemma(withBig, { level: 0, width });
      // Nothing cut: the continuation lines, joined, give the instance's JSON.
      expect(text.slice(text.indexOf('counterexample'), text.indexOf('lhs ∈'))).not.toContain('…');
      expect(text.replace(/\s/g, '')).toContain(JSON.stringify(big));
      for (const line of text.split('\n')) if (!line.includes('replay ')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });
});
