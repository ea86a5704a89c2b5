import type { AssignObjective, Demand, DemandsForOffer, Offer, OffersForDemand, ResourceAssignment, ResourceKind, UnmetDemand } from '../api/types.ts';
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
  demands: ListState<Demand>;
  offers: ListState<Offer>;
  selected: { side: Side; id: string } | null;
  /** The ranked matches of the selected demand or offer, once loaded. */
  matches: OffersForDemand | DemandsForOffer | null;
  assignment: ResourceAssignment | null;
  /** The last assignment's unmet demands by id, to flag them in the demand list. */
  unmetById: Map<string, UnmetDemand>;
}

const emptyList = <T>(): ListState<T> => ({ items: [], nextCursor: null, loaded: false });

/** The state a deep link describes: `?kind=site`, `?demand=<id>` or `?offer=<id>`. */
export function createResourcesState(query: URLSearchParams): ResourcesState {
  const kind = query.get('kind') ?? '';
  const demand = query.get('demand');
  const offer = query.get('offer');
  return {
    kind: (resourceKinds as readonly string[]).includes(kind) ? (kind as ResourceKind) : '',
    objective: 'total-fit',
    side: offer ? 'offers' : 'demands',
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
  if (side === 'demands') state.demands = emptyList();
  else state.offers = emptyList();
}

/** A page of a list arrived: the first replaces, a further one appends. */
export function storePage(state: ResourcesState, page: { side: 'demands'; items: Demand[]; nextCursor: string | null } | { side: 'offers'; items: Offer[]; nextCursor: string | null }, append: boolean): void {
  if (page.side === 'demands') state.demands = { items: append ? [...state.demands.items, ...page.items] : page.items, nextCursor: page.nextCursor, loaded: true };
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

export function resourcesHash(state: Pick<ResourcesState, 'kind' | 'selected'>): string {
  const params = new URLSearchParams();
  if (state.kind) params.set('kind', state.kind);
  if (state.selected) params.set(state.selected.side === 'demands' ? 'demand' : 'offer', state.selected.id);
  const q = params.toString();
  return `#/resources${q ? `?${q}` : ''}`;
}
