/**
 * One list, many people: without a cap the best-known researcher of a unit carried 9 of 10 lab→firm
 * pairs on the seed, and one institute's staff could fill a talent list. `takeWithCap` builds a list
 * best-first in which no holder (a researcher, an affiliation) appears more than `cap` times.
 *
 * An item whose holder is full is handed to `reassign` (another researcher, a lower score) and goes
 * back into the queue at its new score, or is dropped when `reassign` returns null. Reassigning never
 * raises a score, so the list comes out ordered by the score each item shows.
 */
export interface CapOptions<T> {
  limit: number;
  cap: number;
  /** Who the item counts against; null counts against no one. */
  holder(item: T): string | null;
  /** Best first; ties broken deterministically. */
  compare(a: T, b: T): number;
  /** The item carried by someone not in `full`, scored anew (never higher), or null to drop it. */
  reassign(item: T, full: ReadonlySet<string>): T | null;
}

export interface CappedList<T> {
  items: T[];
  /** Items dropped because their holder was full and no one else could take them. */
  dropped: T[];
}

export function takeWithCap<T>(candidates: T[], options: CapOptions<T>): CappedList<T> {
  const queue = [...candidates].sort(options.compare);
  const counts = new Map<string, number>();
  const full = new Set<string>();
  const items: T[] = [];
  const dropped: T[] = [];
  while (items.length < options.limit && queue.length > 0) {
    const item = queue.shift()!;
    const h = options.holder(item);
    if (h === null || !full.has(h)) {
      items.push(item);
      if (h !== null) {
        const n = (counts.get(h) ?? 0) + 1;
        counts.set(h, n);
        if (n >= options.cap) full.add(h);
      }
      continue;
    }
    const moved = options.reassign(item, full);
    const movedTo = moved && options.holder(moved);
    if (!moved || (movedTo !== null && full.has(movedTo))) {
      dropped.push(item);
      continue;
    }
    const at = queue.findIndex((x) => options.compare(moved, x) < 0);
    queue.splice(at < 0 ? queue.length : at, 0, moved);
  }
  return { items, dropped };
}
