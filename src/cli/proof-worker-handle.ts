import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LemmaJob, PassState } from '../checker/lemma-job.js';
import type { CheckOptions } from '../checker/options.js';
import type { LemmaReport } from '../checker/report.js';
import type { FromWorker, LemmaMeta, ProofWorkerData, ToWorker } from './worker-protocol.js';

const WORKER_MODULE = new URL(`./proof-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

/**
 * Worker threads do not inherit the TypeScript loader on Node 20 (tsx registers
 * its hooks only on the main thread there), so each worker registers tsx itself
 * before importing the worker module and, through it, the proof file.
 */
const BOOTSTRAP = WORKER_MODULE.endsWith('.ts')
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_MODULE)}); });`
  : `import(${JSON.stringify(WORKER_MODULE)});`;

type WorkerEvent = { kind: 'message'; message: FromWorker } | { kind: 'died'; reason: string } | { kind: 'timeout' };

export type LoadOutcome = { ok: true; lemmas: LemmaMeta[] } | { ok: false; message: string };

export type CheckOutcome =
  | { kind: 'report'; report: LemmaReport }
  | { kind: 'pass'; state: PassState }
  | { kind: 'failed'; message: string }
  | { kind: 'instance-file-error'; message: string };

/** One worker thread holding the proof files it has loaded. A hang is ended by terminating the thread. */
export class ProofWorker {
  private readonly worker: Worker;
  private readonly backlog: WorkerEvent[] = [];
  private waiter: ((event: WorkerEvent) => void) | null = null;
  private deathReason: string | null = null;
  /** Restarts the pending wait's timer: a check that finishes instances is working, not hung. */
  private rearm: (() => void) | null = null;
  /** Sees the running job's progress messages (instances evaluated so far). */
  onProgress: ((instances: number) => void) | null = null;
  private readonly files = new Set<string>();

  constructor(notesFile?: string, originalNotesFile?: string, maxHeapMb?: number) {
    const workerData: ProofWorkerData = { ...(notesFile !== undefined ? { notesFile } : {}), ...(originalNotesFile !== undefined ? { originalNotesFile } : {}) };
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData,
      execArgv: [],
      stdout: true,
      stderr: true,
      ...(maxHeapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } } : {}),
    });
    // A proof's own output must not interleave with the report on stdout.
    // Forwarded chunk by chunk: piping would add listeners to process.stderr for every worker.
    const forward = (chunk: Buffer): boolean => process.stderr.write(chunk);
    this.worker.stdout.on('data', forward);
    this.worker.stderr.on('data', forward);
    this.worker.on('message', (message: FromWorker) => (message.type === 'progress' ? this.progressed(message.instances) : this.deliver({ kind: 'message', message })));
    this.worker.on('error', (err: unknown) => this.die(describeWorkerError(err, maxHeapMb)));
    this.worker.on('exit', (code) => this.die(`the worker thread stopped (exit code ${code})`));
  }

  get alive(): boolean {
    return this.deathReason === null;
  }

  /** Whether this thread has loaded the file (its lemmas can be checked here). */
  has(file: string): boolean {
    return this.files.has(file);
  }

  async load(file: string, timeoutMs: number): Promise<LoadOutcome> {
    if (this.deathReason !== null && this.backlog.length === 0) return { ok: false, message: `the worker had stopped: ${this.deathReason}` };
    this.worker.postMessage({ type: 'load', fileUrl: pathToFileURL(file).href } satisfies ToWorker);
    const outcome = await this.loaded(timeoutMs);
    if (outcome.ok) this.files.add(file);
    return outcome;
  }

  private async loaded(timeoutMs: number): Promise<LoadOutcome> {
    const event = await this.next(timeoutMs);
    if (event.kind === 'timeout') {
      await this.terminate();
      return { ok: false, message: `timed out after ${timeoutMs} ms while loading the file; the worker was stopped` };
    }
    if (event.kind === 'died') return { ok: false, message: `the file crashed its worker while loading: ${event.reason}` };
    if (event.message.type === 'loaded') return { ok: true, lemmas: event.message.lemmas };
    if (event.message.type === 'load-failed') return { ok: false, message: event.message.message };
    return { ok: false, message: `unexpected message from the worker: ${event.message.type}` };
  }

  async check(file: string, id: string, options: CheckOptions, timeoutMs: number, job?: LemmaJob): Promise<CheckOutcome> {
    if (this.deathReason !== null && this.backlog.length === 0) return { kind: 'failed', message: `the worker had stopped: ${this.deathReason}` };
    this.worker.postMessage({ type: 'check', fileUrl: pathToFileURL(file).href, id, options, ...(job ? { job } : {}) } satisfies ToWorker);
    const event = await this.next(timeoutMs);
    if (event.kind === 'timeout') {
      await this.terminate();
      return { kind: 'failed', message: `timed out after ${timeoutMs} ms with no instance finished; the worker was stopped` };
    }
    if (event.kind === 'died') return { kind: 'failed', message: `the proof crashed its worker: ${event.reason}` };
    const message = event.message;
    if (message.type === 'report' && message.id === id) return { kind: 'report', report: message.report };
    if (message.type === 'pass' && message.id === id) return { kind: 'pass', state: message.state };
    if (message.type === 'check-failed') return { kind: 'failed', message: message.message };
    if (message.type === 'instance-file-error') return { kind: 'instance-file-error', message: message.message };
    return { kind: 'failed', message: `unexpected message from the worker: ${message.type}` };
  }

  /** Stops the thread; a check or load still waiting on it resolves at once as 'died', not at its timeout. */
  async terminate(): Promise<void> {
    this.die('terminated');
    await this.worker.terminate();
  }

  private next(timeoutMs: number): Promise<WorkerEvent> {
    const queued = this.backlog.shift();
    if (queued) return Promise.resolve(queued);
    if (this.deathReason !== null) return Promise.resolve({ kind: 'died', reason: this.deathReason });
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.waiter = null;
          this.rearm = null;
          resolve({ kind: 'timeout' });
        }, timeoutMs);
      };
      arm();
      this.rearm = arm;
      this.waiter = (event) => {
        clearTimeout(timer);
        this.waiter = null;
        this.rearm = null;
        resolve(event);
      };
    });
  }

  /** An instance (or a hundredth of a profile's long one) finished: the timeout counts from here (slow, not hung). */
  private progressed(instances: number): void {
    this.rearm?.();
    this.onProgress?.(instances);
  }

  private deliver(event: WorkerEvent): void {
    if (this.waiter) this.waiter(event);
    else this.backlog.push(event);
  }

  /**
   * The first reason wins, but every death wakes a pending wait: terminate() marks the
   * worker dead before its 'exit' event, and that event must still not leave a wait
   * (and its timer, which keeps Node alive) hanging.
   */
  private die(reason: string): void {
    const first = this.deathReason === null;
    this.deathReason ??= reason;
    if (this.waiter) this.waiter({ kind: 'died', reason: this.deathReason });
    else if (first) this.backlog.push({ kind: 'died', reason: this.deathReason });
  }
}

/** A worker's error in one line; running out of heap names the limit that was set (or says there was none). */
function describeWorkerError(err: unknown, maxHeapMb: number | undefined): string {
  if (!(err instanceof Error)) return String(err);
  if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return maxHeapMb !== undefined
      ? `ran out of memory: the worker's heap is limited to ${maxHeapMb} MB by --max-heap-mb (a higher limit lets it finish, using more memory)`
      : `ran out of memory: ${err.message}`;
  }
  return `${err.name}: ${err.message}`;
}
