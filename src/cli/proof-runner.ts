import type { JobResult, LemmaJob, PassState } from '../checker/lemma-job.js';
import type { CheckOptions } from '../checker/options.js';
import type { LemmaReport } from '../checker/report.js';
import { lemmaErrorReport } from './lemma-error-report.js';
import { displayPath } from './proof-files.js';
import { ProofWorker } from './proof-worker-handle.js';
import { UsageError } from './usage-error.js';
import { SplitLemma } from './split-lemma.js';
import { assignShards, heaviestFirst, planWork, workOptions, type PlannedLemma, type WorkUnit } from './work-plan.js';
import type { LemmaMeta } from './worker-protocol.js';

export type LoadedProofFile = { file: string; lemmas: LemmaMeta[] } | { file: string; error: string };

export type LemmaTask =
  | CheckTask
  /** Decided without running anything (a file that did not load, a duplicate id). */
  | { kind: 'known'; report: LemmaReport };

/** timeoutMs: the lemma's own wall-clock limit (a profile's), instead of the run's. */
export type CheckTask = { kind: 'check'; file: string; lemma: LemmaMeta; timeoutMs?: number };

/** Seen while a run goes on: for progress on a terminal. */
export interface RunHooks {
  /** A lemma's report is final (called in completion order). */
  onFinished?: (report: LemmaReport, task: number) => void;
  /** A running unit of `task` (null: its finish) has evaluated `instances` instances so far. */
  onInstances?: (task: number, unit: WorkUnit | null, instances: number) => void;
}

/** What a shard ran: the whole plan, which shard owns each unit, and this shard's results (null: another shard's). */
export interface ShardRun {
  units: WorkUnit[];
  owner: number[];
  results: ({ result: JobResult; ms: number } | null)[];
}

interface QueueItem {
  task: number;
  job: LemmaJob;
  /** Absent for a finish. */
  unit?: WorkUnit;
}

const plannedLemmas = (tasks: readonly LemmaTask[]): PlannedLemma[] => tasks.flatMap((t, task) => (t.kind === 'check' ? [{ task, lemma: t.lemma }] : []));

export interface RunnerOptions {
  /** Lemmas checked at the same time, each in its own worker thread. */
  jobs: number;
  /** Wall-clock limit for loading a file and for checking one lemma. */
  timeoutMs: number;
  /** Each worker's V8 old-generation limit in MB (unset: V8's own). */
  maxHeapMb?: number;
  /** The notes file the proof files transcribe (none: steps are not looked up). */
  notesFile?: string;
  /** Set when notesFile is an edited copy: the notes the proofs transcribe. */
  originalNotesFile?: string;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Loads proof files and checks their lemmas in worker threads, at most `jobs` at
 * once. A thread serves several files (starting one costs about as much CPU as a
 * small lemma); one that timed out or crashed is replaced. Reports come back in
 * task order whatever order the workers finish in, so the same seed gives the
 * same report.
 */
export class ProofRunner {
  private readonly idle: ProofWorker[] = [];
  private readonly live = new Set<ProofWorker>();
  private stopped = false;

  constructor(private readonly options: RunnerOptions) {}

  /** Loads every file (keeping the loaded workers for the checks) and lists its lemmas. */
  load(files: readonly string[]): Promise<LoadedProofFile[]> {
    return mapLimit(files, this.options.jobs, async (file): Promise<LoadedProofFile> => {
      const worker = this.idle.pop() ?? this.spawn();
      const outcome = await worker.load(file, this.options.timeoutMs);
      await this.release(worker);
      return outcome.ok ? { file, lemmas: outcome.lemmas } : { file, error: outcome.message };
    });
  }

  /**
   * Runs the tasks, heavy lemmas split into passes over instance ranges (see
   * work-plan.ts); `onReport` sees each report as soon as it and all before it
   * are done, so the output order never depends on which worker finished first.
   * Throws UsageError when the user's --instance file is unusable.
   */
  async run(tasks: readonly LemmaTask[], options: CheckOptions, onReport: (report: LemmaReport) => void, hooks: RunHooks = {}): Promise<LemmaReport[]> {
    const units = planWork(plannedLemmas(tasks), workOptions(options, this.options.jobs));
    const results: (LemmaReport | undefined)[] = tasks.map((t) => (t.kind === 'known' ? t.report : undefined));
    let emitted = 0;
    const flush = (): void => {
      while (emitted < tasks.length && results[emitted]) onReport(results[emitted++]!);
    };
    const splits = new Map<number, SplitLemma>();
    for (const unit of units) if (unit.kind === 'pass') splits.set(unit.task, splits.get(unit.task) ?? new SplitLemma());
    for (const unit of units) if (unit.kind === 'pass') splits.get(unit.task)!.expect(unit);
    const done = (task: number, report: LemmaReport): void => {
      results[task] = report;
      hooks.onFinished?.(report, task);
      flush();
    };
    tasks.forEach((t, k) => t.kind === 'known' && hooks.onFinished?.(t.report, k));
    flush();
    const items: QueueItem[] = heaviestFirst(units).map((unit) => ({ task: unit.task, job: unit.kind === 'whole' ? { kind: 'whole' } : { kind: 'pass', target: unit.target, range: unit.range }, unit }));
    await this.execute(tasks, items, options, hooks, (item, result, ms) => {
      const split = splits.get(item.task);
      if (!split) {
        if (result.kind === 'report') done(item.task, result.report);
        return null;
      }
      if (item.job.kind === 'finish') {
        if (result.kind === 'report') done(item.task, { ...result.report, timing: { ms: Math.round(split.ms + ms) } });
        return null;
      }
      split.record(item.unit!, result, ms);
      if (!split.complete) return null;
      const failure = split.failure();
      if (failure) {
        done(item.task, failure);
        return null;
      }
      return { task: item.task, job: split.finishJob() };
    });
    return results as LemmaReport[];
  }

  /** Runs this shard's units of the plan for `count` lanes; split lemmas are left for --merge to finish. */
  async runShard(tasks: readonly LemmaTask[], options: CheckOptions, shard: { index: number; count: number }, hooks: RunHooks = {}): Promise<ShardRun> {
    const units = planWork(plannedLemmas(tasks), workOptions(options, shard.count));
    const owner = assignShards(units, shard.count);
    const results: ShardRun['results'] = units.map(() => null);
    const items: QueueItem[] = heaviestFirst(units.filter((_, k) => owner[k] === shard.index - 1)).map((unit) => ({
      task: unit.task,
      job: unit.kind === 'whole' ? { kind: 'whole' } : { kind: 'pass', target: unit.target, range: unit.range },
      unit,
    }));
    await this.execute(tasks, items, options, hooks, (item, result, ms) => {
      results[units.indexOf(item.unit!)] = { result, ms: Math.round(ms) };
      if (result.kind === 'report') hooks.onFinished?.(result.report, item.task);
      return null;
    });
    return { units, owner, results };
  }

  /** Finishes split lemmas from their merged pass states (for --merge); reports come back in the order given. */
  async finish(tasks: readonly LemmaTask[], options: CheckOptions, finishes: readonly { task: number; main: PassState; relaxations: PassState[] }[]): Promise<Map<number, LemmaReport>> {
    const out = new Map<number, LemmaReport>();
    const items: QueueItem[] = finishes.map((f) => ({ task: f.task, job: { kind: 'finish', main: f.main, relaxations: f.relaxations } }));
    await this.execute(tasks, items, options, {}, (item, result) => {
      if (result.kind === 'report') out.set(item.task, result.report);
      return null;
    });
    return out;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.live].map((w) => w.terminate()));
    this.live.clear();
    this.idle.length = 0;
  }

  /**
   * Runs queue items on `jobs` lanes. `settle` sees each result and may return a
   * follow-up (a split lemma's finish), which the same lane runs next.
   */
  private async execute(
    tasks: readonly LemmaTask[],
    items: QueueItem[],
    options: CheckOptions,
    hooks: RunHooks,
    settle: (item: QueueItem, result: JobResult, ms: number) => QueueItem | null,
  ): Promise<void> {
    const queue = [...items];
    const lane = async (): Promise<void> => {
      let item = queue.shift();
      while (item && !this.stopped) {
        const task = tasks[item.task] as CheckTask;
        const started = performance.now();
        const current = item;
        let result: JobResult;
        try {
          result = await this.runJob(task, item.job, options, (instances) => hooks.onInstances?.(current.task, current.unit ?? null, instances));
        } catch (err) {
          this.stopped = true;
          throw err;
        }
        item = settle(item, result, performance.now() - started) ?? queue.shift();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.jobs, items.length)) }, lane));
    await Promise.all(this.idle.splice(0).map((w) => this.retire(w)));
  }

  private async runJob(task: CheckTask, job: LemmaJob, options: CheckOptions, onProgress: (instances: number) => void): Promise<JobResult> {
    const started = performance.now();
    const run = () => ({ file: displayPath(task.file), seed: options.seed, runs: options.runs ?? task.lemma.runs ?? 0, ms: performance.now() - started });
    const failed = (message: string): JobResult => ({ kind: 'report', report: lemmaErrorReport(task.lemma, run(), message) });
    // A thread that has the file, else any idle one (it loads the file), else a new one.
    const holding = this.idle.findIndex((w) => w.has(task.file));
    const worker = holding >= 0 ? this.idle.splice(holding, 1)[0] : (this.idle.pop() ?? this.spawn());
    if (!worker.has(task.file)) {
      const loaded = await worker.load(task.file, this.options.timeoutMs);
      if (!loaded.ok) {
        await this.release(worker);
        return failed(`the file failed to load: ${loaded.message}`);
      }
    }
    worker.onProgress = onProgress;
    const outcome = await worker.check(task.file, task.lemma.id, options, task.timeoutMs ?? this.options.timeoutMs, job.kind === 'whole' ? undefined : job);
    worker.onProgress = null;
    // A check that failed may have left its thread in any state: it is not reused.
    if (outcome.kind !== 'report' && outcome.kind !== 'pass') await this.retire(worker);
    else await this.release(worker);
    switch (outcome.kind) {
      case 'instance-file-error':
        throw new UsageError(`--instance: ${outcome.message}`, false);
      case 'failed':
        return failed(outcome.message);
      case 'pass':
        return { kind: 'pass', state: outcome.state };
      case 'report':
        return { kind: 'report', report: withFile(task.lemma, outcome.report, run()) };
    }
  }

  private spawn(): ProofWorker {
    if (this.stopped) throw new Error('the proof runner was stopped');
    const worker = new ProofWorker(this.options.notesFile, this.options.originalNotesFile, this.options.maxHeapMb);
    this.live.add(worker);
    return worker;
  }

  /** Back to the idle threads while it lives (a load that timed out stopped it). */
  private async release(worker: ProofWorker): Promise<void> {
    if (worker.alive && !this.stopped) this.idle.push(worker);
    else await this.retire(worker);
  }

  private async retire(worker: ProofWorker): Promise<void> {
    this.live.delete(worker);
    await worker.terminate();
  }
}

/** The checker's report with the proof file added; a malformed report becomes a lemma error. */
function withFile(lemma: LemmaMeta, report: LemmaReport, run: { file: string; seed: number; runs: number; ms: number }): LemmaReport {
  const r = report as Partial<LemmaReport> | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.steps) || typeof r.timing !== 'object') {
    return lemmaErrorReport(lemma, run, 'the checker returned a malformed report');
  }
  if (r.id !== lemma.id) return lemmaErrorReport(lemma, run, `the checker returned the report of '${String(r.id)}'`);
  const { id, title, source, ...rest } = report;
  return { id, title, source, file: run.file, ...rest };
}
