/**
 * Runs inside a worker thread: loads proof files on request, one at a time, and
 * checks their lemmas. One thread serves several files, so the tool's modules
 * are loaded and compiled once per thread, not once per file. Everything that
 * can go wrong in a proof file (syntax, a throw, a bad export) becomes a
 * message; a hang is ended by the main thread, which then starts a new thread.
 */
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { relaxationChecks, runLemmaJob } from '../checker/check-lemma.js';
import type { Lemma } from '../language/lemma.js';
import type { LemmaReport } from '../checker/report.js';
import { displayPath } from './proof-files.js';
import type { FromWorker, LemmaMeta, ProofWorkerData, ToWorker } from './worker-protocol.js';

const port = parentPort!;
const { notesFile, originalNotesFile } = workerData as ProofWorkerData;

/** "Name: message"; esbuild's "Transform failed with 1 error:" preamble is dropped so the first line says what failed. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return `thrown value: ${String(err)}`;
  const message = err.message.replace(/^Transform failed with \d+ errors?:\n/, '');
  return `${err.name}: ${message}`;
}

/**
 * An error thrown while the proof file ran, with the place in the proof's own
 * code it came from ("at file:line:column"): the first stack frame outside the
 * tool (src/), its dependencies and Node.
 */
function describeLoadError(err: unknown): string {
  const text = describe(err);
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const toolDir = fileURLToPath(new URL('../', import.meta.url));
  const places = stack
    .split('\n')
    .slice(1)
    .map((line) => line.match(/((?:file:\/\/)?\/[^\s()]+):(\d+):(\d+)\)?\s*$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ file: m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1], at: `${m[2]}:${m[3]}` }))
    .filter((p) => !p.file.startsWith(toolDir) && !p.file.includes('/node_modules/'));
  if (places.length === 0 || text.includes(places[0].file)) return text;
  return `${text} (at ${places[0].file}:${places[0].at})`;
}

function send(message: FromWorker): void {
  try {
    port.postMessage(message);
  } catch (err) {
    // e.g. a report holding a function: say so rather than leave the main thread waiting.
    if (message.type === 'report') port.postMessage({ type: 'check-failed', id: message.id, message: `the report could not be sent: ${describe(err)}` } satisfies FromWorker);
    else throw err;
  }
}

function isLemma(value: unknown): value is Lemma {
  const v = value as Partial<Lemma> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && v.id !== '' && typeof v.title === 'string' && typeof v.source === 'string';
}

/** The default export: one Lemma or an array of them, with distinct ids. */
function lemmasOf(exported: unknown): Lemma[] {
  if (exported === undefined) throw new Error('the file has no default export (expected a Lemma or an array of Lemmas)');
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0) throw new Error('the default export is an empty array');
  list.forEach((item, k) => {
    if (!isLemma(item)) throw new Error(`default export${Array.isArray(exported) ? ` [${k}]` : ''} is not a Lemma (needs string id, title and source)`);
  });
  const ids = new Set<string>();
  for (const lemma of list as Lemma[]) {
    if (ids.has(lemma.id)) throw new Error(`duplicate id: lemma id '${lemma.id}' is exported twice`);
    ids.add(lemma.id);
  }
  return list as Lemma[];
}

/** Reports of a lemma bound to an edited copy of the notes fold the original lines into the copy's steps. */
// Keyed by the bound lemma: a thread holds several files, which may (wrongly) reuse an id.
const folds = new WeakMap<Lemma, (report: LemmaReport) => LemmaReport>();

async function notesBinding(file: string, original?: string): Promise<(lemma: Lemma) => Lemma> {
  const [{ bindNotes }, { NotesFile }] = await Promise.all([import('../notes/bind-notes.js'), import('../notes/notes-file.js')]);
  const { readFileSync } = await import('node:fs');
  const notes = new NotesFile(displayPath(file), readFileSync(file, 'utf8'));
  if (original === undefined) return (lemma) => bindNotes(lemma, notes);
  const [{ bindNotesCopy }, { alignNotes }, { foldCopyReport }] = await Promise.all([import('../notes/bind-notes-copy.js'), import('../notes/line-alignment.js'), import('../notes/copy-report.js')]);
  const originalNotes = new NotesFile(displayPath(original), readFileSync(original, 'utf8'));
  const alignment = alignNotes(originalNotes, notes);
  return (lemma) => {
    const bound = bindNotesCopy(lemma, originalNotes, notes, alignment);
    folds.set(bound.lemma, (report) => foldCopyReport(report, bound.edits));
    return bound.lemma;
  };
}

/** The notes binding, made once per thread (the notes' compiler is loaded only for proofs that have notes). */
let binding: Promise<((lemma: Lemma) => Lemma) | undefined> | undefined;
const loadedFiles = new Map<string, Map<string, Lemma>>();

async function load(fileUrl: string): Promise<void> {
  try {
    const module = (await import(fileUrl)) as { default?: unknown };
    binding ??= notesFile !== undefined ? notesBinding(notesFile, originalNotesFile) : Promise.resolve(undefined);
    const bind = await binding;
    const lemmas = new Map(lemmasOf(module.default).map((l) => [l.id, bind ? bind(l) : l]));
    loadedFiles.set(fileUrl, lemmas);
    const meta: LemmaMeta[] = [...lemmas.values()].map((l) => ({
      id: l.id,
      title: l.title,
      source: l.source,
      ...(typeof (l as { runs?: unknown }).runs === 'number' ? { runs: (l as { runs: number }).runs } : {}),
      takesDataset: typeof l.fromDataset === 'function',
      checks: l.checks.length,
      relaxationChecks: l.relaxations.map((_, k) => relaxationChecks(l, k + 1).length),
      ...(l.cost !== undefined ? { cost: l.cost } : {}),
      ...(l.datasetLimits ? { datasetLimits: l.datasetLimits } : {}),
      ...(Object.keys(l.profiles ?? {}).length ? { profiles: Object.fromEntries(Object.entries(l.profiles).map(([name, p]) => [name, { runs: p.runs, ...(p.timeoutMs !== undefined ? { timeoutMs: p.timeoutMs } : {}) }])) } : {}),
    }));
    send({ type: 'loaded', lemmas: meta });
  } catch (err) {
    send({ type: 'load-failed', message: describeLoadError(err) });
  }
}

port.on('message', (message: ToWorker) => void (message.type === 'load' ? load(message.fileUrl) : check(message)));

async function check(message: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const lemma = loadedFiles.get(message.fileUrl)?.get(message.id);
  if (!lemma) {
    send({ type: 'check-failed', id: message.id, message: `no lemma '${message.id}' in ${loadedFiles.has(message.fileUrl) ? 'this file' : 'a file this worker loaded'}` });
    return;
  }
  try {
    const result = await runLemmaJob(lemma, message.options, message.job ?? { kind: 'whole' }, (instances) => send({ type: 'progress', id: message.id, instances }));
    if (result.kind === 'pass') {
      send({ type: 'pass', id: message.id, state: result.state });
      return;
    }
    const report = folds.get(lemma)?.(result.report) ?? result.report;
    if (report.error?.startsWith('InstanceFileError:')) send({ type: 'instance-file-error', message: report.error.slice('InstanceFileError:'.length).trim() });
    else send({ type: 'report', id: message.id, report: notesFile !== undefined ? { ...report, notesFile: displayPath(notesFile) } : report });
  } catch (err) {
    if ((err as Error | null)?.name === 'InstanceFileError') send({ type: 'instance-file-error', message: (err as Error).message });
    else send({ type: 'check-failed', id: message.id, message: describe(err) });
  }
}
