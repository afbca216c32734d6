import { defineConfig } from 'vitest/config';
import LongestFirst from './test/longest-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: a single worker on a 2-core machine.
    // Half the files are end-to-end runs that wait on child processes or deliberate timeouts, so two
    // workers overlap them with the CPU-bound files.
    maxWorkers: 2,
    // The longest files first, also in a fresh clone (test/longest-first.ts).
    sequence: { sequencer: LongestFirst },
  },
});
