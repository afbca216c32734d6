import { afterAll } from 'vitest';

/**
 * The settings of every property test (fc.assert), from one place.
 *
 * - LEMMACHECK_FUZZ_RUNS=N: every property runs exactly N cases (each keeps
 *   its own default count when unset).
 * - LEMMACHECK_FUZZ_SEED=S: every property's seed is its default seed + S, so
 *   one variable moves all of them and properties keep distinct streams (each
 *   keeps its default seed when unset). A failure prints fast-check's seed and
 *   path; the same variables reproduce it.
 *
 * Each test file prints one line with the counts and seeds that ran.
 */

type Env = Readonly<Record<string, string | undefined>>;

function integerVariable(env: Env, name: string, min: number): number | null {
  const text = env[name];
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name}=${text}: expected an integer ≥ ${min}`);
  return value;
}

/** The count override and seed offset the variables give (null: unset). */
export function fuzzVariables(env: Env): { runs: number | null; seedOffset: number | null } {
  return { runs: integerVariable(env, 'LEMMACHECK_FUZZ_RUNS', 1), seedOffset: integerVariable(env, 'LEMMACHECK_FUZZ_SEED', -(2 ** 31)) };
}

/** One property's parameters under the given variables. */
export function fuzzParameters(defaultRuns: number, defaultSeed: number, env: Env = process.env): { seed: number; numRuns: number } {
  const { runs, seedOffset } = fuzzVariables(env);
  // fast-check seeds are 32-bit integers.
  return { seed: (defaultSeed + (seedOffset ?? 0)) | 0, numRuns: runs ?? Math.max(1, Math.round(defaultRuns)) };
}

const { runs: runsOverride, seedOffset } = fuzzVariables(process.env);

/** Cases run per count, and the seeds used, in this test file. */
const ran = new Map<number, number>();
const seeds = new Set<number>();

/** fast-check parameters of one property: its default count and seed, unless the variables say otherwise. */
export function fuzz(defaultRuns: number, defaultSeed: number): { seed: number; numRuns: number } {
  const parameters = fuzzParameters(defaultRuns, defaultSeed);
  ran.set(parameters.numRuns, (ran.get(parameters.numRuns) ?? 0) + 1);
  seeds.add(parameters.seed);
  return parameters;
}

function describeRuns(): string {
  const properties = [...ran.values()].reduce((a, b) => a + b, 0);
  const counts = [...ran.entries()].sort((a, b) => b[0] - a[0]).map(([runs, times]) => `${runs}×${times}`);
  const sorted = [...seeds].sort((a, b) => a - b);
  const seedText = sorted.length <= 3 ? `seed ${sorted.join(', ')}` : `${sorted.length} seeds ${sorted[0]}…${sorted[sorted.length - 1]}`;
  const source = [
    runsOverride === null ? 'default counts' : `LEMMACHECK_FUZZ_RUNS=${runsOverride}`,
    seedOffset === null ? 'default seeds' : `LEMMACHECK_FUZZ_SEED=${seedOffset}`,
  ].join(', ');
  return `fuzz: ${properties} ${properties === 1 ? 'property' : 'properties'}, cases ${counts.join(' ')}; ${seedText} (${source})`;
}

afterAll(() => {
  if (ran.size > 0) console.log(describeRuns());
});
