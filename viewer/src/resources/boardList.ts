import type { Demand, Offer } from '../api/types.ts';

/** How the board orders a list: last changed first, largest amount or area first, or open before closed. */
export type BoardSort = 'date' | 'amount' | 'status';
export const boardSorts: readonly BoardSort[] = ['date', 'amount', 'status'];
/** Rows a board page shows. */
export const boardPageSize = 20;

type Item = Offer | Demand;

/** What a search matches: title, description, the party's name and the record's id. */
function haystack(item: Item): string {
  return [item.title, item.description, item.owner?.name ?? '', item.id].join('\n').toLowerCase();
}

/** The size the "amount" sort compares: 万元 for money, m² for space, else the count of units. */
export function amountOf(item: Item): number {
  if ('areaM2' in item) return item.amountWan ?? item.areaM2 ?? item.price ?? item.capacity;
  return item.amountWan ?? item.minAreaM2 ?? item.maxPrice ?? item.quantity;
}

const statusRank: Record<string, number> = { open: 0, met: 1, closed: 2 };

/** Written through the API most recently first; seeded and imported rows (no date) after, by id. */
function byDate(a: Item, b: Item): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt === null ? 1 : b.updatedAt === null ? -1 : b.updatedAt.localeCompare(a.updatedAt);
  return a.id.localeCompare(b.id);
}

const comparators: Record<BoardSort, (a: Item, b: Item) => number> = {
  date: byDate,
  amount: (a, b) => amountOf(b) - amountOf(a) || a.id.localeCompare(b.id),
  status: (a, b) => (statusRank[a.status] ?? 9) - (statusRank[b.status] ?? 9) || byDate(a, b),
};

export interface BoardPage<T> {
  rows: T[];
  /** Items matching the search, exactly. */
  total: number;
  /** 1-based positions of the first and last row shown (0–0 when none). */
  from: number;
  to: number;
  page: number;
  pages: number;
}

/** Searched and sorted, as the board shows them (before cutting to a page). */
function ordered<T extends Item>(items: readonly T[], options: { q: string; sort: BoardSort }): T[] {
  const words = options.q.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = items.filter((item) => {
    const text = haystack(item);
    return words.every((w) => text.includes(w));
  });
  return hits.sort(comparators[options.sort]);
}

/** The page on which a record shows (to bring a record chosen elsewhere into sight), or null when the search hides it. */
export function pageContaining(items: readonly Item[], options: { q: string; sort: BoardSort }, id: string): number | null {
  const at = ordered(items, options).findIndex((item) => item.id === id);
  return at < 0 ? null : Math.floor(at / boardPageSize) + 1;
}

/** The rows a board page shows: searched (every word must match, any case), sorted, then cut to the page (clamped). */
export function boardPage<T extends Item>(items: readonly T[], options: { q: string; sort: BoardSort; page: number }): BoardPage<T> {
  const hits = ordered(items, options);
  const pages = Math.max(1, Math.ceil(hits.length / boardPageSize));
  const page = Math.min(Math.max(1, options.page), pages);
  const start = (page - 1) * boardPageSize;
  const rows = hits.slice(start, start + boardPageSize);
  return { rows, total: hits.length, from: rows.length ? start + 1 : 0, to: start + rows.length, page, pages };
}
