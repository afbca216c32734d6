import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { assembleAuditReport } from '../checker/audit.js';
import type { CheckOptions } from '../checker/options.js';
import type { LemmaReport } from '../checker/report.js';
import { formatLemma, formatSummary, type ConsoleStyle } from '../reporters/console.js';
import type { CliArgs } from './args.js';
import { planTasks, runPlanning } from './plan-tasks.js';
import { DEFAULT_PROOFS_DIR, displayPath, listProofFiles } from './proof-files.js';
import { ProofRunner, type RunnerOptions } from './proof-runner.js';
import { proofFilesFor } from './select-proof-files.js';
import { UsageError } from './usage-error.js';
import { describeChanges, lemmasTouchedByNotes, verdictChanges } from './watch-changes.js';

/** Editors write a file in several steps: wait this long after the last event. */
const SETTLE_MS = 150;
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

interface Context {
  args: CliArgs;
  options: CheckOptions;
  style: ConsoleStyle;
  runner: Omit<RunnerOptions, 'notesFile'>;
  notesFile: string | undefined;
  print: (text: string) => void;
  /** Clear the screen before each rerun (a terminal only). */
  clear: boolean;
}

const stamp = (file: string): string => {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'absent';
  }
};
const readText = (file: string | undefined): string => (file && existsSync(file) ? readFileSync(file, 'utf8') : '');

/**
 * --watch: checks once, then reruns, on save, the lemmas whose proof file
 * changed, whose notes lines changed, or all of them when a glossary beside
 * the notes changed; each rerun clears the screen and says what changed since
 * the last run. Ends on Ctrl-C.
 */
export async function watchAudit(ctx: Context): Promise<number> {
  const proofsDir = ctx.args.proofs !== undefined ? resolve(ctx.args.proofs) : DEFAULT_PROOFS_DIR;
  const latest = new Map<string, LemmaReport>();
  let order: string[] = [];
  let notesText = readText(ctx.notesFile);
  const stamps = new Map<string, string>();
  let runs = 0;

  const runLemmas = async (files: string[], ids: readonly string[], reason: string): Promise<void> => {
    runs++;
    if (ctx.clear) ctx.print(CLEAR_SCREEN);
    ctx.print(`lemmacheck --watch · run ${runs} · ${reason}\n`);
    const runner = new ProofRunner({ ...ctx.runner, ...(ctx.notesFile ? { notesFile: ctx.notesFile } : {}) });
    const before = [...latest.values()];
    try {
      const loaded = await runner.load(files);
      const plan = planTasks(loaded, ids, runPlanning(ctx.args));
      const reports = await runner.run(plan.tasks, ctx.options, (lemma) => ctx.print(formatLemma(lemma, ctx.style)));
      for (const report of reports) {
        if (!latest.has(report.id)) order.push(report.id);
        latest.set(report.id, report);
      }
      if (runs > 1) ctx.print(`\nSince the last run:\n${describeChanges(verdictChanges(before.filter((l) => reports.some((r) => r.id === l.id)), reports)).map((l) => `  ${l}\n`).join('')}`);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      ctx.print(`lemmacheck: ${err.message}\n`);
    } finally {
      await runner.close();
    }
    order = order.filter((id) => latest.has(id));
    const all = order.map((id) => latest.get(id)!);
    ctx.print(formatSummary(assembleAuditReport(all, { seed: ctx.args.seed, runs: ctx.args.runs ?? null, ms: all.reduce((sum, l) => sum + l.timing.ms, 0) }), ctx.style));
    ctx.print(`Watching ${displayPath(proofsDir)}/${ctx.notesFile ? ` and ${displayPath(ctx.notesFile)}` : ''} for changes (Ctrl-C to stop)\n`);
  };

  const allFiles = (): string[] => listProofFiles(proofsDir);
  const snapshot = (): void => {
    for (const file of allFiles()) stamps.set(file, stamp(file));
  };
  snapshot();

  /** The rerun a set of changed paths calls for, or null when nothing watched changed. */
  const rerunFor = (changed: Set<string>): { files: string[]; ids: string[]; reason: string } | null => {
    const selected = (ids: string[]): string[] => (ctx.args.lemmas.length ? ids.filter((id) => ctx.args.lemmas.includes(id)) : ids);
    const reasons: string[] = [];
    const files = new Set<string>();
    const ids = new Set<string>();
    let everything = false;
    for (const path of changed) {
      if (ctx.notesFile && path === ctx.notesFile) {
        const text = readText(ctx.notesFile);
        const touched = selected(lemmasTouchedByNotes([...latest.values()], notesText, text));
        notesText = text;
        if (touched.length === 0) continue;
        reasons.push(`${displayPath(path)} changed on the lines of ${touched.join(', ')}`);
        for (const id of touched) ids.add(id);
      } else if (/glossary/i.test(basename(path))) {
        reasons.push(`${displayPath(path)} changed`);
        everything = true;
      } else if (dirname(path) === proofsDir && path.endsWith('.ts') && !path.endsWith('.d.ts')) {
        const now = stamp(path);
        if (stamps.get(path) === now) continue;
        stamps.set(path, now);
        const shown = displayPath(path);
        const inFile = selected([...latest.values()].filter((l) => l.file === shown).map((l) => l.id));
        if (ctx.args.lemmas.length && inFile.length === 0) continue;
        reasons.push(`${shown} changed`);
        files.add(path);
        for (const id of inFile) ids.add(id);
      }
    }
    if (everything) return { files: proofFilesFor(allFiles(), ctx.args.lemmas), ids: ctx.args.lemmas, reason: `${reasons.join('; ')}: rerunning every lemma` };
    if (reasons.length === 0) return null;
    const reason = (what: string): string => `${reasons.join('; ')}: rerunning ${what}`;
    // Without --lemma a changed proof file reruns all it defines now (new lemmas included).
    if (files.size > 0 && ctx.args.lemmas.length === 0) {
      const others = [...ids].filter((id) => ![...files].some((f) => latest.get(id)?.file === displayPath(f)));
      const all = [...new Set([...files, ...(others.length ? proofFilesFor(allFiles(), others) : [])])].filter((f) => existsSync(f));
      return { files: all, ids: [], reason: reason(`the lemmas of ${[...files].map(displayPath).join(', ')}${others.length ? ` and ${others.join(', ')}` : ''}`) };
    }
    const list = [...ids];
    return { files: proofFilesFor(allFiles(), list), ids: list, reason: reason(list.join(', ')) };
  };

  return new Promise<number>((resolveExit, rejectExit) => {
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | null = null;
    const watchers: FSWatcher[] = [];
    const stop = (): void => {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
    };
    // Runs one after another; a failure that is not the user's (a usage error is printed and watching goes on) ends the watch.
    let running: Promise<void> = Promise.resolve();
    const enqueue = (work: () => Promise<void>): void => {
      running = running.then(work).catch((err: unknown) => {
        stop();
        rejectExit(err);
      });
    };
    const onEvent = (dir: string) => (_event: string, name: string | Buffer | null) => {
      if (name === null) return;
      pending.add(resolve(dir, name.toString()));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const changed = new Set(pending);
        pending.clear();
        enqueue(async () => {
          const rerun = rerunFor(changed);
          if (rerun) await runLemmas(rerun.files, rerun.ids, rerun.reason);
        });
      }, SETTLE_MS);
    };
    // Watching starts before the first run, so a save made as soon as "Watching … for changes" is printed is not missed.
    watchers.push(watch(proofsDir, onEvent(proofsDir)));
    if (ctx.notesFile) watchers.push(watch(dirname(ctx.notesFile), onEvent(dirname(ctx.notesFile))));
    enqueue(async () => {
      await runLemmas(proofFilesFor(allFiles(), ctx.args.lemmas), ctx.args.lemmas, 'first run');
      // From here Ctrl-C lets a rerun in progress finish; during the first run it stops at once, as any run does.
      process.once('SIGINT', () => {
        stop();
        void running.then(() => resolveExit(0));
      });
    });
  });
}
