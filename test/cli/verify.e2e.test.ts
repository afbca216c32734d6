/**
 * End-to-end: spawns the command line as `npm run verify` would (node with tsx),
 * on fixture proof directories. Each spawn costs about a second: keep them few.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport, LemmaReport, StepReport } from '../../src/checker/report.js';
import { ROOT, verify, type Run } from '../fixtures/run-verify.js';

const HEALTHY = 'test/fixtures/proofs-healthy';
const BROKEN_FIXTURES = join(ROOT, 'test/fixtures/proofs-broken');

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const readReport = async (file: string): Promise<AuditReport> => JSON.parse(await readFile(file, 'utf8')) as AuditReport;
const lemma = (report: AuditReport, id: string): LemmaReport => report.lemmas.find((l) => l.id === id)!;
const step = (l: LemmaReport, id: string): StepReport => l.steps.find((s) => s.id === id)!;

describe('npm run verify: usage', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await verify('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run verify -- \[options\]/);
    for (const flag of ['--lemma', '--runs', '--seed', '--json', '--no-color', '--instance', '--replay', '--step', '--proofs', '--timeout-ms', '--jobs']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('an unknown flag or a bad value prints one line and the usage, and exits 2', async () => {
    for (const args of [['--bogus'], ['--runs', 'many']]) {
      const run = await verify(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const [first, blank, usage] = run.stderr.split('\n');
      expect(first).toMatch(/^lemmacheck: (unknown flag --bogus|--runs expects a positive integer, got 'many')$/);
      expect(blank).toBe('');
      expect(usage).toMatch(/^Usage:/);
    }
  });

  it('an unreadable --instance file is a one-line usage error', async () => {
    const run = await verify('--instance', join(scratch, 'missing.json'));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`lemmacheck: --instance: ${join(scratch, 'missing.json')}: cannot read the file (ENOENT)`]);
  });

  it('an unknown lemma id exits 2 and names the known ones', async () => {
    const run = await verify('--proofs', HEALTHY, '--lemma', 'no-such-lemma');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("lemmacheck: unknown lemma 'no-such-lemma' (known: expand-square, square-nonnegative, square-on-unit)");
  });
});

describe('npm run verify: a directory with broken proof files', () => {
  let run: Run;
  let report: AuditReport;
  const jsonFile = () => join(scratch, 'broken', 'nested', 'report.json');

  beforeAll(async () => {
    // Stubs that import the fixtures (so relative imports keep working), plus a syntax error
    // written here because a fixture with one would break the project's type check.
    const dir = join(scratch, 'proofs-broken');
    await mkdir(dir);
    // Outside the repository, .ts files are ES modules only under a "type": "module" package.
    await writeFile(join(scratch, 'package.json'), '{ "type": "module" }\n');
    for (const name of await readdir(BROKEN_FIXTURES)) {
      const url = pathToFileURL(join(BROKEN_FIXTURES, name)).href;
      await writeFile(join(dir, name), `const module = await import(${JSON.stringify(url)});\nexport default module.default;\n`);
    }
    await writeFile(join(dir, 'b-syntax-error.ts'), 'export default {\n  id: "unfinished",\n');
    run = await verify('--proofs', dir, '--timeout-ms', '8000', '--json', jsonFile());
    report = await readReport(jsonFile());
  });

  it('reports each broken file as an error lemma, exits 1, and still writes the JSON report', () => {
    expect(run.code).toBe(1);
    expect(report.lemmas.map((l) => l.id)).toEqual([
      'square-on-unit',
      'b-syntax-error.ts',
      'c-throws-at-import.ts',
      'd-hangs-at-import.ts',
      'e-not-a-lemma.ts',
      'hangs-in-check',
      'returns-nan',
    ]);
    const errors = Object.fromEntries(report.lemmas.filter((l) => l.error !== undefined).map((l) => [l.id, l.error!.split('\n')[0]]));
    expect(errors['b-syntax-error.ts']).toMatch(/^TransformError: .*b-syntax-error\.ts:\d+:\d+: ERROR: /);
    // With the place in the proof's own code (the fixture, not the stub that imports it).
    expect(errors['c-throws-at-import.ts']).toMatch(/^Error: this proof file throws at import \(at test\/fixtures\/proofs-broken\/c-throws-at-import\.ts:\d+:\d+\)$/);
    expect(errors['d-hangs-at-import.ts']).toBe('timed out after 8000 ms while loading the file; the worker was stopped');
    expect(errors['e-not-a-lemma.ts']).toBe('Error: default export is not a Lemma (needs string id, title and source)');
    expect(errors['hangs-in-check']).toBe('timed out after 8000 ms with no instance finished; the worker was stopped');
    for (const id of Object.keys(errors)) expect(lemma(report, id)).toMatchObject({ steps: [], surprises: 1 });
    expect(run.stdout).toMatch(/^» ! error +timed out after 8000 ms with no instance finished; the worker was stopped$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✗ 6 surprises (listed above)');
  });

  it('still checks the healthy lemma beside them', () => {
    const healthy = lemma(report, 'square-on-unit');
    expect(healthy.error).toBeUndefined();
    expect(step(healthy, 'square-below').verdict).toBe('held');
    expect(step(healthy, 'square-above')).toMatchObject({ verdict: 'refuted', expected: 'refuted', surprise: false });
    expect(healthy.surprises).toBe(0);
  });

  it('reports a step that computes NaN against its lemma, not as a crash', () => {
    const nan = lemma(report, 'returns-nan');
    expect(nan.error).toBeUndefined();
    expect(['undefined', 'error']).toContain(step(nan, 'nan').verdict);
    expect(step(nan, 'nan').surprise).toBe(true);
  });
});

describe('npm run verify: healthy proofs', () => {
  let parallel: Run;
  let report: AuditReport;
  const jsonFile = () => join(scratch, 'healthy', 'report.json');

  beforeAll(async () => {
    parallel = await verify('--proofs', HEALTHY, '--jobs', '2', '--seed', '12345', '--json', jsonFile());
    report = await readReport(jsonFile());
  });

  it('exits 0 when every verdict matches its expectation', () => {
    expect(parallel.code).toBe(0);
    expect(parallel.stderr).toBe('');
    expect(parallel.stdout.trimEnd().split('\n').at(-1)).toBe('✓ All 7 verdicts match expectations (1 expected refutation confirmed)');
  });

  it('writes the JSON fields the report promises', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(report.tool).toEqual({ name: 'lemmacheck', version: pkg.version });
    expect(report.seed).toBe(12345);
    expect(report.lemmas.map((l) => [l.id, l.file])).toEqual([
      ['square-on-unit', 'test/fixtures/proofs-healthy/a-square.ts'],
      ['expand-square', 'test/fixtures/proofs-healthy/b-expand.ts'],
      ['square-nonnegative', 'test/fixtures/proofs-healthy/b-expand.ts'],
    ]);
    const square = lemma(report, 'square-on-unit');
    expect(square.title).toBe('x² against x on (0, 1)');
    for (const s of report.lemmas.flatMap((l) => l.steps)) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'notes', 'form', 'relation', 'verdict', 'expected', 'certified', 'instances']));
    }
    const below = step(square, 'square-below');
    expect(below).toMatchObject({ notes: 'x^2 \\le x', form: 'notes', relation: '≤', verdict: 'held', expected: 'held', certified: true, instances: 20 });
    expect(below.tightness).toMatchObject({ equality: false });
    expect(below.tightness!.minSlack).toBeGreaterThanOrEqual(0);
    expect(below.tightness!.maxRatio).toBeLessThanOrEqual(1);
    expect(below.tightness!.at).toHaveProperty('minSlack.run');
    const above = step(square, 'square-above');
    expect(above).toMatchObject({ verdict: 'refuted', expected: 'refuted', certified: true });
    const cx = above.counterexample!;
    expect(cx.instance).toHaveProperty('x');
    expect(cx.lhs).toHaveLength(2);
    expect(cx.rhs).toHaveLength(2);
    expect(Number(cx.rhs[0])).toBeGreaterThan(Number(cx.lhs[1]));
    expect(cx.replay.command).toBe(`npm run verify -- --lemma square-on-unit --seed 12345 --replay ${cx.replay.path} --step square-above --proofs ${HEALTHY}`);
    expect(step(square, 'square-above.erratum')).toMatchObject({ form: 'erratum', erratumOf: 'square-above', verdict: 'held' });
  });

  it('gives the same report, byte for byte apart from timing, with one worker or two', async () => {
    const serialFile = join(scratch, 'healthy', 'serial.json');
    const serial = await verify('--proofs', HEALTHY, '--jobs', '1', '--seed', '12345', '--json', serialFile);
    expect(serial.code).toBe(0);
    const withoutTiming = (text: string): string => text.replace(/"ms": \d+/g, '"ms": 0');
    expect(withoutTiming(await readFile(serialFile, 'utf8'))).toBe(withoutTiming(await readFile(jsonFile(), 'utf8')));
  });

  it('replays a counterexample in one run from the printed path', async () => {
    const cx = step(lemma(report, 'square-on-unit'), 'square-above').counterexample!;
    const replayFile = join(scratch, 'healthy', 'replay.json');
    const replay = await verify('--proofs', HEALTHY, '--lemma', 'square-on-unit', '--seed', '12345', '--replay', cx.replay.path, '--step', 'square-above', '--json', replayFile);
    const replayed = await readReport(replayFile);
    expect(replayed.lemmas.map((l) => l.id)).toEqual(['square-on-unit']);
    const s = step(replayed.lemmas[0], 'square-above');
    expect(replay.code).toBe(0);
    expect(s.verdict).toBe('refuted');
    // One run: the replay evaluates the shrunk instance only.
    expect(replayed.lemmas[0].runs).toBe(1);
    expect(s.instances).toBe(1);
  });
});

describe('npm run verify: --lemma loads only the files it needs', () => {
  it('checks a lemma beside a file that hangs at import, without loading that file', async () => {
    const dir = join(scratch, 'proofs-hang');
    await mkdir(dir);
    await writeFile(join(scratch, 'package.json'), '{ "type": "module" }\n');
    const square = pathToFileURL(join(ROOT, HEALTHY, 'a-square.ts')).href;
    await writeFile(join(dir, 'a.ts'), `// Re-exports lemma 'square-on-unit'.\nexport { default } from ${JSON.stringify(square)};\n`);
    await writeFile(join(dir, 'b-hangs.ts'), 'for (;;) {\n  // spin\n}\n');
    const started = Date.now();
    const run = await verify('--proofs', dir, '--lemma', 'square-on-unit', '--timeout-ms', '60000');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('square-on-unit');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('npm run verify: --timeout-ms ends a hang, not a lemma that keeps finishing instances', () => {
  it('6 instances of 0.5 s each under --timeout-ms 2000: about 3 s in all, and the lemma is checked', async () => {
    const run = await verify('--proofs', 'test/fixtures/proofs-slow', '--timeout-ms', '2000', '--jobs', '1', '--no-color'); // one worker: no split into passes
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ held +bounded/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✓ The only verdict matches its expectation');
  }, 60_000);
});
