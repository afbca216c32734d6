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

  it('rejects an unknown lemma id, naming the known ones', () => {
    const healthy = loaded.filter((f) => !('error' in f));
    expect(() => planTasks(healthy, ['delta'], run)).toThrow(UsageError);
    expect(() => planTasks(healthy, ['delta'], run)).toThrow("unknown lemma 'delta' (known: alpha, beta, gamma)");
  });

  it('when files did not load, prints their load errors (file:line:column, duplicate id) instead of "unknown lemma" and the usage', () => {
    const withLoadErrors: LoadedProofFile[] = [
      ...loaded,
      { file: file('d.ts'), error: `TransformError: ${REPO_ROOT}proofs/d.ts:12:3: ERROR: Expected "}" but found end of file` },
      { file: file('e.ts'), error: "Error: duplicate id: lemma id 'epsilon' is exported twice" },
    ];
    let error: UsageError | undefined;
    try {
      planTasks(withLoadErrors, ['epsilon'], run);
    } catch (err) {
      error = err as UsageError;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.showUsage).toBe(false);
    expect(error!.message.split('\n')).toEqual([
      "lemma 'epsilon' not found; proofs/b.ts failed to load: SyntaxError: Unexpected token",
      '  proofs/d.ts failed to load: TransformError: proofs/d.ts:12:3: ERROR: Expected "}" but found end of file',
      "  proofs/e.ts failed to load: Error: duplicate id: lemma id 'epsilon' is exported twice",
    ]);
  });
});

describe('planning a --profile run', () => {
  const withProfile = (id: string) => ({ ...meta(id), runs: 100, profiles: { large: { runs: 1, timeoutMs: 900_000 } } });
  const files: LoadedProofFile[] = [{ file: file('a.ts'), lemmas: [meta('alpha'), withProfile('beta')] }];

  it('runs only the lemmas that have it, with its instances and its time limit unless --timeout-ms was given', () => {
    const plan = planTasks(files, [], { ...run, profile: 'large' });
    expect(plan.skipped).toEqual(['alpha']);
    expect(plan.tasks).toEqual([{ kind: 'check', file: file('a.ts'), lemma: { ...withProfile('beta'), runs: 1 }, timeoutMs: 900_000 }]);
    const given = planTasks(files, [], { ...run, profile: 'large', timeoutGiven: true });
    expect(given.tasks[0]).not.toHaveProperty('timeoutMs');
  });

  it('is a usage error for a named lemma without it, or when no lemma has it', () => {
    expect(() => planTasks(files, ['alpha'], { ...run, profile: 'large' })).toThrow(new UsageError("lemma 'alpha' has no profile 'large' (it has none)", false));
    expect(() => planTasks(files, [], { ...run, profile: 'huge' })).toThrow(new UsageError("no lemma has a profile 'huge' (profiles: large)", false));
  });
});
