import type { Relation } from '../checker/report.js';

/**
 * Load-time validation of a lemma as written in a proof file. A proof file is
 * TypeScript, but a typo ('<=' for '≤', `expected` for `expect`, a tolerance
 * given as a string) type-checks under `any` or is never type-checked at all
 * (tsx only strips types). Every field is checked here, so a wrong shape is a
 * load error naming the lemma and the step, never a verdict.
 */

export class ProofSpecError extends Error {
  override name = 'ProofSpecError';
}

export const RELATIONS: readonly Relation[] = ['=', '≤', '<', '≥', '>'];

/** A profile's name, in a proof file and after --profile: lower-case letters, digits and '-', starting with a letter. */
export const PROFILE_NAME = /^[a-z][a-z0-9-]*$/;

/** ASCII spellings people type for the five relations. */
const ASCII_RELATIONS: Record<string, Relation> = { '==': '=', '<=': '≤', '=<': '≤', '>=': '≥', '=>': '≥' };

/** Fields other parts of the tool read; anything else in the object is a typo or a field the checker would ignore. */
const LEMMA_FIELDS = ['id', 'title', 'source', 'hypotheses', 'runs', 'cost', 'setup', 'proof', 'notation', 'accounts', 'relaxations', 'regions', 'fromDataset', 'datasetLimits', 'wholeDomain', 'rates', 'profiles'];
const HYPOTHESIS_FIELDS = ['arbitrary', 'domain', 'integer', 'integers'];
/** Transcribed (lemma.ts): how a line relates to the notes' compiled text. */
const TRANSCRIBED = ['notation', 'handTranscribed', 'notesLink'];
const STEP_FIELDS = [...TRANSCRIBED, 'id', 'notes', 'lhs', 'relation', 'rhs', 'why', 'over', 'tolerance', 'expect', 'erratum', 'transcription'];
const CHAIN_FIELDS = [...TRANSCRIBED, 'id', 'notes', 'start', 'links', 'over', 'tolerance', 'transcription'];
const LINK_FIELDS = [...TRANSCRIBED, 'relation', 'expr', 'why', 'notes', 'expect', 'erratum', 'tolerance', 'transcription'];
const ERRATUM_FIELDS = [...TRANSCRIBED, 'notes', 'why', 'lhs', 'relation', 'rhs', 'transcription'];
const RELAXATION_FIELDS = ['hypothesis', 'statement', 'relaxed', 'steps', 'systematic', 'sharp'];
const SHARP_FIELDS = ['variable', 'label', 'class', 'reduction', 'lhs', 'relation', 'rhs', 'variables', 'pieces', 'search', 'width', 'budget'];
const REGION_FIELDS = ['parameter', 'range', 'steps', 'examples'];
const TOLERANCE_FIELDS = ['rel', 'abs'];
const RATE_FIELDS = ['id', 'notes', 'why', 'parameter', 'decades', 'examples', 'quantity', 'stated', 'bound', 'observed', 'where', 'applies', 'monotone', 'cells', 'tolerance'];

type Fail = (message: string) => never;
type Obj = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 24 ? `${value.slice(0, 24)}…` : value}'`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An expression built with the builder (an E): it carries an expression node. */
const isExpression = (v: unknown): boolean => isObject(v) && isObject(v.node) && typeof v.node.kind === 'string';
const isOperand = (v: unknown): boolean => (typeof v === 'number' && Number.isFinite(v)) || isExpression(v);

function object(value: unknown, what: string, fields: readonly string[], fail: Fail): Obj {
  if (!isObject(value)) fail(`${what} must be an object, got ${describe(value)}`);
  const obj = value as Obj;
  for (const key of Object.keys(obj)) {
    if (!fields.includes(key)) fail(`${what} has an unknown field '${key}' (known: ${fields.join(', ')})`);
  }
  return obj;
}

function text(obj: Obj, key: string, what: string, fail: Fail, options: { optional?: boolean; nonEmpty?: boolean } = {}): void {
  const v = obj[key];
  if (v === undefined && options.optional) return;
  if (typeof v !== 'string') fail(`${what}: '${key}' must be a string, got ${v === undefined ? 'nothing' : describe(v)}`);
  if (options.nonEmpty && (v as string).trim() === '') fail(`${what}: '${key}' must not be empty`);
}

function expression(obj: Obj, key: string, what: string, fail: Fail, optional = false): void {
  const v = obj[key];
  if (v === undefined && optional) return;
  if (!isExpression(v)) fail(`${what}: '${key}' must be an expression built with the proof language, got ${v === undefined ? 'nothing' : describe(v)}`);
}

function relation(obj: Obj, what: string, fail: Fail, optional = false): void {
  const v = obj.relation;
  if (v === undefined && optional) return;
  if (typeof v === 'string' && (RELATIONS as readonly string[]).includes(v)) return;
  const hint = typeof v === 'string' && ASCII_RELATIONS[v] ? ` (write '${ASCII_RELATIONS[v]}' for '${v}')` : '';
  fail(`${what}: relation ${v === undefined ? 'missing' : describe(v)} is not one of ${RELATIONS.join(' ')}${hint}`);
}

function tolerance(obj: Obj, what: string, fail: Fail): void {
  if (obj.tolerance === undefined) return;
  const t = object(obj.tolerance, `${what}: tolerance`, TOLERANCE_FIELDS, fail);
  for (const key of TOLERANCE_FIELDS) {
    const v = t[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) fail(`${what}: tolerance.${key} must be a finite number ≥ 0, got ${describe(v)}`);
  }
}

function quantifier(obj: Obj, what: string, fail: Fail): void {
  if (obj.over === undefined) return;
  if (!isObject(obj.over)) fail(`${what}: 'over' must be an object { index: [from, to] }, got ${describe(obj.over)}`);
  for (const [name, range] of Object.entries(obj.over as Obj)) {
    if (!Array.isArray(range) || range.length !== 2 || !range.every(isOperand)) {
      fail(`${what}: over.${name} must be [from, to] (numbers or expressions), got ${describe(range)}`);
    }
  }
}

function expectation(obj: Obj, what: string, fail: Fail): void {
  if (obj.expect === undefined) return;
  if (!isObject(obj.expect)) fail(`${what}: 'expect' must be an object { refuted: … }, got ${describe(obj.expect)}`);
  const refuted = (obj.expect as Obj).refuted;
  if (!(typeof refuted === 'string' ? refuted.trim() !== '' : isObject(refuted))) {
    fail(`${what}: expect.refuted must say why the line is false and cite its counterexample, got ${refuted === undefined ? 'nothing' : describe(refuted)}`);
  }
  // The cited counterexample, as the tool printed it: the checker replays it on every run.
  const cx = (obj.expect as Obj).counterexample as Obj | undefined;
  if (!isObject(cx) || !Number.isSafeInteger(cx.seed) || typeof cx.path !== 'string' || !/^\d+(x\d+)?(:\d+(x\d+)?)*$/.test(cx.path)) {
    fail(`${what}: expect needs counterexample: { seed, path }, the replay the tool printed (got ${cx === undefined ? 'nothing' : describe(cx)})`);
  }
}

function erratum(obj: Obj, what: string, fail: Fail): void {
  if (obj.erratum === undefined) return;
  const e = object(obj.erratum, `${what}: erratum`, ERRATUM_FIELDS, fail);
  const where = `${what}: erratum`;
  text(e, 'notes', where, fail);
  text(e, 'why', where, fail);
  expression(e, 'lhs', where, fail, true);
  expression(e, 'rhs', where, fail, true);
  relation(e, where, fail, true);
}

function hypothesis(value: unknown, what: string, fail: Fail): void {
  const h = object(value, what, HYPOTHESIS_FIELDS, fail);
  const arbitrary = h.arbitrary as { generate?: unknown } | undefined;
  if (!isObject(arbitrary) || typeof arbitrary.generate !== 'function') fail(`${what}: 'arbitrary' must be a fast-check arbitrary, got ${describe(h.arbitrary)}`);
  text(h, 'domain', what, fail);
  if (h.integer !== undefined && typeof h.integer !== 'boolean') fail(`${what}: 'integer' must be true or false, got ${describe(h.integer)}`);
  if (h.integers !== undefined && !(Array.isArray(h.integers) && h.integers.every((s) => typeof s === 'string'))) {
    fail(`${what}: 'integers' must be an array of field names, got ${describe(h.integers)}`);
  }
}

function stepIds(value: unknown, what: string, fail: Fail): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) fail(`${what}: 'steps' must be an array of step ids, got ${describe(value)}`);
}

function failFor(spec: unknown): Fail {
  const id = isObject(spec) && typeof spec.id === 'string' ? spec.id : '?';
  return (message) => {
    throw new ProofSpecError(`lemma '${id}': ${message}`);
  };
}

/** Throws ProofSpecError on the first wrong field of a lemma spec (step ids cited by relaxations and regions: validateStepReferences). */
export function validateLemmaSpec(spec: unknown): void {
  const fail = failFor(spec);
  const s = object(spec, 'the lemma', LEMMA_FIELDS, fail);
  text(s, 'id', 'the lemma', fail, { nonEmpty: true });
  text(s, 'title', 'the lemma', fail);
  text(s, 'source', 'the lemma', fail);
  if (s.runs !== undefined && !(Number.isSafeInteger(s.runs) && (s.runs as number) >= 1)) fail(`'runs' must be a positive integer, got ${describe(s.runs)}`);
  if (s.cost !== undefined && !(typeof s.cost === 'number' && Number.isFinite(s.cost) && s.cost > 0)) fail(`'cost' must be a finite number > 0, got ${describe(s.cost)}`);
  if (s.datasetLimits !== undefined) datasetLimits(s.datasetLimits, fail);
  if (s.profiles !== undefined) profiles(s.profiles, s.hypotheses, fail);
  for (const key of ['setup', 'fromDataset'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'function') fail(`'${key}' must be a function, got ${describe(s[key])}`);
  }
  if (!isObject(s.hypotheses)) fail(`'hypotheses' must be an object of named hypotheses, got ${describe(s.hypotheses)}`);
  const hypotheses = s.hypotheses as Obj;
  for (const [name, h] of Object.entries(hypotheses)) hypothesis(h, `hypothesis '${name}'`, fail);

  if (!Array.isArray(s.proof) || s.proof.length === 0) fail(`'proof' must be a non-empty array of steps and chains, got ${describe(s.proof)}`);
  (s.proof as unknown[]).forEach((item, k) => {
    const label = isObject(item) && typeof item.id === 'string' ? `'${item.id}'` : `#${k + 1}`;
    if (isObject(item) && 'links' in item) {
      const what = `chain ${label}`;
      const chain = object(item, what, CHAIN_FIELDS, fail);
      text(chain, 'id', what, fail, { nonEmpty: true });
      text(chain, 'notes', what, fail);
      expression(chain, 'start', what, fail);
      quantifier(chain, what, fail);
      tolerance(chain, what, fail);
      if (!Array.isArray(chain.links) || chain.links.length === 0) fail(`${what}: 'links' must be a non-empty array, got ${describe(chain.links)}`);
      (chain.links as unknown[]).forEach((l, j) => {
        const where = `${what}, link ${j + 1}`;
        const link = object(l, where, LINK_FIELDS, fail);
        relation(link, where, fail);
        expression(link, 'expr', where, fail);
        text(link, 'why', where, fail);
        text(link, 'notes', where, fail);
        expectation(link, where, fail);
        erratum(link, where, fail);
        tolerance(link, where, fail);
      });
    } else {
      const what = `step ${label}`;
      const step = object(item, what, STEP_FIELDS, fail);
      text(step, 'id', what, fail, { nonEmpty: true });
      text(step, 'notes', what, fail);
      expression(step, 'lhs', what, fail);
      relation(step, what, fail);
      expression(step, 'rhs', what, fail);
      text(step, 'why', what, fail);
      quantifier(step, what, fail);
      tolerance(step, what, fail);
      expectation(step, what, fail);
      erratum(step, what, fail);
    }
  });

  if (s.relaxations !== undefined) {
    if (!Array.isArray(s.relaxations)) fail(`'relaxations' must be an array, got ${describe(s.relaxations)}`);
    (s.relaxations as unknown[]).forEach((r, k) => {
      const what = `relaxation ${k + 1}`;
      const relaxation = object(r, what, RELAXATION_FIELDS, fail);
      text(relaxation, 'hypothesis', what, fail);
      if (!(relaxation.hypothesis as string in hypotheses)) fail(`${what}: no hypothesis '${String(relaxation.hypothesis)}' to relax`);
      text(relaxation, 'statement', what, fail);
      hypothesis(relaxation.relaxed, `${what}: relaxed`, fail);
      stepIds(relaxation.steps, what, fail);
      const systematic = relaxation.systematic as Obj | undefined;
      if (systematic !== undefined && !(isObject(systematic) && typeof systematic.domain === 'string' && typeof systematic.instances === 'function')) {
        fail(`${what}: systematic must be { domain, instances() }, got ${describe(systematic)}`);
      }
      if (relaxation.sharp !== undefined) {
        const sharp = object(relaxation.sharp, `${what}: sharp`, SHARP_FIELDS, fail);
        for (const key of ['variable', 'class', 'reduction']) text(sharp, key, `${what}: sharp`, fail);
        if (!['≤', '<', '≥', '>'].includes(sharp.relation as string)) fail(`${what}: sharp.relation must be one of ≤ < ≥ >, got ${describe(sharp.relation)}`);
        if (!isObject(sharp.lhs) || !isObject(sharp.rhs) || !isObject(sharp.variables)) fail(`${what}: sharp needs lhs, rhs (expressions) and variables`);
        const search = sharp.search;
        if (!Array.isArray(search) || search.length !== 2 || !search.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(search[0] < search[1])) {
          fail(`${what}: sharp.search must be [lo, hi] with finite lo < hi, got ${describe(search)}`);
        }
      }
    });
  }
  if (s.regions !== undefined) {
    if (!Array.isArray(s.regions)) fail(`'regions' must be an array, got ${describe(s.regions)}`);
    (s.regions as unknown[]).forEach((r, k) => {
      const what = `region scan ${k + 1}`;
      const region = object(r, what, REGION_FIELDS, fail);
      text(region, 'parameter', what, fail);
      const range = region.range;
      if (!Array.isArray(range) || range.length !== 2 || !range.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(range[0] < range[1])) {
        fail(`${what}: 'range' must be [lo, hi] with finite lo < hi, got ${describe(range)}`);
      }
      stepIds(region.steps, what, fail);
    });
  }
  if (s.rates !== undefined) {
    if (!Array.isArray(s.rates)) fail(`'rates' must be an array, got ${describe(s.rates)}`);
    (s.rates as unknown[]).forEach((r, k) => rate(r, k, fail));
  }
}

/** A rate step (rate.ts): every field, including the nested rate objects. */
function rate(value: unknown, k: number, fail: Fail): void {
  const label = isObject(value) && typeof value.id === 'string' ? `'${value.id}'` : `#${k + 1}`;
  const what = `rate step ${label}`;
  const r = object(value, what, RATE_FIELDS, fail);
  text(r, 'id', what, fail, { nonEmpty: true });
  text(r, 'notes', what, fail);
  text(r, 'why', what, fail);
  text(r, 'parameter', what, fail);
  const decades = r.decades;
  if (!Array.isArray(decades) || decades.length !== 2 || !decades.every(Number.isSafeInteger) || !(decades[0] < decades[1])) {
    fail(`${what}: 'decades' must be [a, b], integer exponents with a < b, got ${describe(decades)}`);
  }
  if (!Array.isArray(r.examples) || r.examples.length === 0 || !r.examples.every((e) => isObject(e) && typeof e.label === 'string' && isObject(e.instance))) {
    fail(`${what}: 'examples' must be a non-empty array of { label, instance }, got ${describe(r.examples)}`);
  }
  expression(r, 'quantity', what, fail);
  const part = (key: string, fields: string[]): Obj => {
    const o = object(r[key], `${what}: ${key}`, fields, fail);
    expression(o, 'expr', `${what}: ${key}`, fail);
    text(o, 'reads', `${what}: ${key}`, fail);
    return o;
  };
  part('stated', ['expr', 'reads']);
  relation(part('bound', ['relation', 'expr', 'reads']), `${what}: bound`, fail);
  const observed = part('observed', ['expr', 'reads', 'constant']);
  if (observed.constant !== undefined) {
    const c = object(observed.constant, `${what}: observed.constant`, ['expr', 'reads'], fail);
    expression(c, 'expr', `${what}: observed.constant`, fail);
    text(c, 'reads', `${what}: observed.constant`, fail);
  }
  if (r.where !== undefined) part('where', ['expr', 'reads']);
  if (r.applies !== undefined) text(part('applies', ['expr', 'reads', 'why']), 'why', `${what}: applies`, fail);
  if (r.monotone !== undefined) {
    const m = object(r.monotone, `${what}: monotone`, ['direction', 'why'], fail);
    if (m.direction !== 'non-increasing' && m.direction !== 'non-decreasing') fail(`${what}: monotone.direction must be 'non-increasing' or 'non-decreasing', got ${describe(m.direction)}`);
    text(m, 'why', `${what}: monotone`, fail);
  }
  if (r.cells !== undefined && !(Number.isSafeInteger(r.cells) && (r.cells as number) >= 1 && (r.cells as number) <= 1000)) fail(`${what}: 'cells' must be an integer in 1..1000, got ${describe(r.cells)}`);
  tolerance(r, what, fail);
}

/** The step ids that relaxations and region scans cite must be checks of the lemma (after validateLemmaSpec). */
export function validateStepReferences(spec: { relaxations?: readonly { steps?: readonly string[] }[]; regions?: readonly { steps?: readonly string[] }[] }, checkIds: ReadonlySet<string>): void {
  const fail = failFor(spec);
  const cite = (steps: readonly string[] | undefined, what: string): void => {
    for (const id of steps ?? []) if (!checkIds.has(id)) fail(`${what} names step '${id}', which this lemma does not have (steps: ${[...checkIds].join(', ')})`);
  };
  spec.relaxations?.forEach((r, k) => cite(r.steps, `relaxation ${k + 1}`));
  spec.regions?.forEach((r, k) => cite(r.steps, `region scan ${k + 1}`));
}

/** Named profiles: each a description, the lemma's hypotheses it redraws, its instances, and optionally refine and timeoutMs. */
function profiles(value: unknown, lemmaHypotheses: unknown, fail: Fail): void {
  if (!isObject(value)) fail(`'profiles' must be an object of named profiles, got ${describe(value)}`);
  for (const [name, p] of Object.entries(value as Obj)) {
    const what = `profile '${name}'`;
    if (!PROFILE_NAME.test(name)) fail(`${what}: a profile's name is lower-case letters, digits and '-'`);
    const profile = object(p, what, ['description', 'hypotheses', 'runs', 'refine', 'timeoutMs'], fail);
    text(profile, 'description', what, fail, { nonEmpty: true });
    if (!(Number.isSafeInteger(profile.runs) && (profile.runs as number) >= 1)) fail(`${what}: 'runs' must be a positive integer, got ${describe(profile.runs)}`);
    if (profile.timeoutMs !== undefined && !(Number.isSafeInteger(profile.timeoutMs) && (profile.timeoutMs as number) >= 1)) fail(`${what}: 'timeoutMs' must be a positive integer, got ${describe(profile.timeoutMs)}`);
    if (profile.refine !== undefined && typeof profile.refine !== 'boolean') fail(`${what}: 'refine' must be true or false, got ${describe(profile.refine)}`);
    if (!isObject(profile.hypotheses) || Object.keys(profile.hypotheses).length === 0) fail(`${what}: 'hypotheses' must name the hypotheses it draws differently, got ${describe(profile.hypotheses)}`);
    for (const [h, spec] of Object.entries(profile.hypotheses as Obj)) {
      if (!isObject(lemmaHypotheses) || !(h in lemmaHypotheses)) fail(`${what}: the lemma has no hypothesis '${h}'`);
      hypothesis(spec, `${what}, hypothesis '${h}'`, fail);
    }
  }
}

/** maxPoints and pointInstances: positive integers, at least one of them; why: what grows with the points. */
function datasetLimits(value: unknown, fail: Fail): void {
  const limits = object(value, "'datasetLimits'", ['maxPoints', 'pointInstances', 'why'], fail);
  for (const key of ['maxPoints', 'pointInstances'] as const) {
    const v = limits[key];
    if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= 1)) fail(`'datasetLimits.${key}' must be a positive integer, got ${describe(v)}`);
  }
  if (limits.maxPoints === undefined && limits.pointInstances === undefined) fail("'datasetLimits' must give maxPoints or pointInstances");
  if (typeof limits.why !== 'string' || limits.why.trim() === '') fail(`'datasetLimits.why' must say what grows with the points, got ${describe(limits.why)}`);
}
