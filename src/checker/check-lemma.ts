import { basename } from 'node:path';
import fc from 'fast-check';
import { formatDouble } from '../arithmetic/exact.js';
import { InstanceFileError, readInstanceFile } from '../io/instance-file.js';
import { UnsuitableDatasetError } from '../models/dataset.js';
import { datasetRunPlan } from './dataset-limits.js';
import { some, type Expr } from '../language/expr.js';
import type { Check, Hypothesis, Instance, Lemma } from '../language/lemma.js';
import { print } from '../language/print.js';
import { StepAccumulator, plain } from './accumulator.js';
import type { InstanceRange, JobResult, LemmaJob, PassState, PassTarget } from './lemma-job.js';
import { markNotReproduced } from './dataset-expectations.js';
import { evaluateCheck, floatScreenFails, indexAssignments, type Evaluation, type EvaluateOptions } from './evaluate-check.js';
import type { IndexEnv } from '../language/evaluate.js';
import { InstanceContext, ladder } from './instance-context.js';
import { regionsOf, scanRegion, scanStretches } from './regions.js';
import { withWholeDomainProofs } from '../prover/prove-lemma.js';
import { sharpBracket } from '../prover/sharp-hypothesis.js';
import { SYSTEMATIC_PATH, compactReplayPath, expandReplayPath } from './replay-path.js';
import { rateReports } from './rates.js';
import { attachSweeps, describeInstance, gridSeries, indexSeries, parameterName, type PlotInstances } from './series.js';
import { DEFAULT_DIGITS, type CheckOptions } from './options.js';
import { profileDomain, profiledLemma } from './profile.js';
import { expectationReport, type CitedOutcome } from './expectation.js';
import type { ChainReport, Counterexample, ExpectationReport, LemmaReport, RelaxationReport, SeriesPoint, StepReport, StepSeries, UnresolvedInstance, Verdict } from './report.js';

/** Candidate instances tried while shrinking one counterexample, after the first failure. */
const SHRINK_BUDGET = 400;

export function instanceArbitrary(hypotheses: Record<string, Hypothesis>): fc.Arbitrary<Instance> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, h] of Object.entries(hypotheses)) parts[name] = h.arbitrary;
  return fc.record(parts) as fc.Arbitrary<Instance>;
}

/** Evaluates every assignment of a check's indices at one instance. */
function evaluateAll(check: Check, ctx: InstanceContext, options: EvaluateOptions): Evaluation[] {
  const assignments = assignmentsOf(check, ctx, options);
  return 'failed' in assignments ? [assignments.failed] : assignments.indices.map((index) => evaluateCheck(check, ctx, index, options));
}

/** A check's index assignments at this instance, or the verdict of failing to enumerate them. */
function assignmentsOf(check: Check, ctx: InstanceContext, options: EvaluateOptions): { indices: IndexEnv[] } | { failed: Evaluation } {
  try {
    return { indices: indexAssignments(check, ctx, options.levels) };
  } catch (err) {
    const e = err as Error;
    const verdict: Verdict = e?.name === 'DomainError' ? 'undefined' : 'error';
    return { failed: { verdict, precision: options.levels[0].precision, index: {}, message: `${e?.name}: ${e?.message}` } };
  }
}

/**
 * Evaluates every check at one instance, the j-th assignment of each check in turn: steps quantified over a
 * trajectory's iterates then read one iterate at a time, so what its steps share (the iterate, its preactivations,
 * its gradient) is still in the bounded caches when the next step asks, however long the trajectory. Each check's
 * evaluations come back in its own order, as evaluateAll gives them.
 */
function evaluateChecks(checks: readonly Check[], ctx: InstanceContext, options: EvaluateOptions): Evaluation[][] {
  const assignments = checks.map((check) => assignmentsOf(check, ctx, options));
  const out = assignments.map((a) => ('failed' in a ? [a.failed] : []));
  const lengths = assignments.map((a) => ('failed' in a ? 0 : a.indices.length));
  const total = lengths.reduce((a, b) => a + b, 0);
  let done = 0;
  for (let j = 0; j < Math.max(0, ...lengths); j++) {
    checks.forEach((check, k) => {
      const a = assignments[k];
      if ('failed' in a || j >= a.indices.length) return;
      out[k].push(evaluateCheck(check, ctx, a.indices[j], options));
      options.onPartial?.(++done / total);
    });
  }
  return out;
}

function mostViolated(evaluations: Evaluation[]): Evaluation | undefined {
  let best: Evaluation | undefined;
  for (const ev of evaluations) {
    if (ev.verdict !== 'refuted') continue;
    if (!best || (ev.comparison?.violation ?? 0) > (best.comparison?.violation ?? 0)) best = ev;
  }
  return best;
}

export function replayCommand(lemmaId: string, seed: number, path: string, stepId: string, relaxation?: number, extra: readonly string[] = []): string {
  return `npm run verify -- --lemma ${lemmaId} --seed ${seed} --replay ${path} --step ${stepId}${relaxation ? ` --relaxation ${relaxation}` : ''}${extra.map((w) => ` ${w}`).join('')}`;
}

/**
 * The replay words for an instance of the lemma's own generated domain (a cited counterexample, a
 * relaxation's systematic one): the run's words without its data set or profile, which that instance is not from.
 */
function ownDomainArgs(words: readonly string[] = []): string[] {
  const otherDomain = (w: string | undefined): boolean => w === '--instance' || w === '--profile';
  return words.filter((w, k) => !otherDomain(w) && !otherDomain(words[k - 1]));
}

/** The lemma with one hypothesis swapped for its relaxed domain (relaxations are numbered from 1). */
function relaxedLemma(lemma: Lemma, k: number): Lemma {
  const relaxation = lemma.relaxations[k - 1];
  if (!relaxation) throw new Error(`lemma ${lemma.id} has no relaxation ${k} (it has ${lemma.relaxations.length})`);
  return { ...lemma, hypotheses: { ...lemma.hypotheses, [relaxation.hypothesis]: relaxation.relaxed } };
}

/**
 * Shrinks a refutation with fast-check: the same seed regenerates the same
 * instances, the property fails exactly where the check is refuted (certified),
 * and shrinking looks for fewer points, smaller dimensions, simpler numbers.
 * During shrinking, candidates that plain floats say satisfy the check are
 * skipped (a skipped candidate can only make the result less minimal, never unsound).
 */
function shrink(
  lemma: Lemma,
  check: Check,
  arbitrary: fc.Arbitrary<Instance>,
  seed: number,
  runs: number,
  firstRefutedRun: number,
  options: EvaluateOptions,
): { instance: Instance; path: string; evaluation: Evaluation; facts: Record<string, number> } | null {
  let calls = 0;
  const property = fc.property(arbitrary, (instance) => {
    calls++;
    // Runs before the first refuted one were evaluated by the pass and held: they need no second evaluation.
    if (calls <= firstRefutedRun) return true;
    const shrinking = calls > firstRefutedRun + 1;
    if (shrinking && calls > firstRefutedRun + 1 + (options.shrinkBudget ?? SHRINK_BUDGET)) return true;
    const ctx = new InstanceContext(lemma, instance);
    let indices;
    try {
      indices = indexAssignments(check, ctx, options.levels);
    } catch {
      return true;
    }
    if (shrinking && !indices.some((index) => floatScreenFails(check, ctx, index))) return true;
    // The property fails when some assignment is refuted: the first one found settles it.
    return !indices.some((index) => evaluateCheck(check, ctx, index, options).verdict === 'refuted');
  });
  const out = fc.check(property, { seed, numRuns: runs });
  if (!out.failed || !out.counterexample || out.counterexamplePath === null) return null;
  const instance = out.counterexample[0];
  const ctx = new InstanceContext(lemma, instance);
  const evaluation = mostViolated(evaluateAll(check, ctx, options));
  if (!evaluation) return null;
  return { instance, path: compactReplayPath(out.counterexamplePath), evaluation, facts: ctx.facts };
}

function counterexampleOf(
  lemma: Lemma,
  check: Check,
  acc: StepAccumulator,
  arbitrary: fc.Arbitrary<Instance>,
  seed: number,
  runs: number,
  options: EvaluateOptions,
  relaxation?: number,
  replayedPath?: string,
): Counterexample | undefined {
  if (acc.firstRefutedRun === null || !acc.worst) return undefined;
  const worst = acc.worst;
  if (replayedPath !== undefined) {
    // A replay shows the replayed instance itself: it is already the shrunk one.
    const ev = worst.evaluation;
    if (!SYSTEMATIC_PATH.test(replayedPath)) replayedPath = compactReplayPath(expandReplayPath(replayedPath));
    return {
      instance: worst.instance,
      ...(Object.keys(ev.index).length ? { index: { ...ev.index } } : {}),
      lhs: ev.lhs!,
      rhs: ev.rhs!,
      precision: ev.precision,
      violation: worst.violation,
      replay: { seed, path: replayedPath, command: replayCommand(lemma.id, seed, replayedPath, check.id, relaxation, options.replayArgs) },
    };
  }
  const shrunk = shrink(lemma, check, arbitrary, seed, runs, acc.firstRefutedRun, options);
  const worstPart = {
    instance: worst.instance,
    ...(Object.keys(worst.evaluation.index).length ? { index: { ...worst.evaluation.index } } : {}),
    lhs: worst.evaluation.lhs!,
    rhs: worst.evaluation.rhs!,
    violation: worst.violation,
  };
  if (!shrunk) {
    // Shrinking could not reproduce the failure (should not happen): report the worst one, without a replay path.
    return { ...worstPart, precision: worst.evaluation.precision, replay: { seed, path: '', command: '' }, worst: worstPart };
  }
  const ev = shrunk.evaluation;
  return {
    instance: plain(shrunk.instance),
    ...(Object.keys(ev.index).length ? { index: { ...ev.index } } : {}),
    lhs: ev.lhs!,
    rhs: ev.rhs!,
    precision: ev.precision,
    ...(Object.keys(shrunk.facts).length ? { facts: { ...shrunk.facts } } : {}),
    violation: ev.comparison?.violation ?? 0,
    replay: { seed, path: shrunk.path, command: replayCommand(lemma.id, seed, shrunk.path, check.id, relaxation, options.replayArgs) },
    worst: worstPart,
  };
}

/**
 * The first instance where a step was not decided, with its replay: a generated instance's
 * fast-check path is its run number (no shrinking), so the command reproduces exactly that instance.
 */
function unresolvedOf(lemmaId: string, stepId: string, first: NonNullable<StepAccumulator['firstUnresolved']>, seed: number, extra: readonly string[] | undefined, relaxation?: number, replayedPath?: string): UnresolvedInstance {
  const ev = first.evaluation;
  const path = replayedPath ?? String(first.run);
  return {
    instance: first.instance,
    ...(Object.keys(ev.index).length ? { index: { ...ev.index } } : {}),
    ...(ev.lhs ? { lhs: ev.lhs } : {}),
    ...(ev.rhs ? { rhs: ev.rhs } : {}),
    precision: ev.precision,
    why: ev.why ?? ev.message ?? ev.verdict,
    replay: { seed, path, command: replayCommand(lemmaId, seed, path, stepId, relaxation, extra) },
  };
}

function floatLiterals(e: Expr): string[] {
  const out = new Set<string>();
  some(e, (node) => {
    // A literal typed as a JS number is guaranteed only when its decimal text is the double itself (0.25 is, 0.1 is not).
    if (node.kind === 'const' && node.text === undefined && formatDouble(node.value) !== String(node.value)) out.add(String(node.value));
    return false;
  });
  return [...out];
}

function usesClosure(check: Check): boolean {
  return some(check.lhs, (n) => n.kind === 'closure') || some(check.rhs, (n) => n.kind === 'closure');
}

interface PassResult {
  accumulators: StepAccumulator[];
  facts: Record<string, number>;
  summaries: { run: number; facts: Record<string, number> }[];
  /** Instances remembered for the report's plots. */
  plots: PlotInstances;
}

const passState = (result: PassResult): PassState => ({ accumulators: result.accumulators.map((a) => a.state), facts: result.facts, summaries: result.summaries, plots: result.plots });
const passResult = (checks: readonly Check[], state: PassState): PassResult => ({
  accumulators: checks.map((c, k) => new StepAccumulator(c, structuredClone(state.accumulators[k]))),
  facts: { ...state.facts },
  summaries: [...state.summaries],
  plots: state.plots ? structuredClone(state.plots) : { longest: checks.map(() => null) },
});

function emptyPass(checks: readonly Check[]): PassResult {
  return { accumulators: checks.map((c) => new StepAccumulator(c)), facts: {}, summaries: [], plots: { longest: checks.map(() => null) } };
}

/** Evaluates every check at one instance (the run-th) into the pass's accumulators (and the instances its plots use). */
function evaluateInstance(lemma: Lemma, checks: readonly Check[], result: PassResult, run: number, instance: Instance, options: EvaluateOptions): void {
  const ctx = new InstanceContext(lemma, instance);
  const plots = result.plots;
  if (run === 0) plots.first = plain(instance) as Instance;
  const all = evaluateChecks(checks, ctx, options);
  checks.forEach((check, k) => {
    const evaluations = all[k];
    for (const ev of evaluations) result.accumulators[k].add(run, instance, ev);
    if (check.over.length === 1 && evaluations.length > (plots.longest[k]?.count ?? 1)) plots.longest[k] = { run, count: evaluations.length, instance: plain(instance) as Instance };
  });
  for (const [name, value] of Object.entries(ctx.facts)) result.facts[name] = Math.max(result.facts[name] ?? -Infinity, value);
  if (Object.keys(ctx.facts).length) result.summaries.push({ run, facts: { ...ctx.facts } });
}

/**
 * Generates `runs` instances from the seed and evaluates every check at each
 * (within `range` only: the others are drawn, so the sequence is the same, but not evaluated).
 */
function pass(lemma: Lemma, checks: readonly Check[], arbitrary: fc.Arbitrary<Instance>, seed: number, runs: number, options: EvaluateOptions, path?: string, range?: InstanceRange): PassResult {
  const result = emptyPass(checks);
  let run = 0;
  const property = fc.property(arbitrary, (instance) => {
    // A replay evaluates exactly the instance at the path; fast-check would go on walking its shrink tree.
    if (path !== undefined && run > 0) return true;
    if (range && (run < range.from || run >= range.to)) {
      run++;
      return true;
    }
    evaluateInstance(lemma, checks, result, run++, instance, options);
    options.onInstance?.();
    return true;
  });
  fc.check(property, path === undefined ? { seed, numRuns: range ? Math.min(runs, range.to) : runs } : { seed, numRuns: runs, path: expandReplayPath(path) });
  return result;
}

/** Evaluates every check at each of the given instances, in order (a systematic search). */
function passOver(lemma: Lemma, checks: readonly Check[], instances: readonly Instance[], options: EvaluateOptions): PassResult {
  const result = emptyPass(checks);
  instances.forEach((instance, run) => evaluateInstance(lemma, checks, result, run, instance, options));
  return result;
}


function systematicInstance(lemma: Lemma, relaxation: number | undefined, path: string): Instance {
  const k = Number(SYSTEMATIC_PATH.exec(path)![1]);
  const search = relaxation ? lemma.relaxations[relaxation - 1]?.systematic : undefined;
  if (!search) throw new Error(`replay path ${path} names a systematic search; only a relaxation (--relaxation K) of lemma ${lemma.id} with one has it`);
  const instances = search.instances();
  if (k >= instances.length) throw new Error(`replay path ${path}: the systematic search of relaxation ${relaxation} has ${instances.length} instances`);
  return instances[k];
}

function chainReports(lemma: Lemma, steps: StepReport[]): ChainReport[] {
  return lemma.chains.map((chain) => {
    const links = chain.links.map((id) => steps.find((s) => s.id === id)!);
    const failedLinks = links.filter((s) => s.verdict !== 'held').map((s) => s.chain!.link);
    const verdicts = links.map((s) => s.verdict);
    const verdict: Verdict = verdicts.includes('refuted')
      ? 'refuted'
      : verdicts.includes('error')
        ? 'error'
        : verdicts.includes('undefined')
          ? 'undefined'
          : verdicts.includes('inconclusive')
            ? 'inconclusive'
            : 'held';
    return { id: chain.id, notes: chain.notes, ...(chain.notesAt ? { notesLine: chain.notesAt.line } : {}), form: 'notes', relation: chain.relation, verdict, failedLinks };
  });
}

function stepReports(lemma: Lemma, checks: readonly Check[], result: PassResult, arbitrary: fc.Arbitrary<Instance>, seed: number, runs: number, options: EvaluateOptions, shrinkRefuted: boolean, relaxation?: number, replayedPath?: string): StepReport[] {
  return checks.map((check, k) => {
    const acc = result.accumulators[k];
    const report = acc.report({ lhs: print(check.lhs), rhs: print(check.rhs) }, usesClosure(check), [...new Set([...floatLiterals(check.lhs), ...floatLiterals(check.rhs)])]);
    if (report.verdict === 'refuted' && (shrinkRefuted || replayedPath !== undefined)) {
      const cx = counterexampleOf(lemma, check, acc, arbitrary, seed, runs, options, relaxation, replayedPath);
      if (cx) report.counterexample = cx;
    }
    if (report.verdict !== 'held' && report.verdict !== 'refuted' && acc.firstUnresolved) report.unresolved = unresolvedOf(lemma.id, check.id, acc.firstUnresolved, seed, options.replayArgs, relaxation, replayedPath);
    const scans = shrinkRefuted ? lemma.regions.filter((r) => !r.steps || r.steps.includes(check.id)) : [];
    const failure = report.verdict === 'refuted' || report.verdict === 'undefined' ? report.verdict : null;
    const at = report.counterexample?.instance ?? acc.firstFailure(failure);
    const series: StepSeries[] = [];
    if (failure && scans.length && at !== undefined) {
      const certified = scans.map((scan) => scanStretches(lemma, check, at as Instance, scan, options));
      const regions = certified.flatMap(regionsOf);
      // The plot's points: the step at the scan's grid, each a certified evaluation at one value.
      for (const scan of options.plots === false ? [] : scans) {
        const parameter = parameterName(scan);
        series.push({ parameter, along: 'parameter', at: report.counterexample ? 'counterexample' : 'first failure', label: describeInstance(at as Instance, parameter), instance: at, points: gridSeries(lemma, check, at as Instance, scan, options) });
      }
      if (regions.length) report.regions = regions;
      report.regionScans = certified;
    }
    const along = options.plots === false ? undefined : quantifiedSeries(lemma, check, report, result.plots.longest[k]?.instance, options);
    if (along) series.push(along);
    if (series.length) report.series = series;
    return report;
  });
}

/** A step quantified over one index, along it: at the counterexample if there is one, else at the instance with the most assignments. */
function quantifiedSeries(lemma: Lemma, check: Check, report: StepReport, longest: Instance | undefined, options: EvaluateOptions): StepSeries | undefined {
  if (check.over.length !== 1) return undefined;
  const name = check.over[0].name;
  const cx = report.counterexample?.instance as Instance | undefined;
  const [at, kind] = cx !== undefined ? [cx, 'counterexample' as const] : [longest, 'longest index range' as const];
  if (at === undefined) return undefined;
  return indexSeries(check, evaluateAll(check, new InstanceContext(lemma, at), options), at, kind, describeInstance(at, name));
}

/** The steps checked under the k-th relaxed hypothesis (1-based). */
export function relaxationChecks(lemma: Lemma, k: number): Check[] {
  const relaxation = lemma.relaxations[k - 1];
  return lemma.checks.filter((c) => (relaxation.steps ? relaxation.steps.includes(c.id) : c.form === 'notes' && !c.expect && !c.vendoredOf));
}

/** One pass of the lemma or of a relaxed copy of it, over all runs or a range of them. */
function targetPass(lemma: Lemma, target: PassTarget, arbitrary: fc.Arbitrary<Instance>, seed: number, runs: number, options: EvaluateOptions, range?: InstanceRange): PassResult {
  if (target.kind === 'main') return pass(lemma, lemma.checks, arbitrary, seed, runs, options, undefined, range);
  const relaxed = relaxedLemma(lemma, target.index);
  return pass(relaxed, relaxationChecks(lemma, target.index), instanceArbitrary(relaxed.hypotheses), seed, runs, options, undefined, range);
}

const SEVERITY: Verdict[] = ['held', 'inconclusive', 'undefined', 'error', 'refuted'];
const worse = (a: Verdict, b: Verdict): Verdict => (SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b);

/**
 * Each relaxed hypothesis: first its systematic search, which does not depend on the seed (its
 * first refutation, the smallest instance in its order, is the counterexample shown), then the
 * random search at the run's seed (shrunk as usual).
 */
function relaxationReports(lemma: Lemma, seed: number, runs: number, options: EvaluateOptions, passes: readonly PassResult[]): RelaxationReport[] {
  return lemma.relaxations.map((relaxation, k) => {
    const relaxed = relaxedLemma(lemma, k + 1);
    const arbitrary = instanceArbitrary(relaxed.hypotheses);
    const checks = relaxationChecks(lemma, k + 1);
    const grid = relaxation.systematic ? passOver(relaxed, checks, relaxation.systematic.instances(), options) : null;
    const result = passes[k];
    const steps = stepReports(relaxed, checks, result, arbitrary, seed, runs, options, true, k + 1).map((s, c) => {
      const systematic = grid?.accumulators[c];
      const first = systematic?.firstRefutation;
      if (systematic && first) {
        const ev = first.evaluation;
        const path = `grid:${first.run}`;
        const counterexample: Counterexample = {
          instance: first.instance,
          ...(Object.keys(ev.index).length ? { index: { ...ev.index } } : {}),
          lhs: ev.lhs!,
          rhs: ev.rhs!,
          precision: ev.precision,
          violation: ev.comparison?.violation ?? 0,
          replay: { seed, path, command: replayCommand(lemma.id, seed, path, s.id, k + 1, ownDomainArgs(options.replayArgs)) },
        };
        return { id: s.id, verdict: 'refuted' as Verdict, found: 'systematic' as const, counterexample, ...(s.verdict === 'refuted' ? { alsoAtSeed: true } : {}) };
      }
      const verdict = systematic ? worse(s.verdict, systematic.verdict()) : s.verdict;
      return { id: s.id, verdict, ...(s.counterexample ? { found: 'random' as const, counterexample: s.counterexample } : {}) };
    });
    const search = relaxation.systematic && grid
      ? { systematic: { domain: relaxation.systematic.domain, instances: grid.accumulators[0]?.instanceCount ?? 0, refuted: countRefutedInstances(grid) } }
      : {};
    const sharp = relaxation.sharp ? { sharp: sharpBracket(relaxation.sharp) } : {};
    return { hypothesis: relaxation.statement, domain: relaxation.relaxed.domain, ...search, steps, matters: steps.some((s) => s.verdict === 'refuted'), ...sharp };
  });
}

/**
 * Which steps of the proof need the hypothesis a sharp bracket relaxes: those refuted under a relaxation
 * of the same hypothesis that the bracketed claim survives (Lemma 9.4: 1 ≤ 2 − η, refuted for η ∈ (1, 2]).
 */
function withNeededBy(reports: RelaxationReport[]): RelaxationReport[] {
  return reports.map((r) => {
    if (!r.sharp) return r;
    const claimSteps = new Set(r.steps.map((s) => s.id));
    const neededBy = reports
      .filter((o) => o !== r && o.hypothesis === r.hypothesis)
      .flatMap((o) => o.steps.filter((s) => s.verdict === 'refuted' && !claimSteps.has(s.id)).map((s) => ({ step: s.id, domain: o.domain })))
      .filter((x, k, all) => all.findIndex((y) => y.step === x.step) === k);
    return neededBy.length ? { ...r, sharp: { ...r.sharp, neededBy } } : r;
  });
}

function countRefutedInstances(result: PassResult): number {
  const runs = new Set<number>();
  for (const acc of result.accumulators) for (const run of acc.refutedRuns) runs.add(run);
  return runs.size;
}

/**
 * Replays the counterexample a step's expectation cites (on the lemma's own generated domain, at the
 * cited seed and path) and, where the step declares its failing region, scans for it there.
 */
function citedExpectation(lemma: Lemma, check: Check, step: StepReport, options: EvaluateOptions): ExpectationReport {
  const expect = check.expect!;
  const { seed, path } = expect.counterexample;
  const command = replayCommand(lemma.id, seed, path, check.id, undefined, ownDomainArgs(options.replayArgs));
  let outcome: CitedOutcome;
  try {
    const acc = pass(lemma, [check], instanceArbitrary(lemma.hypotheses), seed, 1, options, path).accumulators[0];
    const verdict = acc.verdict();
    const shown = verdict === 'refuted' ? acc.worst!.evaluation : (acc.firstUnresolved?.evaluation ?? acc.first?.evaluation);
    outcome = { verdict, ...(shown?.lhs ? { lhs: shown.lhs } : {}), ...(shown?.rhs ? { rhs: shown.rhs } : {}), ...(shown?.message ? { message: shown.message } : {}) };
    const instance = acc.first?.instance as Instance | undefined;
    if (expect.region && verdict === 'refuted' && instance !== undefined) {
      const same = step.counterexample && JSON.stringify(step.counterexample.instance) === JSON.stringify(instance);
      const scans = lemma.regions.filter((r) => !r.steps || r.steps.includes(check.id));
      outcome.regions = same && step.regions ? step.regions : scans.flatMap((scan) => scanRegion(lemma, check, instance, scan, options));
    }
  } catch (err) {
    outcome = { verdict: 'error', message: `the cited path does not replay: ${(err as Error)?.message ?? String(err)}` };
  }
  return expectationReport(expect, command, outcome);
}

/**
 * Instances built on a user's data set (--instance FILE); the remaining parameters (e.g. times) are still drawn,
 * as many times as the lemma affords on that many points (dataset-limits.ts; refused beyond its limit).
 */
function datasetArbitrary(lemma: Lemma, file: string, domain: Record<string, string>, explicitRuns?: number, plots = true): { arbitrary: fc.Arbitrary<Instance>; runs: number; plots: boolean } {
  const data = readInstanceFile(file);
  if (!lemma.fromDataset) throw new InstanceFileError(`lemma ${lemma.id} does not take a data set`);
  const plan = datasetRunPlan(lemma.datasetLimits, data.X.length, lemma.runs, explicitRuns);
  if (plan.kind === 'refused') throw new UnsuitableDatasetError(plan.requirement, plan.reason);
  for (const key of Object.keys(domain)) delete domain[key];
  // Plots re-evaluate every step at each value of a grid (region sweeps) or index: on a large data set, more than the check itself.
  const plotted = plots && data.X.length <= PLOTTED_POINTS;
  const unplotted = plots && !plotted ? `; no plots above ${PLOTTED_POINTS.toLocaleString('en-US')} points (each re-evaluates the steps at every value of its grid)` : '';
  domain.instance = `the data set in ${basename(file)} (n = ${data.X.length}, d = ${data.X[0]?.length ?? 0}); other parameters drawn as usual${plan.note ? `; ${plan.note}` : ''}${unplotted}`;
  return { arbitrary: lemma.fromDataset(data), runs: plan.runs, plots: plotted };
}

/** The most points of a user's data set that the report's plots are computed for. */
const PLOTTED_POINTS = 2000;

/** Checks every step of a lemma over generated instances. Never throws: failures become verdicts. */
export async function checkLemma(lemma: Lemma, options: CheckOptions): Promise<LemmaReport> {
  const result = await runLemmaJob(lemma, options, { kind: 'whole' });
  if (result.kind !== 'report') throw new Error('a whole-lemma job returned a pass state');
  return result.report;
}

/**
 * Runs one piece of a lemma's check (see lemma-job.ts): the whole of it, one
 * pass over an instance range, or the finish from merged pass states. Never
 * throws: a failure becomes the lemma's error report.
 */
export async function runLemmaJob(ownLemma: Lemma, options: CheckOptions, job: LemmaJob, onProgress?: (instances: number) => void): Promise<JobResult> {
  const started = Date.now();
  const seed = options.seed;
  // Under --profile NAME the lemma is checked on the profile's domain; a cited expectation still replays on the lemma's own.
  let profiled: ReturnType<typeof profiledLemma> | null = null;
  try {
    if (options.profile !== undefined) profiled = profiledLemma(ownLemma, options.profile);
  } catch (err) {
    return reported(finish({ id: ownLemma.id, title: ownLemma.title, source: ownLemma.source, seed, runs: 0, domain: {}, chains: [], relaxations: [], notes: {}, steps: [], error: `Error: ${(err as Error).message}` }, started));
  }
  const lemma = profiled?.lemma ?? ownLemma;
  const profile = profiled?.profile;
  let runs = options.runs ?? lemma.runs;
  let evaluated = 0;
  let shownPercent = -1;
  const onInstance = onProgress ? () => onProgress(++evaluated) : undefined;
  // A long instance reports its progress in whole percents (messages to the main thread are not free).
  const onPartial = onProgress && profile ? (fraction: number) => {
    const percent = Math.floor(100 * fraction);
    if (percent !== shownPercent && percent < 100) onProgress(evaluated + (shownPercent = percent) / 100);
  } : undefined;
  const ownEvaluate: EvaluateOptions = {
    levels: ladder(options.digits ?? DEFAULT_DIGITS),
    timeoutMs: options.stepTimeoutMs ?? 30_000,
    ...(onInstance ? { onInstance } : {}),
    ...(options.replayArgs ? { replayArgs: options.replayArgs } : {}),
    ...(options.plots === false ? { plots: false } : {}),
  };
  // A profile's instances are large: its counterexamples are reported as found, and no plot re-evaluates them.
  let evaluate: EvaluateOptions = profile
    ? { ...ownEvaluate, ...(profile.refine === false ? { levels: ladder([]).slice(0, 1) } : {}), ...(onPartial ? { onPartial } : {}), plots: false, shrinkBudget: 0 }
    : ownEvaluate;
  const domain: Record<string, string> = {};
  for (const [name, h] of Object.entries(lemma.hypotheses)) domain[name] = h.domain;
  if (profile) domain.profile = profileDomain(options.profile!, profile);
  const base = {
    id: lemma.id, title: lemma.title, source: lemma.source, seed, domain, chains: [] as ChainReport[], relaxations: [] as RelaxationReport[], notes: {},
    ...(lemma.accountsAt?.length ? { accounts: [...lemma.accountsAt] } : {}),
  };
  try {
    const onData = options.instanceFile ? datasetArbitrary(lemma, options.instanceFile, domain, options.runs, evaluate.plots !== false) : null;
    if (onData) runs = onData.runs;
    if (onData && !onData.plots) evaluate = { ...evaluate, plots: false };
    const arbitrary = onData?.arbitrary ?? instanceArbitrary(lemma.hypotheses);
    let steps: StepReport[];
    let facts: Record<string, number>;
    let relaxations: RelaxationReport[] = [];
    if (options.replay) {
      const only = options.replay.step ? lemma.checks.filter((c) => c.id === options.replay!.step) : lemma.checks;
      if (only.length === 0) throw new Error(`no step '${options.replay.step}' in lemma ${lemma.id}`);
      const target = options.replay.relaxation ? relaxedLemma(lemma, options.replay.relaxation) : lemma;
      const replayed = options.replay.relaxation ? instanceArbitrary(target.hypotheses) : arbitrary;
      const result = SYSTEMATIC_PATH.test(options.replay.path)
        ? passOver(target, only, [systematicInstance(lemma, options.replay.relaxation, options.replay.path)], evaluate)
        : pass(target, only, replayed, seed, 1, evaluate, options.replay.path);
      steps = stepReports(target, only, result, replayed, seed, 1, evaluate, false, options.replay.relaxation, options.replay.path);
      if (options.replay.relaxation) {
        const relaxation = lemma.relaxations[options.replay.relaxation - 1];
        domain[relaxation.hypothesis] = `${relaxation.relaxed.domain} (relaxed from ${relaxation.statement})`;
      }
      facts = result.facts;
      return reported(finish({ ...base, runs: 1, steps, chains: [], relaxations, notes: facts, ...(result.summaries.length ? { instanceSummaries: result.summaries } : {}) }, started));
    }
    if (job.kind === 'pass') return { kind: 'pass', state: passState(targetPass(lemma, job.target, arbitrary, seed, runs, evaluate, job.range)) };
    const result = job.kind === 'finish' ? passResult(lemma.checks, job.main) : pass(lemma, lemma.checks, arbitrary, seed, runs, evaluate);
    steps = withWholeDomainProofs(lemma, stepReports(lemma, lemma.checks, result, arbitrary, seed, runs, evaluate, true));
    // A user's data set replaces the lemma's examples: only its own first instance is swept.
    if (evaluate.plots !== false) attachSweeps(lemma, steps, { examples: !options.instanceFile, first: result.plots.first }, evaluate);
    // Asymptotic remarks, along long flows at the lemma's examples (or on a user's data set alone).
    steps = [...steps, ...rateReports(lemma, options.instanceFile && result.plots.first ? { label: 'your data set', instance: result.plots.first } : undefined)];
    // On a user's data set an expectation may not reproduce (not a surprise); the cited counterexample must, always.
    if (options.instanceFile) steps = markNotReproduced(steps);
    lemma.checks.forEach((check, k) => {
      if (!check.expect) return;
      const expectation = citedExpectation(ownLemma, check, steps[k], ownEvaluate);
      steps[k] = { ...steps[k], expectation, ...(expectation.mismatch ? { surprise: true } : {}) };
    });
    facts = result.facts;
    // Relaxed hypotheses redraw the generated domain, which a user's data set (or a profile) replaces.
    const relaxationPasses =
      options.instanceFile || profile ? [] : job.kind === 'finish' ? job.relaxations.map((state, k) => passResult(relaxationChecks(lemma, k + 1), state)) : lemma.relaxations.map((_, k) => targetPass(lemma, { kind: 'relaxation', index: k + 1 }, arbitrary, seed, runs, evaluate));
    relaxations = relaxationPasses.length ? withNeededBy(relaxationReports(lemma, seed, runs, evaluate, relaxationPasses)) : [];
    return reported(finish({ ...base, runs, steps, chains: chainReports(lemma, steps), relaxations, notes: facts, ...(result.summaries.length ? { instanceSummaries: result.summaries } : {}) }, started));
  } catch (err) {
    const e = err as Error;
    return reported(finish({ ...base, runs, steps: [], error: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` }, started));
  }
}

const reported = (report: LemmaReport): JobResult => ({ kind: 'report', report });

function finish(report: Omit<LemmaReport, 'surprises' | 'timing'>, started: number): LemmaReport {
  const surprises = report.steps.filter((s) => s.surprise).length + (report.error ? 1 : 0);
  return { ...report, surprises, timing: { ms: Date.now() - started } };
}
