import { Chalk, type ChalkInstance } from 'chalk';
import type { AuditReport, ChainReport, Counterexample, LemmaReport, Relation, RelaxationReport, StepEditReport, StepReport, Verdict, WholeDomainReport, RegionScanReport } from '../checker/report.js';
import { formatEnclosurePair, formatNumber } from './number-format.js';
import { isExpectedRefutation, isNotApplicable, isNotReproduced, isSurprise, lemmaSurpriseCount, listSurprises } from './summary.js';
import { displayWidth, oneLine, padEnd, padStart, truncate, wrap } from './text-layout.js';
import { latexToText } from './latex-text.js';
import { markFormDifferences } from './form-difference.js';
import { rateLines } from './rate-lines.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ConsoleStyle {
  /** chalk colour level; 0 is plain text. The text never depends on it. */
  level: ColorLevel;
  /** Columns available (100 when the output is not a terminal). */
  width: number;
}

/** "✗ refuted (expected)" is the widest status. */
const STATUS_WIDTH = 20;
const GUTTER_WIDTH = 2;
const SUB_INDENT = GUTTER_WIDTH + STATUS_WIDTH + 3;
const SUB_KEY_WIDTH = 15;
const MAX_LABEL_WIDTH = 18;
const MIN_NOTES_WIDTH = 36;
/** Beyond this, lines get too long to follow from the verdict to the numbers. */
const MAX_WIDTH = 120;
const MAX_ERROR_LINES = 8;

type Paint = (text: string) => string;

interface Status {
  text: string;
  paint: Paint;
}

interface SubLine {
  key: string;
  value: string;
  /** Replay commands are never cut: they must stay copyable. */
  keepWhole?: boolean;
  /** Printed whole, wrapped onto continuation lines under the value (a counterexample). */
  wrapped?: boolean;
  paint?: Paint;
}

interface Row {
  surprise: boolean;
  status: Status;
  label: string;
  labelPaint?: Paint;
  notes: string;
  detail: string;
  sub: SubLine[];
}

class Layout {
  readonly c: ChalkInstance;
  constructor(readonly style: ConsoleStyle) {
    this.c = new Chalk({ level: style.level });
  }

  get width(): number {
    return Math.min(MAX_WIDTH, Math.max(60, this.style.width));
  }

  verdictStatus(verdict: Verdict, expectedRefutation: boolean): Status {
    const c = this.c;
    switch (verdict) {
      case 'held':
        return { text: '✓ held', paint: c.green };
      case 'refuted':
        return expectedRefutation ? { text: '✗ refuted (expected)', paint: c.cyan } : { text: '✗ refuted', paint: c.red.bold };
      case 'inconclusive':
        return { text: '? inconclusive', paint: c.yellow };
      case 'undefined':
        return { text: '∅ undefined', paint: c.magenta };
      case 'error':
        return { text: '! error', paint: c.red };
    }
  }

  gutter(surprise: boolean): string {
    return surprise ? this.c.red.bold('» ') : '  ';
  }

  /**
   * One line per row: status, label, the notes' text, and the detail flush
   * right, so verdicts line up on the left and numbers on the right. The notes
   * keep at least MIN_NOTES_WIDTH columns; a detail that does not fit then
   * moves to its own line.
   */
  rows(rows: readonly Row[], labelIndent = 0): string[] {
    if (rows.length === 0) return [];
    const labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(4, ...rows.map((r) => displayWidth(r.label)))) + labelIndent;
    const prefix = GUTTER_WIDTH + STATUS_WIDTH + 1 + labelWidth + 2;
    const room = this.width - prefix;
    const out: string[] = [];
    for (const row of rows) {
      const label = padEnd(truncate(' '.repeat(labelIndent) + row.label, labelWidth), labelWidth);
      const head = `${this.gutter(row.surprise)}${row.status.paint(padEnd(row.status.text, STATUS_WIDTH))} ${row.labelPaint ? row.labelPaint(label) : label}  `;
      const detail = truncate(row.detail, room);
      const detailWidth = displayWidth(detail);
      const notesRoom = detail ? room - detailWidth - 2 : room;
      if (!detail || notesRoom >= Math.min(MIN_NOTES_WIDTH, displayWidth(row.notes))) {
        const notes = truncate(row.notes, notesRoom);
        out.push(detail ? `${head}${padEnd(notes, room - detailWidth)}${detail}` : (head + notes).trimEnd());
      } else {
        out.push((head + truncate(row.notes, room)).trimEnd());
        out.push(' '.repeat(prefix) + padStart(detail, room));
      }
      out.push(...this.subLines(row.sub));
    }
    return out;
  }

  subLines(lines: readonly SubLine[]): string[] {
    const room = this.width - SUB_INDENT - SUB_KEY_WIDTH - 1;
    return lines.flatMap((line) => {
      const [first, ...rest] = line.wrapped ? wrap(line.value, room) : [line.keepWhole ? line.value : truncate(line.value, room)];
      const paint = (value: string): string => (line.paint ? line.paint(value) : value);
      const key = this.c.dim(padEnd(line.key, SUB_KEY_WIDTH));
      const continuation = ' '.repeat(SUB_INDENT + SUB_KEY_WIDTH + 1);
      return [`${' '.repeat(SUB_INDENT)}${key} ${paint(first)}`.trimEnd(), ...rest.map((part) => continuation + paint(part))];
    });
  }

  /** `shownLine`: the notes line already shown above (a chain's), not repeated on its links. */
  stepRow(step: StepReport, label: string, shownLine?: number): Row {
    const expectedRefutation = isExpectedRefutation(step);
    return {
      surprise: isSurprise(step),
      status: step.verdict === 'held' && step.wholeDomain?.verdict === 'proved' ? { text: '✓ proved', paint: this.c.green } : this.verdictStatus(step.verdict, expectedRefutation),
      label,
      labelPaint: step.form === 'erratum' ? this.c.yellow : undefined,
      notes: lineTag(step.notesLine === shownLine ? undefined : step.notesLine) + latexToText(step.notes),
      detail: stepDetail(step),
      sub: this.stepSubLines(step),
    };
  }

  chainRow(chain: ChainReport, links: readonly StepReport[]): Row {
    const failing = links.filter((s) => s.verdict !== 'held');
    const expectedRefutation = chain.verdict === 'refuted' && failing.length > 0 && failing.every(isExpectedRefutation);
    const detail = [`chain ${chain.relation}`];
    if (chain.failedLinks.length) detail.push(`link${chain.failedLinks.length > 1 ? 's' : ''} ${chain.failedLinks.join(', ')} not held`);
    return {
      surprise: false,
      status: this.verdictStatus(chain.verdict, expectedRefutation),
      label: chain.form === 'erratum' ? `${chain.id} (erratum)` : chain.id,
      labelPaint: this.c.bold,
      notes: lineTag(chain.notesLine) + latexToText(chain.notes),
      detail: detail.join(' · '),
      sub: [],
    };
  }

  stepSubLines(step: StepReport): SubLine[] {
    const lines: SubLine[] = step.edit ? editLines(step.edit, isSurprise(step) ? this.c.red : this.c.green) : [];
    if (step.expected === 'refuted' && step.expectedReason) lines.push({ key: 'expected', value: `refuted: ${oneLine(step.expectedReason)}` });
    if (step.expectation) {
      const e = step.expectation;
      lines.push({ key: 'cited', value: `${e.verdict} at ${e.counterexample.command}`, keepWhole: true });
      if (e.mismatch) lines.push({ key: 'changed', value: oneLine(e.mismatch), paint: this.c.red });
    }
    if (step.message && step.verdict !== 'held') {
      lines.push({ key: 'message', value: oneLine(step.message), paint: step.verdict === 'error' ? this.c.red : undefined });
    }
    // A rate step's reading (its rate lines) says what was checked; its prose has no formula to set beside it.
    if (step.computedFrom === 'hand' && step.notesLine !== undefined) lines.push(...(step.rate ? handTranscribedLines(step).slice(0, 1) : handTranscribedLines(step)));
    if (step.counterexample) lines.push(...counterexampleLines(step.counterexample, step.relation));
    if (step.resolution) lines.push(...resolutionLines(step));
    if (step.unresolved) lines.push(...unresolvedLines(step.unresolved));
    const regions = step.regions ?? [];
    for (const region of regions.slice(0, 4)) lines.push({ key: 'region', value: oneLine(region.description) });
    if (regions.length > 4) lines.push({ key: 'region', value: `… and ${regions.length - 4} more failing stretches (see the JSON report)` });
    for (const scan of step.regionScans ?? []) lines.push({ key: 'region scan', value: scanSummary(scan) });
    if (step.wholeDomain) lines.push(...wholeDomainLines(step.wholeDomain, this.c.red));
    if (step.rate) lines.push(...rateLines(step.rate));
    if (step.floatLiterals?.length) {
      lines.push({ key: 'float literals', value: `${step.floatLiterals.join(', ')} (JS doubles, not exact text)` });
    }
    return lines;
  }
}

/**
 * A step checked on hand-built sides shows what was checked beside the notes' text,
 * with ⟦…⟧ where the two differ in form (until its line compiles from the notes).
 */
function handTranscribedLines(step: StepReport): SubLine[] {
  const checked = `${step.lhs} ${step.relation} ${step.rhs}`;
  const marked = markFormDifferences(latexToText(step.notes), checked);
  return [
    { key: 'by hand', value: oneLine(step.handTranscribed ?? '') },
    { key: 'checked', value: oneLine(marked ?? `${checked} (same form as the notes)`) },
  ];
}

const EDIT_OUTCOMES: Record<NonNullable<StepEditReport['outcome']>, string> = {
  'now holds': 'the corrected line now holds',
  'still refuted': 'still refuted',
  holds: 'the edited line holds',
  'newly refuted': 'the edit made a line that held refuted',
  undecided: 'the edited line is neither held nor refuted',
};

/** A step whose line an edited copy of the notes changed: both texts and both verdicts, each computed in this run. */
function editLines(edit: StepEditReport, paint: Paint): SubLine[] {
  const v = edit.vendored;
  if (edit.kind === 'deleted') return [{ key: 'deleted', value: `not in the copy: checked on line ${v.line} of the notes` }];
  if (edit.kind === 'follows') return [{ key: 'follows', value: 'an edited link: its left side is that link\'s new right side' }];
  const was = v.verdict === undefined ? 'not run' : `${v.verdict}${v.expected === 'refuted' ? (v.verdict === 'refuted' && !v.surprise ? ' (expected)' : ', expected refuted') : ''}`;
  return [
    { key: 'edited', value: `${edit.outcome ? EDIT_OUTCOMES[edit.outcome] : 'changed'} (notes L${v.line} → copy L${edit.copy?.line})`, paint },
    { key: 'LaTeX was', value: normaliseSpaces(v.notes), wrapped: true },
    { key: 'LaTeX now', value: normaliseSpaces(edit.copy?.notes ?? ''), wrapped: true },
    { key: 'verdict was', value: `${was}, from the notes' line in this run` },
  ];
}

const normaliseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** "L211 " before a line's text: where it is in the notes file. */
function lineTag(line: number | undefined): string {
  return line === undefined ? '' : `L${line} `;
}

/** The held stretches and the undecided width of a certified region scan (its failing stretches have their own lines). */
function scanSummary(scan: RegionScanReport): string {
  const held = scan.stretches.filter((s) => s.verdict === 'held').map((s) => `[${formatNumber(s.from)}, ${formatNumber(s.to)}]`);
  const gaps = scan.stretches.filter((s) => s.verdict === 'undecided').length;
  const heldText = held.length ? `held for every ${scan.parameter} in ${held.slice(0, 4).join(', ')}${held.length > 4 ? ` … (${held.length} stretches)` : ''}` : `held nowhere in ${formatNumber(scan.range[0])}..${formatNumber(scan.range[1])}`;
  return `${heldText}; ${gaps ? `${gaps} undecided gap${gaps > 1 ? 's' : ''} of total width ${formatNumber(scan.undecidedWidth)}` : 'no undecided gaps'} (${scan.evaluations} interval evaluations)`;
}

/** The prover's verdict over the whole domain: proved (with its boxes), or how far it got, or where it fails. */
export function wholeDomainLines(w: WholeDomainReport, red: Paint): SubLine[] {
  const size = `${w.boxes} box${w.boxes === 1 ? '' : 'es'}${w.deepestSplit ? `, deepest split ${w.deepestSplit}` : ''}`;
  const point = (p: Record<string, number>): string => Object.entries(p).map(([k, v]) => `${k} = ${formatNumber(v)}`).join(', ');
  const lines: SubLine[] = [];
  switch (w.verdict) {
    case 'proved':
      lines.push({ key: 'whole domain', value: `proved on all of ${w.domain} · ${size} · ${w.method}` });
      break;
    case 'partial':
      lines.push({ key: 'whole domain', value: `proved on ${(Math.floor((w.provedShare ?? 0) * 1000) / 10).toFixed(1)}% of ${w.domain}, NOT proved: the box budget ran out (${size}); open boxes: ${(w.openBoxes ?? []).join('; ')}${(w.openCount ?? 0) > (w.openBoxes?.length ?? 0) ? ` … (${w.openCount} open)` : ''}`, paint: w.expectFailure ? undefined : red });
      break;
    case 'refuted':
    case 'undefined':
      lines.push({ key: 'whole domain', value: w.method === 'failing set' ? `${w.verdict} on the failing set below (${w.message ?? ''})` : `${w.verdict}${w.counterexample ? ` at ${point(w.counterexample.point)} (certified, ${w.counterexample.precision})` : ''}${w.message ? `: ${w.message}` : ''}`, paint: w.expectFailure ? undefined : red });
      break;
    case 'error':
      lines.push({ key: 'whole domain', value: `not proved: ${w.message ?? 'error'}`, paint: red });
      break;
  }
  for (const premise of w.premises ?? []) lines.push({ key: 'premise', value: premise });
  for (const set of [w.failingSet, ...(w.failingSets ?? [])]) if (set) lines.push({ key: 'failing set', value: `${set.description} · ${set.boxes} boxes` });
  return lines;
}

export function stepDetail(step: StepReport): string {
  const parts: string[] = [];
  if (isNotReproduced(step)) parts.push('expected refuted: not reproduced on this data set');
  else if (isNotApplicable(step)) parts.push('not applicable on this data set');
  else if (step.expected === 'refuted' && step.verdict !== 'refuted') parts.push('expected refuted: not confirmed');
  const evaluations = step.evaluations || step.instances;
  if (step.verdict === 'held' && step.tightness) {
    const t = step.tightness;
    if (t.equality && step.relation !== '=') parts.push('holds with equality; could be written =');
    else {
      // A held strict inequality has certified positive slack, even when the rounded-down double is 0.
      const strictTiny = t.minSlack === 0 && (step.relation === '<' || step.relation === '>');
      if (t.minSlack !== null) parts.push(`min slack ${strictTiny ? '> 0 (tiny)' : formatNumber(t.minSlack, 'down')}`);
      if (t.maxRatio !== null) parts.push(`max ratio ${formatNumber(t.maxRatio)}`);
    }
  }
  if (step.verdict !== 'held' && evaluations > 0) parts.push(`at ${step.counts[step.verdict]}/${evaluations}`);
  if (step.verdict === 'refuted' && step.counterexample) parts.push(`violation ${violationText(step.counterexample.violation, step.relation)}`);
  if (step.verdict === 'inconclusive' && step.inconclusiveWidth !== undefined) parts.push(`overlap width ${formatNumber(step.inconclusiveWidth)}`);
  if ((step.verdict === 'held' || step.verdict === 'refuted') && !step.certified) parts.push('NOT certified');
  if (step.usesClosure) parts.push('uses a closure');
  if (step.computedFrom === 'hand' && step.notesLine !== undefined) parts.push('hand-transcribed');
  return parts.join(' · ');
}

/**
 * A certified violation is a lower bound. For ≤, ≥ and = a refutation proves it
 * positive, so 0 only means the rounded-down double lost it; for < and > a
 * refutation may be by equality, and 0 says no more than that.
 */
export function violationText(violation: number, relation: Relation | undefined): string {
  if (violation !== 0) return formatNumber(violation, 'down');
  if (relation === '<') return '0 (lhs ≥ rhs)';
  if (relation === '>') return '0 (lhs ≤ rhs)';
  return relation === undefined ? '0' : '> 0 (tiny)';
}

function indexText(index: Record<string, number> | undefined): string {
  if (!index || Object.keys(index).length === 0) return '';
  return ` at ${Object.entries(index).map(([k, v]) => `${k}=${v}`).join(', ')}`;
}

/** Arrays longer than this print their first entries and how many more (a user's data set of 10^4 points would fill thousands of lines). */
const PRINTED_ENTRIES = 32;
const SHOWN_OF_LONG = 3;

/** A value as compact JSON, long arrays elided ("… 997 more"); the JSON report keeps the whole instance, and the replay line reproduces it. */
function compactJson(value: unknown): string {
  try {
    const whole = JSON.stringify(value);
    if (whole === undefined) return String(value);
    return whole.length <= 2 * PRINTED_ENTRIES * 8 ? whole : elided(JSON.parse(whole));
  } catch {
    return String(value);
  }
}

function elided(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length <= PRINTED_ENTRIES) return `[${value.map(elided).join(',')}]`;
    return `[${value.slice(0, SHOWN_OF_LONG).map(elided).join(',')},… ${(value.length - SHOWN_OF_LONG).toLocaleString('en-US')} more]`;
  }
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${elided(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

function counterexampleLines(cx: Counterexample, relation: Relation | undefined): SubLine[] {
  const [lhs, rhs] = formatEnclosurePair(cx.lhs, cx.rhs);
  const lines: SubLine[] = [
    { key: 'counterexample', value: `${compactJson(cx.instance)}${indexText(cx.index)}`, wrapped: true },
    { key: 'lhs ∈', value: `${lhs} (${cx.precision})` },
    { key: 'rhs ∈', value: rhs },
    { key: 'violation', value: `${violationText(cx.violation, relation)} at the shrunk instance` },
  ];
  if (cx.worst) {
    lines.push({
      key: 'worst seen',
      value: `violation ${violationText(cx.worst.violation, relation)} before shrinking, at ${compactJson(cx.worst.instance)}${indexText(cx.worst.index)}`,
    });
  }
  lines.push({ key: 'replay', value: cx.replay.command || '(not reproducible by replay)', keepWhole: true });
  return lines;
}

/** A step held to its inputs' resolution says so, with the bound that was certified and where it comes from. */
function resolutionLines(step: StepReport): SubLine[] {
  const r = step.resolution!;
  const bound = step.relation === '=' ? '|lhs − rhs|' : step.relation === '≥' || step.relation === '>' ? 'rhs − lhs' : 'lhs − rhs';
  const inputs = Object.entries(r.inputs).sort((a, b) => b[1] - a[1]).map(([name, w]) => `${name} ${formatNumber(w)}`).join(', ');
  const widths = r.widths.map((w) => `${formatNumber(w.width)} at ${w.precision}`).join(', ');
  return [
    { key: 'resolution', value: `at ${r.evaluations}/${step.evaluations || step.instances} held to the inputs' resolution: ${bound} ≤ ${formatNumber(r.within, 'up')} (${formatNumber(r.relative, 'up')} of the sides)` },
    { key: '', value: `input enclosures (relative width) ${inputs}; overlap ${widths}: more digits do not narrow it` },
  ];
}

function unresolvedLines(u: NonNullable<StepReport['unresolved']>): SubLine[] {
  const lines: SubLine[] = [{ key: 'instance', value: `${compactJson(u.instance)}${indexText(u.index)}` }];
  if (u.lhs && u.rhs) {
    const [lhs, rhs] = formatEnclosurePair(u.lhs, u.rhs);
    lines.push({ key: 'lhs ∈', value: `${lhs} (${u.precision})` }, { key: 'rhs ∈', value: rhs });
  }
  lines.push({ key: 'why', value: oneLine(u.why) }, { key: 'replay', value: u.replay.command, keepWhole: true });
  return lines;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  // Rounded to whole seconds first: 119.6 s is "2 min 0 s", not "1 min 60 s".
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Errata right after the line they correct; chain links after their chain's line, labelled "link k". */
function lemmaRows(layout: Layout, lemma: LemmaReport): Row[] {
  const byId = new Map(lemma.steps.map((s) => [s.id, s]));
  const errata = new Map<string, StepReport[]>();
  for (const step of lemma.steps) {
    if (step.form === 'erratum' && step.erratumOf !== undefined && byId.has(step.erratumOf)) {
      errata.set(step.erratumOf, [...(errata.get(step.erratumOf) ?? []), step]);
    }
  }
  const chains = new Map(lemma.chains.map((c) => [c.id, c]));
  const chainsShown = new Set<string>();
  const rows: Row[] = [];
  const emit = (step: StepReport, depth: number, label: string, shownLine?: number): void => {
    rows.push(layout.stepRow(step, `${'  '.repeat(depth)}${label}`, shownLine));
    for (const erratum of errata.get(step.id) ?? []) emit(erratum, depth + 1, 'erratum');
  };
  for (const step of lemma.steps) {
    if (step.form === 'erratum' && step.erratumOf !== undefined && byId.has(step.erratumOf)) continue;
    if (!step.chain) {
      emit(step, 0, step.id);
      continue;
    }
    const chain = chains.get(step.chain.id);
    if (chain && !chainsShown.has(chain.id)) {
      chainsShown.add(chain.id);
      const links = lemma.steps.filter((s) => s.chain?.id === chain.id && s.form === chain.form);
      rows.push(layout.chainRow(chain, links));
    }
    emit(step, chain ? 1 : 0, chain ? `link ${step.chain.link}` : step.id, chain?.notesLine);
  }
  return rows;
}

function relaxationLines(layout: Layout, lemma: LemmaReport, relaxation: RelaxationReport): string[] {
  const c = layout.c;
  const verdict = relaxation.matters ? 'matters (certified counterexample)' : 'no counterexample found';
  const text = truncate(`${oneLine(relaxation.hypothesis)} → ${oneLine(relaxation.domain)} · ${verdict}`, layout.width - 12);
  const head = `    ${c.dim('relaxed')} ${text}`;
  const searched = relaxation.systematic
    ? [`      ${c.dim('searched')} ${truncate(`${relaxation.systematic.instances} instances, seed-independent (${relaxation.systematic.refuted} refuted a step): ${oneLine(relaxation.systematic.domain)}`, layout.width - 16)}`]
    : [];
  const byId = new Map(lemma.steps.map((s) => [s.id, s]));
  const rows: Row[] = relaxation.steps.map((s) => {
    const relation = byId.get(s.id)?.relation;
    return {
      surprise: false,
      status: layout.verdictStatus(s.verdict, false),
      label: s.id,
      notes: latexToText(byId.get(s.id)?.notes ?? ''),
      detail: s.counterexample ? `${s.found === 'systematic' ? 'systematic search · ' : ''}violation ${violationText(s.counterexample.violation, relation)}` : '',
      sub: s.counterexample ? counterexampleLines(s.counterexample, relation) : [],
    };
  });
  return [head, ...searched, ...layout.rows(rows, 2), ...sharpLines(layout, relaxation)];
}

/** How far the hypothesis can go: the certified bracket, in full (it is the finding), wrapped under its key. */
function sharpLines(layout: Layout, relaxation: RelaxationReport): string[] {
  const sharp = relaxation.sharp;
  if (!sharp) return [];
  const c = layout.c;
  const key = (k: string): string => `      ${c.dim(padEnd(k, 10))}`;
  const body = (k: string, text: string): string[] => wrap(text, Math.max(20, layout.width - 17)).map((line, j) => (j === 0 ? key(k) : ' '.repeat(17)) + line.trimStart());
  const figures = `${sharp.probes} probes · ${sharp.boxes} boxes${sharp.held ? ` (held: ${sharp.held.boxes}, deepest split ${sharp.held.deepestSplit})` : ''}`;
  const needed = sharp.neededBy?.length
    ? body('needed by', `${relaxation.hypothesis} is used by ${sharp.neededBy.map((n) => `${n.step} (refuted for ${n.domain})`).join(', ')}, not by the claim itself`)
    : [];
  return [...body('sharp', sharp.description), ...needed, ...body('because', sharp.reduction), key('cost') + c.dim(figures)];
}

function keyValueLine(layout: Layout, key: string, entries: Record<string, string | number>): string | null {
  const pairs = Object.entries(entries).map(([k, v]) => `${k}: ${typeof v === 'number' ? formatNumber(v) : oneLine(v)}`);
  if (pairs.length === 0) return null;
  const text = truncate(pairs.join(' · '), layout.width - 2 - 8);
  return `  ${layout.c.dim(padEnd(key, 8))}${layout.c.dim(text)}`;
}

/** One lemma's section: header, one line per step (with details beneath), relaxations. */
export function formatLemma(lemma: LemmaReport, style: ConsoleStyle): string {
  const layout = new Layout(style);
  const c = layout.c;
  const out: string[] = [''];
  const surprises = lemmaSurpriseCount(lemma);
  const title = truncate(`${lemma.id} — ${oneLine(lemma.title)}`, layout.width);
  out.push(c.bold(title));
  const checked = lemma.error === undefined || lemma.steps.length > 0;
  const facts = [
    checked ? `${lemma.runs} instance${lemma.runs === 1 ? '' : 's'}` : 'not checked',
    `seed ${lemma.seed}`,
    formatDuration(lemma.timing.ms),
    lemma.file,
    lemma.notesFile,
    oneLine(lemma.source),
  ].filter((part): part is string => Boolean(part));
  out.push(c.dim(truncate(`  ${facts.join(' · ')}`, layout.width)));
  const domain = keyValueLine(layout, 'domain', lemma.domain);
  if (domain) out.push(domain);
  const notes = keyValueLine(layout, 'facts', lemma.notes);
  if (notes) out.push(notes);
  if (lemma.error !== undefined) {
    const [first, ...rest] = lemma.error.split('\n').filter((l) => l.trim() !== '');
    const status = layout.verdictStatus('error', false);
    out.push(`${layout.gutter(true)}${status.paint(padEnd(status.text, STATUS_WIDTH))} ${c.red(truncate(first ?? '', layout.width - SUB_INDENT + 2))}`);
    const shown = rest.slice(0, MAX_ERROR_LINES);
    for (const line of shown) out.push(' '.repeat(SUB_INDENT - 2) + c.red(truncate(line.trimEnd(), layout.width - SUB_INDENT + 2)));
    if (rest.length > shown.length) out.push(' '.repeat(SUB_INDENT - 2) + c.dim(`… ${rest.length - shown.length} more lines in the JSON report`));
  }
  out.push(...layout.rows(lemmaRows(layout, lemma)));
  if (lemma.relaxations.length) {
    out.push(`  ${c.bold('relaxations')}`);
    for (const relaxation of lemma.relaxations) out.push(...relaxationLines(layout, lemma, relaxation));
  }
  if (surprises > 0 && lemma.steps.length > 0) out.push(c.red(`  ${surprises} surprise${surprises === 1 ? '' : 's'} in ${lemma.id}`));
  return `${out.join('\n')}\n`;
}

export const TABLE_COLUMNS = ['steps', 'held', 'refuted exp/unexp', 'inconcl.', 'undef.', 'error', 'surprises', 'time'];
const COMPACT_TABLE_COLUMNS = ['steps', 'held', 'ref.e/u', 'inc.', 'und.', 'err.', 'surpr.', 'time'];

export function lemmaCounts(lemma: LemmaReport): string[] {
  const count = (v: Verdict): number => lemma.steps.filter((s) => s.verdict === v).length;
  const expected = lemma.steps.filter(isExpectedRefutation).length;
  return [
    String(lemma.steps.length),
    String(count('held')),
    `${expected}/${count('refuted') - expected}`,
    String(count('inconclusive')),
    String(count('undefined')),
    String(count('error') + (lemma.error !== undefined ? 1 : 0)),
    String(lemmaSurpriseCount(lemma)),
    formatDuration(lemma.timing.ms),
  ];
}

/** The final table (one row per lemma, then totals) and the audit's verdict as the last line. */
export function formatSummary(report: AuditReport, style: ConsoleStyle): string {
  const layout = new Layout(style);
  const c = layout.c;
  const s = report.summary;
  const idWidth = Math.min(28, Math.max(5, ...report.lemmas.map((l) => displayWidth(l.id))));
  const rows = report.lemmas.map((lemma) => ({ surprise: lemmaSurpriseCount(lemma) > 0, cells: [truncate(lemma.id, idWidth), ...lemmaCounts(lemma)] }));
  const total = [
    'total',
    String(s.steps),
    String(s.held),
    `${s.expectedRefuted}/${s.refuted - s.expectedRefuted}`,
    String(s.inconclusive),
    String(s.undefined),
    String(s.error),
    String(s.surprises),
    formatDuration(report.timing.ms),
  ];
  // On a narrow terminal the table falls back to short headers and single spaces.
  const table = (headers: readonly string[], gap: string) => {
    const widths = [idWidth, ...headers.map((h, k) => Math.max(h.length, ...[...rows.map((r) => r.cells[k + 1]), total[k + 1]].map(displayWidth)))];
    const line = (cells: readonly string[]): string => cells.map((cell, k) => (k === 0 ? padEnd(cell, widths[0]) : padStart(cell, widths[k]))).join(gap);
    return { line, width: GUTTER_WIDTH + displayWidth(line(['lemma', ...headers])) };
  };
  let { line, width } = table(TABLE_COLUMNS, '  ');
  let headers: readonly string[] = TABLE_COLUMNS;
  if (width > layout.width) {
    headers = COMPACT_TABLE_COLUMNS;
    ({ line, width } = table(COMPACT_TABLE_COLUMNS, ' '));
  }
  const out: string[] = ['', c.bold(`Summary · seed ${report.seed} · ${s.lemmas} lemma${s.lemmas === 1 ? '' : 's'} · ${formatDuration(report.timing.ms)}`)];
  out.push(`  ${c.dim(line(['lemma', ...headers]))}`);
  for (const row of rows) out.push(layout.gutter(row.surprise) + line(row.cells));
  out.push(`  ${c.bold(line(total))}`);
  out.push(...verdictLines(layout, report));
  return `${out.join('\n')}\n`;
}

/** The audit's verdict: the closing line when all is well, else the headline and one item per surprise. */
export function auditVerdict(report: AuditReport): { ok: boolean; headline: string; items: string[] } {
  const surprises = listSurprises(report.lemmas);
  const count = Math.max(report.summary.surprises, surprises.length);
  if (count === 0) {
    const n = report.summary.steps;
    const expected = report.summary.expectedRefuted;
    const notReproduced = report.lemmas.flatMap((l) => l.steps).filter(isNotReproduced).length;
    const notApplicable = report.lemmas.flatMap((l) => l.steps).filter(isNotApplicable).length;
    const tails = [
      ...(expected ? [`${expected} expected refutation${expected === 1 ? '' : 's'} confirmed`] : []),
      ...(notReproduced ? [`${notReproduced} not reproduced on this data set`] : []),
      ...(notApplicable ? [`${notApplicable} not applicable to this data set`] : []),
    ];
    const tail = tails.length ? ` (${tails.join('; ')})` : '';
    const all = n === 1 ? 'The only verdict matches its expectation' : `All ${n} verdicts match expectations`;
    return { ok: true, headline: `✓ ${all}${tail}`, items: [] };
  }
  const items = surprises.map((s) => `${s.lemma}${s.step ? ` ${s.step}` : ''}: ${s.description}`);
  return { ok: false, headline: `✗ ${count} surprise${count === 1 ? '' : 's'}`, items };
}

function verdictLines(layout: Layout, report: AuditReport): string[] {
  const c = layout.c;
  const { ok, headline, items } = auditVerdict(report);
  if (ok) return [c.green.bold(headline)];
  const single = `${headline}: ${items.join('; ')}`;
  if (displayWidth(single) <= layout.width) return [c.red.bold(single)];
  return [...items.map((item) => c.red(`» ${truncate(item, layout.width - 2)}`)), c.red.bold(`${headline} (listed above)`)];
}

/** The whole console report: every lemma section, then the summary. */
export function formatConsoleReport(report: AuditReport, style: ConsoleStyle): string {
  return report.lemmas.map((lemma) => formatLemma(lemma, style)).join('') + formatSummary(report, style);
}
