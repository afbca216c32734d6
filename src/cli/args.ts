import { DEFAULT_SEED } from '../checker/options.js';
import { SYSTEMATIC_PATH, expandReplayPath } from '../checker/replay-path.js';
import { DEFAULT_TIMEOUT_MS } from './usage.js';
import { UsageError } from './usage-error.js';
import { PROFILE_NAME } from '../language/validate-spec.js';

export interface CliArgs {
  help: boolean;
  /** Selected lemma ids, in the order given (empty: all). */
  lemmas: string[];
  runs?: number;
  seed: number;
  json?: string;
  /** Directory for the HTML report (index.html, KaTeX's stylesheet and fonts). */
  html?: string;
  color: boolean;
  instance?: string;
  replay?: string;
  step?: string;
  /** With --replay: the 1-based relaxed hypothesis whose domain the counterexample came from. */
  relaxation?: number;
  proofs?: string;
  /** The notes file the steps transcribe (default: the vendored notes, or notes.md beside --proofs). */
  notes?: string;
  /** Also print every row of the notes with what accounts for it. */
  coverage?: boolean;
  /** --junit FILE: also write a JUnit XML report. */
  junit?: string;
  /** --shard i/n: run the i-th of n parts of the audit (CI matrices). */
  shard?: { index: number; count: number };
  /** --merge A.json B.json …: combine shard reports into the report of the whole run. */
  merge?: string[];
  /** --watch: rerun the lemmas whose inputs change. */
  watch?: boolean;
  timeoutMs: number;
  /** Whether --timeout-ms was given (a profile's own budget applies otherwise). */
  timeoutGiven?: boolean;
  /** --profile NAME: check the lemmas that have this profile on its domain. */
  profile?: string;
  jobs?: number;
  /** Each worker's V8 old-generation limit in MB (unset: V8's own). */
  maxHeapMb?: number;
}

type ValueFlag = '--lemma' | '--runs' | '--seed' | '--json' | '--html' | '--instance' | '--replay' | '--step' | '--relaxation' | '--proofs' | '--notes' | '--timeout-ms' | '--jobs' | '--max-heap-mb' | '--junit' | '--shard' | '--profile';
const VALUE_FLAGS: readonly string[] = ['--lemma', '--runs', '--seed', '--json', '--html', '--instance', '--replay', '--step', '--relaxation', '--proofs', '--notes', '--timeout-ms', '--jobs', '--max-heap-mb', '--junit', '--shard', '--profile'];
const SWITCHES: readonly string[] = ['--help', '-h', '--no-color', '--watch', '--coverage'];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function positiveInteger(flag: string, text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} expects a positive integer, got '${text}'`);
  return value;
}

/** fast-check seeds are 32-bit integers: larger ones would silently alias smaller ones. */
function seedValue(text: string): number {
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    throw new UsageError(`--seed expects an integer between ${INT32_MIN} and ${INT32_MAX}, got '${text}'`);
  }
  return value;
}

/** Parses the words after `npm run verify --`. Throws UsageError on anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { help: false, lemmas: [], seed: DEFAULT_SEED, color: true, timeoutMs: DEFAULT_TIMEOUT_MS };
  const seen = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const word = argv[k];
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = eq > 0 ? word.slice(0, eq) : word;
    if (SWITCHES.includes(flag)) {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      if (flag === '--no-color') args.color = false;
      else if (flag === '--watch') args.watch = true;
      else if (flag === '--coverage') args.coverage = true;
      else args.help = true;
      continue;
    }
    if (flag === '--merge') {
      // Every word up to the next flag is a shard report.
      if (eq > 0 || args.merge) throw new UsageError(eq > 0 ? '--merge takes its files as separate words' : '--merge given twice');
      args.merge = [];
      while (k + 1 < argv.length && !argv[k + 1].startsWith('--')) args.merge.push(argv[++k]);
      if (args.merge.length === 0) throw new UsageError('--merge needs the shard reports (JSON files)');
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) {
      throw new UsageError(word.startsWith('-') ? `unknown flag ${flag}` : `unexpected argument '${word}'`);
    }
    let value: string;
    if (eq > 0) value = word.slice(eq + 1);
    else {
      const next = argv[k + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      value = next;
      k++;
    }
    if (value === '') throw new UsageError(`${flag} needs a value`);
    if (flag !== '--lemma' && seen.has(flag)) throw new UsageError(`${flag} given twice`);
    seen.add(flag);
    apply(args, flag as ValueFlag, value);
  }
  if (args.help) return args;
  if (args.replay !== undefined && args.lemmas.length !== 1) throw new UsageError('--replay needs exactly one --lemma');
  if (args.step !== undefined && args.replay === undefined) throw new UsageError('--step is only used with --replay');
  if (args.relaxation !== undefined && args.replay === undefined) throw new UsageError('--relaxation is only used with --replay');
  if (args.merge) {
    const runFlags = [args.lemmas.length ? '--lemma' : '', args.runs !== undefined ? '--runs' : '', seen.has('--seed') ? '--seed' : '', args.instance !== undefined ? '--instance' : '', args.profile !== undefined ? '--profile' : '', args.replay !== undefined ? '--replay' : '', args.shard ? '--shard' : '', args.watch ? '--watch' : ''].filter(Boolean);
    if (runFlags.length) throw new UsageError(`--merge takes the run's options from the shard reports; drop ${runFlags.join(', ')}`);
  }
  if (args.shard && args.json === undefined) throw new UsageError('--shard needs --json FILE: the report that --merge reads');
  if (args.shard && (args.replay !== undefined || args.watch)) throw new UsageError(`--shard does not combine with ${args.watch ? '--watch' : '--replay'}`);
  if (args.watch && args.replay !== undefined) throw new UsageError('--watch does not combine with --replay');
  // A shard's report does not carry the profile, so --merge could not finish it on the profile's domain.
  if (args.profile !== undefined && args.shard) throw new UsageError('--profile does not combine with --shard');
  if (args.profile !== undefined && args.instance !== undefined) throw new UsageError('--profile does not combine with --instance: each replaces the lemmas\' domain');
  return args;
}

function apply(args: CliArgs, flag: ValueFlag, value: string): void {
  switch (flag) {
    case '--lemma':
      if (!args.lemmas.includes(value)) args.lemmas.push(value);
      return;
    case '--runs':
      args.runs = positiveInteger(flag, value);
      return;
    case '--seed':
      args.seed = seedValue(value);
      return;
    case '--json':
      args.json = value;
      return;
    case '--html':
      args.html = value;
      return;
    case '--instance':
      args.instance = value;
      return;
    case '--replay':
      try {
        if (!SYSTEMATIC_PATH.test(value)) expandReplayPath(value);
      } catch (err) {
        throw new UsageError(`--replay: ${(err as Error).message}`);
      }
      args.replay = value;
      return;
    case '--step':
      args.step = value;
      return;
    case '--relaxation':
      args.relaxation = positiveInteger(flag, value);
      return;
    case '--proofs':
      args.proofs = value;
      return;
    case '--notes':
      args.notes = value;
      return;
    case '--timeout-ms':
      args.timeoutMs = positiveInteger(flag, value);
      args.timeoutGiven = true;
      return;
    case '--profile':
      if (!PROFILE_NAME.test(value)) throw new UsageError(`--profile expects a profile's name (lower-case letters, digits, '-'), got '${value}'`);
      args.profile = value;
      return;
    case '--jobs':
      args.jobs = positiveInteger(flag, value);
      return;
    case '--max-heap-mb':
      args.maxHeapMb = positiveInteger(flag, value);
      return;
    case '--junit':
      args.junit = value;
      return;
    case '--shard': {
      const match = /^(\d+)\/(\d+)$/.exec(value);
      const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
      if (!(index >= 1 && count >= 1 && index <= count && count <= 1000)) throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n, got '${value}'`);
      args.shard = { index, count };
      return;
    }
  }
}
