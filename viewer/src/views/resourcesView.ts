import { api } from '../api/client.ts';
import type { AssignObjective, ResourceKind } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { t, tData } from '../i18n/i18n.ts';
import { assignmentContent } from '../resources/assignmentPanel.ts';
import { listContent, listTabLabel } from '../resources/resourceLists.ts';
import { resourceMatchesContent } from '../resources/resourceMatches.ts';
import { createResourcesState, resetList, resourcesHash, storeAssignment, storePage, type Side } from '../resources/resourcesState.ts';
import { resourceKinds } from '../resources/terms.ts';
import { el } from '../ui/el.ts';
import { bind, emptyState, errorState } from '../ui/status.ts';
import { tabs, type Tabs } from '../ui/tabs.ts';

/** Items per list page (open demands and offers are a few hundred on the seed). */
const listPageSize = 100;
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
      el('div', { class: 'resources-layout' }, listHost, matchArea),
      assignArea));

    const syncUrl = () => history.replaceState(null, '', resourcesHash(state));
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
    };

    // ----- the two lists -----
    const tabLabels = () => ({ demands: listTabLabel(state, 'demands'), offers: listTabLabel(state, 'offers') });

    const selectItem = (side: Side, id: string) => {
      state.selected = { side, id };
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
      listAreas[side].replaceChildren(...listContent(state, side, { select: selectItem, more: (s) => loadList(s, true) }));
      tabBar?.relabel(tabLabels(), t('res.listsLabel'));
    };

    const fetchPage = (side: Side, cursor?: string) => {
      const q = { status: 'open' as const, kind: state.kind || undefined, limit: listPageSize, cursor };
      return side === 'demands'
        ? api.demands(q).then((page) => ({ side: 'demands' as const, items: page.items, nextCursor: page.nextCursor }))
        : api.offers(q).then((page) => ({ side: 'offers' as const, items: page.items, nextCursor: page.nextCursor }));
    };

    const loadList = (side: Side, more = false) => {
      const area = listAreas[side];
      const store = (page: Awaited<ReturnType<typeof fetchPage>>) => {
        storePage(state, page, more);
        renderList(side);
      };
      if (!more) {
        resetList(state, side);
        stops.push(bind(area, () => fetchPage(side), store));
        return;
      }
      const button = area.querySelector<HTMLButtonElement>('.load-more');
      if (button) {
        button.disabled = true;
        button.textContent = t('state.loading');
      }
      fetchPage(side, state[side].nextCursor ?? undefined).then(store, (error: unknown) => area.append(errorState(error)));
    };

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
    };

    const loadMatches = () => {
      stopMatch();
      state.matches = null;
      const selected = state.selected;
      if (!selected) return renderMatches();
      const body = selected.side === 'demands' ? { demandId: selected.id, limit: matchLimit } : { offerId: selected.id, limit: matchLimit };
      const area = el('div', {});
      matchArea.replaceChildren(matchHeading(), area);
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

    const renderFrame = () => {
      labels();
      if (!tabBar) {
        const byKey = tabLabels();
        tabBar = tabs('res', (['demands', 'offers'] as const).map((key) => ({ key, label: byKey[key], panel: listAreas[key] })), t('res.listsLabel'), state.side, (key) => {
          state.side = key as Side;
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
        for (const stop of stops) stop();
        stopMatch();
        stopAssign();
      },
    };
  },
};
