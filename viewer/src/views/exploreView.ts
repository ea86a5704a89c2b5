import { api } from '../api/client.ts';
import type { ViewDefinition } from '../app/router.ts';
import { createControls } from '../explore/controls.ts';
import { detailsContent } from '../explore/detailsPanel.ts';
import { createExploreState, exploreHash, resetExploration, rootName, syntheticWanted } from '../explore/exploreState.ts';
import { exportGraph } from '../explore/exportGraph.ts';
import { createGraphStage } from '../explore/graphStage.ts';
import { mergeNeighbourhood, syntheticGraph } from '../explore/graphModel.ts';
import { createSearchPanel } from '../explore/searchPanel.ts';
import { t } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { focusHeading } from './panelFocus.ts';
import { bind, emptyState, errorState, loadingState } from '../ui/status.ts';

/**
 * `#/explore`: search any entity (Chinese full text), open its neighbourhood as a force layout,
 * expand by clicking, filter by label, pin by dragging, zoom and pan, and read a node's properties.
 * SVG up to `canvasThreshold` visible nodes, Canvas above; the layout moves to a Web Worker above
 * `workerThreshold` loaded nodes. Deep links: `?q=正大天晴`, `?id=<entity id>`, `?synthetic=5000`.
 * State lives in explore/exploreState.ts; this file wires the search, the picture, the controls and
 * the details panel together and decides what each action loads.
 */
export const exploreView: ViewDefinition = {
  id: 'explore',
  pattern: '/explore',
  section: 'explore',
  mount({ container, query }) {
    const state = createExploreState(query);
    let stopDetail = () => {};

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const graphTitle = el('h2', { id: 'ex-graph-title' });
    const graphStatus = el('p', { class: 'graph-status muted', role: 'status' });
    const graphMessage = el('div', { class: 'graph-message' });
    const surface = el('div', { class: 'graph-surface' });
    const help = el('p', { class: 'hint graph-help' });
    const detailArea = el('aside', { class: 'col panel explore-detail', 'aria-labelledby': 'ex-detail-title' });

    const syncUrl = () => history.replaceState(null, '', exploreHash(state));
    const announce = (text: string) => {
      graphStatus.textContent = text;
    };
    const graphAria = () => t('explore.graphAria', { name: rootName(state) ?? '', nodes: stage.drawn().nodes.length, links: stage.drawn().links.length });

    /** Set when a search result opens an entity: its details panel takes focus once loaded (graph keys keep focus in the graph). */
    let focusDetail = false;
    const search = createSearchPanel(state, {
      open: (id) => {
        focusDetail = true;
        openEntity(id);
      },
      searched: syncUrl,
    });
    const stage = createGraphStage(surface, state, {
      activate: (id) => activate(id),
      aria: graphAria,
      statesChanged: () => controls.renderNodeList(stage.drawn().nodes),
      pinChanged: (id, on) => {
        announce(t(on ? 'explore.pinnedNote' : 'explore.unpinnedNote', { name: state.graph.nodes.get(id)?.name ?? id }));
        if (state.selected === id) renderDetail();
      },
    });
    const controls = createControls(state, {
      zoomBy: (factor) => stage.zoomBy(factor),
      fit: () => stage.fit(true),
      clear: () => {
        resetExploration(state);
        stage.reset();
        graphMessage.replaceChildren();
        renderGraph();
        renderDetail();
        syncUrl();
      },
      exportAs: (format) => exportGraph(format, state, stage.drawn(), graphAria(), (e) => graphMessage.replaceChildren(errorState(e))),
      filtered: () => renderGraph(),
      pick: (id) => {
        activate(id);
        stage.focusNode(id);
      },
    });

    container.append(
      el(
        'section',
        { class: 'view view-explore', 'aria-labelledby': 'view-title' },
        el('header', { class: 'view-head' }, title, intro),
        el(
          'div',
          { class: 'explore-layout' },
          el('aside', { class: 'col panel explore-search', 'aria-labelledby': 'ex-search-title' }, search.elements),
          el(
            'section',
            { class: 'col panel explore-graph', 'aria-labelledby': 'ex-graph-title' },
            el('div', { class: 'graph-head' }, graphTitle, graphStatus),
            controls.toolbar,
            graphMessage,
            controls.filter,
            surface,
            help,
            controls.nodeList,
          ),
          detailArea,
        ),
      ),
    );

    const labels = () => {
      title.textContent = t('nav.explore');
      intro.textContent = t('explore.intro');
      help.textContent = t('explore.help');
      search.relabel();
      controls.relabel();
    };

    /** Everything around the picture: its title, the status line, the filter, the node list, the current result. */
    const renderChrome = () => {
      const name = rootName(state);
      graphTitle.textContent = state.synthetic
        ? t('explore.syntheticTitle', { n: state.synthetic })
        : name
          ? t('explore.graphTitle', { name })
          : t('explore.graph');
      const has = state.graph.nodes.size > 0;
      const { nodes, links } = stage.drawn();
      controls.enable(has);
      if (!state.loading) {
        announce(
          has
            ? t('explore.status', {
                renderer: t(stage.rendererKind() === 'canvas' ? 'explore.canvas' : 'explore.svg'),
                layout: t(stage.layoutHost() === 'worker' ? 'explore.worker' : 'explore.main'),
                nodes: nodes.length,
                links: links.length,
                total: state.graph.nodes.size,
              })
            : '',
        );
      }
      controls.renderFilter();
      controls.renderNodeList(nodes);
      search.markCurrent();
    };

    const renderGraph = () => {
      stage.render(() => (state.loading ? loadingState(state.loading) : emptyState(t('explore.emptyGraph'), t('explore.emptyGraphTitle'))));
      renderChrome();
    };

    const renderDetail = () => {
      // Redrawn when the neighbourhood arrives after the details: a reader on the heading stays there
      // (replacing the focused element would drop focus to the page).
      const onHeading = document.activeElement?.id === 'ex-detail-name' && detailArea.contains(document.activeElement);
      detailArea.replaceChildren(
        ...detailsContent(state, stage.drawn(), {
          expand: (id) => expand(id, false),
          setPinned: (id, on) => stage.setPinned(id, on),
          recentre: (id) => openEntity(id),
        }),
      );
      if (onHeading) focusHeading(detailArea.querySelector<HTMLElement>('#ex-detail-name'));
    };

    const loadDetail = (id: string) => {
      stopDetail();
      state.detail = null;
      if (state.synthetic || id.startsWith('syn.')) return renderDetail();
      const body = el('div', {});
      detailArea.replaceChildren(el('h2', { id: 'ex-detail-title' }, t('explore.detailTitle')), body);
      stopDetail = bind(
        body,
        () => api.entity(id),
        (d) => {
          state.detail = d;
          renderDetail();
          if (focusDetail) focusHeading(detailArea.querySelector<HTMLElement>('#ex-detail-name'));
          focusDetail = false;
        },
      );
    };

    /** Loads a node's neighbourhood into the graph; `fresh` when it starts a new exploration. */
    const expand = (id: string, fresh: boolean) => {
      const mine = ++state.generation;
      state.loading = t('explore.loadingHood', { name: state.graph.nodes.get(id)?.name ?? id });
      graphMessage.replaceChildren();
      announce(state.loading);
      if (fresh) renderGraph();
      api.neighbourhood(id, state.depth, state.limit).then(
        (hood) => {
          if (mine !== state.generation) return;
          state.loading = null;
          const { graph, added } = mergeNeighbourhood(state.graph, hood);
          state.graph = graph;
          if (added.length > 0 || fresh) stage.relayout(added, id, fresh ? 1 : 0.6);
          renderGraph();
          if (fresh) select(id);
          if (!fresh && added.length === 0) announce(t('explore.nothingNew', { name: hood.center.name }));
          else if (hood.truncated)
            graphMessage.replaceChildren(el('p', { class: 'note' }, t('explore.truncated', { name: hood.center.name, limit: state.limit })));
          syncUrl();
          if (state.detail) renderDetail();
        },
        (error: unknown) => {
          if (mine !== state.generation) return;
          state.loading = null;
          graphMessage.replaceChildren(errorState(error, () => expand(id, fresh)));
          renderGraph();
          if (state.detail) renderDetail();
        },
      );
    };

    const openEntity = (id: string) => {
      resetExploration(state, { selected: id });
      stage.reset();
      expand(id, true);
      loadDetail(id);
    };

    const openSynthetic = (n: number) => {
      resetExploration(state, { graph: syntheticGraph(n), synthetic: n });
      stage.reset();
      stage.relayout([...state.graph.nodes.keys()], null, 1);
      renderGraph();
      renderDetail();
      syncUrl();
    };

    const select = (id: string) => {
      if (state.selected !== id) {
        state.selected = id;
        loadDetail(id);
      }
      stage.select(id);
      controls.renderNodeList();
    };

    const activate = (id: string) => {
      select(id);
      if (!state.graph.expanded.has(id) && !state.synthetic) expand(id, false);
    };

    /** Opens what the address names: a synthetic graph, an entity, and the search. */
    const start = (next: URLSearchParams) => {
      state.q = next.get('q') ?? state.q;
      state.types = next.get('types') ?? state.types;
      search.showQuery();
      const n = syntheticWanted(next);
      const id = next.get('id');
      if (n > 0) openSynthetic(n);
      else if (id && id !== state.graph.root) openEntity(id);
      if (state.q && next.get('q') !== null) search.run();
    };

    labels();
    search.render();
    renderGraph();
    renderDetail();
    start(query);
    if (!state.q && !state.graph.root && !state.synthetic) search.focus();

    return {
      update(_params, next) {
        const wanted = next.get('id');
        if ((next.get('q') ?? '') !== state.q || (wanted && wanted !== state.graph.root) || (Number(next.get('synthetic')) || 0) !== state.synthetic)
          start(next);
      },
      relabel() {
        labels();
        search.render();
        renderGraph();
        renderDetail();
      },
      destroy() {
        search.destroy();
        stopDetail();
        stage.destroy();
      },
    };
  },
};
