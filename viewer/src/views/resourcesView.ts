import { api } from '../api/client.ts';
import type { AssignObjective, ResourceKind } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { t, tData } from '../i18n/i18n.ts';
import { apiKey, onApiKeyChange } from '../api/apiKey.ts';
import { assignmentContent } from '../resources/assignmentPanel.ts';
import { boardApi } from '../resources/boardApi.ts';
import { boardForm } from '../resources/boardForm.ts';
import { boardSorts, pageContaining, type BoardSort } from '../resources/boardList.ts';
import { boardProblem } from '../resources/boardProblem.ts';
import { listContent, listTabLabel } from '../resources/resourceLists.ts';
import { resourceMatchesContent } from '../resources/resourceMatches.ts';
import { boardStatuses, createResourcesState, resetList, resourcesHash, storeAssignment, storePage, type BoardStatus, type Side } from '../resources/resourcesState.ts';
import { resourceKinds } from '../resources/terms.ts';
import { el } from '../ui/el.ts';
import { bind, emptyState } from '../ui/status.ts';
import { focusLost, focusOpenedPanel } from './panelFocus.ts';
import { tabs, type Tabs } from '../ui/tabs.ts';

/**
 * Items per API page, and the most pages read: the board loads a list whole so its counts are exact
 * and search and sort run over every record (a few hundred on the seed; 20,000 at most).
 */
const listPageSize = 500;
const maxListPages = 40;
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

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const kindLabel = el('label', { for: 'res-kind', class: 'label' });
    const kindSelect = el('select', { id: 'res-kind', class: 'input' });
    const objectiveLabel = el('label', { for: 'res-objective', class: 'label' });
    const objectiveSelect = el('select', { id: 'res-objective', class: 'input' });
    const runButton = el('button', { type: 'button', id: 'run-assign', class: 'btn primary' });
    const searchLabel = el('label', { for: 'board-search', class: 'label' });
    const searchInput = el('input', { id: 'board-search', type: 'search', class: 'input', value: state.board.q, autocomplete: 'off' });
    const sortLabel = el('label', { for: 'board-sort', class: 'label' });
    const sortSelect = el('select', { id: 'board-sort', class: 'input' });
    const statusLabel = el('label', { for: 'board-status', class: 'label' });
    const statusSelect = el('select', { id: 'board-status', class: 'input' });
    const newButton = el('button', { type: 'button', id: 'board-new', class: 'btn primary' });
    const signInNote = el('p', { class: 'muted board-sign-in' });
    const flash = el('p', { class: 'board-flash', role: 'status', 'aria-live': 'polite' });
    const editorArea = el('section', { class: 'panel board-editor', id: 'board-editor', hidden: true });
    const listAreas: Record<Side, HTMLElement> = { demands: el('div', { class: 'res-list-area', 'aria-live': 'polite' }), offers: el('div', { class: 'res-list-area', 'aria-live': 'polite' }) };
    const listHost = el('section', { class: 'col panel res-lists', 'aria-labelledby': 'res-lists-title' });
    const matchArea = el('section', { class: 'col panel res-matches', 'aria-labelledby': 'res-match-title', 'aria-live': 'polite' });
    const assignArea = el('section', { class: 'panel res-assign', id: 'assignment', 'aria-labelledby': 'res-assign-title' });
    let tabBar: Tabs | null = null;

    container.append(el('section', { class: 'view view-resources', 'aria-labelledby': 'view-title' },
      el('header', { class: 'view-head' }, title, intro,
        el('div', { class: 'toolbar' },
          el('div', { class: 'field-inline' }, kindLabel, kindSelect),
          el('div', { class: 'field-inline' }, objectiveLabel, objectiveSelect),
          runButton)),
      el('div', { class: 'toolbar board-toolbar' },
        el('div', { class: 'field-inline' }, searchLabel, searchInput),
        el('div', { class: 'field-inline' }, sortLabel, sortSelect),
        el('div', { class: 'field-inline' }, statusLabel, statusSelect),
        newButton),
      signInNote, flash, editorArea,
      el('div', { class: 'resources-layout' }, listHost, matchArea),
      assignArea));

    const syncUrl = () => history.replaceState(null, '', resourcesHash(state));
    const recordOf = (side: Side, id: string) => (side === 'demands' ? state.demands.items : state.offers.items).find((r) => r.id === id);
    const matchHeading = () => el('h2', { id: 'res-match-title' }, t('res.matchesTitle'));
    const assignHeading = () => el('h2', { id: 'res-assign-title' }, t('res.assignTitle'));

    const labels = () => {
      title.textContent = t('nav.resources');
      intro.textContent = t('res.intro');
      kindLabel.textContent = t('res.kind');
      kindSelect.replaceChildren(el('option', { value: '' }, t('res.allKinds')), ...resourceKinds.map((k) => el('option', { value: k }, tData('rkind', k))));
      kindSelect.value = state.kind;
      objectiveLabel.textContent = t('res.objective');
      objectiveSelect.replaceChildren(...(['total-fit', 'coverage'] as const).map((o) => el('option', { value: o, title: t(`res.objectiveHint.${o}`) }, t(`res.objective.${o}`))));
      objectiveSelect.value = state.objective;
      runButton.textContent = t('res.run');
      searchLabel.textContent = t('board.search');
      searchInput.placeholder = t('board.searchPlaceholder');
      sortLabel.textContent = t('board.sort');
      sortSelect.replaceChildren(...boardSorts.map((k) => el('option', { value: k }, t(`board.sort.${k}`))));
      sortSelect.value = state.board.sort;
      statusLabel.textContent = t('board.status');
      statusSelect.replaceChildren(...boardStatuses.map((k) => el('option', { value: k }, t(k ? `board.status.${k}` : 'board.status.all'))));
      statusSelect.value = state.board.status;
      newButton.textContent = t(state.side === 'offers' ? 'board.newOffer' : 'board.newDemand');
      signInNote.textContent = apiKey() ? '' : t('board.signInToWrite');
      signInNote.hidden = Boolean(apiKey());
    };

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

    const fetchPage = (side: Side, cursor?: string) => {
      const q = { status: state.board.status || undefined, kind: state.kind || undefined, limit: listPageSize, cursor };
      return side === 'demands'
        ? api.demands(q).then((page) => ({ side: 'demands' as const, items: page.items, nextCursor: page.nextCursor }))
        : api.offers(q).then((page) => ({ side: 'offers' as const, items: page.items, nextCursor: page.nextCursor }));
    };

    /** Every page of a list, one after another (the cursor of one names the next). */
    const fetchAll = async (side: Side) => {
      let page = await fetchPage(side);
      const items: unknown[] = [...page.items];
      for (let n = 1; page.nextCursor && n < maxListPages; n++) {
        page = await fetchPage(side, page.nextCursor);
        items.push(...page.items);
      }
      return { ...page, items, nextCursor: page.nextCursor } as typeof page;
    };

    const loadList = (side: Side) => {
      const keepPage = state.board.page[side];
      resetList(state, side);
      stops.push(bind(listAreas[side], () => fetchAll(side), (page) => {
        storePage(state, page, false);
        state.board.page[side] = keepPage;
        renderList(side);
      }));
    };

    const showPage = (side: Side, page: number) => {
      state.board.page[side] = page;
      renderList(side);
      listAreas[side].querySelector<HTMLElement>('.board-count')?.focus();
    };

    // ----- the board: create, edit, close, delete -----
    const say = (text: string) => {
      flash.textContent = text;
      flash.removeAttribute('title');
    };
    /** The button that opened the editor (new, or a record's edit): focus goes back to it when the editor closes. */
    let editorOpener: HTMLElement | null = null;
    const closeEditor = () => {
      state.editing = null;
      editorArea.hidden = true;
      editorArea.replaceChildren();
      if (editorOpener?.isConnected) editorOpener.focus();
      editorOpener = null;
    };
    /** After a write, or a refusal that says the list is out of date (412, 404): read the list again. */
    const refresh = (side: Side) => {
      loadList(side);
      if (state.selected?.side === side) loadMatches();
    };
    const refreshOnStale = (side: Side) => (error: unknown) => {
      const problem = boardProblem(error);
      if (problem.message === 'board.problem.stale' || problem.message === 'board.problem.notFound') refresh(side);
      throw error;
    };
    function openEditor(side: Side, id?: string) {
      const record = id ? recordOf(side, id) : undefined;
      if (id && !record) return;
      state.editing = { side, id };
      editorOpener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      say('');
      const form = boardForm({
        side, record, kind: state.kind || undefined,
        cancel: closeEditor,
        submit: (body) => (record ? boardApi.update(side, record, body) : boardApi.create(side, body)).then((saved) => {
          closeEditor();
          say(t(record ? 'board.saved' : 'board.created', { title: saved.title }));
          refresh(side);
        }, refreshOnStale(side)),
      });
      editorArea.replaceChildren(form);
      editorArea.hidden = false;
      editorArea.scrollIntoView({ block: 'nearest' });
      form.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
    /** Close and delete ask first, then say what happened (or why not) above the lists. */
    const act = (side: Side, id: string, confirmKey: 'board.confirmClose' | 'board.confirmDelete', doneKey: 'board.closed' | 'board.deleted', run: typeof boardApi.remove) => {
      const record = recordOf(side, id);
      if (!record || !window.confirm(t(confirmKey, { title: record.title }))) return;
      run(side, record).then(() => {
        say(t(doneKey, { title: record.title }));
        if (state.selected?.id === id && doneKey === 'board.deleted') state.selected = null;
        refresh(side);
      }, (error: unknown) => {
        const problem = boardProblem(error);
        say(t(problem.message));
        flash.title = problem.detail; // the API's own words, on hover
        if (problem.message === 'board.problem.stale' || problem.message === 'board.problem.notFound') refresh(side);
      });
    };
    function closeRecord(side: Side, id: string) {
      act(side, id, 'board.confirmClose', 'board.closed', async (s, r) => {
        await boardApi.close(s, r);
      });
    }
    function removeRecord(side: Side, id: string) {
      act(side, id, 'board.confirmDelete', 'board.deleted', boardApi.remove);
    }

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
      stopMatch = bind(area, () => api.matchResources(body), (r) => {
        state.matches = r;
        renderMatches();
      });
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
      stopAssign = bind(area, () => api.assign(body).finally(() => {
        runButton.disabled = false;
      }), (r) => {
        storeAssignment(state, r);
        renderAssignment();
        renderList('demands');
        assignArea.scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
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
        tabBar = tabs('res', (['demands', 'offers'] as const).map((key) => ({ key, label: byKey[key], panel: listAreas[key] })), t('res.listsLabel'), state.side, (key) => {
          state.side = key as Side;
          newButton.textContent = t(state.side === 'offers' ? 'board.newOffer' : 'board.newDemand');
        });
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
