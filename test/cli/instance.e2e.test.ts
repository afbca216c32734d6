/**
 * End-to-end --instance runs on the fixture lemmas of test/fixtures/proofs-dataset
 * (fast: the lecture's own lemmas on the acceptance data sets run in instance-files.e2e.test.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, verify } from '../fixtures/run-verify.js';
import { fuzzVariables } from '../fuzz.js';
import type { AuditReport, StepReport } from '../../src/checker/report.js';

const DATASET_PROOFS = 'test/fixtures/proofs-dataset';

let scratch: string;
const data = (name: string, value: unknown): Promise<string> => {
  const file = join(scratch, name);
  return writeFile(file, JSON.stringify(value)).then(() => file);
};
const stepOf = (report: AuditReport, lemma: string, step: string): StepReport => report.lemmas.find((l) => l.id === lemma)!.steps.find((s) => s.id === step)!;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-instance-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('--instance on a user data set', () => {
  let file: string;
  let run: Run;
  let report: AuditReport;
  beforeAll(async () => {
    file = await data('three points.json', { X: [[1, 0], [0.5, 0.5], [0, -1]], y: [1, 1, 1] });
    run = await verify('--proofs', DATASET_PROOFS, '--instance', file, '--json', join(scratch, 'three.json'));
    report = JSON.parse(await readFile(join(scratch, 'three.json'), 'utf8')) as AuditReport;
  });

  it('reports an expected refutation that cannot occur on the data (n = 3) as not reproduced, not as a surprise, and exits 0', () => {
    expect(run.code).toBe(0);
    expect(stepOf(report, 'any-data', 'more-than-one')).toMatchObject({ verdict: 'held', expected: 'refuted', surprise: false, notReproduced: true });
    expect(run.stdout).toMatch(/expected refuted: not reproduced on this data set/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✓ All 5 verdicts match expectations (1 expected refutation confirmed; 1 not reproduced on this data set)');
  });

  it('prints replay commands that reproduce exactly that instance (with --instance and --proofs)', async () => {
    const cx = stepOf(report, 'any-data', 'scaled-norm').counterexample!;
    expect(cx.replay.command).toBe(
      `npm run verify -- --lemma any-data --seed ${report.seed} --replay ${cx.replay.path} --step scaled-norm --instance '${file}' --proofs ${DATASET_PROOFS}`,
    );
    // Run the printed command itself (its words after `npm run verify --`, as a shell would split them).
    const replayJson = join(scratch, 'replay.json');
    const replay = await verify(...commandWords(cx.replay.command), '--json', replayJson);
    expect(replay.code).toBe(0);
    const replayed = stepOf(JSON.parse(await readFile(replayJson, 'utf8')) as AuditReport, 'any-data', 'scaled-norm');
    expect(replayed.verdict).toBe('refuted');
    expect(replayed.counterexample!.instance).toEqual(cx.instance);
    expect(replayed.counterexample!.lhs).toEqual(cx.lhs);
  });
});

/** The words of a printed command after `npm run verify --`, as a shell splits them. */
const commandWords = (command: string): string[] => [...command.slice('npm run verify -- '.length).matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);

describe('every printed replay from a non-default proofs directory reproduces its run', () => {
  const UNDECIDED_PROOFS = 'test/fixtures/proofs-undecided';
  let file: string;
  let report: AuditReport;
  beforeAll(async () => {
    file = await data('two points.json', { X: [[1, 0], [0.5, 0.5]], y: [1, 1] });
    const run = await verify('--proofs', UNDECIDED_PROOFS, '--instance', file, '--json', join(scratch, 'undecided.json'));
    expect(run.code).toBe(1); // strict-equal is inconclusive: a surprise
    report = JSON.parse(await readFile(join(scratch, 'undecided.json'), 'utf8')) as AuditReport;
  });

  it("an inconclusive step's replay carries --instance and --proofs, and replays that instance", async () => {
    const unresolved = stepOf(report, 'undecided', 'strict-equal').unresolved!;
    expect(unresolved.replay.command).toBe(`npm run verify -- --lemma undecided --seed ${report.seed} --replay ${unresolved.replay.path} --step strict-equal --instance '${file}' --proofs ${UNDECIDED_PROOFS}`);
    const json = join(scratch, 'undecided-replay.json');
    const replay = await verify(...commandWords(unresolved.replay.command), '--json', json);
    expect(replay.code).toBe(1);
    const replayed = stepOf(JSON.parse(await readFile(json, 'utf8')) as AuditReport, 'undecided', 'strict-equal');
    expect(replayed.verdict).toBe('inconclusive');
    expect(replayed.unresolved!.instance).toEqual(unresolved.instance);
  });

  it('a cited counterexample (from the generated domain) replays with --proofs and without the data set', async () => {
    const cited = stepOf(report, 'undecided', 'norm-above-two').expectation!.counterexample;
    expect(cited.command).toBe(`npm run verify -- --lemma undecided --seed 20261128 --replay 0 --step norm-above-two --proofs ${UNDECIDED_PROOFS}`);
    const json = join(scratch, 'cited-replay.json');
    const replay = await verify(...commandWords(cited.command), '--json', json);
    expect(replay.code).toBe(0);
    expect(stepOf(JSON.parse(await readFile(json, 'utf8')) as AuditReport, 'undecided', 'norm-above-two').verdict).toBe('refuted');
  });
});

describe('--instance: bad input is one line and exit 2', () => {
  it('non-separable data: one line naming the lemmas that need separable data; the others still run', async () => {
    const file = await data('xor.json', { X: [[1, 0], [-1, 0]], y: [1, 1] });
    const run = await verify('--proofs', DATASET_PROOFS, '--instance', file);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `lemmacheck: --instance ${file}: the data are not linearly separable (certified: 0 is a convex combination of the y_i x_i); not checked: needs-separable (it needs linearly separable data)`,
    ]);
    expect(run.stdout).toMatch(/^any-data — /m);
    expect(run.stdout).not.toMatch(/needs-separable/);
  });

  it('an unwritable --json path is refused before the run', async () => {
    const file = await data('ok.json', { X: [[1]], y: [1] });
    const run = await verify('--proofs', DATASET_PROOFS, '--instance', file, '--json', 'README.md/report.json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('lemmacheck: --json: cannot write README.md/report.json: a parent of it is a file, not a directory\n');
    const dir = await verify('--proofs', DATASET_PROOFS, '--json', 'test');
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe('lemmacheck: --json: cannot write test: it is a directory\n');
  });

  // Each run spawns the command line (about 1.5 s of CPU): 5 by default, the 20 of the original report in the long fuzz mode.
  const repeats = fuzzVariables(process.env).runs === null ? 5 : 20;
  it(`a bad file never hangs: ${repeats} runs, each ends in seconds with one line, however long --timeout-ms is`, async () => {
    const file = await data('bignorm.json', { X: [[2]], y: [1] });
    for (let k = 0; k < repeats; k++) {
      const run = await verify('--proofs', DATASET_PROOFS, '--instance', file, '--timeout-ms', '120000');
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.ms).toBeLessThan(15_000);
    }
  }, 300_000);
});

describe('--instance: what a lemma affords on a large data set is decided before it runs', () => {
  // The fixture any-data declares datasetLimits { maxPoints: 40, pointInstances: 100 }: cheap stand-ins for the lecture's limits.
  const points = (count: number): { X: number[][]; y: number[] } => ({ X: Array.from({ length: count }, (_, k) => [0.5 + k / (4 * count), 0.25]), y: Array.from({ length: count }, () => 1) });

  it('above its point budget a lemma runs on fewer instances, and its domain line says how many and why', async () => {
    const file = await data('25 points.json', points(25));
    const json = join(scratch, 'twenty-five.json');
    const run = await verify('--proofs', DATASET_PROOFS, '--instance', file, '--json', json);
    expect(run.code).toBe(0);
    const lemma = (JSON.parse(await readFile(json, 'utf8')) as AuditReport).lemmas.find((l) => l.id === 'any-data')!;
    expect(lemma.runs).toBe(4);
    expect(lemma.steps.find((s) => s.id === 'norm-bound')!.instances).toBe(4);
    expect(lemma.domain.instance).toMatch(/; 4 of its 10 instances: instances × points ≤ 100 \(a fixture: sum-bound adds every point\); --runs N sets the count$/);
    // --runs is the user's choice and is kept.
    const chosen = await verify('--proofs', DATASET_PROOFS, '--instance', file, '--runs', '7', '--json', json);
    expect(chosen.code).toBe(0);
    expect((JSON.parse(await readFile(json, 'utf8')) as AuditReport).lemmas.find((l) => l.id === 'any-data')!.runs).toBe(7);
  });

  it('beyond its most points a lemma is refused up front, with the limit and why; the others run; exit 2', async () => {
    const file = await data('50 points.json', points(50));
    const run = await verify('--proofs', DATASET_PROOFS, '--instance', file, '--runs', '1');
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'lemmacheck: warning: --instance: any-data is not checked: it needs at most 40 points; the data set has 50 (a fixture: sum-bound adds every point)',
      `lemmacheck: --instance ${file}: the data set has 50 (a fixture: sum-bound adds every point); not checked: any-data (it needs at most 40 points)`,
    ]);
    expect(run.stdout).not.toMatch(/^any-data — /m);
    expect(run.stdout).toMatch(/^needs-separable — /m);
    expect(run.ms).toBeLessThan(30_000);
  });
});
