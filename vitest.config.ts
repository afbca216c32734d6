import { defineConfig } from 'vitest/config';
import { V8_TIERING_FLAGS } from './src/cli/v8-tiering.js';

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
    // The command line's own V8 tier-up budget (src/cli/v8-tiering.ts), for the checks the tests run in-process.
    execArgv: [...V8_TIERING_FLAGS],
  },
});
