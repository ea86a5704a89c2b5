import { apiKey } from '../api/apiKey.ts';
import { t, tData } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { boardSorts } from './boardList.ts';
import { boardStatuses, type ResourcesState, type Side } from './resourcesState.ts';
import { resourceKinds } from './terms.ts';

/**
 * The resources board's fixed elements — heading, the kind/objective toolbar, the board's search, sort and
 * status controls, the editor and the panels the view fills — built once per mount. What they say comes
 * from `labelFrame`, so a language change relabels them without rebuilding (the view keeps listeners on them).
 */
export function resourcesFrame(state: ResourcesState) {
  const frame = {
    title: el('h1', { id: 'view-title' }),
    intro: el('p', { class: 'muted view-intro' }),
    kindLabel: el('label', { for: 'res-kind', class: 'label' }),
    kindSelect: el('select', { id: 'res-kind', class: 'input' }),
    objectiveLabel: el('label', { for: 'res-objective', class: 'label' }),
    objectiveSelect: el('select', { id: 'res-objective', class: 'input' }),
    runButton: el('button', { type: 'button', id: 'run-assign', class: 'btn primary' }),
    searchLabel: el('label', { for: 'board-search', class: 'label' }),
    searchInput: el('input', { id: 'board-search', type: 'search', class: 'input', value: state.board.q, autocomplete: 'off' }),
    sortLabel: el('label', { for: 'board-sort', class: 'label' }),
    sortSelect: el('select', { id: 'board-sort', class: 'input' }),
    statusLabel: el('label', { for: 'board-status', class: 'label' }),
    statusSelect: el('select', { id: 'board-status', class: 'input' }),
    newButton: el('button', { type: 'button', id: 'board-new', class: 'btn primary' }),
    signInNote: el('p', { class: 'muted board-sign-in' }),
    flash: el('p', { class: 'board-flash', role: 'status', 'aria-live': 'polite' }),
    editorArea: el('section', { class: 'panel board-editor', id: 'board-editor', hidden: true }),
    listAreas: {
      demands: el('div', { class: 'res-list-area', 'aria-live': 'polite' }),
      offers: el('div', { class: 'res-list-area', 'aria-live': 'polite' }),
    } as Record<Side, HTMLElement>,
    listHost: el('section', { class: 'col panel res-lists', 'aria-labelledby': 'res-lists-title' }),
    matchArea: el('section', { class: 'col panel res-matches', 'aria-labelledby': 'res-match-title', 'aria-live': 'polite' }),
    assignArea: el('section', { class: 'panel res-assign', id: 'assignment', 'aria-labelledby': 'res-assign-title' }),
  };
  const f = frame;
  const root = el(
    'section',
    { class: 'view view-resources', 'aria-labelledby': 'view-title' },
    el(
      'header',
      { class: 'view-head' },
      f.title,
      f.intro,
      el(
        'div',
        { class: 'toolbar' },
        el('div', { class: 'field-inline' }, f.kindLabel, f.kindSelect),
        el('div', { class: 'field-inline' }, f.objectiveLabel, f.objectiveSelect),
        f.runButton,
      ),
    ),
    el(
      'div',
      { class: 'toolbar board-toolbar' },
      el('div', { class: 'field-inline' }, f.searchLabel, f.searchInput),
      el('div', { class: 'field-inline' }, f.sortLabel, f.sortSelect),
      el('div', { class: 'field-inline' }, f.statusLabel, f.statusSelect),
      f.newButton,
    ),
    f.signInNote,
    f.flash,
    f.editorArea,
    el('div', { class: 'resources-layout' }, f.listHost, f.matchArea),
    f.assignArea,
  );
  return { ...frame, root };
}

export type ResourcesFrame = ReturnType<typeof resourcesFrame>;

/** The frame's words and control values in the current language, from the state. */
export function labelFrame(f: ResourcesFrame, state: ResourcesState): void {
  f.title.textContent = t('nav.resources');
  f.intro.textContent = t('res.intro');
  f.kindLabel.textContent = t('res.kind');
  f.kindSelect.replaceChildren(el('option', { value: '' }, t('res.allKinds')), ...resourceKinds.map((k) => el('option', { value: k }, tData('rkind', k))));
  f.kindSelect.value = state.kind;
  f.objectiveLabel.textContent = t('res.objective');
  f.objectiveSelect.replaceChildren(
    ...(['total-fit', 'coverage'] as const).map((o) => el('option', { value: o, title: t(`res.objectiveHint.${o}`) }, t(`res.objective.${o}`))),
  );
  f.objectiveSelect.value = state.objective;
  f.runButton.textContent = t('res.run');
  f.searchLabel.textContent = t('board.search');
  f.searchInput.placeholder = t('board.searchPlaceholder');
  f.sortLabel.textContent = t('board.sort');
  f.sortSelect.replaceChildren(...boardSorts.map((k) => el('option', { value: k }, t(`board.sort.${k}`))));
  f.sortSelect.value = state.board.sort;
  f.statusLabel.textContent = t('board.status');
  f.statusSelect.replaceChildren(...boardStatuses.map((k) => el('option', { value: k }, t(k ? `board.status.${k}` : 'board.status.all'))));
  f.statusSelect.value = state.board.status;
  labelNewButton(f, state);
  f.signInNote.textContent = apiKey() ? '' : t('board.signInToWrite');
  f.signInNote.hidden = Boolean(apiKey());
}

/** The new-record button names the side whose tab is shown. */
export function labelNewButton(f: Pick<ResourcesFrame, 'newButton'>, state: Pick<ResourcesState, 'side'>): void {
  f.newButton.textContent = t(state.side === 'offers' ? 'board.newOffer' : 'board.newDemand');
}
