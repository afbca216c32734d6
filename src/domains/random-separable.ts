import type { Dataset } from '../models/dataset.js';

/**
 * Deterministic random separable data of any size, for benchmarks and the
 * large-scale tests: n points uniform in the ball of radius 0.999 in ℝ^d,
 * labelled by a random hyperplane through 0. No margin is imposed, so with n
 * large the max margin is small and the flow is stiff.
 */

/** Seeded linear congruential generator. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function randomSeparableData(n: number, d: number, seed: number): Dataset {
  const r = generator(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(r() + 1e-300)) * Math.cos(2 * Math.PI * r());
  const u = Array.from({ length: d }, gauss);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = Array.from({ length: d }, gauss);
    const norm = Math.hypot(...v);
    const radius = 0.999 * r() ** (1 / d);
    const x = v.map((c) => (c / norm) * radius);
    X.push(x);
    y.push(x.reduce((s, c, j) => s + c * u[j], 0) >= 0 ? 1 : -1);
  }
  return { X, y };
}
