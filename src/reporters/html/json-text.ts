/**
 * JSON for reading: short values on one line, longer objects one key per
 * line, arrays of numbers on one line (a data set reads as rows), every
 * number exactly as JSON.stringify writes it, so the text can be pasted back
 * as an instance.
 */

/** Values whose one-line form fits in this many characters stay on one line. */
const SHORT = 72;

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')}}`;
  return JSON.stringify(value) ?? String(value);
}

export function readableJson(value: unknown, indent = ''): string {
  const short = oneLine(value);
  if (short.length + indent.length <= SHORT) return short;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return short;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + readableJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    return `{\n${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${readableJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return short;
}
