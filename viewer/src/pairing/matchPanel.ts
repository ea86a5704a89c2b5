import type { TextProvider } from '../api/types.ts';
import { t } from '../i18n/i18n.ts';
import { signalLegend } from '../segment/candidateList.ts';
import { downloadCsv } from '../ui/csv.ts';
import { el } from '../ui/el.ts';
import { rankedList } from '../ui/rankedList.ts';
import { bind, emptyState } from '../ui/status.ts';
import { focusOpenedPanel } from '../views/panelFocus.ts';
import { providerNote } from './explanationDetail.ts';
import type { Matcher } from './matcher.ts';
import { subjectRef } from './pairingQuery.ts';
import { formSubject, resetPanel, type PairingState } from './pairingState.ts';
import { subjectForm } from './subjectForm.ts';

/** The detail column's paths graph is drawn this much narrower than its column (the panel's padding). */
const detailPadding = 34;

/**
 * One tab of the pairing view — form, ranked list, detail — for either matcher. The list and the
 * detail are pure renderings of the tab's state; `run` is the only place that loads.
 */
export function createMatchPanel<R extends { items: I[]; textProvider: TextProvider }, I>(matcher: Matcher<R, I>, state: PairingState, asked: () => void) {
  const panel = matcher.panel(state);
  let stop = () => {};
  const formArea = el('div', { class: 'col panel pairing-form' });
  const list = el('section', { class: 'col panel col-candidates', 'aria-labelledby': `${matcher.id}-list-title` });
  const listBody = el('div', { class: 'list-area', 'aria-live': 'polite' });
  const detail = el('aside', { class: 'col col-detail panel' });
  const element = el('div', {}, el('div', { class: 'pairing-layout' }, formArea, list, detail));

  const renderForm = () =>
    formArea.replaceChildren(
      ...subjectForm(matcher, state, {
        run,
        kindChanged: () => {
          renderForm();
          formArea.querySelector<HTMLElement>(`#${matcher.id}-kind-${panel.kind}`)?.focus();
        },
      }),
    );

  const renderDetail = () => {
    const width = Math.max(300, (detail.clientWidth || 420) - detailPadding);
    if (!panel.result || !panel.selected || !panel.subject) return detail.replaceChildren(emptyState(t(matcher.words.detailNone), t('detail.title')));
    detail.replaceChildren(matcher.detail(panel.selected, panel.result, panel.subject, width));
  };

  const renderList = () => {
    const head = el('div', { class: 'list-head' }, el('h2', { id: `${matcher.id}-list-title` }, t(matcher.words.listTitle)));
    list.replaceChildren(head, listBody);
    if (!panel.result || !panel.subject) return listBody.replaceChildren(emptyState(t(matcher.words.start), t('pair.startTitle')));
    const result = panel.result;
    const subject = subjectRef(panel.subject);
    head.append(
      el(
        'div',
        { class: 'toolbar-end' },
        el(
          'button',
          {
            type: 'button',
            class: 'btn small',
            'data-export': 'csv',
            disabled: result.items.length === 0,
            onclick: () => downloadCsv(matcher.table(result, subject.name)),
          },
          t('export.csv'),
        ),
      ),
    );
    const meta = el(
      'div',
      { class: 'list-meta', role: 'status' },
      el('span', { class: 'cand-count' }, matcher.count(result, subject.name)),
      providerNote(result.textProvider),
    );
    if (result.items.length === 0) return listBody.replaceChildren(meta, matcher.noMatch(result) ?? emptyState(t(matcher.words.empty)));
    listBody.replaceChildren(
      meta,
      matcher.preface(result) ?? '',
      signalLegend(matcher.signals),
      rankedList({
        items: result.items,
        key: (item) => matcher.key(item, result),
        label: t(matcher.words.listLabel),
        selected: panel.selected ? matcher.key(panel.selected, result) : null,
        onSelect: (item) => {
          panel.selected = item;
          renderDetail();
          // The detail column is the opened panel (issue 16 item 8); Escape there returns to the chosen card.
          focusOpenedPanel(detail, detail.querySelector<HTMLElement>('h2'), () => list.querySelector<HTMLElement>('li.candidate.selected .cand-name'));
        },
        card: (item, rank, selected, select) => matcher.card(item, result, rank, selected, select),
      }),
    );
  };

  function run() {
    const subject = formSubject(state, matcher.tab);
    const load = matcher.request(state, subject);
    if (!load) {
      resetPanel(panel, null);
      renderList();
      listBody.replaceChildren(emptyState(t(panel.kind === 'text' ? 'pair.needText' : 'pair.needPick'), t('pair.startTitle')));
      return;
    }
    stop();
    resetPanel(panel, subject);
    renderList();
    renderDetail();
    asked();
    stop = bind(listBody, load, (r) => {
      panel.result = r;
      panel.selected = r.items[0] ?? null;
      renderList();
      renderDetail();
    });
  }

  return {
    element,
    run,
    renderDetail,
    /** Redraws every part from the state (a language switch). */
    render() {
      renderForm();
      renderList();
      renderDetail();
    },
    /** Whether the form names enough to ask (a deep link runs at once when it does). */
    ready: () => formSubject(state, matcher.tab) !== null,
    destroy: () => stop(),
  };
}
