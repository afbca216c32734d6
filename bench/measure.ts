/** One benchmark figure: a measured value, its baseline in the same run, and their ratio. */
export interface Figure {
  readonly value: number;
  readonly baseline: number;
  readonly ratio: number;
  readonly unit: string;
  /** The computed enclosure's relative width, where there is one. */
  readonly relativeWidth?: number;
  /** A goal for the ratio (at most this), and whether this run met it. */
  readonly goal?: number;
  readonly met?: boolean;
  /** One line of context (steps taken, fallbacks). */
  readonly note?: string;
}

/** A bench section: a name and a function returning its figures by name. */
export interface Section {
  readonly name: string;
  run(): Promise<Record<string, Figure>> | Record<string, Figure>;
}

/** Deterministic inputs in [−1, 1) (a linear congruential generator, so runs compare). */
export function inputs(length: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** Keeps results alive so the optimiser cannot drop the measured work. */
export let sink = 0;
export function consume(x: number): void {
  sink += x;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of fn in ms, after warm-up runs. */
export function medianMs(fn: () => void, { warmup = 5, runs = 21 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn));
  return median(times);
}

/**
 * value against baseline, timed alternately so that both see the same machine
 * load: medians of each, and the median of the per-pair ratios.
 */
export function compare(value: () => void, baseline: () => void, unit = 'ms', { warmup = 10, runs = 21, scale = 1 } = {}): Figure {
  for (let i = 0; i < warmup; i++) {
    baseline();
    value();
  }
  const v: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tb = time(baseline);
    const tv = time(value);
    b.push(tb);
    v.push(tv);
    r.push(tv / tb);
  }
  return { value: median(v) * scale, baseline: median(b) * scale, ratio: median(r), unit };
}

export function figure(value: number, baseline: number, unit: string): Figure {
  return { value, baseline, ratio: value / baseline, unit };
}
