import { describe, expect, it } from 'vitest';
import thm101 from '../../proofs/thm-10.1.js';
import { scanStretches } from '../../src/checker/regions.js';
import { evaluateCheck, indexAssignments, type EvaluateOptions } from '../../src/checker/evaluate-check.js';
import { InstanceContext, ladder } from '../../src/checker/instance-context.js';
import { DEFAULT_DIGITS } from '../../src/checker/options.js';
import type { Instance } from '../../src/language/lemma.js';

const options: EvaluateOptions = { levels: ladder(DEFAULT_DIGITS), timeoutMs: 30_000 };

/** Separable data sets with ‖x_i‖ ≤ 1, the two of the acceptance criteria first. */
const DATA: { X: number[][]; y: number[] }[] = [
  { X: [[1, 0, 0], [0, 1, 0], [0, 0, -1], [0, -1, 0]], y: [1, 1, -1, -1] },
  { X: [[-1, 0], [0, -1]], y: [-1, 1] },
  { X: [[1]], y: [1] },
  { X: [[0.5], [-0.25]], y: [1, -1] },
  { X: [[1, 0], [0, 1]], y: [1, 1] },
  { X: [[0.6, 0.8], [-0.6, 0.8]], y: [1, 1] },
  { X: [[0.3, 0.1], [-0.2, -0.4], [0.5, -0.5]], y: [1, -1, 1] },
  { X: [[1, 0], [-1, 0], [0, 0.5]], y: [1, -1, 1] },
  { X: [[0.9, 0.1, 0], [0, -0.9, 0.1], [0.1, 0, 0.9]], y: [1, -1, 1] },
  { X: [[0.2], [0.4], [-0.8]], y: [1, 1, -1] },
];

const instanceAt = (d: (typeof DATA)[number], t: number): Instance => ({ flow: { X: d.X, y: d.y, n: d.X.length, d: d.X[0].length, t } });

/** The step's verdict at one point t (certified, full precision ladder): independent of the interval scan. */
function pointwise(check: (typeof thm101.checks)[number], instance: Instance): string {
  try {
    const ctx = new InstanceContext(thm101, instance);
    let outcome = 'held';
    for (const index of indexAssignments(check, ctx, options.levels)) {
      const ev = evaluateCheck(check, ctx, index, options);
      if (ev.verdict === 'refuted') return 'refuted';
      if (ev.verdict === 'undefined' && !ev.uncertain) outcome = 'undefined';
      else if (ev.verdict !== 'held') outcome = 'other';
    }
    return outcome;
  } catch (err) {
    const e = err as { name?: string; certain?: boolean };
    return e?.name === 'DomainError' && e.certain ? 'undefined' : 'other';
  }
}

describe('certified region scans agree with a fine pointwise scan', () => {
  const check = thm101.checks.find((c) => c.id === 'statement')!;
  it('Theorem 10.1 on 10 data sets: every stretch holds its verdict at 8 points inside it', () => {
    let stretches = 0;
    for (const d of DATA) {
      const scan = scanStretches(thm101, check, instanceAt(d, 1), { parameter: 'flow.t', range: [0.02, 50] }, options);
      for (const s of scan.stretches) {
        if (s.verdict === 'undecided') continue;
        stretches++;
        for (let k = 1; k <= 8; k++) {
          const t = s.from * (s.to / s.from) ** (k / 9);
          expect(pointwise(check, instanceAt(d, t)), `${JSON.stringify(d)} t = ${t} in ${s.verdict} [${s.from}, ${s.to}]`).toBe(s.verdict);
        }
      }
      expect(scan.undecidedWidth).toBeLessThan(50);
    }
    expect(stretches).toBeGreaterThan(20);
  });

  it('the acceptance data sets: undefined, refuted, held, refuted, held along t, the held stretch inside 0.27–0.36', () => {
    const scan = scanStretches(thm101, check, instanceAt(DATA[0], 1), { parameter: 'flow.t', range: [0.1, 10] }, options);
    const decided = scan.stretches.filter((s) => s.verdict !== 'undecided').map((s) => s.verdict);
    expect(decided).toEqual(['undefined', 'refuted', 'held', 'refuted', 'held']);
    const held = scan.stretches.find((s) => s.verdict === 'held')!;
    expect(held.from).toBeLessThan(0.27);
    expect(held.to).toBeGreaterThan(0.36);
    const second = scanStretches(thm101, check, instanceAt(DATA[1], 1), { parameter: 'flow.t', range: [0.1, 10] }, options);
    const heldTwo = second.stretches.filter((s) => s.verdict === 'held');
    expect(heldTwo.some((s) => s.from <= 0.4 && s.to >= 0.45)).toBe(true);
  });
});
