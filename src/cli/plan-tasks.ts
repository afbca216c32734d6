import { basename } from 'node:path';
import { datasetRunPlan } from '../checker/dataset-limits.js';
import { lemmaErrorReport } from './lemma-error-report.js';
import { displayPath, withoutRepoRoot } from './proof-files.js';
import type { CliArgs } from './args.js';
import type { LemmaTask, LoadedProofFile } from './proof-runner.js';
import type { LemmaMeta } from './worker-protocol.js';
import { UsageError } from './usage-error.js';

export interface Plan {
  tasks: LemmaTask[];
  /** Said on stderr, not in the report (e.g. files skipped because --lemma was given). */
  warnings: string[];
  /** With --instance: lemmas that take no data set; with --profile: lemmas without it. Not run (said once, beside the summary). */
  skipped: string[];
}

/** What the plan reads of a run's arguments (and, with --instance, of its data set). */
export interface RunPlanning {
  seed: number;
  runs?: number;
  instance?: boolean;
  instancePoints?: number;
  profile?: string;
  timeoutGiven?: boolean;
}

export function runPlanning(args: CliArgs, instancePoints?: number): RunPlanning {
  return {
    seed: args.seed,
    runs: args.runs,
    instance: args.instance !== undefined,
    ...(instancePoints !== undefined ? { instancePoints } : {}),
    ...(args.profile !== undefined ? { profile: args.profile, timeoutGiven: args.timeoutGiven === true } : {}),
  };
}

/**
 * Decides what runs, in report order (file name, then the file's lemma order).
 * Without --lemma, a file that did not load is reported as an error lemma named
 * after the file; with --lemma it cannot hold a selected lemma that was found
 * elsewhere, so it is only warned about. Unknown ids are usage errors.
 */
export function planTasks(loaded: readonly LoadedProofFile[], selected: readonly string[], run: RunPlanning): Plan {
  const tasks: LemmaTask[] = [];
  const warnings: string[] = [];
  const skipped: string[] = [];
  const definedIn = new Map<string, string>();
  const known = new Set<string>();
  const broken: string[] = [];
  for (const file of loaded) {
    const shown = displayPath(file.file);
    if ('error' in file) {
      broken.push(shown);
      if (selected.length === 0) {
        const lemma = { id: basename(file.file), title: 'proof file failed to load', source: '' };
        tasks.push({ kind: 'known', report: lemmaErrorReport(lemma, { file: shown, seed: run.seed, runs: run.runs ?? 0, ms: 0 }, file.error) });
      } else {
        warnings.push(`${shown} failed to load and was skipped (--lemma given): ${file.error.split('\n')[0]}`);
      }
      continue;
    }
    for (const lemma of file.lemmas) {
      known.add(lemma.id);
      if (selected.length > 0 && !selected.includes(lemma.id)) continue;
      // With --instance only lemmas that take a data set run; naming one that does not is a usage error.
      if (run.instance && !lemma.takesDataset) {
        if (selected.length > 0) throw new UsageError(`lemma '${lemma.id}' does not take a data set, so --instance does not apply to it`);
        skipped.push(lemma.id);
        continue;
      }
      // With --profile only lemmas that have it run; naming one that has not is a usage error.
      const profile = run.profile !== undefined ? lemma.profiles?.[run.profile] : undefined;
      if (run.profile !== undefined && !profile) {
        if (selected.length > 0) throw new UsageError(`lemma '${lemma.id}' has no profile '${run.profile}'${profileList([lemma])}`, false);
        skipped.push(lemma.id);
        continue;
      }
      const first = definedIn.get(lemma.id);
      if (first !== undefined) {
        const error = `duplicate lemma id '${lemma.id}': already defined in ${first}`;
        tasks.push({ kind: 'known', report: lemmaErrorReport(lemma, { file: shown, seed: run.seed, runs: run.runs ?? lemma.runs ?? 0, ms: 0 }, error) });
        continue;
      }
      definedIn.set(lemma.id, shown);
      // A data set larger than the lemma takes is refused here, before anything runs; fewer instances are planned as they will run.
      const onData = run.instance && run.instancePoints !== undefined ? datasetRunPlan(lemma.datasetLimits, run.instancePoints, lemma.runs ?? 100, run.runs) : null;
      if (onData?.kind === 'refused') {
        const error = `UnsuitableDatasetError: needs ${onData.requirement}; ${onData.reason}`;
        warnings.push(`--instance: ${lemma.id} is not checked: it needs ${onData.requirement}; ${onData.reason}`);
        tasks.push({ kind: 'known', report: lemmaErrorReport(lemma, { file: shown, seed: run.seed, runs: 0, ms: 0 }, error) });
        continue;
      }
      if (profile) {
        tasks.push({ kind: 'check', file: file.file, lemma: { ...lemma, runs: profile.runs }, ...(profile.timeoutMs !== undefined && !run.timeoutGiven ? { timeoutMs: profile.timeoutMs } : {}) });
        continue;
      }
      tasks.push({ kind: 'check', file: file.file, lemma: onData?.kind === 'run' && run.runs === undefined ? { ...lemma, runs: onData.runs } : lemma });
    }
  }
  const unknown = selected.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `'${id}'`).join(', ');
    // The lemma may well be in a file that did not load: then its load error is the message, not the usage.
    if (broken.length > 0) {
      const errors = loaded.filter((f): f is Extract<LoadedProofFile, { error: string }> => 'error' in f);
      const lines = errors.map((f) => `${displayPath(f.file)} failed to load: ${withoutRepoRoot(f.error.split('\n')[0])}`);
      throw new UsageError(`lemma ${names} not found; ${lines.join('\n  ')}`, false);
    }
    const list = [...known].sort().join(', ') || 'none';
    throw new UsageError(`unknown lemma ${names} (known: ${list})`);
  }
  if (run.profile !== undefined && selected.length === 0 && broken.length === 0 && !tasks.some((t) => t.kind === 'check')) {
    throw new UsageError(`no lemma has a profile '${run.profile}'${profileList(loaded.flatMap((f) => ('error' in f ? [] : f.lemmas)))}`, false);
  }
  return { tasks, warnings, skipped };
}

/** " (profiles: large, …)" of these lemmas, or " (they have none)". */
function profileList(lemmas: readonly LemmaMeta[]): string {
  const names = [...new Set(lemmas.flatMap((l) => Object.keys(l.profiles ?? {})))].sort();
  return names.length ? ` (profiles: ${names.join(', ')})` : lemmas.length === 1 ? ' (it has none)' : ' (none has any)';
}
