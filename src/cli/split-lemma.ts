import { mergePassStates, type JobResult, type LemmaJob, type PassState, type PassTarget } from '../checker/lemma-job.js';
import type { LemmaReport } from '../checker/report.js';
import type { WorkUnit } from './work-plan.js';

type PassUnit = Extract<WorkUnit, { kind: 'pass' }>;

const targetKey = (t: PassTarget): string => (t.kind === 'main' ? 'main' : `relaxation ${t.index}`);

/** The passes of one split lemma as they come back, in any order, until it can be finished. */
export class SplitLemma {
  private readonly units: PassUnit[] = [];
  private readonly results: (JobResult | undefined)[] = [];
  private received = 0;
  /** Worker time spent on its passes. */
  ms = 0;

  expect(unit: PassUnit): void {
    this.units.push(unit);
    this.results.push(undefined);
  }

  record(unit: WorkUnit, result: JobResult, ms: number): void {
    const k = this.units.indexOf(unit as PassUnit);
    if (k < 0 || this.results[k] !== undefined) throw new Error('a pass result for a unit that was not expected');
    this.results[k] = result;
    this.received++;
    this.ms += ms;
  }

  get complete(): boolean {
    return this.received === this.units.length;
  }

  /** The first pass (in plan order) that failed, whose error report stands for the lemma. */
  failure(): LemmaReport | undefined {
    for (const r of this.results) if (r?.kind === 'report') return r.report;
    return undefined;
  }

  /** The merged state of one pass target, from its ranges in order. */
  merged(target: PassTarget): PassState {
    const key = targetKey(target);
    const states = this.units
      .map((u, k) => ({ u, r: this.results[k] }))
      .filter(({ u }) => targetKey(u.target) === key)
      .sort((a, b) => a.u.range.from - b.u.range.from)
      .map(({ r }) => {
        if (r?.kind !== 'pass') throw new Error(`pass ${key} is missing`);
        return r.state;
      });
    return mergePassStates(states);
  }

  finishJob(): LemmaJob {
    const relaxations = [...new Set(this.units.flatMap((u) => (u.target.kind === 'relaxation' ? [u.target.index] : [])))].sort((a, b) => a - b);
    return { kind: 'finish', main: this.merged({ kind: 'main' }), relaxations: relaxations.map((index) => this.merged({ kind: 'relaxation', index })) };
  }
}
