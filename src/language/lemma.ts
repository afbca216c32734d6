import type fc from 'fast-check';
import type { DatasetLimits } from '../checker/dataset-limits.js';
import type { Arith } from '../arithmetic/arith.js';
import type { Relation } from '../checker/report.js';
import { E, toExpr, type Operand } from './builder.js';
import type { Expr } from './expr.js';
import type { NotesPosition } from '../notes/notes-file.js';
import type { SharpHypothesisSpec, WholeDomainSpec } from '../prover/whole-domain-spec.js';
import type { Notation } from '../notes/compile.js';
import { ProofSpecError, validateLemmaSpec, validateStepReferences } from './validate-spec.js';
import { fromPlain, type Value } from './value.js';
import { rateStep, type RateSpec, type RateStep } from './rate.js';

/** A hypothesis of the lemma: how its parameter is generated, and its domain in words. */
export interface Hypothesis<V = unknown> {
  readonly arbitrary: fc.Arbitrary<V>;
  readonly domain: string;
  /** Integer parameters (n, m, t…) are bound exactly and may be used as index bounds. */
  readonly integer?: boolean;
  /** For a hypothesis that generates an object (a net, a data set): its fields become parameters; these are integers. */
  readonly integers?: readonly string[];
}

export type Instance = Record<string, unknown>;

/** What a step is evaluated against: values in one arithmetic, integers, and facts to report. */
export interface Env<T> {
  values: Record<string, Value<T>>;
  ints: Record<string, number>;
  /** Numbers worth reporting per instance (the checker reports their maximum), e.g. trajectory width. */
  facts?: Record<string, number>;
}

/** Turns an instance into values in a given arithmetic (e.g. runs the certified trajectory). */
export type Setup = <T>(instance: Instance, arith: Arith<T>) => Env<T>;

/** Relative and absolute tolerance for equality (and for the equality case of ≤/≥). */
export interface Tolerance {
  rel: number;
  abs: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { rel: 1e-9, abs: 0 };

/** The counterexample an expectation cites: the seed and the fast-check path the tool printed for it. */
export interface CitedCounterexample {
  seed: number;
  path: string;
}

/** The failing region the region scan found at the cited counterexample (see FailingRegion in the report). */
export interface ExpectedRegion {
  parameter: string;
  verdict: 'refuted' | 'undefined';
  direction: 'below' | 'above' | 'between' | 'everywhere';
  /** Brackets the found edges must meet (the edges' certified brackets, or a wider stretch around them). */
  lowerEdge?: readonly [number, number];
  upperEdge?: readonly [number, number];
}

/**
 * A known mistake in the notes. The checker re-runs the cited counterexample and requires it to
 * still be refuted (and, when the step declares its failing region, the scan there to find that
 * region); anything else is a surprise that says what changed.
 */
export interface Expectation {
  /** Why the line is wrong, in words. */
  refuted: string;
  counterexample: CitedCounterexample;
  region?: ExpectedRegion;
}

/** Indices a step is quantified over, e.g. { i: [0, t − 1] } for every iterate. */
export type Quantifier = Record<string, readonly [Operand, Operand]>;

/**
 * How a step's LaTeX becomes its computation: compiled with the glossary's notation (the lemma's, or a
 * step's own), unless the step says why it keeps its hand-built sides (prose, or beyond the compiler).
 */
export interface Transcribed {
  notation?: Notation;
  handTranscribed?: string;
  /** For a line with several relations (a ≤ b ≤ c) that the step checks one of: which (1-based). */
  notesLink?: number;
}

/** The corrected form of a line, checked and reported beside the notes' form. */
export interface ErratumSpec extends Transcribed {
  notes: string;
  why: string;
  lhs?: E;
  relation?: Relation;
  rhs?: E;
}

export interface StepSpec extends Transcribed {
  /** Stable id, used in reports and on the command line. */
  id: string;
  /** The notes' LaTeX, exactly as written. */
  notes: string;
  lhs: E;
  relation: Relation;
  rhs: E;
  /** The justification the notes give (or imply). */
  why: string;
  over?: Quantifier;
  tolerance?: Partial<Tolerance>;
  expect?: Expectation;
  erratum?: ErratumSpec;
}

export interface LinkSpec extends Transcribed {
  relation: Relation;
  expr: E;
  why: string;
  /** The notes' text of this line of the chain. */
  notes: string;
  expect?: Expectation;
  erratum?: ErratumSpec;
  tolerance?: Partial<Tolerance>;
}

/** a = b ≤ c < d as in Lean's calc: each link's left side is the previous right side. */
export interface ChainSpec extends Transcribed {
  id: string;
  notes: string;
  start: E;
  links: LinkSpec[];
  over?: Quantifier;
  tolerance?: Partial<Tolerance>;
}

export interface Relaxation {
  /** The hypothesis (parameter name) that is dropped. */
  hypothesis: string;
  /** The hypothesis as stated, e.g. "η ≤ 1". */
  statement: string;
  /** The relaxed domain to try. */
  relaxed: Hypothesis;
  /** Steps to check under it (default: every step in the notes' form). */
  steps?: string[];
  /** A search of the relaxed domain that does not depend on the seed, run before the random one. */
  systematic?: SystematicSearch;
  /** How far the hypothesis can be relaxed on a class of instances: bracketed by the whole-domain prover. */
  sharp?: SharpHypothesisSpec;
}

/** Instances enumerated in a fixed order (e.g. the smallest instances across a grid of the relaxed parameter). */
export interface SystematicSearch {
  /** The enumerated instances, in words. */
  domain: string;
  instances: () => readonly Instance[];
}

/**
 * A named setting (`--profile NAME`) that checks the lemma on other instances than its default audit: some
 * hypotheses drawn from a narrower, larger-scale domain (Lemma 9.4 on trajectories of realistic size). Every
 * domain shown is the profile's; relaxed hypotheses are not searched (they redraw the lemma's own domain).
 */
export interface Profile {
  /** What the profile checks, in words (shown with the report's domain). */
  description: string;
  /** The hypotheses it draws differently; the others keep the lemma's domain. */
  hypotheses: Record<string, Hypothesis>;
  /** Instances under the profile. */
  runs: number;
  /** false: float intervals only, what they leave open reported inconclusive (no refinement ladder, which at this size costs far more). */
  refine?: boolean;
  /** The lemma's time budget under the profile, in ms, unless --timeout-ms is given. */
  timeoutMs?: number;
}

/** A parameter along which a failing step's region is located by certified bisection. */
export interface RegionScan {
  parameter: string;
  /** Smallest and largest values to scan (log scale when both are positive). */
  range: readonly [number, number];
  steps?: string[];
  /** Instances (in the hypotheses' domain) at which every step is also swept along the parameter, for the report's plots. */
  examples?: readonly { label: string; instance: Instance }[];
}

/** Every field of a spec (and of its steps) is checked at load by validate-spec.ts: a new field is added there too. */
export interface LemmaSpec {
  id: string;
  title: string;
  source: string;
  hypotheses: Record<string, Hypothesis>;
  /** Default number of instances. */
  runs?: number;
  /** Relative cost of one instance (default 1): heavy lemmas are split across workers and shards by instance ranges. */
  cost?: number;
  setup?: Setup;
  proof: readonly (StepSpec | ChainSpec)[];
  /** The glossary's meanings of the notes' symbols for this lemma (notes/glossary.ts). */
  notation?: Notation;
  /** Rows of the notes this lemma accounts for without a step (text as in the notes, and why no step checks it). */
  accounts?: readonly { notes: string; reason: string }[];
  relaxations?: Relaxation[];
  regions?: RegionScan[];
  /** Lemmas that accept a user's data set (--instance FILE) say how it becomes an instance. */
  fromDataset?: (data: { X: number[][]; y: number[] }) => fc.Arbitrary<Instance>;
  /** What such a lemma affords as the data set grows (src/checker/dataset-limits.ts). */
  datasetLimits?: DatasetLimits;
  /** Steps (by id, errata and chain links included) proved over their whole stated domain by src/prover. */
  wholeDomain?: Record<string, WholeDomainSpec>;
  /** Asymptotic remarks checked along long validated flows, decade by decade (src/checker/rates.ts). */
  rates?: readonly RateSpec[];
  /** Named settings for `--profile NAME`. */
  profiles?: Record<string, Profile>;
}

/** One checkable comparison, as the checker sees it. */
export interface Check {
  id: string;
  notes: string;
  form: 'notes' | 'erratum';
  erratumOf?: string;
  chain?: { id: string; link: number };
  lhs: Expr;
  relation: Relation;
  rhs: Expr;
  why: string;
  over: readonly { name: string; from: Expr; to: Expr }[];
  tolerance: Tolerance;
  expect?: Expectation;
  /** Where the notes text sits in the notes file (set when the lemma is bound to the notes; errata have none). */
  notesAt?: NotesPosition;
  notation?: Notation;
  handTranscribed?: string;
  notesLink?: number;
  /** For an erratum: which sides it builds itself (the others are its line's). */
  erratumSides?: { lhs: boolean; rhs: boolean };
  /** Checking an edited copy of the notes: the original line of the changed step with this id, checked beside it. */
  vendoredOf?: string;
  /** Set when the sides were compiled from the notes: the hand-built sides, evaluated beside them at every instance. */
  transcription?: { lhs?: Expr; relation: Relation; rhs?: Expr };
}

export interface ChainInfo {
  id: string;
  notes: string;
  relation: Relation;
  links: string[];
  notesAt?: NotesPosition;
}

export interface Lemma {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly hypotheses: Record<string, Hypothesis>;
  readonly runs: number;
  readonly cost?: number;
  readonly setup: Setup;
  readonly checks: readonly Check[];
  readonly chains: readonly ChainInfo[];
  readonly relaxations: readonly Relaxation[];
  readonly regions: readonly RegionScan[];
  readonly fromDataset?: LemmaSpec['fromDataset'];
  readonly datasetLimits?: DatasetLimits;
  readonly accounts?: LemmaSpec['accounts'];
  /** Set when the lemma is bound to the notes: the lines of its accounts. */
  readonly accountsAt?: readonly { line: number; reason: string }[];
  readonly wholeDomain: Readonly<Record<string, WholeDomainSpec>>;
  readonly rates: readonly RateStep[];
  readonly profiles: Readonly<Record<string, Profile>>;
}

const isChain = (s: StepSpec | ChainSpec): s is ChainSpec => 'links' in s;

/** Composes the relations of a chain: = with ≤ gives ≤, any strict link makes it strict. `chain` names it in the error. */
export function composeRelations(relations: readonly Relation[], chain = 'a chain'): Relation {
  const up = relations.some((r) => r === '≤' || r === '<');
  const down = relations.some((r) => r === '≥' || r === '>');
  if (up && down) {
    const direction = (r: Relation): number => (r === '≤' || r === '<' ? 1 : r === '≥' || r === '>' ? -1 : 0);
    const first = relations.findIndex((r) => direction(r) !== 0);
    const other = relations.findIndex((r) => direction(r) === -direction(relations[first]));
    throw new ProofSpecError(
      `${chain} mixes ≤ and ≥: link ${other + 1} (${relations[other]}) goes the other way from link ${first + 1} (${relations[first]}); relations ${relations.join(' ')}`,
    );
  }
  const strict = relations.some((r) => r === '<' || r === '>');
  if (up) return strict ? '<' : '≤';
  if (down) return strict ? '>' : '≥';
  return '=';
}

function quantifier(over: Quantifier | undefined): Check['over'] {
  return Object.entries(over ?? {}).map(([name, [from, to]]) => ({ name, from: toExpr(from), to: toExpr(to) }));
}

function tolerance(...parts: (Partial<Tolerance> | undefined)[]): Tolerance {
  return Object.assign({}, DEFAULT_TOLERANCE, ...parts.filter(Boolean));
}

/** A parameter ranging over a whole interval (certified region scans evaluate a step over it at once). */
export interface IntervalParameter {
  readonly wholeInterval: readonly [number, number];
}

export function intervalOf(value: unknown): readonly [number, number] | null {
  return value !== null && typeof value === 'object' && 'wholeInterval' in value ? (value as IntervalParameter).wholeInterval : null;
}

/** The default setup: numbers and arrays of the instance become exact values; integer hypotheses become integers. */
export function plainSetup(hypotheses: Record<string, Hypothesis>): Setup {
  return <T>(instance: Instance, arith: Arith<T>): Env<T> => {
    const env: Env<T> = { values: {}, ints: {} };
    const bind = (name: string, value: unknown, integer: boolean): void => {
      const range = intervalOf(value);
      if (range) env.values[name] = { shape: [], data: [arith.range(range[0], range[1])] };
      else if (integer) env.ints[name] = value as number;
      else env.values[name] = fromPlain(arith, value, name);
    };
    for (const [name, value] of Object.entries(instance)) {
      const h = hypotheses[name];
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && !intervalOf(value)) {
        for (const [field, v] of Object.entries(value)) bind(field, v, h?.integers?.includes(field) ?? false);
      } else bind(name, value, h?.integer ?? false);
    }
    return env;
  };
}

export function defineLemma(spec: LemmaSpec): Lemma {
  validateLemmaSpec(spec);
  const checks: Check[] = [];
  const chains: ChainInfo[] = [];
  const ids = new Set<string>();
  const add = (c: Check): void => {
    if (ids.has(c.id)) throw new ProofSpecError(`lemma '${spec.id}': duplicate id: step id '${c.id}' is used twice`);
    ids.add(c.id);
    checks.push(c);
  };
  const addErratum = (base: Check, e: ErratumSpec | undefined): void => {
    if (!e) return;
    add({
      ...base,
      id: `${base.id}.erratum`,
      notes: e.notes,
      form: 'erratum',
      erratumOf: base.id,
      lhs: e.lhs ? e.lhs.node : base.lhs,
      relation: e.relation ?? base.relation,
      rhs: e.rhs ? e.rhs.node : base.rhs,
      why: e.why,
      expect: undefined,
      notation: e.notation ?? base.notation,
      handTranscribed: e.handTranscribed,
      notesLink: e.notesLink ?? base.notesLink,
      erratumSides: { lhs: e.lhs !== undefined, rhs: e.rhs !== undefined },
    });
  };
  for (const item of spec.proof) {
    if (isChain(item)) {
      let left = item.start.node;
      const linkIds: string[] = [];
      item.links.forEach((link, k) => {
        const check: Check = {
          id: `${item.id}.${k + 1}`,
          notes: link.notes,
          form: 'notes',
          chain: { id: item.id, link: k + 1 },
          lhs: left,
          relation: link.relation,
          rhs: link.expr.node,
          why: link.why,
          over: quantifier(item.over),
          tolerance: tolerance(item.tolerance, link.tolerance),
          expect: link.expect,
          notation: link.notation ?? item.notation ?? spec.notation,
          handTranscribed: link.handTranscribed ?? item.handTranscribed,
        };
        add(check);
        linkIds.push(check.id);
        addErratum(check, link.erratum);
        left = link.expr.node;
      });
      chains.push({ id: item.id, notes: item.notes, relation: composeRelations(item.links.map((l) => l.relation), `lemma '${spec.id}': chain '${item.id}'`), links: linkIds });
    } else {
      const check: Check = {
        id: item.id,
        notes: item.notes,
        form: 'notes',
        lhs: item.lhs.node,
        relation: item.relation,
        rhs: item.rhs.node,
        why: item.why,
        over: quantifier(item.over),
        tolerance: tolerance(item.tolerance),
        expect: item.expect,
        notation: item.notation ?? spec.notation,
        handTranscribed: item.handTranscribed,
        notesLink: item.notesLink,
      };
      add(check);
      addErratum(check, item.erratum);
    }
  }
  const rates = (spec.rates ?? []).map((r) => rateStep(r, tolerance()));
  const rateIds = new Set<string>();
  for (const r of rates) {
    if (ids.has(r.id) || rateIds.has(r.id)) throw new ProofSpecError(`lemma '${spec.id}': duplicate id: step id '${r.id}' is used twice`);
    rateIds.add(r.id);
  }
  for (const id of Object.keys(spec.wholeDomain ?? {})) if (!ids.has(id)) throw new Error(`lemma ${spec.id}: wholeDomain names no step '${id}'`);
  validateStepReferences(spec, ids);
  return {
    id: spec.id,
    title: spec.title,
    source: spec.source,
    hypotheses: spec.hypotheses,
    runs: spec.runs ?? 100,
    ...(spec.cost !== undefined ? { cost: spec.cost } : {}),
    setup: spec.setup ?? plainSetup(spec.hypotheses),
    checks,
    chains,
    relaxations: spec.relaxations ?? [],
    regions: spec.regions ?? [],
    fromDataset: spec.fromDataset,
    ...(spec.datasetLimits ? { datasetLimits: spec.datasetLimits } : {}),
    accounts: spec.accounts,
    wholeDomain: spec.wholeDomain ?? {},
    rates,
    profiles: spec.profiles ?? {},
  };
}

export { E };
