import type { Relation } from '../checker/report.js';
import type { Expr } from '../language/expr.js';
import type { Check, ChainInfo, Lemma } from '../language/lemma.js';
import { compileStatement, NotationError, type CompiledStatement } from './compile.js';
import { normaliseWhitespace, type NotesFile, type NotesPosition } from './notes-file.js';

/** A proof file whose steps do not match the notes, or whose notes do not compile: it does not load. */
export class NotesMismatchError extends Error {
  override name = 'NotesMismatchError';
}

function shortened(text: string): string {
  const one = normaliseWhitespace(text);
  return one.length > 90 ? `${one.slice(0, 87)}…` : one;
}

/**
 * Finds every step of the lemma in the notes file, and compiles its LaTeX into
 * the expression it is checked on. A step's text must occur in the notes
 * verbatim (whitespace-normalised); a chain's links are looked for on the
 * chain's own line first. Errata are the corrections, so they are exempt from
 * the search, but compiled like every other line.
 */
export function bindNotes(lemma: Lemma, notes: NotesFile): Lemma {
  const locate = (text: string, what: string, near?: NotesPosition): NotesPosition => {
    const found = (near && notes.occurrences(text, near)[0]) ?? notes.occurrences(text)[0];
    if (!found) throw new NotesMismatchError(`lemma ${lemma.id}, ${what}: not in the notes: ${shortened(text)}`);
    return found;
  };
  const chains: ChainInfo[] = lemma.chains.map((chain) => ({ ...chain, notesAt: locate(chain.notes, `chain '${chain.id}'`) }));
  const chainAt = new Map(chains.map((c) => [c.id, c.notesAt!]));
  const located: Check[] = lemma.checks.map((check) => {
    if (check.form === 'erratum') return check;
    return { ...check, notesAt: locate(check.notes, `step '${check.id}'`, check.chain ? chainAt.get(check.chain.id) : undefined) };
  });
  const accountsAt = (lemma.accounts ?? []).map((a) => ({ line: locate(a.notes, 'an account').line, reason: a.reason }));
  const rates = lemma.rates.map((r) => ({ ...r, notesAt: locate(r.notes, `rate step '${r.id}'`) }));
  return { ...lemma, checks: compileChecks(lemma.id, located, notes), chains, accountsAt, rates };
}

/** Compiles each check's notes text where the lemma has a notation; the previous link's right side is a fragment's left side. */
export function compileChecks(lemmaId: string, checks: readonly Check[], notes?: NotesFile): Check[] {
  const out: Check[] = [];
  const byId = new Map<string, Check>();
  for (const check of checks) {
    const previous = check.chain && check.chain.link > 1 ? byId.get(`${check.chain.id}.${check.chain.link - 1}`) : undefined;
    const base = check.erratumOf ? byId.get(check.erratumOf) : undefined;
    // A fragment "= …" continues the previous link, an erratum's the line it corrects, a chain's first link its start.
    const compiled = compileCheck(lemmaId, check, previous?.rhs ?? base?.lhs ?? (check.chain ? check.lhs : undefined), notes, base && !base.transcription);
    out.push(compiled);
    byId.set(compiled.id, compiled);
  }
  return out;
}

/** `baseByHand`: an erratum of a hand-transcribed line, whose inherited sides are not a transcription of the erratum's LaTeX. */
function compileCheck(lemmaId: string, check: Check, leftOfFragment: Expr | undefined, notes?: NotesFile, baseByHand = false): Check {
  if (!check.notation || check.handTranscribed !== undefined) return check;
  let statement: CompiledStatement;
  try {
    statement = compileStatement(check.notes, check.notation, check.over.map((q) => q.name));
  } catch (err) {
    if (err instanceof NotationError) throw new NotesMismatchError(`lemma ${lemmaId}, step '${check.id}': ${where(check, err.offset, notes)}: ${err.message}`);
    throw err;
  }
  const link = check.notesLink;
  if (link !== undefined && !(link >= 1 && link <= statement.links.length)) throw new NotesMismatchError(`lemma ${lemmaId}, step '${check.id}': the line has ${statement.links.length} relation(s), not a relation ${link}`);
  const lhs = link !== undefined && link > 1 ? statement.links[link - 2].expr.node : (statement.first?.node ?? leftOfFragment);
  if (!lhs) throw new NotesMismatchError(`lemma ${lemmaId}, step '${check.id}': ${where(check, 0, notes)}: the line starts with its relation and has no left side before it`);
  const rhs = statement.links[(link ?? statement.links.length) - 1].expr.node;
  const relation: Relation = link !== undefined ? statement.links[link - 1].relation : statement.relation;
  return {
    ...check,
    lhs,
    relation,
    rhs,
    ...(statement.forall.length && check.over.length === 0 ? { over: statement.forall.map((q) => ({ name: q.name, from: q.from.node, to: q.to.node })) } : {}),
    transcription: {
      ...(!baseByHand || check.erratumSides?.lhs ? { lhs: check.lhs } : {}),
      relation: check.relation,
      ...(!baseByHand || check.erratumSides?.rhs ? { rhs: check.rhs } : {}),
    },
  };
}

/** "line 211, column 14" in the notes file, or "column 14 of the erratum" for a line not in the notes. */
function where(check: Check, offset: number, notes?: NotesFile): string {
  if (!check.notesAt) return `column ${offset + 1} of its text`;
  // The notes text is the file's text up to whitespace: count the offset in the file from the step's start.
  if (notes) {
    const start = notes.offsetOf(check.notesAt);
    const position = notes.position(notes.advance(start, check.notes, offset));
    return `${notes.path}:${position.line}:${position.column}`;
  }
  return `line ${check.notesAt.line}, column ${check.notesAt.column + offset}`;
}
