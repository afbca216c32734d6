import { describe, expect, it } from 'vitest';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';
import { lit, log, norm, param } from '../../src/language/builder.js';
import { defineLemma, type Lemma } from '../../src/language/lemma.js';
import type { RateSpec } from '../../src/language/rate.js';
import { flowHypothesis } from '../../src/domains/separable-data.js';
import { flowSetup } from '../../src/models/flow-setup.js';
import { linearModel, risk, weights, type Sample } from '../../src/models/margin-functions.js';
import { decadeGrid, rateReports } from '../../src/checker/rates.js';
import type { RateDecadeReport, StepReport } from '../../src/checker/report.js';
import { isNotApplicable, isSurprise } from '../../src/reporters/summary.js';
import { D, type Dec } from '../margin/margin-reference.js';

/**
 * Rate steps against the flows' closed forms (see gradient-flow-closed-forms.test.ts): with w(0) = 0,
 * one point x = (1): w(t) = log(1 + t); the symmetric pair ±(1), y = ±1: w(t) = log(1 + 2t);
 * two orthogonal unit points: w(t) = log(1 + t)·(1, 1). Every per-decade enclosure must contain
 * the exact ratio at every t of its decade (sampled densely), and the grid's at the grid's t.
 */

type Exact = { risk: (t: Dec) => Dec; norm: (t: Dec) => Dec; gammaBar: Dec };
const one = new D(1);
const CLOSED_FORMS: Record<string, Exact> = {
  'one point': { risk: (t) => one.div(one.plus(t)), norm: (t) => D.ln(one.plus(t)), gammaBar: one },
  'a symmetric pair': { risk: (t) => new D(2).div(one.plus(t.times(2))), norm: (t) => D.ln(one.plus(t.times(2))), gammaBar: one },
  'two orthogonal points': { risk: (t) => new D(2).div(one.plus(t)), norm: (t) => D.ln(one.plus(t)).times(new D(2).sqrt()), gammaBar: new D(2).sqrt().div(2) },
};
/** n of each closed-form data set, and c = 2tnγ̄² there. */
const SIZES: Record<string, number> = { 'one point': 1, 'a symmetric pair': 2, 'two orthogonal points': 2 };
const cOf = (e: Exact, t: Dec): Dec => t.times(2 * SIZES[Object.keys(CLOSED_FORMS).find((k) => CLOSED_FORMS[k] === e)!]).times(e.gammaBar.pow(2));
const closedFormOf = (label: string): Exact | undefined => Object.entries(CLOSED_FORMS).find(([k]) => label.startsWith(k))?.[1];

const inside = ([lo, hi]: readonly [string, string], x: Dec): boolean => new D(lo).lte(x) && x.lte(new D(hi));

/** t inside a decade: its ends, 40 log-spaced interior values (as decimals, not only the grid's doubles). */
function samples(d: RateDecadeReport): Dec[] {
  const a = new D(d.from);
  const ratio = new D(d.to).div(a);
  return Array.from({ length: 22 }, (_, j) => a.times(ratio.pow(new D(j).div(21))));
}

function expectContained(step: StepReport, ratio: (e: Exact, t: Dec) => { toStated: Dec; toObserved: Dec; boundToStated: Dec }): number {
  let checked = 0;
  for (const example of step.rate!.examples) {
    const exact = closedFormOf(example.label);
    if (!exact) continue;
    expect(example.complete, `${example.label} reached ${example.reached}`).toBe(true);
    expect(example.reached).toBe(1e12);
    for (const d of example.decades) {
      for (const t of samples(d)) {
        const r = ratio(exact, t);
        for (const key of ['toStated', 'toObserved', 'boundToStated'] as const) {
          expect(inside(d.overInterval![key], r[key]), `${step.id} ${example.label} ${key} at t = ${t.toPrecision(8)} in ${JSON.stringify(d.overInterval![key])}`).toBe(true);
        }
      }
      // The grid enclosures at the decade's ends (t exact): they contain the exact ratios there.
      for (const t of [new D(d.from), new D(d.to)]) {
        const r = ratio(exact, t);
        for (const key of ['toStated', 'toObserved', 'boundToStated'] as const) expect(inside(d.atGrid![key], r[key]), `${step.id} ${example.label} grid ${key} at ${t}`).toBe(true);
      }
      checked++;
    }
    // The plotted series: Q(t) at each grid t contains the closed form.
    const series = step.series!.find((s) => s.label === example.label)!;
    expect(series.points.length).toBe(11 * 16 + 1);
    for (const p of series.points) {
      const q = step.id === 'remark.risk-rate' ? exact.risk(new D(p.value)) : step.id.startsWith('remark.norm-rate') ? exact.norm(new D(p.value)) : new D(0);
      if (step.id !== 'remark.margin-rate') expect(inside(p.lhs!, q), `${step.id} ${example.label} Q(${p.value})`).toBe(true);
    }
  }
  return checked;
}

describe('rate steps: per-decade enclosures against closed-form flows', () => {
  const reports = new Map([...rateReports(lemma101), ...rateReports(thm101)].map((s) => [s.id, s]));

  it('risk: 𝓛(w(t))/(log t/t), t·𝓛(w(t)) and the corrected bound/(log t/t) contain the exact ratios in every decade to 1e12', () => {
    const step = reports.get('remark.risk-rate')!;
    expect(step.verdict).toBe('held');
    const checked = expectContained(step, (e, t) => {
      const g2 = e.gammaBar.pow(2);
      const logC = D.ln(cOf(e, t));
      const bound = one.plus(logC.pow(2)).div(t.times(2).times(g2));
      const stated = D.ln(t).div(t);
      return { toStated: e.risk(t).div(stated), toObserved: e.risk(t).times(t), boundToStated: bound.div(stated) };
    });
    expect(checked).toBe(3 * 11);
    // The constant 1/γ̄² is enclosed, and the grid enclosure of t·𝓛 in the last decade is within 1e−9 of it.
    const orthogonal = step.rate!.examples.find((x) => x.label.startsWith('two orthogonal'))!;
    expect(inside(orthogonal.constant!.value, new D(2))).toBe(true);
    const last = orthogonal.decades[orthogonal.decades.length - 1].atGrid!.toObserved;
    expect(new D(last[0]).gt(new D(2).minus('1e-9'))).toBe(true);
  });

  it('norm: ‖w(t)‖/log t and the corrected lower bound/log t contain the exact ratios', () => {
    const step = reports.get('remark.norm-rate')!;
    expect(step.verdict).toBe('held');
    const checked = expectContained(step, (e, t) => {
      const logC = D.ln(cOf(e, t));
      const bound = logC.minus(D.ln(one.plus(logC.pow(2))));
      return { toStated: e.norm(t).div(D.ln(t)), toObserved: e.norm(t).div(D.ln(t)), boundToStated: bound.div(D.ln(t)) };
    });
    expect(checked).toBe(3 * 11);
  });

  it('norm, upper: ‖w(t)‖ ≤ Theorem 10.1’s integrated bound; its ratio to log t grows (the proofs give log³ t, not log t)', () => {
    const step = reports.get('remark.norm-rate.upper')!;
    expect(step.verdict).toBe('held');
    const checked = expectContained(step, (e, t) => {
      const c = cOf(e, t);
      const lp = D.max(0, D.ln(c));
      const bound = D.min(c, 1).plus(lp).plus(lp.pow(3).div(3)).div(e.gammaBar.pow(2).times(2));
      return { toStated: e.norm(t).div(D.ln(t)), toObserved: e.norm(t).div(D.ln(t)), boundToStated: bound.div(D.ln(t)) };
    });
    expect(checked).toBe(3 * 11);
    for (const example of step.rate!.examples) {
      const first = example.decades[0].atGrid!.boundToStated;
      const last = example.decades[example.decades.length - 1].atGrid!.boundToStated;
      expect(Number(last[0])).toBeGreaterThan(10 * Number(first[1]));
    }
  });

  it('margin: γ̄ − γ(w(t)) = 0 exactly on the symmetric data sets, and every enclosure contains 0', () => {
    const step = reports.get('remark.margin-rate')!;
    expect(step.verdict).toBe('held');
    expect(step.rate!.examples.map((x) => x.label.split(':')[0])).toEqual(['a symmetric pair', 'two orthogonal points', 'three points']);
    for (const example of step.rate!.examples.slice(0, 2)) {
      for (const d of example.decades) {
        expect(inside(d.overInterval!.toStated, new D(0))).toBe(true);
        expect(inside(d.atGrid!.toStated, new D(0))).toBe(true);
      }
    }
    // Three points in general position: the gap is certified positive at every grid t, below the proved bound.
    const general = step.rate!.examples[2];
    for (const d of general.decades) {
      expect(Number(d.atGrid!.toStated[0])).toBeGreaterThan(0);
      expect(Number(d.atGrid!.toStated[1])).toBeLessThan(Number(d.atGrid!.boundToStated[0]));
    }
  });
});

describe('rate steps: verdicts come from the computation', () => {
  const data: Sample = { X: param('X'), y: param('y'), n: param('n') };
  const t = param('t');
  const wt = weights('w(t)', param('w'));
  const riskAtT = risk(linearModel, data, wt);
  const onePoint = [{ label: 'one point', instance: { flow: { X: [[1]], y: [1], n: 1, d: 1, t: 1 } } }];
  const withRate = (bound: RateSpec['bound'], decades: readonly [number, number] = [1, 4], where?: RateSpec['where'], applies?: RateSpec['applies'], examples = onePoint): Lemma =>
    defineLemma({
      id: 'synthetic-rate',
      title: 'synthetic',
      source: 'test',
      hypotheses: { flow: flowHypothesis },
      setup: flowSetup('flow'),
      proof: [{ id: 'trivial', notes: 'x', lhs: norm(wt.parts[0]), relation: '≥', rhs: lit(0), why: 'a norm' }],
      rates: [{ id: 'r', notes: 'r', why: 'test', parameter: 'flow.t', decades, examples, quantity: riskAtT, stated: { expr: lit(1).over(t), reads: '1/t' }, bound, observed: { expr: lit(1).over(t), reads: '1/t' }, ...(where ? { where } : {}), ...(applies ? { applies } : {}) }],
    });

  it('a false bound is refuted over a whole cell of t, and the cell is named', () => {
    // 1/(1 + t) ≤ 1/(2t) fails for every t > 1.
    const [step] = rateReports(withRate({ relation: '≤', expr: lit(1).over(lit(2).times(t)), reads: '1/(2t)' }));
    expect(step.verdict).toBe('refuted');
    expect(step.surprise).toBe(true);
    const failure = step.rate!.examples[0].failure!;
    expect(failure).toMatchObject({ from: 10, verdict: 'refuted' });
    expect(Number(failure.quantity![0])).toBeGreaterThan(Number(failure.bound![1]));
  });

  it('an equality no enclosure over an interval can show is inconclusive, not held', () => {
    // 𝓛(w(t)) ≤ 1/(1 + t) holds with equality for the one point.
    const [step] = rateReports(withRate({ relation: '≤', expr: lit(1).over(lit(1).plus(t)), reads: '1/(1 + t)' }));
    expect(step.verdict).toBe('inconclusive');
    expect(step.rate!.examples[0].decades[0].undecidedCells).toBeGreaterThan(0);
  });

  it('a bound outside its domain is undefined; a true one held after halving the cells it needs, with the decade rows and the flow horizon', () => {
    expect(rateReports(withRate({ relation: '≤', expr: log(lit(0).minus(t)), reads: 'log(−t)' }))[0].verdict).toBe('undefined');
    // 1/(1 + t) ≤ 1/t: the slack 1/(t(1 + t)) is below a 16th of a decade's spread near t = 10; halving decides it.
    const [held] = rateReports(withRate({ relation: '≤', expr: lit(1).over(t), reads: '1/t' }, [-2, 1]));
    expect(held.verdict).toBe('held');
    const example = held.rate!.examples[0];
    expect(example.decades.map((d) => [d.from, d.to])).toEqual([[0.01, 0.1], [0.1, 1], [1, 10]]);
    expect(example.decades[2].cells).toBeGreaterThan(16);
    expect(example.decades.every((d) => d.undecidedCells === 0)).toBe(true);
    expect(example).toMatchObject({ complete: true, reached: 10 });
    expect(held.rate!.certifies).toMatch(/No finite computation certifies a limit/);
  });

  it("cells outside the bound's precondition are skipped and counted, never held", () => {
    // 𝓛 ≤ 1/(2t) is false for t > 1; declared to say something only where 1 − t > 0.
    const bound = { relation: '≤' as const, expr: lit(1).over(lit(2).times(t)), reads: '1/(2t)' };
    const [step] = rateReports(withRate(bound, [-1, 1], { expr: lit(1).minus(t), reads: 't < 1' }));
    expect(step.verdict).toBe('held');
    const [below, above] = step.rate!.examples[0].decades;
    // The last cell of the first decade reaches t = 1, where 1 − t > 0 is not certified.
    expect(below).toMatchObject({ verdict: 'held', cells: 15, skippedCells: 1 });
    expect(above).toMatchObject({ verdict: 'outside', cells: 0, skippedCells: 16 });
    expect(above.overInterval).toBeUndefined();
    const [nowhere] = rateReports(withRate(bound, [1, 2], { expr: lit(1).minus(t), reads: 't < 1' }));
    expect(nowhere.verdict).toBe('inconclusive');
  });

  it("a data set outside the step's `applies` is not applicable: nothing evaluated, inconclusive, not a surprise, never held", () => {
    const n = param('n');
    const twoPoints = { label: 'a symmetric pair', instance: { flow: { X: [[1], [-1]], y: [1, -1], n: 2, d: 1, t: 1 } } };
    const bound = { relation: '≤' as const, expr: lit(4).over(t), reads: '4/t' };
    const applies = { expr: n.minus(lit(1)), reads: 'n ≥ 2', why: 'an equality at n = 1' };
    const lemma = withRate(bound, [1, 2], undefined, applies, [...onePoint, twoPoints]);
    // The proof's own examples: the one point is left out, the pair is checked.
    const [own] = rateReports(lemma);
    expect(own.rate!.examples.map((e) => e.label)).toEqual(['a symmetric pair']);
    expect(own.notApplicable).toBeUndefined();
    // A user's one-point data set: not applicable, with the condition and the reason.
    const [user] = rateReports(lemma, { label: 'your data set', instance: onePoint[0].instance });
    expect(user).toMatchObject({ verdict: 'inconclusive', surprise: false, certified: false, instances: 0, evaluations: 0 });
    expect(user.notApplicable).toMatch(/stated for n ≥ 2, which your data set is not: an equality at n = 1/);
    expect(isNotApplicable(user)).toBe(true);
    expect(isSurprise(user)).toBe(false);
    // The mark never hides a computed verdict: with evaluations behind it, it is a surprise again.
    expect(isSurprise({ ...user, evaluations: 1 })).toBe(true);
    expect(isSurprise({ ...user, verdict: 'refuted' })).toBe(true);
    // A user's data set inside it is checked as any other (here: 2/(1 + 2t) ≤ 4/t on the pair).
    const [inside] = rateReports(lemma, { label: 'your data set', instance: twoPoints.instance });
    expect(inside.notApplicable).toBeUndefined();
    expect(inside.instances).toBe(1);
    expect(inside.verdict).toBe('held');
    // No example satisfies it: a load-time mistake, not a verdict.
    expect(() => rateReports(withRate(bound, [1, 2], undefined, applies))).toThrow(/none of its examples satisfies n ≥ 2/);
  });

  it('decade grids end at exact powers of ten', () => {
    expect(decadeGrid(-3, 4)[0]).toBe(0.001);
    expect(decadeGrid(11, 16)[16]).toBe(1e12);
    expect(decadeGrid(2, 2)).toEqual([100, 10 ** 2.5, 1000]);
  });

  it('a misspelt rate field is a load error naming the step', () => {
    const spec = { relation: '≤' as const, expr: lit(1).over(t), reads: '1/t' };
    expect(() => withRate(spec, [3, 3] as unknown as [number, number])).toThrow(/rate step 'r': 'decades' must be \[a, b\]/);
    expect(() => withRate({ ...spec, relation: '<=' as never })).toThrow(/rate step 'r': bound: relation '<=' .*write '≤'/);
  });
});
