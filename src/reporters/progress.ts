import { formatDuration } from './console.js';
import { truncate } from './text-layout.js';

/**
 * The live status line of a run on a terminal: lemmas finished of all, each
 * running lemma with its instances done of its total, and the time elapsed.
 * Pure: it is given what happened and the clock, and returns text.
 */

export interface ProgressLemma {
  id: string;
  /** Instances the lemma evaluates over all its passes (its own domain and each relaxed one). */
  total: number;
}

export class ProgressState {
  /** Instances done per lemma, summed over its running and finished pieces. */
  private readonly pieces = new Map<number, Map<string, number>>();
  private readonly finished = new Set<number>();

  constructor(
    private readonly lemmas: readonly (ProgressLemma | null)[],
    private readonly started: number,
  ) {}

  /** A piece of lemma `task` (named by `piece`) has evaluated `instances` so far (a fraction within a long instance). */
  instances(task: number, piece: string, instances: number): void {
    const byPiece = this.pieces.get(task) ?? new Map<string, number>();
    byPiece.set(piece, instances);
    this.pieces.set(task, byPiece);
  }

  finish(task: number): void {
    this.finished.add(task);
  }

  done(task: number): number {
    let sum = 0;
    for (const n of this.pieces.get(task)?.values() ?? []) sum += n;
    return sum;
  }

  statusLine(now: number, width: number): string {
    const checked = this.lemmas.filter((l) => l !== null).length;
    const finished = [...this.finished].filter((task) => this.lemmas[task] !== null).length;
    const running = [...this.pieces.keys()]
      .filter((task) => !this.finished.has(task) && this.lemmas[task])
      .sort((a, b) => a - b)
      .map((task) => `${this.lemmas[task]!.id} ${instancesDone(Math.min(this.done(task), this.lemmas[task]!.total))}/${this.lemmas[task]!.total}`);
    const parts = [`${finished}/${checked} lemmas`, ...running, formatDuration(now - this.started)];
    return truncate(`… ${parts.join(' · ')}`, Math.max(10, width - 1));
  }
}

/** Whole instances as they are; within a long instance (a profile's) to the hundredth: 0.37/1. */
const instancesDone = (done: number): string => (Number.isInteger(done) ? String(done) : done.toFixed(2));

/** Erases the status line the cursor is on (a terminal only). */
export const CLEAR_LINE = '\r\x1b[2K';
