/** FNV-1a: a stable 32-bit hash, so a seeded split of firms is the same on every machine and run. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Firms in a seeded order (by hash of seed and id): the first n are a seeded sample, and position
 * modulo k is a fold — folds by firm, never by row, so one firm is never on both sides.
 */
export function seededOrder<T extends { id: string }>(items: T[], seed: number): T[] {
  return items
    .map((item) => ({ item, key: fnv1a(`${seed}:${item.id}`) }))
    .sort((a, b) => a.key - b.key || (a.item.id < b.item.id ? -1 : 1))
    .map((x) => x.item);
}

export function foldsByFirm<T extends { id: string }>(items: T[], folds: number, seed: number): T[][] {
  const out: T[][] = Array.from({ length: folds }, () => []);
  seededOrder(items, seed).forEach((item, i) => out[i % folds].push(item));
  return out;
}
