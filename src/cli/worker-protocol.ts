import type { CheckOptions } from '../checker/options.js';
import type { DatasetLimits } from '../checker/dataset-limits.js';
import type { LemmaJob, PassState } from '../checker/lemma-job.js';
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
  /** Number of checks, and of checks under each relaxed hypothesis: what splitting it into passes weighs. */
  checks?: number;
  relaxationChecks?: number[];
  /** Relative cost of one instance (default 1), for balancing workers and shards. */
  cost?: number;
  /** What it affords on a user's data set, decided before it runs. */
  datasetLimits?: DatasetLimits;
  /** Its named profiles (--profile NAME): instances and time budget under each. */
  profiles?: Record<string, { runs: number; timeoutMs?: number }>;
}

export interface ProofWorkerData {
  /** The notes file every step must be found in; none for proof files outside the project that bring no notes. */
  notesFile?: string;
  /** Set when notesFile is an edited copy: the notes the proofs transcribe, aligned with it. */
  originalNotesFile?: string;
}

/** A worker loads proof files one at a time (file:// URLs) and checks lemmas of any file it loaded; `job` absent: the whole lemma. */
export type ToWorker = { type: 'load'; fileUrl: string } | { type: 'check'; fileUrl: string; id: string; options: CheckOptions; job?: LemmaJob };

export type FromWorker =
  | { type: 'loaded'; lemmas: LemmaMeta[] }
  | { type: 'load-failed'; message: string }
  | { type: 'report'; id: string; report: LemmaReport }
  /** The state of a pass over an instance range (a job of kind 'pass'). */
  | { type: 'pass'; id: string; state: PassState }
  /** Sent while a job runs: instances evaluated so far by this job. */
  | { type: 'progress'; id: string; instances: number }
  | { type: 'check-failed'; id: string; message: string }
  /** The user's --instance file is unusable: a usage error for the whole run. */
  | { type: 'instance-file-error'; message: string };
