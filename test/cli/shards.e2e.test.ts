/**
 * End-to-end: `--shard i/n` runs, then `--merge`, give the report of the unsharded
 * run, apart from timing, for n = 1, 2, 3. The fixture's heaviest lemma is split
 * into instance ranges across shards, so the merge also finishes (shrinks) it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type TestSuites } from 'junit2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/checker/report.js';
import { verify } from '../fixtures/run-verify.js';

const HEALTHY = 'test/fixtures/proofs-healthy';


const withoutTiming = (json: string): string => json.replace(/"ms": \d+/g, '"ms": 0');
/** Console output without its timings (and the padding their widths change). */
const withoutTimes = (text: string): string => text.replace(/\d+(\.\d+)? (ms|s|min)\b/g, 'T').replace(/ +/g, ' ');

let scratch: string;
let fullJson: string;
let fullStdout: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lemmacheck-shards-'));
  const full = await verify('--proofs', HEALTHY, '--seed', '7', '--json', join(scratch, 'full.json'), '--junit', join(scratch, 'full.xml'));
  expect(full.code).toBe(0);
  fullJson = await readFile(join(scratch, 'full.json'), 'utf8');
  fullStdout = full.stdout;
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('--shard i/n and --merge', () => {
  for (const n of [1, 2, 3]) {
    it(`merging the ${n} shard report(s) gives the unsharded report, apart from timing`, async () => {
      const files = Array.from({ length: n }, (_, k) => join(scratch, `shard-${n}-${k + 1}.json`));
      const shards = await Promise.all(files.map((file, k) => verify('--proofs', HEALTHY, '--seed', '7', '--shard', `${k + 1}/${n}`, '--json', file)));
      for (const s of shards) expect(s.code, s.stderr).toBe(0);
      const reports = await Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as AuditReport));
      // Every unit of the shared plan is run by exactly one shard, and the heavy lemma is split.
      const units = reports[0].shard!.units;
      expect(units.some((u) => u.kind === 'pass')).toBe(n > 1);
      for (const r of reports) expect(r.shard!.units).toEqual(units);
      const mergedFile = join(scratch, `merged-${n}.json`);
      // Given in any order.
      const merged = await verify('--proofs', HEALTHY, '--merge', ...[...files].reverse(), '--json', mergedFile);
      expect(merged.code, merged.stderr).toBe(0);
      expect(withoutTiming(await readFile(mergedFile, 'utf8'))).toBe(withoutTiming(fullJson));
      expect(withoutTimes(merged.stdout)).toBe(withoutTimes(fullStdout));
    });
  }

  it('refuses an incomplete or mixed set of shard reports in one line, exit 2', async () => {
    const one = join(scratch, 'shard-2-1.json');
    const missing = await verify('--merge', one);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('lemmacheck: --merge: the shards are of a 2-way split, but 1 reports were given');
    const mixed = await verify('--merge', one, join(scratch, 'shard-3-2.json'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    const twice = await verify('--merge', one, one);
    expect(twice.stderr.trim()).toBe('lemmacheck: --merge: shard 1/2 is given twice');
    const notShard = await verify('--merge', join(scratch, 'full.json'), one);
    expect(notShard.stderr.trim()).toMatch(/full\.json is not the JSON report of a --shard run$/);
    const noJson = await verify('--proofs', HEALTHY, '--shard', '1/2');
    expect(noJson.code).toBe(2);
    expect(noJson.stderr.split('\n')[0]).toBe('lemmacheck: --shard needs --json FILE: the report that --merge reads');
  });

  it('--junit writes XML that a JUnit parser reads: one testcase per step, the expected refutation skipped', async () => {
    const suites = (await parse(await readFile(join(scratch, 'full.xml'), 'utf8'))) as TestSuites;
    const report = JSON.parse(fullJson) as AuditReport;
    expect(suites.tests).toBe(report.summary.steps);
    expect(suites.failures).toBe(0);
    const cases = (suites.testsuite ?? []).flatMap((s) => s.testcase ?? []);
    expect(cases.filter((c) => c.skipped?.length).map((c) => `${c.classname} ${c.name}`)).toEqual(['square-on-unit square-above']);
  });
});
