/**
 * JSON keeps every finite double exactly but turns ±∞ and NaN into null and −0
 * into 0. Data that must come back bit for bit (a shard's pass states, merged
 * on another machine) goes through these: such numbers become { "$number": "…" }.
 */
const TAG = '$number';

export function toLosslessJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: Object.is(value, -0) ? '-0' : String(value) };
  if (Array.isArray(value)) return value.map(toLosslessJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = toLosslessJson(v);
    return out;
  }
  return value;
}

export function fromLosslessJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromLosslessJson);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === TAG && typeof entries[0][1] === 'string') return Number(entries[0][1]);
    return Object.fromEntries(entries.map(([key, v]) => [key, fromLosslessJson(v)]));
  }
  return value;
}
