/**
 * A function of an object that never changes once built — a chain snapshot, a research catalog or
 * one of its entries — computed once per object and forgotten with it (a WeakMap): a reloaded
 * snapshot or catalog is a new object and gets a fresh value.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key)!;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
