import type { Demand, Offer } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { dataText, el } from '../ui/el.ts';
import { emptyState } from '../ui/status.ts';
import { boardPage, type BoardPage } from './boardList.ts';
import { listCount, type ResourcesState, type Side } from './resourcesState.ts';
import { demandTerms, offerTerms } from './terms.ts';
import { kindBadge, unmetFlag } from './unmetParts.ts';

/** A list tab's label with its count ("需求（12）"). */
export function listTabLabel(state: ResourcesState, side: Side): string {
  const open = state.board.status === 'open'; // "开放需求" only when the list holds open ones alone
  const key = side === 'demands' ? (open ? 'res.tabDemands' : 'board.tabDemands') : open ? 'res.tabOffers' : 'board.tabOffers';
  return t(key, { n: listCount(state[side]) });
}

interface ListItem {
  id: string;
  title: string;
  kind: string;
  status: string;
  owner: string;
  terms: string[];
}

function itemRow(state: ResourcesState, side: Side, item: ListItem, actions: ListActions): HTMLElement {
  const unmet = side === 'demands' ? state.unmetById.get(item.id) : undefined;
  const on = state.selected?.side === side && state.selected.id === item.id;
  return el(
    'li',
    { class: `res-item${on ? ' selected' : ''}${unmet ? ' is-unmet' : ''}`, 'data-id': item.id },
    el(
      'div',
      { class: 'res-head' },
      el(
        'button',
        { type: 'button', class: 'res-title', 'data-side': side, 'data-id': item.id, 'aria-pressed': String(on), onclick: () => actions.select(side, item.id) },
        dataText(item.title),
      ),
      kindBadge(item.kind),
    ),
    el('p', { class: 'res-owner', translate: 'no' }, item.owner),
    item.terms.length > 0 ? el('p', { class: 'res-terms' }, item.terms.join(' · ')) : null,
    unmet ? el('p', { class: 'unmet-flag' }, el('span', { 'aria-hidden': 'true' }, '⊘ '), unmetFlag(unmet)) : null,
    rowActions(side, item, actions),
  );
}

/** What a list's rows can do: open the matches, and (on the board) edit, close or delete the record. */
export interface ListActions {
  select(side: Side, id: string): void;
  page(side: Side, page: number): void;
  edit(side: Side, id: string): void;
  close(side: Side, id: string): void;
  remove(side: Side, id: string): void;
}

function rowActions(side: Side, item: ListItem, actions: ListActions): HTMLElement {
  const button = (label: string, cls: string, run: () => void) =>
    el('button', { type: 'button', class: `btn small ${cls}`, 'data-id': item.id, 'aria-label': `${label} ${item.title}`, onclick: run }, label);
  return el(
    'div',
    { class: 'res-actions' },
    button(t('board.edit'), 'res-edit', () => actions.edit(side, item.id)),
    item.status === 'open'
      ? button(t('board.close'), 'res-close', () => actions.close(side, item.id))
      : el('span', { class: 'res-status muted' }, tData('board.status', item.status)),
    button(t('board.delete'), 'res-delete danger', () => actions.remove(side, item.id)),
  );
}

/** "共 N 条 · 显示 1–20" with the previous and next page. */
function pager(side: Side, page: BoardPage<unknown>, actions: ListActions): HTMLElement {
  const count = page.total === 0 ? t('board.countNone') : t('board.count', { total: page.total, from: page.from, to: page.to });
  return el(
    'div',
    { class: 'board-pager' },
    el('p', { class: 'board-count', role: 'status' }, count),
    page.pages > 1
      ? el(
          'div',
          { class: 'field-inline' },
          el(
            'button',
            { type: 'button', class: 'btn small board-prev', disabled: page.page <= 1, onclick: () => actions.page(side, page.page - 1) },
            t('board.prev'),
          ),
          el('span', { class: 'muted' }, t('board.pageOf', { page: page.page, pages: page.pages })),
          el(
            'button',
            { type: 'button', class: 'btn small board-next', disabled: page.page >= page.pages, onclick: () => actions.page(side, page.page + 1) },
            t('board.next'),
          ),
        )
      : '',
  );
}

/** One list's page on the board: searched and sorted, its exact count, and each row's actions. */
export function listContent(state: ResourcesState, side: Side, actions: ListActions): (HTMLElement | string)[] {
  const options = { q: state.board.q, sort: state.board.sort, page: state.board.page[side] };
  const page: BoardPage<Offer | Demand> = side === 'demands' ? boardPage(state.demands.items, options) : boardPage(state.offers.items, options);
  state.board.page[side] = page.page;
  const items = page.rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    owner: r.owner?.name ?? t('metric.none'),
    terms: 'areaM2' in r ? offerTerms(r) : demandTerms(r),
  }));
  return [
    pager(side, page, actions),
    items.length === 0
      ? emptyState(t(side === 'demands' ? 'res.noDemands' : 'res.noOffers'))
      : el(
          'ul',
          { class: 'res-items', 'aria-label': listTabLabel(state, side) },
          items.map((item) => itemRow(state, side, item, actions)),
        ),
  ];
}
