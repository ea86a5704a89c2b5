import type { AssignObjective, Demand, DemandsForOffer, Offer, OffersForDemand, ResourceAssignment, ResourceKind, UnmetDemand } from '../api/types.ts';
import { boardSorts, type BoardSort } from './boardList.ts';
import { resourceKinds } from './terms.ts';

export type Side = 'demands' | 'offers';

/** One list (open demands or open offers): the items loaded so far and the cursor of the next page. */
export interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  loaded: boolean;
}

export interface ResourcesState {
  kind: ResourceKind | '';
  objective: AssignObjective;
  /** The list tab shown. */
  side: Side;
  /** The board's search, sort and status filter (both lists), and the page each list shows. */
  board: { q: string; sort: BoardSort; status: BoardStatus; page: Record<Side, number> };
  /** The record open in the board's form (id undefined: a new one), or none. */
  editing: { side: Side; id?: string } | null;
  demands: ListState<Demand>;
  offers: ListState<Offer>;
  selected: { side: Side; id: string } | null;
  /** The ranked matches of the selected demand or offer, once loaded. */
  matches: OffersForDemand | DemandsForOffer | null;
  assignment: ResourceAssignment | null;
  /** The last assignment's unmet demands by id, to flag them in the demand list. */
  unmetById: Map<string, UnmetDemand>;
}

/** Which records the lists load: open ones (the default), one other status, or every status (''). */
export type BoardStatus = 'open' | 'closed' | 'met' | '';
export const boardStatuses: readonly BoardStatus[] = ['open', 'closed', 'met', ''];

const emptyList = <T>(): ListState<T> => ({ items: [], nextCursor: null, loaded: false });

/** The state a deep link describes: `?kind=site`, `?demand=<id>` or `?offer=<id>`. */
export function createResourcesState(query: URLSearchParams): ResourcesState {
  const kind = query.get('kind') ?? '';
  const sort = query.get('sort') ?? '';
  const status = query.get('status') === 'all' ? '' : (query.get('status') ?? 'open');
  const demand = query.get('demand');
  const offer = query.get('offer');
  return {
    kind: (resourceKinds as readonly string[]).includes(kind) ? (kind as ResourceKind) : '',
    objective: 'total-fit',
    side: offer ? 'offers' : 'demands',
    board: {
      q: query.get('q') ?? '',
      sort: (boardSorts as readonly string[]).includes(sort) ? (sort as BoardSort) : 'date',
      status: (boardStatuses as readonly string[]).includes(status) ? (status as BoardStatus) : 'open',
      page: { demands: 1, offers: 1 },
    },
    editing: null,
    demands: emptyList(),
    offers: emptyList(),
    selected: demand ? { side: 'demands', id: demand } : offer ? { side: 'offers', id: offer } : null,
    matches: null,
    assignment: null,
    unmetById: new Map(),
  };
}

/** The one reset of a list: the kind filter changed (or the view opened), so it loads from its first page. */
export function resetList(state: ResourcesState, side: Side): void {
  state.board.page[side] = 1;
  if (side === 'demands') state.demands = emptyList();
  else state.offers = emptyList();
}

/** A page of a list arrived: the first replaces, a further one appends. */
export function storePage(
  state: ResourcesState,
  page: { side: 'demands'; items: Demand[]; nextCursor: string | null } | { side: 'offers'; items: Offer[]; nextCursor: string | null },
  append: boolean,
): void {
  if (page.side === 'demands')
    state.demands = { items: append ? [...state.demands.items, ...page.items] : page.items, nextCursor: page.nextCursor, loaded: true };
  else state.offers = { items: append ? [...state.offers.items, ...page.items] : page.items, nextCursor: page.nextCursor, loaded: true };
}

/** A new assignment: kept with its unmet demands indexed for the list's flags. */
export function storeAssignment(state: ResourcesState, assignment: ResourceAssignment): void {
  state.assignment = assignment;
  state.unmetById = new Map(assignment.unmet.map((u) => [u.demandId, u]));
}

/** A tab's count: "12", "100+" while more pages wait, "…" before the first. */
export function listCount(list: ListState<unknown>): string {
  return list.loaded ? `${list.items.length}${list.nextCursor ? '+' : ''}` : '…';
}

export function resourcesHash(state: Pick<ResourcesState, 'kind' | 'selected'> & { board?: ResourcesState['board'] }): string {
  const params = new URLSearchParams();
  if (state.kind) params.set('kind', state.kind);
  if (state.board?.q) params.set('q', state.board.q);
  if (state.board && state.board.sort !== 'date') params.set('sort', state.board.sort);
  if (state.board && state.board.status !== 'open') params.set('status', state.board.status || 'all');
  if (state.selected) params.set(state.selected.side === 'demands' ? 'demand' : 'offer', state.selected.id);
  const q = params.toString();
  return `#/resources${q ? `?${q}` : ''}`;
}
