import type { Check } from '../language/lemma.js';
import type { Evaluation } from './evaluate-check.js';
import type { InstanceRef, Precision, StepReport, Tightness, Verdict } from './report.js';

const ORDER: Precision[] = ['float', 'interval'];
const rank = (p: Precision): number => (ORDER.includes(p) ? ORDER.indexOf(p) : 2 + Number(p.slice('decimal-'.length)));

export interface Violation {
  run: number;
  instance: unknown;
  evaluation: Evaluation;
  violation: number;
}

/** Collects the evaluations of one check across instances into its report. */
export class StepAccumulator {
  readonly counts: Record<Verdict, number> = { held: 0, refuted: 0, inconclusive: 0, undefined: 0, error: 0 };
  private runs = new Set<number>();
  evaluations = 0;
  firstRefutedRun: number | null = null;
  worst: Violation | null = null;
  private precision: Precision = 'interval';
  private minSlack: { value: number; at: InstanceRef } | null = null;
  private maxRatio: { value: number; at: InstanceRef } | null = null;
  private heldStrictly = 0;
  private heldViaTolerance = 0;
  private inconclusiveWidth = 0;
  private message: string | undefined;
  private firstUndefined: unknown;

  constructor(readonly check: Check) {}

  add(run: number, instance: unknown, ev: Evaluation): void {
    this.runs.add(run);
    this.evaluations++;
    this.counts[ev.verdict]++;
    if (rank(ev.precision) > rank(this.precision) && (ev.verdict === 'held' || ev.verdict === 'refuted')) this.precision = ev.precision;
    const at: InstanceRef = Object.keys(ev.index).length ? { run, index: { ...ev.index } } : { run };
    const c = ev.comparison;
    if (ev.verdict === 'held' && c) {
      if (c.viaTolerance) this.heldViaTolerance++;
      else this.heldStrictly++;
      // Held within tolerance certifies |lhs − rhs| ≤ tol, not a sign: its slack counts as 0.
      const slack = c.viaTolerance ? 0 : c.slack;
      if (slack !== undefined && (this.minSlack === null || slack < this.minSlack.value)) this.minSlack = { value: slack, at };
      // Within tolerance the sides are equal as far as the step can tell: the ratio is 1, not a rounding artefact above it.
      const ratio = ev.ratio !== undefined && c.viaTolerance ? Math.min(ev.ratio, 1) : ev.ratio;
      if (ratio !== undefined && Number.isFinite(ratio) && (this.maxRatio === null || ratio > this.maxRatio.value)) this.maxRatio = { value: ratio, at };
    }
    if (ev.verdict === 'refuted') {
      if (this.firstRefutedRun === null) this.firstRefutedRun = run;
      const v = c?.violation ?? 0;
      if (this.worst === null || v > this.worst.violation) this.worst = { run, instance: plain(instance), evaluation: ev, violation: v };
    }
    if (ev.verdict === 'undefined' && !ev.uncertain && this.firstUndefined === undefined) this.firstUndefined = plain(instance);
    if (ev.verdict === 'inconclusive' && c) this.inconclusiveWidth = Math.max(this.inconclusiveWidth, c.width);
    if ((ev.verdict === 'undefined' || ev.verdict === 'error' || ev.verdict === 'inconclusive') && this.message === undefined) {
      this.message = ev.message ?? (ev.verdict === 'inconclusive' ? `enclosures overlap at ${ev.precision} (width ${c?.width.toExponential(2)})` : undefined);
      if (this.message) this.message = `${this.message} [run ${run}${Object.keys(ev.index).length ? `, ${JSON.stringify(ev.index)}` : ''}]`;
    }
  }

  /** The first instance with a certain failure of this kind (for locating its region). */
  firstFailure(kind: 'refuted' | 'undefined' | null): unknown {
    if (kind === 'refuted') return this.worst?.instance;
    if (kind === 'undefined') return this.firstUndefined;
    return undefined;
  }

  verdict(): Verdict {
    const n = this.counts;
    if (n.refuted) return 'refuted';
    if (n.error) return 'error';
    if (n.undefined) return 'undefined';
    if (n.inconclusive || this.evaluations === 0) return 'inconclusive';
    return 'held';
  }

  report(printed: { lhs: string; rhs: string }, usesClosure: boolean, floatLiterals: string[]): StepReport {
    const verdict = this.verdict();
    const check = this.check;
    const expected = check.expect ? 'refuted' : 'held';
    const ordered = check.relation !== '=';
    const tightness: Tightness | undefined = ordered
      ? {
          minSlack: this.minSlack?.value ?? null,
          maxRatio: this.maxRatio?.value ?? null,
          equality: this.heldViaTolerance > 0 && this.heldStrictly === 0 && verdict === 'held',
          at: { ...(this.minSlack ? { minSlack: this.minSlack.at } : {}), ...(this.maxRatio ? { maxRatio: this.maxRatio.at } : {}) },
        }
      : undefined;
    return {
      id: check.id,
      notes: check.notes,
      ...(check.notesAt ? { notesLine: check.notesAt.line, notesColumn: check.notesAt.column } : {}),
      form: check.form,
      ...(check.erratumOf ? { erratumOf: check.erratumOf } : {}),
      ...(check.chain ? { chain: check.chain } : {}),
      relation: check.relation,
      lhs: printed.lhs,
      rhs: printed.rhs,
      justification: check.why,
      verdict,
      expected,
      ...(check.expect ? { expectedReason: check.expect.refuted } : {}),
      surprise: verdict !== expected,
      certified: verdict === 'held' || verdict === 'refuted',
      instances: this.runs.size,
      evaluations: this.evaluations,
      counts: { ...this.counts },
      withinTolerance: this.heldViaTolerance,
      precision: this.precision,
      ...(tightness ? { tightness } : {}),
      ...(verdict === 'inconclusive' && this.inconclusiveWidth > 0 ? { inconclusiveWidth: this.inconclusiveWidth } : {}),
      ...(this.message && verdict !== 'held' && verdict !== 'refuted' ? { message: this.message } : {}),
      usesClosure,
      ...(floatLiterals.length ? { floatLiterals } : {}),
    };
  }
}

/** A JSON-safe copy of an instance, for reports. */
export function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? [...v] : v)));
}
