import type { ChainSummary, MatchKind, MatchRecord, MatchStats, MatchStatus } from '../../api/types.ts';

export const statuses: readonly MatchStatus[] = ['proposed', 'contacted', 'agreed', 'declined'];
export const matchKinds: readonly MatchKind[] = ['partner', 'pairing', 'talent', 'resource', 'event'];
/** Cards per column page; "more" fetches the next. */
export const columnPageSize = 30;

/**
 * The lifecycle the API enforces (engine/tracking/lifecycle.ts `matchTransitions`), to offer only the
 * buttons that can succeed; the API stays the judge and answers 409 to anything else.
 */
export const nextStatuses: Record<MatchStatus, readonly MatchStatus[]> = {
  proposed: ['contacted', 'declined'],
  contacted: ['agreed', 'declined'],
  agreed: [],
  declined: [],
};

/** One status column: the cards loaded so far and the cursor of the next page. */
export interface Column {
  items: MatchRecord[];
  nextCursor: string | null;
  loaded: boolean;
}

export interface MatchesState {
  kind: MatchKind | '';
  chainId: string;
  /** Only open matches past their due date (`GET /matches?overdue=true`). */
  overdue: boolean;
  /** How many follow-ups are overdue under the kind and chain filter; `more` when there are over a page of them. */
  overdueCount: { n: number; more: boolean } | null;
  /** The match to scroll to and highlight (the one just recorded or moved). */
  focus: string | null;
  chains: ChainSummary[];
  columns: Record<MatchStatus, Column>;
  stats: MatchStats | null;
  /** Notes typed on cards and not yet sent, by match id; they survive a reload of the columns. */
  notes: Map<string, string>;
}

const emptyColumn = (): Column => ({ items: [], nextCursor: null, loaded: false });

export function createMatchesState(query: URLSearchParams): MatchesState {
  const kind = query.get('kind') ?? '';
  return {
    kind: (matchKinds as readonly string[]).includes(kind) ? (kind as MatchKind) : '',
    chainId: query.get('chainId') ?? '',
    overdue: query.get('overdue') === '1',
    overdueCount: null,
    focus: query.get('focus'),
    chains: [],
    columns: { proposed: emptyColumn(), contacted: emptyColumn(), agreed: emptyColumn(), declined: emptyColumn() },
    stats: null,
    notes: new Map(),
  };
}

/** The one reset: the filter changed or a card moved, so every column loads again from its first page. */
export function resetColumns(state: MatchesState): void {
  state.columns = { proposed: emptyColumn(), contacted: emptyColumn(), agreed: emptyColumn(), declined: emptyColumn() };
}

/** A column's page arrived: the first replaces, a further one appends. */
export function addPage(state: MatchesState, status: MatchStatus, page: { items: MatchRecord[]; nextCursor: string | null }, more: boolean): void {
  const before = more ? state.columns[status].items : [];
  state.columns = { ...state.columns, [status]: { items: [...before, ...page.items], nextCursor: page.nextCursor, loaded: true } };
}

/** The list filter the API is asked with. */
export function listQuery(state: Pick<MatchesState, 'kind' | 'chainId'> & { overdue?: boolean }): { kind?: MatchKind; chainId?: string; overdue?: 'true' } {
  return { kind: state.kind || undefined, chainId: state.chainId || undefined, ...(state.overdue ? { overdue: 'true' as const } : {}) };
}

export function matchesHash(state: Pick<MatchesState, 'kind' | 'chainId'> & { overdue?: boolean }): string {
  const params = new URLSearchParams();
  if (state.kind) params.set('kind', state.kind);
  if (state.chainId) params.set('chainId', state.chainId);
  if (state.overdue) params.set('overdue', '1');
  const q = params.toString();
  return `#/matches${q ? `?${q}` : ''}`;
}
