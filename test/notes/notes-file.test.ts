import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lit, param } from '../../src/language/builder.js';
import { defineLemma } from '../../src/language/lemma.js';
import { bindNotes } from '../../src/notes/bind-notes.js';
import { DEFAULT_NOTES_FILE, NotesFile } from '../../src/notes/notes-file.js';
import fc from 'fast-check';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const notes = new NotesFile('n.md', 'Title\n\n$$a \\leq  b\n  = c$$\n\nmore $x = 1$ text\n');
const x = param('x');
const lemma = (text: string, link?: string) =>
  defineLemma({
    id: 'l',
    title: 't',
    source: 's',
    hypotheses: { x: { arbitrary: fc.constant(1), domain: 'x = 1' } },
    proof: link
      ? [{ id: 'c', notes: text, start: x, links: [{ relation: '=', expr: x, why: 'w', notes: link, erratum: { notes: 'not in the notes', why: 'w' } }] }]
      : [{ id: 's', notes: text, lhs: x, relation: '=', rhs: lit(1), why: 'w' }],
  });

describe('the notes file as input', () => {
  it('finds text after whitespace normalisation, with its line and column', () => {
    expect(notes.occurrences('a \\leq b = c')).toEqual([{ line: 3, column: 3 }]);
    expect(notes.occurrences('x = 1')).toEqual([{ line: 6, column: 7 }]);
    expect(notes.occurrences('a \\le b')).toEqual([]);
  });

  it('binds each step and link to its line; errata are exempt', () => {
    const bound = bindNotes(lemma('a \\leq b = c', '= c'), notes);
    expect(bound.chains[0].notesAt).toEqual({ line: 3, column: 3 });
    expect(bound.checks[0].notesAt?.line).toBe(4);
    expect(bound.checks[1].form).toBe('erratum');
    expect(bound.checks[1].notesAt).toBeUndefined();
  });

  it('a step whose text is not in the notes is a load error naming it', () => {
    expect(() => bindNotes(lemma('x = 2'), notes)).toThrow(/lemma l, step 's': not in the notes: x = 2/);
  });

  it('every step of the project is in the vendored notes, and a copy with a line removed fails to load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-'));
    const copy = join(dir, 'copy.md');
    writeFileSync(copy, readFileSync(DEFAULT_NOTES_FILE, 'utf8').replace("|\\ell'(z)| = -\\ell'(z) \\leq \\ell(z)", ''));
    // Only the logistic-loss proof, loaded through a stub so its imports resolve.
    const proofs = join(dir, 'proofs');
    mkdirSync(proofs);
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const url = pathToFileURL(join(ROOT, 'proofs', 'logistic-loss.ts')).href;
    writeFileSync(join(proofs, 'logistic-loss.ts'), `const module = await import(${JSON.stringify(url)});\nexport default module.default;\n`);
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/main.ts', '--no-color', '--runs', '1', '--proofs', proofs, ...args], { cwd: ROOT, encoding: 'utf8' });
    const broken = run('--notes', copy);
    expect(broken.stdout).toMatch(/NotesMismatchError: lemma logistic-loss, chain 'useful-fact': not in the not/);
    expect(broken.status).toBe(1);
    const ok = run('--notes', DEFAULT_NOTES_FILE);
    expect(ok.stdout).toMatch(/L25 /);
    expect(ok.status).toBe(0);
  }, 60_000);
});

describe('coverage of the notes', () => {
  const file = new NotesFile('c.md', 'Lemma 1.1. (X)\n\nLet $a \\leq 1$. Then\n\n$$a \\leq 2$$\n\n$$b = 1$$\n\n- **Proof idea.** $c$\n\n$$a \\leq 2$$\n');
  const report = (steps: { notesLine?: number }[], accounts: { line: number; reason: string }[] = []) =>
    ({ id: 'l', steps: steps.map((s, k) => ({ id: `s${k}`, verdict: 'held', ...s })), accounts }) as never;

  it('lists display rows and statement lines; a repeated display counts as its first showing', async () => {
    const { coverage } = await import('../../src/notes/coverage.js');
    const c = coverage(file, [report([{ notesLine: 5 }])]);
    expect(c.rows.map((r) => [r.line, r.kind])).toEqual([[3, 'statement'], [5, 'display'], [7, 'display'], [11, 'display']]);
    expect(c.rows.find((r) => r.line === 11)!.by).toEqual([{ lemma: 'l', repeats: 5 }]);
    expect(c.unaccounted).toBe(2);
    const declared = coverage(file, [report([{ notesLine: 5 }], [{ line: 3, reason: 'hypothesis' }, { line: 7, reason: 'definition' }])]);
    expect(declared.unaccounted).toBe(0);
  });

  it("counts a remark's bullets as rows, up to the first line that is neither a bullet, a display nor blank", async () => {
    const { coverageRows } = await import('../../src/notes/coverage.js');
    const notes = new NotesFile('r.md', '• **Remark.**\n\n- Risk decays as $\\log t/t$\n- No discussions yet\n\nProof sketch\n\n- not a remark\n- **Remark.** By noticing $a$:\n\n$$b$$\n\n- Thus the limit converges\n\nNext\n');
    expect(coverageRows(notes).map((r) => [r.line, r.kind])).toEqual([[3, 'remark'], [4, 'remark'], [11, 'display'], [13, 'remark']]);
  });
});
