import { t } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { emptyState } from '../ui/status.ts';
import { listCount, type ResourcesState, type Side } from './resourcesState.ts';
import { demandTerms, offerTerms } from './terms.ts';
import { kindBadge, unmetFlag } from './unmetParts.ts';

/** A list tab's label with its count ("需求（12）"). */
export function listTabLabel(state: ResourcesState, side: Side): string {
  return t(side === 'demands' ? 'res.tabDemands' : 'res.tabOffers', { n: listCount(state[side]) });
}

interface ListItem {
  id: string;
  title: string;
  kind: string;
  owner: string;
  terms: string[];
}

function itemRow(state: ResourcesState, side: Side, item: ListItem, select: (side: Side, id: string) => void): HTMLElement {
  const unmet = side === 'demands' ? state.unmetById.get(item.id) : undefined;
  const on = state.selected?.side === side && state.selected.id === item.id;
  return el('li', { class: `res-item${on ? ' selected' : ''}${unmet ? ' is-unmet' : ''}`, 'data-id': item.id },
    el('div', { class: 'res-head' },
      el('button', { type: 'button', class: 'res-title', 'data-side': side, 'data-id': item.id, 'aria-pressed': String(on), onclick: () => select(side, item.id) }, item.title),
      kindBadge(item.kind)),
    el('p', { class: 'res-owner' }, item.owner),
    item.terms.length > 0 ? el('p', { class: 'res-terms' }, item.terms.join(' · ')) : null,
    unmet ? el('p', { class: 'unmet-flag' }, el('span', { 'aria-hidden': 'true' }, '⊘ '), unmetFlag(unmet)) : null);
}

/** One list's items (a demand nothing could meet in the last assignment is flagged), and "more" while pages remain. */
export function listContent(
  state: ResourcesState,
  side: Side,
  actions: { select(side: Side, id: string): void; more(side: Side): void },
): (HTMLElement | string)[] {
  const list = state[side];
  const items = side === 'demands'
    ? state.demands.items.map((d) => ({ id: d.id, title: d.title, kind: d.kind, owner: d.owner?.name ?? t('metric.none'), terms: demandTerms(d) }))
    : state.offers.items.map((o) => ({ id: o.id, title: o.title, kind: o.kind, owner: o.owner?.name ?? t('metric.none'), terms: offerTerms(o) }));
  const more = el('button', { type: 'button', class: 'btn small load-more', onclick: () => actions.more(side) }, t('explore.more'));
  return [
    items.length === 0
      ? emptyState(t(side === 'demands' ? 'res.noDemands' : 'res.noOffers'))
      : el('ul', { class: 'res-items', 'aria-label': listTabLabel(state, side) }, items.map((item) => itemRow(state, side, item, actions.select))),
    list.nextCursor ? more : '',
  ];
}
