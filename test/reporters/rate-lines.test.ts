import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { rateLines, shortEnclosure } from '../../src/reporters/rate-lines.js';
import type { RateReport } from '../../src/checker/report.js';

const parse = (text: string): [Decimal, Decimal] => {
  const [lo, hi] = text.slice(1, -1).split(', ').map((s) => new Decimal(s.replace('−', '-')));
  return [lo, hi];
};

describe('rate lines', () => {
  it('shortens an enclosure outward, keeping the digits that show a tight one is tight', () => {
    const exact: [string, string] = ['0.99999999998705202', '1.0000000000024068'];
    const [lo, hi] = parse(shortEnclosure(exact));
    expect(lo.lte(exact[0]) && hi.gte(exact[1])).toBe(true);
    expect(hi.minus(lo).lte(new Decimal(exact[1]).minus(exact[0]).times(2))).toBe(true);
    expect(shortEnclosure(['2.1229103157835544', '3.7512434101569423'])).toBe('[2.122, 3.752]');
    expect(shortEnclosure(['-6.8838281057796647e-12', '6.8868957653633448e-12'])).toBe('[−6.884e−12, 6.887e−12]');
  });

  it('prints the three rates, what is certified, each flow, and a row per decade of the last flow', () => {
    const ratios = { toStated: ['0.1', '0.2'], toObserved: ['3.3', '3.4'], boundToStated: ['40', '50'] } as const;
    const rate: RateReport = {
      parameter: 't', quantity: '𝓛(w(t))', stated: 'log t/t', observed: '1/t', bound: { relation: '≤', expr: 'B', reads: 'log² t/t' }, certifies: 'no limit',
      examples: [
        { label: 'a', instance: {}, verdict: 'held', reached: 1e12, complete: true, flowSteps: 400, decades: [] },
        { label: 'b', instance: {}, verdict: 'inconclusive', reached: 1e3, complete: false, flowSteps: 9, stopped: 'step limit', decades: [{ from: 10, to: 100, verdict: 'undecided', overInterval: { ...ratios }, atGrid: { ...ratios }, cells: 20, undecidedCells: 2 }], failure: { from: 10, to: 12, verdict: 'undecided' } },
      ],
    } as unknown as RateReport;
    const text = rateLines(rate).map((l) => `${l.key}: ${l.value}`);
    expect(text[0]).toBe('rates: stated log t/t · proved log² t/t · observed 1/t');
    expect(text).toContain('flow: a: held, reached t = 1e12 (400 steps)');
    expect(text.some((l) => l.startsWith('flow: b: inconclusive, stopped at t = 1000: step limit'))).toBe(true);
    expect(text.some((l) => l.startsWith('failure: undecided for t in [10, 12]'))).toBe(true);
    expect(text[text.length - 1]).toBe('1e1–1e2: undecided (2 undecided cells)  [0.1, 0.2] / [0.1, 0.2]  ·  [3.3, 3.4] / [3.3, 3.4]  ·  [40, 50] / [40, 50]');
  });
});
