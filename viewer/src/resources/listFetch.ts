import { api } from '../api/client.ts';
import type { ResourcesState, Side } from './resourcesState.ts';

/**
 * Items per API page, and the most pages read: the board loads a list whole so its counts are exact
 * and search and sort run over every record (a few hundred on the seed; 20,000 at most).
 */
const listPageSize = 500;
const maxListPages = 40;

const fetchPage = (state: ResourcesState, side: Side, cursor?: string) => {
  const q = { status: state.board.status || undefined, kind: state.kind || undefined, limit: listPageSize, cursor };
  return side === 'demands'
    ? api.demands(q).then((page) => ({ side: 'demands' as const, items: page.items, nextCursor: page.nextCursor }))
    : api.offers(q).then((page) => ({ side: 'offers' as const, items: page.items, nextCursor: page.nextCursor }));
};

/** Every page of a list under the board's kind and status filters, one after another (the cursor of one names the next). */
export async function fetchWholeList(state: ResourcesState, side: Side) {
  let page = await fetchPage(state, side);
  const items: unknown[] = [...page.items];
  for (let n = 1; page.nextCursor && n < maxListPages; n++) {
    page = await fetchPage(state, side, page.nextCursor);
    items.push(...page.items);
  }
  return { ...page, items, nextCursor: page.nextCursor } as typeof page;
}
