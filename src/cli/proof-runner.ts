import type { CheckOptions } from '../checker/options.js';
import type { LemmaReport } from '../checker/report.js';
import { lemmaErrorReport } from './lemma-error-report.js';
import { displayPath } from './proof-files.js';
import { ProofWorker } from './proof-worker-handle.js';
import { UsageError } from './usage-error.js';
import type { LemmaMeta } from './worker-protocol.js';

export type LoadedProofFile = { file: string; lemmas: LemmaMeta[] } | { file: string; error: string };

export type LemmaTask =
  | { kind: 'check'; file: string; lemma: LemmaMeta }
  /** Decided without running anything (a file that did not load, a duplicate id). */
  | { kind: 'known'; report: LemmaReport };

export interface RunnerOptions {
  /** Lemmas checked at the same time, each in its own worker thread. */
  jobs: number;
  /** Wall-clock limit for loading a file and for checking one lemma. */
  timeoutMs: number;
  /** The notes file the proof files transcribe (none: steps are not looked up). */
  notesFile?: string;
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
 * once. Reports come back in task order whatever order the workers finish in,
 * so the same seed gives the same report.
 */
export class ProofRunner {
  private readonly idle = new Map<string, ProofWorker[]>();
  private readonly live = new Set<ProofWorker>();
  private stopped = false;

  constructor(private readonly options: RunnerOptions) {}

  /** Loads every file (keeping the loaded workers for the checks) and lists its lemmas. */
  load(files: readonly string[]): Promise<LoadedProofFile[]> {
    return mapLimit(files, this.options.jobs, async (file): Promise<LoadedProofFile> => {
      const worker = this.spawn(file);
      const outcome = await worker.load(this.options.timeoutMs);
      if (!outcome.ok) {
        await this.retire(worker);
        return { file, error: outcome.message };
      }
      this.park(worker);
      return { file, lemmas: outcome.lemmas };
    });
  }

  /**
   * Runs the tasks; `onReport` sees each report as soon as it and all before it are done.
   * Throws UsageError when the user's --instance file is unusable.
   */
  async run(tasks: readonly LemmaTask[], options: CheckOptions, onReport: (report: LemmaReport) => void): Promise<LemmaReport[]> {
    const remaining = new Map<string, number>();
    for (const task of tasks) if (task.kind === 'check') remaining.set(task.file, (remaining.get(task.file) ?? 0) + 1);
    for (const file of [...this.idle.keys()]) if (!remaining.has(file)) await this.retireIdle(file);

    const results: (LemmaReport | undefined)[] = new Array(tasks.length);
    let emitted = 0;
    const flush = (): void => {
      while (emitted < tasks.length && results[emitted]) onReport(results[emitted++]!);
    };
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < tasks.length && !this.stopped) {
        const k = next++;
        const task = tasks[k];
        if (task.kind === 'known') results[k] = task.report;
        else {
          remaining.set(task.file, remaining.get(task.file)! - 1);
          try {
            results[k] = await this.check(task, options, remaining);
          } catch (err) {
            this.stopped = true;
            throw err;
          }
        }
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.jobs) }, lane));
    return results as LemmaReport[];
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.live].map((w) => w.terminate()));
    this.live.clear();
    this.idle.clear();
  }

  private async check(task: Extract<LemmaTask, { kind: 'check' }>, options: CheckOptions, remaining: Map<string, number>): Promise<LemmaReport> {
    const started = performance.now();
    const run = () => ({ file: displayPath(task.file), seed: options.seed, runs: options.runs ?? task.lemma.runs ?? 0, ms: performance.now() - started });
    let worker = this.idle.get(task.file)?.pop();
    if (!worker) {
      worker = this.spawn(task.file);
      const loaded = await worker.load(this.options.timeoutMs);
      if (!loaded.ok) {
        await this.retire(worker);
        return lemmaErrorReport(task.lemma, run(), `the file failed to load: ${loaded.message}`);
      }
    }
    const outcome = await worker.check(task.lemma.id, options, this.options.timeoutMs);
    if (outcome.kind !== 'report') await this.retire(worker);
    else if ((remaining.get(task.file) ?? 0) > 0 && worker.alive) this.park(worker);
    else await this.retire(worker);
    switch (outcome.kind) {
      case 'instance-file-error':
        throw new UsageError(`--instance: ${outcome.message}`, false);
      case 'failed':
        return lemmaErrorReport(task.lemma, run(), outcome.message);
      case 'report':
        return withFile(task.lemma, outcome.report, run());
    }
  }

  private spawn(file: string): ProofWorker {
    if (this.stopped) throw new Error('the proof runner was stopped');
    const worker = new ProofWorker(file, this.options.notesFile);
    this.live.add(worker);
    return worker;
  }

  private park(worker: ProofWorker): void {
    this.idle.set(worker.file, [...(this.idle.get(worker.file) ?? []), worker]);
  }

  private async retire(worker: ProofWorker): Promise<void> {
    this.live.delete(worker);
    await worker.terminate();
  }

  private async retireIdle(file: string): Promise<void> {
    const workers = this.idle.get(file) ?? [];
    this.idle.delete(file);
    await Promise.all(workers.map((w) => this.retire(w)));
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
