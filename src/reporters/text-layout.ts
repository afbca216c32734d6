/**
 * Plain-text layout for the console reporter. Widths count code points: the
 * notes' LaTeX is ASCII and the math symbols used (≤, ‖, ∅, ✓) are one column.
 * Colour is applied after layout, so these never see escape codes.
 */

export function displayWidth(text: string): number {
  return [...text].length;
}

/** Whitespace (including the notes' line breaks) collapsed to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts `text` to `width` columns, marking the cut with "…". */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('') + '…';
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * Breaks `text` into lines of at most `width` columns, nothing dropped: after a
 * comma or space where one falls in the line's second half, else hard.
 */
export function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const size = Math.max(8, width);
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > size) {
    let end = start + size;
    for (let k = end - 1; k > start + size / 2; k--) {
      if (chars[k] === ',' || chars[k] === ' ') {
        end = k + 1;
        break;
      }
    }
    lines.push(chars.slice(start, end).join('').trimEnd());
    start = end;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}
