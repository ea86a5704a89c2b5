import { api } from '../api/client.ts';
import type { AssignObjective, ResourceKind } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { t } from '../i18n/i18n.ts';
import { onApiKeyChange } from '../api/apiKey.ts';
import { assignmentContent } from '../resources/assignmentPanel.ts';
import { boardEditing } from '../resources/boardEditing.ts';
import { pageContaining, type BoardSort } from '../resources/boardList.ts';
import { fetchWholeList } from '../resources/listFetch.ts';
import { listContent, listTabLabel } from '../resources/resourceLists.ts';
import { resourceMatchesContent } from '../resources/resourceMatches.ts';
import { labelFrame, labelNewButton, resourcesFrame } from '../resources/resourcesFrame.ts';
import { createResourcesState, resetList, resourcesHash, storeAssignment, storePage, type BoardStatus, type Side } from '../resources/resourcesState.ts';
import { el } from '../ui/el.ts';
import { bind, emptyState } from '../ui/status.ts';
import { focusLost, focusOpenedPanel } from './panelFocus.ts';
import { tabs, type Tabs } from '../ui/tabs.ts';

/** Ranked matches shown for the selected demand or offer. */
const matchLimit = 10;

/**
 * `#/resources`: the resources board (资源供需) — open demands and offers (kind filter, paged), the
 * ranked matches of the selected one with explanations, and the global assignment with the demands
 * nothing can meet highlighted by the constraint that excluded every offer. Deep link: `?demand=<id>`.
 * State lives in resources/resourcesState.ts; the parts are drawn by resources/*.ts from it.
 */
export const resourcesView: ViewDefinition = {
  id: 'resources',
  pattern: '/resources',
  section: 'resources',
  mount({ container, query }) {
    const state = createResourcesState(query);
    let stops: (() => void)[] = [];
    let stopMatch = () => {};
    let stopAssign = () => {};

    const frame = resourcesFrame(state);
    const { kindSelect, objectiveSelect, runButton, searchInput, sortSelect, statusSelect, newButton } = frame;
    const { editorArea, flash, listAreas, listHost, matchArea, assignArea } = frame;
    let tabBar: Tabs | null = null;
    container.append(frame.root);

    const syncUrl = () => history.replaceState(null, '', resourcesHash(state));
    const matchHeading = () => el('h2', { id: 'res-match-title' }, t('res.matchesTitle'));
    const assignHeading = () => el('h2', { id: 'res-assign-title' }, t('res.assignTitle'));

    const labels = () => labelFrame(frame, state);

    // ----- the two lists -----
    const tabLabels = () => ({ demands: listTabLabel(state, 'demands'), offers: listTabLabel(state, 'offers') });

    /** The matches panel was opened by a person: focus goes to its heading once it has drawn (issue 16 item 8). */
    let focusMatchesPanel = false;
    const selectedTitle = () => listHost.querySelector<HTMLElement>('button.res-title[aria-pressed="true"]');

    const selectItem = (side: Side, id: string) => {
      state.selected = { side, id };
      focusMatchesPanel = true;
      // a record chosen elsewhere (the assignment table) may sit on another page of its list
      const page = pageContaining(state[side].items, state.board, id);
      if (page !== null && page !== state.board.page[side]) {
        state.board.page[side] = page;
        renderList(side);
      }
      for (const b of listHost.querySelectorAll<HTMLButtonElement>('button.res-title')) {
        const on = b.dataset.side === side && b.dataset.id === id;
        b.setAttribute('aria-pressed', String(on));
        b.closest('li')?.classList.toggle('selected', on);
      }
      // keep the chosen item in sight in its list (it may have been chosen from the assignment table)
      const chosen = listHost.querySelector<HTMLElement>('li.res-item.selected');
      if (chosen) listHost.scrollTo({ top: chosen.offsetTop - listHost.offsetTop - 60 });
      syncUrl();
      loadMatches();
    };

    const renderList = (side: Side) => {
      if (!state[side].loaded) return;
      const actions = { select: selectItem, page: showPage, edit: openEditor, close: closeRecord, remove: removeRecord };
      listAreas[side].replaceChildren(...listContent(state, side, actions));
      tabBar?.relabel(tabLabels(), t('res.listsLabel'));
    };

    const loadList = (side: Side) => {
      const keepPage = state.board.page[side];
      resetList(state, side);
      stops.push(
        bind(
          listAreas[side],
          () => fetchWholeList(state, side),
          (page) => {
            storePage(state, page, false);
            state.board.page[side] = keepPage;
            renderList(side);
          },
        ),
      );
    };

    const showPage = (side: Side, page: number) => {
      state.board.page[side] = page;
      renderList(side);
      listAreas[side].querySelector<HTMLElement>('.board-count')?.focus();
    };

    // ----- the board: create, edit, close, delete -----
    /** After a write, or a refusal that says the list is out of date (412, 404): read the list again. */
    const refresh = (side: Side) => {
      loadList(side);
      if (state.selected?.side === side) loadMatches();
    };
    const { openEditor, closeRecord, removeRecord } = boardEditing({ state, editorArea, flash, refresh });

    const loadLists = () => {
      for (const stop of stops) stop();
      stops = [];
      loadList('demands');
      loadList('offers');
    };

    // ----- the selected demand's (or offer's) matches -----
    const renderMatches = () => {
      if (!state.selected) return matchArea.replaceChildren(matchHeading(), emptyState(t('res.pickOne'), t('res.matchesTitle')));
      if (state.matches) matchArea.replaceChildren(matchHeading(), ...resourceMatchesContent(state.matches, () => matchArea.clientWidth));
      // Redrawing removed the heading that had focus: give it to the new one, and Escape returns to the list item.
      if (focusMatchesPanel && (focusLost() || matchArea.contains(document.activeElement))) {
        focusOpenedPanel(matchArea, matchArea.querySelector<HTMLElement>('#res-match-title'), selectedTitle);
      }
      if (state.matches) focusMatchesPanel = false;
    };

    const loadMatches = () => {
      stopMatch();
      state.matches = null;
      const selected = state.selected;
      if (!selected) return renderMatches();
      const body = selected.side === 'demands' ? { demandId: selected.id, limit: matchLimit } : { offerId: selected.id, limit: matchLimit };
      const area = el('div', {});
      matchArea.replaceChildren(matchHeading(), area);
      if (focusMatchesPanel) focusOpenedPanel(matchArea, matchArea.querySelector<HTMLElement>('#res-match-title'), selectedTitle);
      stopMatch = bind(
        area,
        () => api.matchResources(body),
        (r) => {
          state.matches = r;
          renderMatches();
        },
      );
    };

    // ----- the global assignment -----
    const showDemand = (id: string) => {
      tabBar?.select('demands');
      selectItem('demands', id);
      matchArea.scrollIntoView({ behavior: 'smooth', block: 'start' });
    };

    const renderAssignment = () => {
      if (!state.assignment) return assignArea.replaceChildren(assignHeading(), el('p', { class: 'muted' }, t('res.assignHint')));
      assignArea.replaceChildren(...assignmentContent(state.assignment, assignHeading(), showDemand));
    };

    const runAssignment = () => {
      stopAssign();
      runButton.disabled = true;
      const body = { kinds: state.kind ? [state.kind] : undefined, objective: state.objective };
      const area = el('div', {});
      assignArea.replaceChildren(assignHeading(), area);
      stopAssign = bind(
        area,
        () =>
          api.assign(body).finally(() => {
            runButton.disabled = false;
          }),
        (r) => {
          storeAssignment(state, r);
          renderAssignment();
          renderList('demands');
          assignArea.scrollIntoView({ behavior: 'smooth', block: 'start' });
        },
      );
    };

    kindSelect.addEventListener('change', () => {
      state.kind = kindSelect.value as ResourceKind | '';
      syncUrl();
      loadLists();
    });
    objectiveSelect.addEventListener('change', () => {
      state.objective = objectiveSelect.value as AssignObjective;
    });
    runButton.addEventListener('click', runAssignment);
    /** A search, sort or status change: back to the first page of both lists, kept in the address. */
    const boardChanged = (change: () => void, redraw: () => void) => {
      change();
      state.board.page = { demands: 1, offers: 1 };
      syncUrl();
      redraw();
    };
    const redrawLists = () => {
      renderList('demands');
      renderList('offers');
    };
    searchInput.addEventListener('input', () => boardChanged(() => (state.board.q = searchInput.value), redrawLists));
    sortSelect.addEventListener('change', () => boardChanged(() => (state.board.sort = sortSelect.value as BoardSort), redrawLists));
    // The status filter changes which records are read, not only which are shown.
    statusSelect.addEventListener('change', () => boardChanged(() => (state.board.status = statusSelect.value as BoardStatus), loadLists));
    newButton.addEventListener('click', () => openEditor(state.side));
    const stopKey = onApiKeyChange(() => labels());

    const renderFrame = () => {
      labels();
      if (!tabBar) {
        const byKey = tabLabels();
        tabBar = tabs(
          'res',
          (['demands', 'offers'] as const).map((key) => ({ key, label: byKey[key], panel: listAreas[key] })),
          t('res.listsLabel'),
          state.side,
          (key) => {
            state.side = key as Side;
            labelNewButton(frame, state);
          },
        );
        listHost.replaceChildren(el('h2', { id: 'res-lists-title', class: 'visually-hidden' }, t('res.listsLabel')), tabBar.element);
      } else {
        tabBar.relabel(tabLabels(), t('res.listsLabel'));
        listHost.querySelector('#res-lists-title')!.textContent = t('res.listsLabel');
      }
    };

    renderFrame();
    loadLists();
    renderMatches();
    renderAssignment();
    if (state.selected) loadMatches();

    return {
      relabel() {
        renderFrame();
        renderList('demands');
        renderList('offers');
        renderMatches();
        renderAssignment();
      },
      destroy() {
        stopKey();
        for (const stop of stops) stop();
        stopMatch();
        stopAssign();
      },
    };
  },
};
