import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { DEFAULT_SEED } from '../../src/checker/options.js';

const usageError = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('command-line arguments', () => {
  it('has defaults for everything', () => {
    expect(parseArgs([])).toEqual({ help: false, lemmas: [], seed: DEFAULT_SEED, color: true, timeoutMs: 120_000 });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const args = parseArgs([
      '--lemma', 'a', '--runs', '50', '--seed=-7', '--json', 'out/r.json', '--no-color', '--instance', 'data.json',
      '--replay', '3:1:0', '--step', 's1', '--proofs', 'dir', '--timeout-ms', '900', '--jobs', '1',
    ]);
    expect(args).toEqual({
      help: false, lemmas: ['a'], runs: 50, seed: -7, json: 'out/r.json', color: false, instance: 'data.json',
      replay: '3:1:0', step: 's1', proofs: 'dir', timeoutMs: 900, timeoutGiven: true, jobs: 1,
    });
    expect(parseArgs(['--lemma=a', '--lemma', 'b', '--lemma', 'a']).lemmas).toEqual(['a', 'b']);
  });

  it('recognises help even beside other flags', () => {
    expect(parseArgs(['--runs', '3', '--help']).help).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('rejects unknown flags, missing values, bad numbers and stray words', () => {
    expect(usageError(['--colour'])).toBe('unknown flag --colour');
    expect(usageError(['verify'])).toBe("unexpected argument 'verify'");
    expect(usageError(['--runs'])).toBe('--runs needs a value');
    expect(usageError(['--lemma', '--runs', '3'])).toBe('--lemma needs a value');
    expect(usageError(['--json='])).toBe('--json needs a value');
    for (const bad of ['0', '-3', '2.5', '1e3', 'ten', '']) expect(usageError(['--runs', bad])).toMatch(/^--runs (expects a positive integer|needs a value)/);
    expect(usageError(['--seed', '4294967296'])).toMatch(/^--seed expects an integer between/);
    expect(usageError(['--seed', '0x10'])).toMatch(/^--seed expects an integer/);
    expect(usageError(['--timeout-ms', '0'])).toMatch(/^--timeout-ms expects a positive integer/);
    expect(usageError(['--jobs', 'all'])).toMatch(/^--jobs expects a positive integer/);
    expect(usageError(['--seed', '1', '--seed', '2'])).toBe('--seed given twice');
    expect(usageError(['--no-color=yes'])).toBe('--no-color takes no value');
  });

  it('reads --profile, refuses a malformed name and --instance beside it, and notes an explicit --timeout-ms', () => {
    expect(parseArgs(['--profile', 'large'])).toMatchObject({ profile: 'large', timeoutMs: 120_000 });
    expect(parseArgs(['--profile', 'large']).timeoutGiven).toBeUndefined();
    expect(parseArgs(['--timeout-ms', '5'])).toMatchObject({ timeoutMs: 5, timeoutGiven: true });
    expect(usageError(['--profile', 'Large!'])).toBe("--profile expects a profile's name (lower-case letters, digits, '-'), got 'Large!'");
    expect(usageError(['--profile', 'large', '--instance', 'data.json'])).toBe("--profile does not combine with --instance: each replaces the lemmas' domain");
    expect(usageError(['--merge', 'a.json', '--profile', 'large'])).toMatch(/drop --profile$/);
    expect(usageError(['--profile', 'large', '--shard', '1/2', '--json', 'r.json'])).toBe('--profile does not combine with --shard');
  });

  it('requires exactly one --lemma for --replay, and --replay for --step', () => {
    expect(usageError(['--replay', '1:0'])).toBe('--replay needs exactly one --lemma');
    expect(usageError(['--replay', '1:0', '--lemma', 'a', '--lemma', 'b'])).toBe('--replay needs exactly one --lemma');
    expect(usageError(['--step', 's', '--lemma', 'a'])).toBe('--step is only used with --replay');
    expect(parseArgs(['--replay', '1:0', '--lemma', 'a', '--step', 's'])).toMatchObject({ replay: '1:0', lemmas: ['a'], step: 's' });
  });
});

describe('CI flags', () => {
  it('reads --shard i/n and --merge with its files, and --junit', () => {
    expect(parseArgs(['--shard', '2/3', '--json', 'a.json']).shard).toEqual({ index: 2, count: 3 });
    expect(parseArgs(['--merge', 'a.json', 'b.json', '--junit', 'r.xml'])).toMatchObject({ merge: ['a.json', 'b.json'], junit: 'r.xml' });
  });

  it('refuses a bad shard, a shard without --json, and run options beside --merge', () => {
    for (const bad of ['0/2', '3/2', '1/0', 'one/two', '1/2/3']) expect(() => parseArgs(['--shard', bad, '--json', 'a.json'])).toThrow(/--shard expects i\/n/);
    expect(() => parseArgs(['--shard', '1/2'])).toThrow('--shard needs --json FILE');
    expect(() => parseArgs(['--merge'])).toThrow('--merge needs the shard reports');
    expect(() => parseArgs(['--merge', 'a.json', '--seed', '3'])).toThrow("--merge takes the run's options from the shard reports; drop --seed");
  });
});
