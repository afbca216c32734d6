/**
 * terminate() used to mark the worker dead before its 'exit' event, so the exit was
 * ignored and a check still waiting on that worker resolved only at its timeout
 * (the pending timer kept Node alive: a bad --instance file could hang a run for
 * the whole --timeout-ms after printing its error).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProofWorker } from '../../src/cli/proof-worker-handle.js';

const HANGS_IN_CHECK = fileURLToPath(new URL('../fixtures/proofs-broken/f-hangs-in-check.ts', import.meta.url));
const LONG_TIMEOUT_MS = 60_000;

describe('a proof worker terminated while a check waits on it', () => {
  it('resolves the waiting check at once, as failed, instead of at its timeout', async () => {
    const worker = new ProofWorker();
    expect(await worker.load(HANGS_IN_CHECK, LONG_TIMEOUT_MS)).toMatchObject({ ok: true });
    const pending = worker.check(HANGS_IN_CHECK, 'hangs-in-check', { seed: 1 }, LONG_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await worker.terminate();
    const outcome = await pending;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(outcome).toEqual({ kind: 'failed', message: 'the proof crashed its worker: terminated' });
    expect(worker.alive).toBe(false);
  });
});

const ALLOCATES = fileURLToPath(new URL('../fixtures/proofs-memory/a-allocates.ts', import.meta.url));

describe('a proof worker with a heap limit (--max-heap-mb)', () => {
  it('ends a check that outgrows it as failed, in one line naming the limit', async () => {
    const worker = new ProofWorker(undefined, undefined, 64);
    expect(await worker.load(ALLOCATES, LONG_TIMEOUT_MS)).toMatchObject({ ok: true });
    const outcome = await worker.check(ALLOCATES, 'allocates', { seed: 1 }, LONG_TIMEOUT_MS);
    expect(outcome).toEqual({
      kind: 'failed',
      message: "the proof crashed its worker: ran out of memory: the worker's heap is limited to 64 MB by --max-heap-mb (a higher limit lets it finish, using more memory)",
    });
    await worker.terminate();
  });
});
