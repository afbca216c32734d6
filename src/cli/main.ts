import { assertLibmAccuracy } from '../arithmetic/libm-self-test.js';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { assembleAuditReport } from '../checker/audit.js';
import type { AuditReport, LemmaReport } from '../checker/report.js';
import type { CheckOptions } from '../checker/options.js';
import { formatLemma, formatSummary, type ConsoleStyle } from '../reporters/console.js';
import { writeJsonReport } from '../reporters/json.js';
import { exitCode } from '../reporters/summary.js';
import { parseArgs, type CliArgs } from './args.js';
import { resolveColorLevel } from './color-level.js';
import { checkInstanceFile, refusalLines, refusalOf, skippedNote } from './instance-run.js';
import { assertWritableOutput } from './output-file.js';
import { planTasks, runPlanning } from './plan-tasks.js';
import { DEFAULT_PROOFS_DIR, displayPath, listProofFiles } from './proof-files.js';
import { LiveProgress } from './live-progress.js';
import { ProofRunner } from './proof-runner.js';
import { proofFilesFor } from './select-proof-files.js';
import { mergeShards, shardNote, shardSection } from './shards.js';
import { watchAudit } from './watch.js';
import { resolveNotesFile, resolveOriginalNotes } from './notes-option.js';
import { assertCopyCompiles, notesCopySection } from './notes-copy-run.js';
import { formatNotesCopy } from '../reporters/notes-copy.js';
import { replayArgs } from './replay-args.js';
import { coverage } from '../notes/coverage.js';
import { NotesFile } from '../notes/notes-file.js';
import { formatCoverage } from '../reporters/coverage.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';
import { applyV8Tiering } from './v8-tiering.js';

const MAX_DEFAULT_JOBS = 2;

/**
 * Workers by default: one core is left to V8's own threads (optimising compiler, GC). On 2 cores one worker
 * already keeps about 1.5 cores busy; a second cost 25–35% more CPU and moved the wall time by −10% to +10%
 * (alternating runs, see README).
 */
function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_DEFAULT_JOBS));
}
const PLAIN_WIDTH = 100;

let stdoutClosed = false;
// `npm run verify | head` closes stdout early: keep checking and still write the JSON report.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  stdoutClosed = true;
});

function print(text: string): void {
  if (!stdoutClosed) process.stdout.write(text);
}

function usageFailure(err: UsageError): 2 {
  process.stderr.write(err.showUsage ? `lemmacheck: ${err.message}\n\n${USAGE}` : `lemmacheck: ${err.message}\n`);
  return 2;
}

function checkOptions(args: CliArgs): CheckOptions {
  return {
    seed: args.seed,
    ...(args.runs !== undefined ? { runs: args.runs } : {}),
    ...(args.replay !== undefined
      ? { replay: { path: args.replay, ...(args.step !== undefined ? { step: args.step } : {}), ...(args.relaxation !== undefined ? { relaxation: args.relaxation } : {}) } }
      : {}),
    ...(args.instance !== undefined ? { instanceFile: resolve(args.instance) } : {}),
    ...(args.profile !== undefined ? { profile: args.profile } : {}),
    replayArgs: replayArgs(args),
    // The plots' series feed only the HTML and the JSON (and a shard's JSON, which a merge may render).
    plots: args.json !== undefined || args.html !== undefined || args.shard !== undefined,
  };
}

function consoleStyle(args: CliArgs): ConsoleStyle {
  const isTTY = process.stdout.isTTY === true;
  return {
    level: resolveColorLevel({ colorFlag: args.color, env: process.env, isTTY }),
    width: isTTY ? process.stdout.columns || PLAIN_WIDTH : PLAIN_WIDTH,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  // Before any worker thread starts: threads take the process's V8 flags when they start.
  applyV8Tiering();
  let args: CliArgs;
  let files: string[];
  let notesFile: string | undefined;
  let originalNotesFile: string | undefined;
  let instancePoints: number | undefined;
  // Float intervals trust Math.exp/log to 1 ulp: an engine worse than that stops the audit before any verdict.
  try {
    assertLibmAccuracy();
  } catch (err) {
    process.stderr.write(`lemmacheck: ${(err as Error).message}\n`);
    return 2;
  }
  try {
    args = parseArgs(argv);
    if (args.help) {
      print(USAGE);
      return 0;
    }
    files = proofFilesFor(listProofFiles(args.proofs !== undefined ? resolve(args.proofs) : DEFAULT_PROOFS_DIR), args.lemmas);
    notesFile = resolveNotesFile(args.notes, args.proofs);
    originalNotesFile = resolveOriginalNotes(args.notes, args.proofs);
    if (args.instance !== undefined) instancePoints = checkInstanceFile(resolve(args.instance));
    if (args.json !== undefined) assertWritableOutput('--json', args.json);
    if (args.junit !== undefined) assertWritableOutput('--junit', args.junit);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(err);
    throw err;
  }

  const options = checkOptions(args);
  const style = consoleStyle(args);
  if (args.watch) {
    const runner = { jobs: args.jobs ?? defaultJobs(), timeoutMs: args.timeoutMs, ...(args.maxHeapMb !== undefined ? { maxHeapMb: args.maxHeapMb } : {}), ...(originalNotesFile ? { originalNotesFile } : {}) };
    return watchAudit({ args, options, style, runner, notesFile, print, clear: process.stdout.isTTY === true });
  }
  const runner = new ProofRunner({ jobs: args.jobs ?? defaultJobs(), timeoutMs: args.timeoutMs, ...(args.maxHeapMb !== undefined ? { maxHeapMb: args.maxHeapMb } : {}), ...(notesFile ? { notesFile } : {}), ...(originalNotesFile ? { originalNotesFile } : {}) });
  try {
    // With --notes COPY the merged report gets the copy's section too (each shard's steps already carry their edits).
    const copySection = (report: AuditReport): AuditReport => {
      if (originalNotesFile === undefined || notesFile === undefined) return report;
      const notesCopy = notesCopySection(originalNotesFile, notesFile, report.lemmas);
      print(formatNotesCopy(notesCopy, style));
      return { ...report, notesCopy };
    };
    if (args.merge) return await emitReport(copySection(await mergeShards(runner, args.merge, (lemma) => print(formatLemma(lemma, style)))), args, style);
    const loaded = await runner.load(files);
    assertCopyCompiles(loaded);
    const plan = planTasks(loaded, args.lemmas, runPlanning(args, instancePoints));
    for (const warning of plan.warnings) process.stderr.write(`lemmacheck: warning: ${warning}\n`);
    if (args.shard) {
      const { section, lemmas } = shardSection(plan.tasks, options, args.shard, await runner.runShard(plan.tasks, options, args.shard));
      for (const lemma of lemmas) print(formatLemma(lemma, style));
      print(shardNote(section));
      const report = assembleAuditReport(lemmas, { seed: args.seed, runs: args.runs ?? null, ms: Math.round(performance.now() - started) });
      return await emitReport({ ...report, shard: section }, args, style);
    }
    // A lemma that could not take the --instance data set has no section: it is named in one line at the end.
    const section = (lemma: LemmaReport): string => (refusalOf(lemma) ? '' : formatLemma(lemma, style));
    // On a terminal, lemmas appear as they finish under a live status line; piped output keeps the report order.
    const live = process.stdout.isTTY === true && !stdoutClosed ? new LiveProgress(plan.tasks, options, print, () => process.stdout.columns || PLAIN_WIDTH, section) : null;
    const all = await runner.run(plan.tasks, options, live ? () => {} : (lemma) => print(section(lemma)), live?.hooks).finally(() => live?.stop());
    const refused = all.flatMap((lemma) => refusalOf(lemma) ?? []);
    const lemmas = all.filter((lemma) => !refusalOf(lemma));
    const report = assembleAuditReport(lemmas, { seed: args.seed, runs: args.runs ?? null, ms: Math.round(performance.now() - started) });
    if (lemmas.length > 0) print(skippedNote(plan.skipped, args.profile));
    let withCoverage = report;
    if (args.coverage && notesFile !== undefined) {
      const covered = { ...coverage(NotesFile.read(notesFile), report.lemmas), notesFile: displayPath(notesFile) };
      print(formatCoverage(covered, style));
      withCoverage = { ...report, coverage: covered };
    }
    const status = await emitReport(copySection(withCoverage), args, style, lemmas.length > 0 || refused.length === 0);
    // A data set some lemmas could not take: one line each, last, and exit 2 (the others' report stands above).
    for (const line of refusalLines(args.instance ?? '', refused)) process.stderr.write(`lemmacheck: ${line}\n`);
    return refused.length > 0 ? 2 : status;
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(err);
    throw err;
  } finally {
    await runner.close();
  }
}

/** Writes the requested report files, then prints the summary; the exit code. */
async function emitReport(report: AuditReport, args: CliArgs, style: ConsoleStyle, summary = true): Promise<number> {
  let status: number = exitCode(report);
  const writers: { what: string; file: string | undefined; write: (file: string, report: AuditReport) => Promise<void> }[] = [
    { what: 'JSON report', file: args.json, write: writeJsonReport },
    // Loaded only when asked for: the HTML writer brings KaTeX, a large module, to every start otherwise.
    { what: 'JUnit report', file: args.junit, write: async (file, r) => (await import('../reporters/junit.js')).writeJunitReport(file, r) },
    { what: 'HTML report', file: args.html, write: async (file, r) => (await import('../reporters/html/write.js')).writeHtmlReport(file, r) },
  ];
  for (const { what, file, write } of writers) {
    if (file === undefined) continue;
    try {
      await write(file, report);
    } catch (err) {
      process.stderr.write(`lemmacheck: cannot write the ${what} to ${file}: ${(err as Error).message}\n`);
      status = 2;
    }
  }
  if (summary) print(formatSummary(report, style));
  return status;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`lemmacheck: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
