import { describe, expect, it } from 'vitest';
import { planTasks } from '../../src/cli/plan-tasks.js';
import { REPO_ROOT } from '../../src/cli/proof-files.js';
import type { LoadedProofFile } from '../../src/cli/proof-runner.js';
import { UsageError } from '../../src/cli/usage-error.js';

const file = (name: string): string => `${REPO_ROOT}proofs/${name}`;
const meta = (id: string) => ({ id, title: `title of ${id}`, source: 'notes' });
const loaded: LoadedProofFile[] = [
  { file: file('a.ts'), lemmas: [meta('alpha'), meta('beta')] },
  { file: file('b.ts'), error: 'SyntaxError: Unexpected token\nmore detail' },
  { file: file('c.ts'), lemmas: [meta('gamma'), meta('alpha')] },
];
const run = { seed: 5 };

describe('planning which lemmas run', () => {
  it('keeps file order then lemma order, reports a broken file and a duplicate id as errors', () => {
    const plan = planTasks(loaded, [], run);
    expect(plan.warnings).toEqual([]);
    expect(plan.tasks.map((t) => (t.kind === 'check' ? `check ${t.lemma.id}` : `error ${t.report.id}: ${t.report.error}`))).toEqual([
      'check alpha',
      'check beta',
      'error b.ts: SyntaxError: Unexpected token\nmore detail',
      'check gamma',
      "error alpha: duplicate lemma id 'alpha': already defined in proofs/a.ts",
    ]);
    const broken = plan.tasks[2];
    expect(broken.kind === 'known' && broken.report).toMatchObject({ file: 'proofs/b.ts', steps: [], surprises: 1, seed: 5 });
  });

  it('runs only the selected lemmas and only warns about files that did not load', () => {
    const plan = planTasks(loaded, ['gamma'], run);
    expect(plan.tasks.map((t) => t.kind === 'check' && t.lemma.id)).toEqual(['gamma']);
    expect(plan.warnings).toEqual(['proofs/b.ts failed to load and was skipped (--lemma given): SyntaxError: Unexpected token']);
  });

  it('rejects an unknown lemma id, naming the known ones and the files that did not load', () => {
    expect(() => planTasks(loaded, ['delta'], run)).toThrow(UsageError);
    expect(() => planTasks(loaded, ['delta'], run)).toThrow("unknown lemma 'delta' (known: alpha, beta, gamma; proofs/b.ts failed to load)");
  });
});
