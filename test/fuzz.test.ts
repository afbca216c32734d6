import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from './fuzz.js';

describe('property-test settings', () => {
  it('keep each default count and seed when the variables are unset', () => {
    expect(fuzzParameters(300, 42, {})).toEqual({ seed: 42, numRuns: 300 });
    expect(fuzzParameters(10_000 / 3, 7, { LEMMACHECK_FUZZ_RUNS: '' })).toEqual({ seed: 7, numRuns: 3333 });
  });

  it('LEMMACHECK_FUZZ_RUNS is the count of every property, lower or higher than its default', () => {
    for (const defaultRuns of [1, 25, 10_000, 50_000]) {
      expect(fuzzParameters(defaultRuns, 1, { LEMMACHECK_FUZZ_RUNS: '2000' }).numRuns).toBe(2000);
    }
  });

  it('LEMMACHECK_FUZZ_SEED moves every seed and keeps them distinct', () => {
    const env = { LEMMACHECK_FUZZ_SEED: '5' };
    expect([1788, 1789].map((s) => fuzzParameters(10, s, env).seed)).toEqual([1793, 1794]);
    expect(fuzzParameters(10, 2 ** 31 - 1, env).seed).toBe((2 ** 31 + 4) | 0);
  });

  it('refuses values that are not integers in range, in one line', () => {
    expect(() => fuzzParameters(10, 1, { LEMMACHECK_FUZZ_RUNS: 'many' })).toThrow('LEMMACHECK_FUZZ_RUNS=many: expected an integer ≥ 1');
    expect(() => fuzzParameters(10, 1, { LEMMACHECK_FUZZ_RUNS: '0' })).toThrow(RangeError);
    expect(() => fuzzParameters(10, 1, { LEMMACHECK_FUZZ_SEED: '1.5' })).toThrow(RangeError);
  });

  it('every property test takes its parameters from fuzz() (directly or through params())', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== 'fuzz.test.ts');
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (let at = text.indexOf('fc.assert('); at >= 0; at = text.indexOf('fc.assert(', at + 1)) {
        let depth = 0;
        let end = at + 'fc.assert'.length;
        do {
          if (text[end] === '(') depth++;
          else if (text[end] === ')') depth--;
          end++;
        } while (depth > 0 && end < text.length);
        const call = text.slice(at, end);
        if (!/(fuzz|params)\([^()]*\)\s*,?\s*\)$/.test(call)) missing.push(`${file}:${text.slice(0, at).split('\n').length}`);
      }
    }
    // Each listed fc.assert should take fuzz(defaultRuns, defaultSeed) from test/fuzz.ts as its parameters.
    expect(missing).toEqual([]);
  });
});
