import type { Check } from '../language/lemma.js';
import type { Evaluation } from './evaluate-check.js';
import type { InstanceRef, Precision, ResolutionSummary, StepReport, Tightness, Verdict } from './report.js';

const ORDER: Precision[] = ['float', 'interval', 'double-double'];
const rank = (p: Precision): number => (ORDER.includes(p) ? ORDER.indexOf(p) : ORDER.length + Number(p.slice('decimal-'.length)));

export interface Violation {
  run: number;
  instance: unknown;
  evaluation: Evaluation;
  violation: number;
}

/**
 * Everything a step's report is made from, as plain data: the evaluations of
 * disjoint instance ranges (checked in different workers or on different CI
 * machines) merge into exactly the state of one pass over all of them.
 */
export interface AccumulatorState {
  counts: Record<Verdict, number>;
  /** Instances with at least one evaluation (ranges are disjoint, so counts add). */
  instances: number;
  evaluations: number;
  firstRefutedRun: number | null;
  worst: Violation | null;
  precision: Precision;
  minSlack: { value: number; at: InstanceRef } | null;
  maxRatio: { value: number; at: InstanceRef } | null;
  heldStrictly: number;
  heldViaTolerance: number;
  inconclusiveWidth: number;
  message: string | undefined;
  firstUndefined: unknown;
  /** Evaluations held to their inputs' resolution (see input-resolution.ts). */
  resolution: ResolutionSummary | null;
  /** The first inconclusive, undefined or error evaluation, for the report's instance and replay. */
  firstUnresolved: { run: number; instance: unknown; evaluation: Evaluation } | null;
}

export function emptyAccumulatorState(): AccumulatorState {
  return {
    counts: { held: 0, refuted: 0, inconclusive: 0, undefined: 0, error: 0 },
    instances: 0,
    evaluations: 0,
    firstRefutedRun: null,
    worst: null,
    precision: 'interval',
    minSlack: null,
    maxRatio: null,
    heldStrictly: 0,
    heldViaTolerance: 0,
    inconclusiveWidth: 0,
    message: undefined,
    firstUndefined: undefined,
    resolution: null,
    firstUnresolved: null,
  };
}

/**
 * The state of `earlier` followed by `later` (whose runs all come after): the
 * first extreme wins ties, as it does within one pass.
 */
export function mergeAccumulatorStates(earlier: AccumulatorState, later: AccumulatorState): AccumulatorState {
  const counts = { ...earlier.counts };
  for (const [verdict, n] of Object.entries(later.counts) as [Verdict, number][]) counts[verdict] += n;
  return {
    counts,
    instances: earlier.instances + later.instances,
    evaluations: earlier.evaluations + later.evaluations,
    firstRefutedRun: earlier.firstRefutedRun ?? later.firstRefutedRun,
    worst: later.worst !== null && (earlier.worst === null || later.worst.violation > earlier.worst.violation) ? later.worst : earlier.worst,
    precision: rank(later.precision) > rank(earlier.precision) ? later.precision : earlier.precision,
    minSlack: later.minSlack !== null && (earlier.minSlack === null || later.minSlack.value < earlier.minSlack.value) ? later.minSlack : earlier.minSlack,
    maxRatio: later.maxRatio !== null && (earlier.maxRatio === null || later.maxRatio.value > earlier.maxRatio.value) ? later.maxRatio : earlier.maxRatio,
    heldStrictly: earlier.heldStrictly + later.heldStrictly,
    heldViaTolerance: earlier.heldViaTolerance + later.heldViaTolerance,
    inconclusiveWidth: Math.max(earlier.inconclusiveWidth, later.inconclusiveWidth),
    message: earlier.message ?? later.message,
    firstUndefined: earlier.firstUndefined !== undefined ? earlier.firstUndefined : later.firstUndefined,
    resolution: mergeResolution(earlier.resolution, later.resolution),
    firstUnresolved: earlier.firstUnresolved ?? later.firstUnresolved,
  };
}

function addResolution(s: AccumulatorState, ev: Evaluation, at: InstanceRef): void {
  const hold = ev.resolution!;
  const magnitude = Math.max(...[...(ev.lhs ?? []), ...(ev.rhs ?? [])].map((x) => Math.abs(Number(x))));
  const relative = magnitude > 0 ? hold.within / magnitude : Infinity;
  const r = (s.resolution ??= { evaluations: 0, within: -1, relative: 0, inputs: {}, at, widths: [] });
  r.evaluations++;
  if (hold.within > r.within) Object.assign(r, { within: hold.within, at, widths: hold.widths });
  r.relative = Math.max(r.relative, relative);
  for (const input of hold.inputs) r.inputs[input.name] = Math.max(r.inputs[input.name] ?? 0, input.relativeWidth);
}

/** Merges two resolution summaries (the larger bound and where it was certified; counts add). */
function mergeResolution(a: ResolutionSummary | null, b: ResolutionSummary | null): ResolutionSummary | null {
  if (!a || !b) return a ?? b ? structuredClone((a ?? b)!) : null;
  const inputs = { ...a.inputs };
  for (const [name, w] of Object.entries(b.inputs)) inputs[name] = Math.max(inputs[name] ?? 0, w);
  const wider = b.within > a.within ? b : a;
  return { evaluations: a.evaluations + b.evaluations, within: wider.within, relative: Math.max(a.relative, b.relative), inputs, at: wider.at, widths: wider.widths };
}

/** Collects the evaluations of one check across instances into its report. */
export class StepAccumulator {
  private lastRun: number | null = null;
  /** Local to one pass (not merged across shards): the first refutation (for a systematic search, its smallest counterexample), every refuted run, and the first evaluation (a replay's one instance). */
  firstRefutation: { run: number; instance: unknown; evaluation: Evaluation } | null = null;
  readonly refutedRuns = new Set<number>();
  first: { run: number; instance: unknown; evaluation: Evaluation } | null = null;

  constructor(
    readonly check: Check,
    readonly state: AccumulatorState = emptyAccumulatorState(),
  ) {}

  get counts(): Record<Verdict, number> {
    return this.state.counts;
  }

  get evaluations(): number {
    return this.state.evaluations;
  }

  get firstRefutedRun(): number | null {
    return this.state.firstRefutedRun;
  }

  get worst(): Violation | null {
    return this.state.worst;
  }

  /** Evaluations arrive in run order (all of one run before the next). */
  add(run: number, instance: unknown, ev: Evaluation): void {
    const s = this.state;
    if (this.lastRun !== run) s.instances++;
    this.lastRun = run;
    s.evaluations++;
    s.counts[ev.verdict]++;
    if (rank(ev.precision) > rank(s.precision) && (ev.verdict === 'held' || ev.verdict === 'refuted')) s.precision = ev.precision;
    if (this.first === null) this.first = { run, instance: plain(instance), evaluation: ev };
    const at: InstanceRef = Object.keys(ev.index).length ? { run, index: { ...ev.index } } : { run };
    const c = ev.comparison;
    if (ev.verdict === 'held' && c) {
      if (c.viaTolerance) s.heldViaTolerance++;
      else s.heldStrictly++;
      // Held within tolerance certifies |lhs − rhs| ≤ tol, not a sign: its slack counts as 0.
      const slack = c.viaTolerance ? 0 : c.slack;
      if (slack !== undefined && (s.minSlack === null || slack < s.minSlack.value)) s.minSlack = { value: slack, at };
      // Within tolerance the sides are equal as far as the step can tell: the ratio is 1, not a rounding artefact above it.
      const ratio = ev.ratio !== undefined && c.viaTolerance ? Math.min(ev.ratio, 1) : ev.ratio;
      if (ratio !== undefined && Number.isFinite(ratio) && (s.maxRatio === null || ratio > s.maxRatio.value)) s.maxRatio = { value: ratio, at };
    }
    if (ev.verdict === 'refuted') {
      if (s.firstRefutedRun === null) s.firstRefutedRun = run;
      if (this.firstRefutation === null) this.firstRefutation = { run, instance: plain(instance), evaluation: ev };
      this.refutedRuns.add(run);
      const v = c?.violation ?? 0;
      if (s.worst === null || v > s.worst.violation) s.worst = { run, instance: plain(instance), evaluation: ev, violation: v };
    }
    if (ev.verdict === 'held' && ev.resolution) addResolution(s, ev, at);
    if (ev.verdict === 'undefined' && !ev.uncertain && s.firstUndefined === undefined) s.firstUndefined = plain(instance);
    if ((ev.verdict === 'inconclusive' || ev.verdict === 'undefined' || ev.verdict === 'error') && s.firstUnresolved === null) {
      s.firstUnresolved = { run, instance: plain(instance), evaluation: ev };
    }
    if (ev.verdict === 'inconclusive' && c) s.inconclusiveWidth = Math.max(s.inconclusiveWidth, c.width);
    if ((ev.verdict === 'undefined' || ev.verdict === 'error' || ev.verdict === 'inconclusive') && s.message === undefined) {
      s.message = ev.message ?? (ev.verdict === 'inconclusive' ? (ev.why ?? `enclosures overlap at ${ev.precision} (width ${c?.width.toExponential(2)})`) : undefined);
      if (s.message) s.message = `${s.message} [run ${run}${Object.keys(ev.index).length ? `, ${JSON.stringify(ev.index)}` : ''}]`;
    }
  }

  /** The first inconclusive, undefined or error evaluation, for the report's instance and replay. */
  get firstUnresolved(): AccumulatorState['firstUnresolved'] {
    return this.state.firstUnresolved;
  }

  /** The first instance with a certain failure of this kind (for locating its region). */
  firstFailure(kind: 'refuted' | 'undefined' | null): unknown {
    if (kind === 'refuted') return this.state.worst?.instance;
    if (kind === 'undefined') return this.state.firstUndefined;
    return undefined;
  }

  get instanceCount(): number {
    return this.state.instances;
  }

  verdict(): Verdict {
    const n = this.state.counts;
    if (n.refuted) return 'refuted';
    if (n.error) return 'error';
    if (n.undefined) return 'undefined';
    if (n.inconclusive || this.state.evaluations === 0) return 'inconclusive';
    return 'held';
  }

  report(printed: { lhs: string; rhs: string }, usesClosure: boolean, floatLiterals: string[]): StepReport {
    const s = this.state;
    const verdict = this.verdict();
    const check = this.check;
    const expected = check.expect ? 'refuted' : 'held';
    const ordered = check.relation !== '=';
    const tightness: Tightness | undefined = ordered
      ? {
          minSlack: s.minSlack?.value ?? null,
          maxRatio: s.maxRatio?.value ?? null,
          equality: s.heldViaTolerance > 0 && s.heldStrictly === 0 && verdict === 'held',
          at: { ...(s.minSlack ? { minSlack: s.minSlack.at } : {}), ...(s.maxRatio ? { maxRatio: s.maxRatio.at } : {}) },
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
      instances: s.instances,
      evaluations: s.evaluations,
      counts: { ...s.counts },
      withinTolerance: s.heldViaTolerance,
      precision: s.precision,
      ...(tightness ? { tightness } : {}),
      ...(verdict === 'inconclusive' && s.inconclusiveWidth > 0 ? { inconclusiveWidth: s.inconclusiveWidth } : {}),
      ...(s.resolution ? { resolution: s.resolution } : {}),
      ...(s.message && verdict !== 'held' && verdict !== 'refuted' ? { message: s.message } : {}),
      usesClosure,
      ...(floatLiterals.length ? { floatLiterals } : {}),
      computedFrom: check.transcription ? 'notes' : 'hand',
      ...(check.transcription ? {} : { handTranscribed: check.handTranscribed ?? 'the lemma gives no notation to compile its notes with' }),
    };
  }
}

/** A JSON-safe copy of an instance, for reports. */
export function plain(x: unknown): unknown {
  if (typeof x !== 'object' || x === null) return toPlain(x);
  // An instance is copied once, however many evaluations remember it (a step over every point of 10^4 points).
  let copy = plainCopies.get(x);
  if (copy === undefined) plainCopies.set(x, (copy = toPlain(x)));
  return copy;
}

const plainCopies = new WeakMap<object, unknown>();

function toPlain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? [...v] : v)));
}
