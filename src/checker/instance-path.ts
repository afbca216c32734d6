import type { Instance } from '../language/lemma.js';

/**
 * A copy of the instance with the number at `path` ("c", "data.t") replaced by
 * `value`. Only the objects along the path are copied: the rest (a data set of
 * 10⁴ points) is shared, so every cell of a scan keeps the data's identity and
 * with it the caches keyed by it (its conversion to each arithmetic, its max
 * margin, its flow's checkpoints, the decimals its rows stand for). Instances
 * are never mutated, so sharing is safe.
 */
export function withValueAt(instance: Instance, path: string, value: unknown): Instance {
  const notANumber = (): Error => new Error(`region scan: '${path}' is not a number in the instance`);
  const keys = path.split('.');
  const copy: Record<string, unknown> = { ...instance };
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) throw notANumber();
    node = node[key] = { ...(child as Record<string, unknown>) };
  }
  const last = keys[keys.length - 1];
  if (typeof node[last] !== 'number') throw notANumber();
  node[last] = value;
  return copy;
}
