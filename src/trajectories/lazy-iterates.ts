/**
 * A flat array of trajectory iterates (`size` entries each) that computes
 * them only when first read: reading entry e computes iterates up to the one
 * holding e, and `slice` up to its end; any other use computes all of them.
 * For slow arithmetics (decimal refinement) where a step of a lemma may need
 * only the first iterates. Reads as an ordinary read-only array.
 */
export function lazyIterates<T>(count: number, size: number, first: readonly T[], next: (previous: readonly T[]) => T[]): readonly T[] {
  const data: T[] = [...first];
  let last: readonly T[] = first;
  const ensure = (entries: number): void => {
    const needed = Math.min(count, Math.ceil(entries / size));
    while (data.length < needed * size) {
      last = next(last);
      for (const x of last) data.push(x);
    }
  };
  return new Proxy(data, {
    get(target, prop, receiver) {
      if (prop === 'length') return count * size;
      if (typeof prop === 'string' && /^\d+$/.test(prop)) {
        ensure(Number(prop) + 1);
        return target[Number(prop)];
      }
      if (prop === 'slice') {
        return (start = 0, end = count * size) => {
          ensure(start < 0 || end < 0 ? count * size : Math.min(end, count * size));
          return target.slice(start, end);
        };
      }
      ensure(count * size);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has(target, prop) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) return Number(prop) < count * size;
      return Reflect.has(target, prop);
    },
    set() {
      return false;
    },
  });
}
