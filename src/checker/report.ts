/**
 * The data model of an audit. Reporters (console, JSON) only read this;
 * the checker only writes it. Everything here is plain JSON-serialisable data.
 */

export type Relation = '=' | '≤' | '<' | '≥' | '>';

/**
 * held / refuted: certified by rigorous arithmetic (for '=' and the equality
 * case of '≤'/'≥': the enclosures overlap and their hull is narrower than the
 * step's tolerance). inconclusive: enclosures still overlap at the highest
 * precision. undefined: outside a function's domain. error: the proof's code
 * threw, returned the wrong type or ran out of time.
 */
export type Verdict = 'held' | 'refuted' | 'inconclusive' | 'undefined' | 'error';

/** Which arithmetic settled a verdict. */
export type Precision = 'float' | 'interval' | 'double-double' | `decimal-${number}`;

/** Where in the run a value was seen: the instance number and, for trajectory steps, the index. */
export interface InstanceRef {
  /** 0-based number of the generated instance. */
  run: number;
  /** Values of the step's quantified indices (e.g. { i: 3 }), if any. */
  index?: Record<string, number>;
}

export interface Tightness {
  /** Smallest certified lower bound of rhs − lhs over all instances (for ≥/>: lhs − rhs). */
  minSlack: number | null;
  /** Largest lhs/rhs over all instances (for ≥/>: rhs/lhs), from midpoints; null if undefined. */
  maxRatio: number | null;
  /** True when every evaluation held only through equality within tolerance. */
  equality: boolean;
  at: { minSlack?: InstanceRef; maxRatio?: InstanceRef };
}

export interface Enclosure {
  lo: string;
  hi: string;
}

export interface Counterexample {
  /** The shrunk instance (JSON), its index within a trajectory, both sides' enclosures. */
  instance: unknown;
  index?: Record<string, number>;
  lhs: [string, string];
  rhs: [string, string];
  precision: Precision;
  replay: { seed: number; path: string; command: string };
  /** The largest certified violation seen before shrinking, for scale. */
  worst?: { instance: unknown; index?: Record<string, number>; lhs: [string, string]; rhs: [string, string]; violation: number };
  /** Facts of the shrunk instance's setup (e.g. its γ̄ enclosure). */
  facts?: Record<string, number>;
  /** Certified size of the violation at the shrunk instance (lo(lhs) − hi(rhs) for ≤, etc). */
  violation: number;
}

/**
 * A stretch of one parameter where the step fails (at the counterexample's
 * other parameters), found by certified bisection: both ends of each edge
 * bracket carry certified verdicts.
 */
export interface FailingRegion {
  parameter: string;
  /** e.g. "refuted for t below 0.93 (boundary in [0.93, 0.94])" */
  description: string;
  verdict?: 'refuted' | 'undefined';
  direction: 'below' | 'above' | 'between' | 'everywhere';
  /** Where the stretch lies: from its lower edge (or the scan's start) to its upper edge (or the scan's end). */
  boundary: [number, number];
  /** Brackets of its edges, where it has them: the failing value first. */
  lowerEdge?: [number, number];
  upperEdge?: [number, number];
}

/**
 * A proof over the whole stated domain (src/prover): proved means certified at
 * every point of the domain, not at N instances. partial: the box budget ran
 * out, with the share proved and the boxes left open; never reported as proved.
 */
export interface WholeDomainReport {
  verdict: 'proved' | 'partial' | 'refuted' | 'undefined' | 'error';
  /** The domain in the notes' words. */
  domain: string;
  /** exact algebra (an identity), boxes (branch and bound), or both; termwise when a sum was proved term by term. */
  method: string;
  boxes: number;
  deepestSplit: number;
  /** For partial: the share of the domain proved (gauge measure: x/(1 + |x|) per variable), and some open boxes. */
  provedShare?: number;
  openBoxes?: string[];
  openCount?: number;
  /** A certified point of the domain where the step fails (or is undefined), in the prover's variables. */
  counterexample?: { point: Record<string, number>; lhs: [string, string]; rhs: [string, string]; precision: string };
  /** Premises of declared abstractions, and the checked reduction, in words. */
  premises?: string[];
  message?: string;
  failingSet?: FailingSetReport;
  /** Further failing sets (WholeDomainSpec.failingSets), in the order declared. */
  failingSets?: FailingSetReport[];
  /** True when the lemma declares that the notes' step is not expected to be proved (only its failing set). */
  expectFailure?: boolean;
}

/** Where a step fails, in the notes' own scalars, certified over their whole range. */
export interface FailingSetReport {
  variable: string;
  /** e.g. "the bound exceeds γ̄ ≥ γ̃ (so the statement fails)" */
  reads: string;
  /** Maximal stretches of one certified class; undecided edges lie between them. */
  stretches: { kind: 'fails' | 'holds' | 'undefined'; from: number; to: number }[];
  /** Total width of the undecided gaps (edge brackets). */
  undecidedWidth: number;
  /** e.g. "fails exactly for 1 < c < 12.34 (edges in [0.9999999, 1.0000001] and [12.3402, 12.3403])" */
  description: string;
  boxes: number;
  /** The class of instances on which the set is exact (FailingSetSpec.class). */
  class?: string;
}

/** One value of a parameter and the step there: both sides' certified enclosures and the verdict. */
export interface SeriesPoint {
  value: number;
  verdict: Verdict;
  /** Absent where the step could not be evaluated (undefined, error). */
  lhs?: [string, string];
  rhs?: [string, string];
  /** For a step quantified over indices, at a scanned value: the assignment shown (the refuted one, else the last). */
  index?: Record<string, number>;
  /** For a tensor equality: the flat index of the entry shown. */
  entry?: number;
}

/**
 * A step along one parameter (t, c, η, or a quantified index such as the
 * iterate i) at one fixed instance, as the checker evaluated it: the numbers
 * a plot draws are these certified enclosures, not a separate float run.
 */
export interface StepSeries {
  /** The parameter's name: "t", "c", "η", or an index name ("i", "t'"). */
  parameter: string;
  /** A hypothesis' parameter swept over a range, or a quantified index at its values. */
  along: 'parameter' | 'index';
  /** Which instance: the counterexample (or first failure), a lemma's example, the first generated, the one with the most index values. */
  at: 'counterexample' | 'first failure' | 'example' | 'first instance' | 'longest index range';
  /** Words for a reader, e.g. "n = 1, d = 1, x₁ = (1), y₁ = 1". */
  label: string;
  /** The instance, with the parameter at its own value. */
  instance: unknown;
  /** Sorted by value. */
  points: SeriesPoint[];
}

/**
 * A certified scan along one parameter: every stretch is decided over its
 * whole length (not at grid points); undecided gaps are listed with their width.
 */
export interface RegionScanReport {
  parameter: string;
  range: [number, number];
  stretches: { verdict: 'refuted' | 'held' | 'undefined' | 'undecided'; from: number; to: number }[];
  undecidedWidth: number;
  /** Evaluations of the step over an interval (the scan's budget counts them). */
  evaluations: number;
}

/**
 * A rate step (an asymptotic remark) along long validated flows. Its verdict is the bound, certified
 * for every t of the checked decades; the ratios are certified enclosures per decade. Nothing here
 * certifies a limit: only what holds on the finite range of t that was computed.
 */
export interface RateReport {
  parameter: string;
  /** Q(t), the stated rate r(t) and the observed rate, as read; the bound on Q(t) the verdict is about. */
  quantity: string;
  stated: string;
  observed: string;
  bound: { relation: Relation; expr: string; reads: string };
  /** Where the bound says something: cells where this is not certified are skipped. */
  where?: string;
  /** What the verdict certifies, in words. */
  certifies: string;
  examples: RateExampleReport[];
}

/** Ratios over one decade: hulls of their certified enclosures. */
export interface RateRatios {
  /** Q(t)/r(t), the notes' rate. */
  toStated: [string, string];
  /** Q(t)/observed(t), the rate the computation shows. */
  toObserved: [string, string];
  /** bound(t)/r(t): bounded when the proof gives the notes' rate. */
  boundToStated: [string, string];
}

export interface RateDecadeReport {
  from: number;
  to: number;
  /** outside: the bound's precondition (the step's `where`) was not certified on any cell of the decade. */
  verdict: 'held' | 'refuted' | 'undefined' | 'undecided' | 'outside';
  /** For every t in [from, to]: each cell evaluated once over its whole interval of t, then their hull. */
  overInterval?: RateRatios;
  /** At the cells' edges only (t exact, cells + 1 points): narrower, and certified at those t alone. */
  atGrid?: RateRatios;
  cells: number;
  undecidedCells: number;
  /** Cells skipped because the bound's precondition was not certified there (not in the ratios or the verdict). */
  skippedCells?: number;
}

export interface RateExampleReport {
  label: string;
  instance: unknown;
  verdict: Verdict;
  /** The largest t the validated flow reached, its steps, and why it stopped short of the last decade. */
  reached: number;
  complete: boolean;
  flowSteps: number;
  stopped?: string;
  /** The constant Q/observed approaches in theory, as its certified enclosure at this data set. */
  constant?: { reads: string; value: [string, string] };
  decades: RateDecadeReport[];
  /** The first cell where the bound was not held: certified over its whole interval when refuted. */
  failure?: { from: number; to: number; verdict: 'refuted' | 'undefined' | 'undecided'; quantity?: [string, string]; bound?: [string, string]; message?: string };
}

export interface StepReport {
  id: string;
  /** The notes' LaTeX, exactly as written. */
  notes: string;
  /** The 1-based line (and column) of the notes file the step transcribes; errata, which are not in the notes, have none. */
  notesLine?: number;
  notesColumn?: number;
  form: 'notes' | 'erratum';
  /** For an erratum: the id of the step it corrects. */
  erratumOf?: string;
  /** For a chain link: the chain id and 1-based link number. */
  chain?: { id: string; link: number };
  relation: Relation;
  lhs: string;
  rhs: string;
  justification: string;
  verdict: Verdict;
  expected: 'held' | 'refuted';
  expectedReason?: string;
  /** True when the verdict does not match the expectation. */
  surprise: boolean;
  /**
   * Only on a user's data set (--instance): an expected refutation that did not
   * reproduce there (held, inconclusive or undefined on that data). The notes'
   * mistake may need instances the data set does not have (e.g. n = 1): this is
   * not a surprise.
   */
  notReproduced?: boolean;
  /**
   * Only on a user's data set: the step is stated for data sets this one is not in (a rate step's
   * `applies`), so nothing was evaluated. The reason names the condition and why it matters. The
   * verdict stays inconclusive: not a surprise, never held.
   */
  notApplicable?: string;
  certified: boolean;
  /** Number of instances evaluated, and of evaluations (instances × indices). */
  instances: number;
  evaluations: number;
  counts: Record<Verdict, number>;
  /** Held evaluations that held only within the step's tolerance (equality, or the equality case of ≤/≥). */
  withinTolerance: number;
  precision: Precision;
  tightness?: Tightness;
  counterexample?: Counterexample;
  regions?: FailingRegion[];
  /** The certified scans behind `regions`: refuted, held and undefined stretches, and the undecided width. */
  regionScans?: RegionScanReport[];
  /** The whole-domain prover's verdict, for steps whose lemma declares one (beside `verdict`, which counts instances). */
  wholeDomain?: WholeDomainReport;
  /** Widest overlap of enclosures among inconclusive evaluations. */
  inconclusiveWidth?: number;
  /**
   * Evaluations held to the resolution of their input enclosures (a flow, a trajectory, γ̄): the
   * overlap did not narrow with more digits, and |lhs − rhs| ≤ within (for ≤: lhs ≤ rhs + within)
   * is what was certified. Counted in withinTolerance too.
   */
  resolution?: ResolutionSummary;
  /** For a step expected refuted: the cited counterexample, replayed, and what changed if it no longer matches. */
  expectation?: ExpectationReport;
  /** For inconclusive, undefined and error steps: the first such instance, and how to replay it. */
  unresolved?: UnresolvedInstance;
  /** First message for undefined / error verdicts. */
  message?: string;
  /** Set when a side was computed by a hand-written closure rather than an expression tree. */
  usesClosure: boolean;
  /**
   * notes: both sides were compiled from the notes' LaTeX (and the proof file's hand-built sides were
   * evaluated beside them, any certified difference an error); hand: checked on hand-built sides, for the reason given.
   */
  computedFrom?: 'notes' | 'hand';
  handTranscribed?: string;
  /** Literal constants written as JS floats rather than exact text (not guaranteed to be what the notes meant). */
  floatLiterals?: string[];
  /** The step along a parameter at fixed instances (for plots): region scans, lemma examples, quantified indices. */
  series?: StepSeries[];
  /** With --notes COPY: what the copy did to the step's line (see StepEditReport). */
  edit?: StepEditReport;
  /** For a rate step (an asymptotic remark): its per-decade enclosures along long flows. */
  rate?: RateReport;
}

/**
 * A step whose line an edited copy of the notes changed or deleted. A changed step is computed from the
 * copy's LaTeX; its original line is checked in the same run (with the proof file's expectation), and
 * `outcome` compares the two: "now holds" and "still refuted" for a line expected refuted, "holds" or
 * "newly refuted" (a surprise) for one expected to hold, "undecided" (a surprise) when the copy's line is
 * neither certified held nor refuted. A deleted step is checked on its original line.
 */
export interface StepEditReport {
  /** follows: a chain link whose text is unchanged but whose left side is an edited link's right side. */
  kind: 'changed' | 'deleted' | 'follows';
  /** The step's line in the notes the proofs transcribe, its text there and (changed steps) what the checker gave it. */
  vendored: { line: number; notes: string; verdict?: Verdict; expected?: 'held' | 'refuted'; expectedReason?: string; surprise?: boolean; lhs?: string; rhs?: string; counterexample?: Counterexample; wholeDomain?: WholeDomainReport['verdict'] };
  /** The step's line and text in the copy. */
  copy?: { line: number; notes: string };
  outcome?: 'now holds' | 'still refuted' | 'holds' | 'newly refuted' | 'undecided';
}

export interface ResolutionSummary {
  /** Evaluations held this way. */
  evaluations: number;
  /** Largest certified bound on the difference, and the largest relative to the larger side's magnitude. */
  within: number;
  relative: number;
  /** Per input enclosure read by those evaluations: its largest relative width. */
  inputs: Record<string, number>;
  /** Where the largest bound was certified, with the overlap's width at the last two levels tried. */
  at: InstanceRef;
  widths: { precision: Precision; width: number }[];
}

export interface ExpectationReport {
  /** The counterexample the proof cites, and the command that replays it. */
  counterexample: { seed: number; path: string; command: string };
  /** The step's verdict at the cited counterexample (it must be refuted). */
  verdict: Verdict;
  lhs?: [string, string];
  rhs?: [string, string];
  /** The declared failing region, in words, and the regions the scan found at the cited counterexample. */
  region?: string;
  regionsFound?: string[];
  /** Set when the cited counterexample no longer refutes the step, or its region changed: a surprise. */
  mismatch?: string;
}

export interface UnresolvedInstance {
  instance: unknown;
  index?: Record<string, number>;
  lhs?: [string, string];
  rhs?: [string, string];
  precision: Precision;
  /** Why the verdict is not certified (for inconclusive: why more digits could not decide it). */
  why: string;
  replay: { seed: number; path: string; command: string };
}

export interface ChainReport {
  id: string;
  notes: string;
  notesLine?: number;
  form: 'notes' | 'erratum';
  /** The composed relation of first to last expression. */
  relation: Relation;
  verdict: Verdict;
  /** Link numbers (1-based) whose verdict is not held. */
  failedLinks: number[];
}

export interface RelaxationReport {
  hypothesis: string;
  /** The relaxed domain, in words. */
  domain: string;
  /**
   * Per step: its verdict over both searches, and which search found the counterexample shown:
   * "systematic" (seed-independent; its replay path is grid:K) or "random" (at the run's seed).
   */
  steps: { id: string; verdict: Verdict; found?: 'systematic' | 'random'; counterexample?: Counterexample; alsoAtSeed?: boolean }[];
  /** The seed-independent search of the relaxed domain, when the relaxation declares one: its instances, and how many refuted a step. */
  systematic?: { domain: string; instances: number; refuted: number };
  /** True when a certified counterexample appeared under the relaxed domain. */
  matters: boolean;
  /** How far the hypothesis can be relaxed on a stated class of instances (Relaxation.sharp). */
  sharp?: SharpHypothesisReport;
}

/** The largest value of a relaxed parameter for which a claim holds on a class of instances, bracketed by the prover. */
export interface SharpHypothesisReport {
  parameter: string;
  class: string;
  /** Why the claim on the class reads as the statement the prover decides. */
  reduction: string;
  search: [number, number];
  /** bracketed: held proved for every value up to bracket[0], a certified counterexample at bracket[1]. */
  verdict: 'bracketed' | 'open';
  bracket?: [number, number];
  held?: { verdict: 'proved' | 'open'; boxes: number; deepestSplit: number };
  /** The certified point (every variable of the statement, the parameter included) where the claim fails. */
  counterexample?: { point: Record<string, number>; lhs: [string, string]; rhs: [string, string]; precision: string };
  boxes: number;
  probes: number;
  description: string;
  /** Steps of the proof refuted under another relaxation of the same hypothesis, where this claim holds: what the hypothesis is needed for. */
  neededBy?: { step: string; domain: string }[];
}

export interface LemmaReport {
  id: string;
  title: string;
  source: string;
  /** The proof file, relative to the repository root (set by the command line). */
  file?: string;
  /** The notes file the steps were found in (set by the command line). */
  notesFile?: string;
  /** Rows of the notes the proof file accounts for without a step of its own (a definition, a goal, a remark checked elsewhere). */
  accounts?: { line: number; reason: string }[];
  seed: number;
  runs: number;
  /** Domain of each hypothesis, in words. */
  domain: Record<string, string>;
  steps: StepReport[];
  chains: ChainReport[];
  relaxations: RelaxationReport[];
  /** Facts about the instances, each the largest over all instances (e.g. the widest trajectory enclosure). */
  notes: Record<string, string | number>;
  /** Per instance, the facts its setup reported (e.g. the certified γ̄ enclosure, the flow's enclosure radius). */
  instanceSummaries?: { run: number; facts: Record<string, number> }[];
  /** A lemma-level failure: the file did not load, setup threw, timed out. */
  error?: string;
  surprises: number;
  timing: { ms: number };
}

export interface AuditReport {
  /** With --notes COPY: the copy's changed, deleted and added lines against the notes the proofs transcribe, with the steps on them. */
  notesCopy?: import('../notes/copy-report.js').NotesCopyReport;
  /** With --coverage: every row of the notes and what accounts for it; `unaccounted` counts the rows nothing does. */
  coverage?: import('../notes/coverage.js').CoverageReport;
  /** "lemmacheck" and the version in package.json. */
  tool: { name: string; version: string };
  seed: number;
  /** --runs when given; null when each lemma used its own default. */
  runs: number | null;
  /** In report order: proof file name, then the file's export order. */
  lemmas: LemmaReport[];
  /** Counts over every step of every lemma (errata and chain links included). */
  summary: {
    lemmas: number;
    steps: number;
    held: number;
    /** All refuted steps, expected or not. */
    refuted: number;
    /** Refuted steps whose refutation was expected (a known mistake in the notes, confirmed). */
    expectedRefuted: number;
    inconclusive: number;
    undefined: number;
    /** Steps with an error verdict, plus lemmas that failed as a whole (LemmaReport.error). */
    error: number;
    /** Steps whose verdict differs from their expectation, plus lemma-level errors. 0 ⇔ exit code 0. */
    surprises: number;
  };
  /** Wall-clock time of the whole audit, including loading the proof files. */
  timing: { ms: number };
  /** Set in the report of one CI shard (--shard i/n); --merge combines the shards' reports into one without it. */
  shard?: ShardSection;
}

/** What one shard ran of the plan that every shard of the same count shares. */
export interface ShardSection {
  /** 1-based. */
  index: number;
  count: number;
  /** The run's options, which every shard and the merge must share. */
  options: { seed: number; runs: number | null; instance?: string; replayArgs?: string[] };
  /** Every lemma of the run, in report order; 'known' ones (a file that failed to load) are reported by shard 1. */
  tasks: { id: string; title: string; source: string; file: string; kind: 'check' | 'known'; runs?: number }[];
  /** The plan: each unit of work, the task it belongs to and the 1-based shard that runs it. */
  units: { task: number; kind: 'whole' | 'pass'; pass?: string; from?: number; to?: number; shard: number }[];
  /** The task of each entry of `lemmas` (this shard's finished lemmas). */
  lemmaTasks: number[];
  /** This shard's passes of split lemmas: a pass state (lossless JSON) or, when the pass failed, the lemma's error report. */
  passes: { unit: number; state?: unknown; report?: LemmaReport; ms: number }[];
}
