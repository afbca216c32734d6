import type { CheckOptions } from '../checker/options.js';
import type { LemmaReport } from '../checker/report.js';

/** What the main thread learns about a lemma when its file loads. */
export interface LemmaMeta {
  id: string;
  title: string;
  source: string;
  /** The lemma's default number of instances, when it declares one. */
  runs?: number;
  /** Whether it can be checked on a user's data set (--instance). */
  takesDataset?: boolean;
}

export interface ProofWorkerData {
  /** file:// URL of the proof file this worker loads. */
  fileUrl: string;
  /** The notes file every step must be found in; none for proof files outside the project that bring no notes. */
  notesFile?: string;
}

export type ToWorker = { type: 'check'; id: string; options: CheckOptions };

export type FromWorker =
  | { type: 'loaded'; lemmas: LemmaMeta[] }
  | { type: 'load-failed'; message: string }
  | { type: 'report'; id: string; report: LemmaReport }
  | { type: 'check-failed'; id: string; message: string }
  /** The user's --instance file is unusable: a usage error for the whole run. */
  | { type: 'instance-file-error'; message: string };
