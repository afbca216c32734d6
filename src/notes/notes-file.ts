import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The vendored notes of the lecture: the audit's own input. */
export const DEFAULT_NOTES_FILE = join(fileURLToPath(new URL('../../', import.meta.url)), 'notes', 'lecture-15.md');

/** Where a transcribed text sits in the notes: 1-based line and column of its first character. */
export interface NotesPosition {
  line: number;
  column: number;
}

/**
 * A notes file (markdown with LaTeX), searchable for transcribed text after
 * whitespace normalisation: every run of whitespace counts as one space, so a
 * proof file may wrap or re-space a line but not change a character of it.
 */
export class NotesFile {
  /** The text with whitespace runs collapsed, and for each of its characters the offset in the original. */
  private readonly normalised: string;
  private readonly origin: number[];
  private readonly lineStarts: number[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const chars: string[] = [];
    const origin: number[] = [];
    for (let k = 0; k < text.length; k++) {
      const ch = text[k];
      if (/\s/.test(ch)) {
        if (chars.length && chars[chars.length - 1] !== ' ') {
          chars.push(' ');
          origin.push(k);
        }
      } else {
        chars.push(ch);
        origin.push(k);
      }
    }
    this.normalised = chars.join('');
    this.origin = origin;
    this.lineStarts = [0];
    for (let k = 0; k < text.length; k++) if (text[k] === '\n') this.lineStarts.push(k + 1);
  }

  static read(path: string): NotesFile {
    return new NotesFile(path, readFileSync(path, 'utf8'));
  }

  /** The number of lines. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text of a 1-based line. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    const end = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.text.length;
    return this.text.slice(start, end);
  }

  /** The offset in the file of a position. */
  offsetOf(position: NotesPosition): number {
    return this.lineStarts[position.line - 1] + position.column - 1;
  }

  /**
   * The file offset of character `k` of a transcribed `text` that starts at file offset `start`:
   * the two agree up to whitespace, so walk both, skipping whitespace runs together.
   */
  advance(start: number, text: string, k: number): number {
    let f = start;
    for (let j = 0; j < k && j < text.length; j++) {
      if (/\s/.test(text[j])) {
        while (j + 1 < k && /\s/.test(text[j + 1])) j++;
        while (f < this.text.length && /\s/.test(this.text[f])) f++;
      } else {
        while (f < this.text.length && /\s/.test(this.text[f])) f++;
        f++;
      }
    }
    while (f < this.text.length && /\s/.test(this.text[f])) f++;
    return f;
  }

  position(offset: number): NotesPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  /**
   * Every place the text occurs (whitespace-normalised), as positions in the
   * original file. `within` restricts the search to one line (a chain's link
   * inside its chain's display).
   */
  occurrences(latex: string, within?: { line: number }): NotesPosition[] {
    const needle = normaliseWhitespace(latex);
    if (needle === '') return [];
    const out: NotesPosition[] = [];
    for (let k = this.normalised.indexOf(needle); k >= 0; k = this.normalised.indexOf(needle, k + 1)) {
      const position = this.position(this.origin[k]);
      if (!within || position.line === within.line) out.push(position);
    }
    return out;
  }
}

export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
