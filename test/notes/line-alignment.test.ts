import { describe, expect, it } from 'vitest';
import { alignNotes, followFragment, latexTokens, similarity } from '../../src/notes/line-alignment.js';
import { NotesFile } from '../../src/notes/notes-file.js';

const notes = (text: string) => new NotesFile('n.md', text);
const original = notes(['# Title', '', '$$a \\leq b = c$$', '', 'Some prose.', '$$x > y$$', 'last'].join('\n'));

describe('aligning a copy of the notes with the original', () => {
  it('an identical copy, or one re-spaced, changes nothing', () => {
    const same = alignNotes(original, notes(original.text.replace('a \\leq b', 'a   \\leq  b')));
    expect(same.changed).toEqual([]);
    expect(same.deleted).toEqual([]);
    expect(same.added).toEqual([]);
    expect(same.fateOf(3)).toEqual({ kind: 'same', line: 3 });
  });

  it('follows lines moved by lines inserted above them', () => {
    const a = alignNotes(original, notes(original.text.replace('# Title', '# Title\nA new remark: $z = 1$.\n')));
    expect(a.fateOf(3)).toEqual({ kind: 'same', line: 5 });
    expect(a.fateOf(6)).toEqual({ kind: 'same', line: 8 });
    expect(a.added).toEqual([2]);
  });

  it('pairs an edited line with its original; a line with nothing in common is deleted and added', () => {
    const a = alignNotes(original, notes(original.text.replace('$$x > y$$', '$$x \\geq y$$').replace('Some prose.', 'Entirely different words here')));
    expect(a.fateOf(6)).toEqual({ kind: 'changed', line: 6 });
    expect(a.changed).toEqual([{ from: 6, to: 6 }]);
    expect(a.fateOf(5)).toEqual({ kind: 'deleted' });
    expect(a.deleted).toEqual([5]);
    expect(a.added).toEqual([5]);
  });

  it('a deleted line is listed, and the lines after it still follow', () => {
    const a = alignNotes(original, notes(original.text.replace('$$a \\leq b = c$$\n', '')));
    expect(a.deleted).toEqual([3]);
    expect(a.fateOf(6)).toEqual({ kind: 'same', line: 5 });
  });

  it('tokens are LaTeX commands, characters and whitespace runs', () => {
    expect(latexTokens('\\leq  x\\{').map((t) => t.text)).toEqual(['\\leq', ' ', 'x', '\\{']);
    expect(similarity('a \\leq b', 'a \\geq b')).toBeCloseTo(0.8, 12);
    expect(similarity('a', 'zzz')).toBe(0);
  });
});

describe('following a fragment into its edited line', () => {
  const line = '$$a \\leq b > c = d$$';
  const span = (fragment: string): [number, number] => [line.indexOf(fragment), line.indexOf(fragment) + fragment.length];
  const followed = (edited: string, fragment: string): string => {
    const [from, to] = followFragment(line, edited, ...span(fragment));
    return edited.slice(from, to);
  };

  it('an edit inside the fragment stays in it; the neighbours keep their text', () => {
    const edited = '$$a \\leq b^2 > c = d$$';
    expect(followed(edited, 'a \\leq b')).toBe('a \\leq b^2');
    expect(followed(edited, '> c')).toBe('> c');
    expect(followed(edited, '= d')).toBe('= d');
  });

  it('an edit of the relation a fragment starts with belongs to that fragment', () => {
    const edited = '$$a \\leq b \\geq c = d$$';
    expect(followed(edited, '> c')).toBe('\\geq c');
    expect(followed(edited, 'b > c')).toBe('b \\geq c');
    expect(followed(edited, 'a \\leq b')).toBe('a \\leq b');
  });

  it('a fragment removed from the line follows to nothing', () => {
    const [from, to] = followFragment(line, '$$a \\leq b = d$$', ...span('> c'));
    expect(to).toBe(from);
  });
});
