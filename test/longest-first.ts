import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suite's longest files, longest first, from a run on 2 cores (seconds then: 28, 13, 10, 10, 9, 8, 8, 8).
 * They start before everything else. Vitest orders by its cached timings, and without them (a fresh
 * clone, as in CI) by file size; the elementary-function files are small (their cases live in
 * decimal-elementary-cases.ts), so they used to start last and leave one worker running alone for
 * the last 5–10 s.
 */
export const LONGEST_FILES = [
  'test/cli/verify.e2e.test.ts',
  'test/arithmetic/decimal-elementary-30.test.ts',
  'test/arithmetic/decimal-elementary-60.test.ts',
  'test/cli/instance.e2e.test.ts',
  'test/cli/shards.e2e.test.ts',
  'test/cli/notes-copy.e2e.test.ts',
  'test/arithmetic/decimal-elementary-120.test.ts',
  'test/arithmetic/decimal-basic.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (spec: TestSpecification): number => {
      const at = LONGEST_FILES.indexOf(relative(root, spec.moduleId).split('\\').join('/'));
      return at < 0 ? LONGEST_FILES.length : at;
    };
    // A stable sort: the rest keep Vitest's own order.
    return sorted.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}
