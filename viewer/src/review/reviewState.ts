import type { QueuedFirm, ReviewOutcome, ReviewPage } from '../api/types.ts';

/**
 * Everything the review page knows, in one place: the firms loaded so far, the firm whose "choose
 * another segment" form is open, the firm whose decision is on its way, and the last answer. The view
 * changes it only through these functions and redraws from it.
 */
export interface ReviewState {
  items: QueuedFirm[];
  total: number;
  nextCursor: string | null;
  loaded: boolean;
  /** The firm with the reassign form open, and what is picked in it so far. */
  choosing: { firmId: string; chainId: string; segmentId: string } | null;
  /** The firm whose decision is being sent (its buttons are disabled meanwhile). */
  busy: string | null;
  /** The last decision, shown above the list. */
  last: ReviewOutcome | null;
}

export function initialReviewState(): ReviewState {
  return { items: [], total: 0, nextCursor: null, loaded: false, choosing: null, busy: null, last: null };
}

/** A page from the API: the first replaces what was loaded, a later one (append) adds to it. */
export function withPage(state: ReviewState, page: ReviewPage, append: boolean): ReviewState {
  const items = append ? [...state.items, ...page.items.filter((i) => !state.items.some((s) => s.firm.id === i.firm.id))] : page.items;
  return { ...state, items, total: page.total, nextCursor: page.nextCursor, loaded: true };
}

/** A decision came back: the firm leaves the list (it left the queue) and the answer is remembered. */
export function withOutcome(state: ReviewState, outcome: ReviewOutcome): ReviewState {
  const items = state.items.filter((i) => i.firm.id !== outcome.firm.id);
  return {
    ...state,
    items,
    total: Math.max(0, state.total - (items.length < state.items.length ? 1 : 0)),
    last: outcome,
    busy: null,
    choosing: state.choosing?.firmId === outcome.firm.id ? null : state.choosing,
  };
}

/** The segment name a decision attached to, from the suggestions loaded (reassign may name another). */
export function segmentLabel(state: ReviewState, firmId: string, segmentId: string): string | null {
  const s = state.items.find((i) => i.firm.id === firmId)?.suggestions.find((x) => x.segmentId === segmentId);
  return s ? `${s.segmentName} · ${s.chainName}` : null;
}
