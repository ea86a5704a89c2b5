/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): pick, one at a time, the item that
 * maximises λ·relevance − (1 − λ)·(its greatest similarity to an item already picked), so a list is
 * not ten near-copies of its best entry.
 */
export function maximalMarginalRelevance<T>(
  items: readonly T[],
  relevance: (item: T) => number,
  similarity: (a: T, b: T) => number,
  k: number,
  lambda: number,
): T[] {
  const chosen: T[] = [];
  const rest = [...items];
  const maxSim = rest.map(() => 0);
  while (chosen.length < k && rest.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < rest.length; i++) {
      const value = lambda * relevance(rest[i]) - (1 - lambda) * maxSim[i];
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const [picked] = rest.splice(best, 1);
    maxSim.splice(best, 1);
    chosen.push(picked);
    for (let i = 0; i < rest.length; i++) maxSim[i] = Math.max(maxSim[i], similarity(rest[i], picked));
  }
  return chosen;
}

export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  return common / (sa.size + sb.size - common);
}
