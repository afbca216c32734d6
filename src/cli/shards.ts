import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fromLosslessJson, toLosslessJson } from '../checker/lossless-json.js';
import { mergePassStates, type PassState, type PassTarget } from '../checker/lemma-job.js';
import type { CheckOptions } from '../checker/options.js';
import type { AuditReport, LemmaReport, ShardSection } from '../checker/report.js';
import { displayPath, REPO_ROOT } from './proof-files.js';
import { assembleAuditReport } from '../checker/audit.js';
import type { CheckTask, LemmaTask, ProofRunner, ShardRun } from './proof-runner.js';
import { UsageError } from './usage-error.js';
import type { WorkUnit } from './work-plan.js';

/**
 * CI shards: `--shard i/n` runs the i-th of n deterministic parts of the plan
 * (see work-plan.ts) and writes its report; `--merge` reads all n reports,
 * finishes the lemmas that were split across shards, and gives the report of
 * the unsharded run (identical apart from timing).
 */

export interface Shard {
  index: number;
  count: number;
}

const passName = (t: PassTarget): string => (t.kind === 'main' ? 'main' : `relaxation ${t.index}`);
const passTarget = (name: string): PassTarget => (name === 'main' ? { kind: 'main' } : { kind: 'relaxation', index: Number(name.slice('relaxation '.length)) });

/** The shard section of a shard run's report, and the lemmas it finished (in report order). */
export function shardSection(tasks: readonly LemmaTask[], options: CheckOptions, shard: Shard, run: ShardRun): { section: ShardSection; lemmas: LemmaReport[] } {
  const finished = new Map<number, LemmaReport>();
  if (shard.index === 1) tasks.forEach((t, k) => t.kind === 'known' && finished.set(k, t.report));
  const passes: ShardSection['passes'] = [];
  run.units.forEach((unit, k) => {
    const r = run.results[k];
    if (!r) return;
    if (unit.kind === 'whole') {
      if (r.result.kind === 'report') finished.set(unit.task, r.result.report);
    } else if (r.result.kind === 'pass') passes.push({ unit: k, state: toLosslessJson(r.result.state), ms: r.ms });
    else passes.push({ unit: k, report: r.result.report, ms: r.ms });
  });
  const lemmaTasks = [...finished.keys()].sort((a, b) => a - b);
  const section: ShardSection = {
    index: shard.index,
    count: shard.count,
    options: { seed: options.seed, runs: options.runs ?? null, ...(options.instanceFile !== undefined ? { instance: options.instanceFile } : {}), ...(options.replayArgs?.length ? { replayArgs: [...options.replayArgs] } : {}) },
    tasks: tasks.map((t) =>
      t.kind === 'known'
        ? { id: t.report.id, title: t.report.title, source: t.report.source, file: t.report.file ?? '', kind: 'known' }
        : { id: t.lemma.id, title: t.lemma.title, source: t.lemma.source, file: displayPath(t.file), kind: 'check', ...(t.lemma.runs !== undefined ? { runs: t.lemma.runs } : {}) },
    ),
    units: run.units.map((unit: WorkUnit, k) => ({
      task: unit.task,
      kind: unit.kind,
      ...(unit.kind === 'pass' ? { pass: passName(unit.target), from: unit.range.from, to: unit.range.to } : {}),
      shard: run.owner[k] + 1,
    })),
    lemmaTasks,
    passes,
  };
  return { section, lemmas: lemmaTasks.map((k) => finished.get(k)!) };
}

/** One line for the console: what this shard left for --merge. */
export function shardNote(section: ShardSection): string {
  const split = [...new Set(section.units.filter((u) => u.kind === 'pass').map((u) => u.task))];
  const ran = section.units.filter((u) => u.kind === 'pass' && u.shard === section.index).length;
  const names = split.map((task) => section.tasks[task].id).join(', ');
  return split.length
    ? `Shard ${section.index}/${section.count}: ${section.lemmaTasks.length} lemmas finished here; ${ran} passes of ${names} run here, to be finished by --merge\n`
    : `Shard ${section.index}/${section.count}: ${section.lemmaTasks.length} lemmas finished here\n`;
}

/** Reads and cross-checks the shard reports: one per shard of the same plan, same seed and version. */
export function readShardReports(files: readonly string[]): AuditReport[] {
  const reports = files.map((file) => {
    let parsed: AuditReport;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as AuditReport;
    } catch (err) {
      throw new UsageError(`--merge: cannot read ${file}: ${(err as Error).message.split('\n')[0]}`, false);
    }
    if (typeof parsed !== 'object' || parsed === null || !parsed.shard) throw new UsageError(`--merge: ${file} is not the JSON report of a --shard run`, false);
    return parsed;
  });
  const first = reports[0];
  const count = first.shard!.count;
  if (reports.length !== count) throw new UsageError(`--merge: the shards are of a ${count}-way split, but ${reports.length} reports were given`, false);
  const plan = (r: AuditReport): string => JSON.stringify([r.tool, r.shard!.count, r.shard!.options, r.shard!.tasks, r.shard!.units]);
  const seen = new Set<number>();
  reports.forEach((r, k) => {
    if (plan(r) !== plan(first)) throw new UsageError(`--merge: ${files[k]} comes from a different run than ${files[0]} (version, seed, runs, lemmas or split differ)`, false);
    if (seen.has(r.shard!.index)) throw new UsageError(`--merge: shard ${r.shard!.index}/${count} is given twice`, false);
    seen.add(r.shard!.index);
  });
  return [...reports].sort((a, b) => a.shard!.index - b.shard!.index);
}

export interface MergePlan {
  options: CheckOptions;
  /** Lemma reports known already (run whole on a shard, or failed in a pass), by task. */
  ready: Map<number, LemmaReport>;
  /** Split lemmas still to finish, with their merged pass states and the worker time their passes took. */
  finishes: { task: number; main: PassState; relaxations: PassState[]; ms: number }[];
  tasks: LemmaTask[];
}

/** What the shards give together; the split lemmas still need a finish (shrinking, regions) in a worker. */
export function planMerge(reports: readonly AuditReport[]): MergePlan {
  const section = reports[0].shard!;
  const ready = new Map<number, LemmaReport>();
  for (const r of reports) r.shard!.lemmaTasks.forEach((task, k) => ready.set(task, r.lemmas[k]));
  const passResults = new Map<number, { state?: unknown; report?: LemmaReport; ms: number }>();
  for (const r of reports) for (const p of r.shard!.passes) passResults.set(p.unit, p);
  const tasks: LemmaTask[] = section.tasks.map((t) => {
    const meta = { id: t.id, title: t.title, source: t.source, ...(t.runs !== undefined ? { runs: t.runs } : {}) };
    return t.kind === 'known' ? { kind: 'known', report: ready.get(section.tasks.indexOf(t))! } : ({ kind: 'check', file: isAbsolute(t.file) ? t.file : join(REPO_ROOT, t.file), lemma: meta } satisfies CheckTask);
  });
  const finishes: MergePlan['finishes'] = [];
  section.tasks.forEach((t, task) => {
    const units = section.units.map((u, k) => ({ u, k })).filter(({ u }) => u.task === task);
    if (units.length === 0 || units[0].u.kind === 'whole') {
      if (!ready.has(task)) throw new UsageError(`--merge: no shard reports lemma ${t.id}`, false);
      return;
    }
    const results = units.map(({ u, k }) => {
      const r = passResults.get(k);
      if (!r) throw new UsageError(`--merge: shard ${u.shard} has no result for a pass of ${t.id}`, false);
      return { u, r };
    });
    const failed = results.find(({ r }) => r.report !== undefined);
    if (failed) {
      ready.set(task, failed.r.report!);
      return;
    }
    const merged = (name: string): PassState =>
      mergePassStates(
        results
          .filter(({ u }) => u.pass === name)
          .sort((a, b) => a.u.from! - b.u.from!)
          .map(({ r }) => fromLosslessJson(r.state) as PassState),
      );
    const relaxed = results.flatMap(({ u }) => {
      const target = passTarget(u.pass!);
      return target.kind === 'relaxation' ? [target.index] : [];
    });
    const relaxations = [...new Set(relaxed)].sort((a, b) => a - b).map((index) => merged(passName({ kind: 'relaxation', index })));
    finishes.push({ task, main: merged('main'), relaxations, ms: results.reduce((sum, { r }) => sum + r.ms, 0) });
  });
  const options: CheckOptions = {
    seed: section.options.seed,
    ...(section.options.runs !== null ? { runs: section.options.runs } : {}),
    ...(section.options.instance !== undefined ? { instanceFile: section.options.instance } : {}),
    ...(section.options.replayArgs ? { replayArgs: section.options.replayArgs } : {}),
  };
  return { options, ready, finishes, tasks };
}

/** --merge: the report of the whole run from its shards' reports; `onLemma` sees each lemma in report order. */
export async function mergeShards(runner: ProofRunner, files: readonly string[], onLemma: (lemma: LemmaReport) => void): Promise<AuditReport> {
  const reports = readShardReports(files);
  const plan = planMerge(reports);
  const finished = await runner.finish(plan.tasks, plan.options, plan.finishes);
  const lemmas = plan.tasks.map((_, task) => {
    const ready = plan.ready.get(task);
    if (ready) return ready;
    const report = finished.get(task)!;
    const passesMs = plan.finishes.find((f) => f.task === task)!.ms;
    return { ...report, timing: { ms: Math.round(passesMs + report.timing.ms) } };
  });
  for (const lemma of lemmas) onLemma(lemma);
  const section = reports[0].shard!;
  return assembleAuditReport(lemmas, { seed: section.options.seed, runs: section.options.runs, ms: reports.reduce((sum, r) => sum + r.timing.ms, 0) });
}
