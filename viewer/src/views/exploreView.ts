import { zoomIdentity, type ZoomTransform } from 'd3';
import { api } from '../api/client.ts';
import type { EntityDetail, SearchResponse } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { canvasThreshold, chooseLayoutHost, chooseRenderer, emptyGraph, labelCounts, mergeGroups, mergeNeighbourhood, syntheticGraph, visibleGraph, workerThreshold, type ExGraph } from '../explore/graphModel.ts';
import { createCanvasRenderer } from '../explore/canvasRenderer.ts';
import type { LayoutSpec } from '../explore/forceLayout.ts';
import { graphBounds, graphSvg } from '../explore/graphExport.ts';
import { createRunner, workerAvailable, type LayoutRunner } from '../explore/layoutHost.ts';
import { lookOf, type DrawLink, type DrawNode, type GraphRenderer, type RendererCallbacks } from '../explore/nodeStyle.ts';
import { createSvgRenderer } from '../explore/svgRenderer.ts';
import { t, tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { fmtNumber } from '../ui/format.ts';
import { highlighted } from '../ui/highlight.ts';
import { bind, emptyState, errorState, loadingState } from '../ui/status.ts';
import { exportPng, exportSvg } from '../ui/svgExport.ts';

/** Labels the search box can be narrowed to (the API's searchable labels). */
const searchTypes = ['Enterprise', 'ResearchUnit', 'University', 'Talent', 'Topic', 'Segment', 'Product', 'Chain', 'Alliance', 'PartyOrg', 'Park', 'Offer', 'Demand'];
const limits = [50, 150, 500];

function formatValue(value: unknown, key = ''): string {
  if (value === null || value === undefined || value === '') return t('metric.none');
  if (Array.isArray(value)) return value.length === 0 ? t('metric.none') : value.map((v) => formatValue(v, key)).join(t('list.sep'));
  if (typeof value === 'boolean') return value ? t('explore.yes') : t('explore.no');
  if (typeof value === 'number') return /year/i.test(key) ? String(value) : fmtNumber(value, 2);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function labelBadge(label: string): HTMLElement {
  const look = lookOf(label);
  return el('span', { class: 'label-badge' }, el('span', { class: 'node-dot', style: `background:${look.colour}`, 'aria-hidden': 'true' }, look.letter), tData('node', label));
}

/**
 * `#/explore`: search any entity (Chinese full text), open its neighbourhood as a force layout,
 * expand by clicking, filter by label, pin by dragging, zoom and pan, and read a node's properties.
 * SVG up to `canvasThreshold` visible nodes, Canvas above; the layout moves to a Web Worker above
 * `workerThreshold` loaded nodes. Deep links: `?q=正大天晴`, `?id=<entity id>`, `?synthetic=5000`.
 */
export const exploreView: ViewDefinition = {
  id: 'explore',
  pattern: '/explore',
  section: 'explore',
  mount({ container, query }) {
    let q = query.get('q') ?? '';
    let types = query.get('types') ?? '';
    let search: SearchResponse | null = null;
    let groups: SearchResponse['groups'] = [];
    let stopSearch = () => {};
    let stopDetail = () => {};

    let graph: ExGraph = emptyGraph();
    let hidden = new Set<string>();
    const pinned = new Set<string>();
    let selected: string | null = null;
    let detail: EntityDetail | null = null;
    let depth: 1 | 2 = 1;
    let limit = 150;
    let synthetic = 0;

    let ids: string[] = [];
    let indexOf = new Map<string, number>();
    let positions: Float32Array = new Float32Array(0);
    let runner: LayoutRunner | null = null;
    let renderer: GraphRenderer | null = null;
    let transform: ZoomTransform = zoomIdentity;
    let drawNodes: DrawNode[] = [];
    let drawLinks: DrawLink[] = [];
    let userMoved = false;
    let dragMoved = false;
    let ticks = 0;
    let fitted = false;
    let loading: string | null = null;
    let generation = 0;

    // ----- static frame -----
    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const searchTitle = el('h2', { id: 'ex-search-title' });
    const qLabel = el('label', { for: 'ex-q', class: 'label' });
    const qInput = el('input', { id: 'ex-q', class: 'input', type: 'search', name: 'q', value: q, autocomplete: 'off', maxlength: 200 });
    const typesLabel = el('label', { for: 'ex-types', class: 'label' });
    const typesSelect = el('select', { id: 'ex-types', class: 'input' });
    const searchButton = el('button', { type: 'submit', class: 'btn primary' });
    const searchForm = el('form', { role: 'search', class: 'explore-search-form' },
      el('div', { class: 'field' }, qLabel, el('div', { class: 'field-inline' }, qInput, searchButton)),
      el('div', { class: 'field' }, typesLabel, typesSelect));
    const results = el('div', { class: 'search-results', 'aria-live': 'polite' });

    const graphTitle = el('h2', { id: 'ex-graph-title' });
    const graphStatus = el('p', { class: 'graph-status muted', role: 'status' });
    const graphMessage = el('div', { class: 'graph-message' });
    const depthLabel = el('label', { for: 'ex-depth', class: 'label' });
    const depthSelect = el('select', { id: 'ex-depth', class: 'input' });
    const limitLabel = el('label', { for: 'ex-limit', class: 'label' });
    const limitSelect = el('select', { id: 'ex-limit', class: 'input' });
    const zoomIn = el('button', { type: 'button', class: 'btn small icon-btn', 'data-zoom': 'in' }, '+');
    const zoomOut = el('button', { type: 'button', class: 'btn small icon-btn', 'data-zoom': 'out' }, '−');
    const zoomFit = el('button', { type: 'button', class: 'btn small', 'data-zoom': 'fit' });
    const clearButton = el('button', { type: 'button', class: 'btn small' });
    const pngButton = el('button', { type: 'button', class: 'btn small', 'data-export': 'png' });
    const svgButton = el('button', { type: 'button', class: 'btn small', 'data-export': 'svg' });
    const filter = el('fieldset', { class: 'label-filter' });
    const surface = el('div', { class: 'graph-surface' });
    const help = el('p', { class: 'hint graph-help' });
    const nodeList = el('details', { class: 'node-list' });
    const detailArea = el('aside', { class: 'col panel explore-detail', 'aria-labelledby': 'ex-detail-title' });

    container.append(el('section', { class: 'view view-explore', 'aria-labelledby': 'view-title' },
      el('header', { class: 'view-head' }, title, intro),
      el('div', { class: 'explore-layout' },
        el('aside', { class: 'col panel explore-search', 'aria-labelledby': 'ex-search-title' }, searchTitle, searchForm, results),
        el('section', { class: 'col panel explore-graph', 'aria-labelledby': 'ex-graph-title' },
          el('div', { class: 'graph-head' }, graphTitle, graphStatus),
          el('div', { class: 'graph-toolbar' },
            el('div', { class: 'field-inline' }, depthLabel, depthSelect),
            el('div', { class: 'field-inline' }, limitLabel, limitSelect),
            el('div', { class: 'btn-group', role: 'group' }, zoomIn, zoomOut, zoomFit),
            el('div', { class: 'toolbar-end' }, clearButton, pngButton, svgButton)),
          graphMessage, filter, surface, help, nodeList),
        detailArea)));

    const labels = () => {
      title.textContent = t('nav.explore');
      intro.textContent = t('explore.intro');
      searchTitle.textContent = t('explore.searchTitle');
      qLabel.textContent = t('explore.q');
      qInput.placeholder = t('explore.qPlaceholder');
      typesLabel.textContent = t('explore.types');
      typesSelect.replaceChildren(el('option', { value: '' }, t('explore.allTypes')), ...searchTypes.map((l) => el('option', { value: l }, tData('node', l))));
      typesSelect.value = types;
      searchButton.textContent = t('explore.search');
      depthLabel.textContent = t('explore.depth');
      depthSelect.replaceChildren(...[1, 2].map((d) => el('option', { value: d }, t(d === 1 ? 'explore.depth1' : 'explore.depth2'))));
      depthSelect.value = String(depth);
      limitLabel.textContent = t('explore.limit');
      limitSelect.replaceChildren(...limits.map((l) => el('option', { value: l }, String(l))));
      limitSelect.value = String(limit);
      zoomIn.setAttribute('aria-label', t('explore.zoomIn'));
      zoomIn.title = t('explore.zoomIn');
      zoomOut.setAttribute('aria-label', t('explore.zoomOut'));
      zoomOut.title = t('explore.zoomOut');
      zoomFit.textContent = t('explore.zoomFit');
      clearButton.textContent = t('explore.clear');
      pngButton.textContent = t('export.png');
      svgButton.textContent = t('export.svg');
      help.textContent = t('explore.help');
    };

    // ----- URL: the search and the opened node, so a reload or a shared link comes back here -----
    const syncUrl = () => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (types) params.set('types', types);
      if (synthetic) params.set('synthetic', String(synthetic));
      else if (graph.root) params.set('id', graph.root);
      const text = params.toString();
      history.replaceState(null, '', `#/explore${text ? `?${text}` : ''}`);
    };

    // ----- search -----
    const renderResults = () => {
      if (!search) {
        results.replaceChildren(el('p', { class: 'muted' }, t('explore.searchHint')));
        return;
      }
      if (groups.length === 0) {
        results.replaceChildren(emptyState(t('explore.noResults', { q })));
        return;
      }
      const more = el('button', { type: 'button', class: 'btn small load-more' }, t('explore.more'));
      more.addEventListener('click', () => {
        if (!search?.nextCursor) return;
        more.disabled = true;
        more.textContent = t('state.loading');
        api.search(q, { types: types ? [types] : undefined, limit: 20, cursor: search.nextCursor }).then((page) => {
          search = page;
          groups = mergeGroups(groups, page.groups);
          renderResults();
          results.querySelector<HTMLElement>('.load-more')?.focus();
        }, (error: unknown) => results.append(errorState(error)));
      });
      const count = groups.reduce((n, g) => n + g.items.length, 0);
      results.replaceChildren(
        el('p', { class: 'result-count' }, t('explore.resultCount', { n: count }), search.textProvider === 'embedding' ? el('span', { class: 'provider' }, ` · ${t('provider.embedding')}`) : null),
        ...groups.map((g) => el('section', { class: 'result-group', 'data-type': g.type, 'aria-label': `${tData('node', g.type)} (${g.items.length})` },
          el('h3', { class: 'result-type' }, labelBadge(g.type), el('span', { class: 'muted' }, ` ${g.items.length}`)),
          el('ul', { class: 'result-list' }, g.items.map((hit) => el('li', {},
            el('button', { type: 'button', class: `result${graph.root === hit.id ? ' current' : ''}`, 'data-id': hit.id, 'aria-current': graph.root === hit.id ? 'true' : false, onclick: () => openEntity(hit.id) },
              el('span', { class: 'result-name' }, highlighted(hit.highlight, hit.name), demoBadge(hit.demo)),
              hit.description ? el('span', { class: 'result-desc' }, hit.description) : null)))))),
        search.nextCursor ? more : '');
    };
    const runSearch = () => {
      stopSearch();
      q = qInput.value.trim();
      types = typesSelect.value;
      syncUrl();
      if (!q) {
        search = null;
        renderResults();
        return;
      }
      stopSearch = bind(results, () => api.search(q, { types: types ? [types] : undefined, limit: 20 }), (r) => {
        search = r;
        groups = r.groups;
        renderResults();
      });
    };
    searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      runSearch();
    });
    typesSelect.addEventListener('change', () => {
      if (qInput.value.trim()) runSearch();
    });

    // ----- the graph -----
    const surfaceSize = () => ({ width: Math.max(320, surface.clientWidth || 640), height: Math.max(320, surface.clientHeight || 480) });

    const fit = (animate = true) => {
      if (!renderer) return;
      const box = graphBounds(drawNodes, positions, 30);
      if (!box) return;
      const { width, height } = surfaceSize();
      const k = Math.min(2, 0.95 * Math.min(width / box.width, height / box.height));
      renderer.zoomTo(zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(box.x + box.width / 2), -(box.y + box.height / 2)), animate);
    };

    const onTick = (next: Float32Array, settled: boolean) => {
      if (next.length !== ids.length * 2) return; // a late answer for a graph since replaced
      positions = next;
      renderer?.draw(positions);
      surface.dataset.settled = String(settled);
      ticks++;
      // fit at once (a fresh graph), again once the layout has spread out, and when it comes to rest
      if (!userMoved && ((!fitted && (ticks === 1 || ticks === 40)) || settled)) {
        if (ticks >= 40) fitted = true;
        fit(ticks > 1);
      }
    };

    const callbacks: RendererCallbacks = {
      activate: (id) => activate(id),
      unpin: (id) => setPinned(id, false),
      togglePin: (id) => setPinned(id, !pinned.has(id)),
      drag: (node, x, y, phase) => {
        if (!runner) return;
        // a press without movement is a click, not a drag: only a real move pins the node
        if (phase === 'start') {
          dragMoved = false;
          return;
        }
        if (phase === 'move') {
          dragMoved = true;
          userMoved = true;
          runner.drag(node.index, x, y);
          return;
        }
        if (!dragMoved) return;
        runner.drop(node.index);
        if (!pinned.has(node.id)) {
          pinned.add(node.id);
          refreshStates();
          announce(t('explore.pinnedNote', { name: node.name }));
          if (selected === node.id) renderDetail();
        }
      },
      zoomed: (next, byUser) => {
        transform = next;
        if (byUser) userMoved = true;
      },
    };

    const sortedVisible = () => {
      const visible = visibleGraph(graph, hidden);
      const rank = (id: string) => (id === graph.root ? 0 : graph.expanded.has(id) ? 1 : 2);
      visible.nodes.sort((a, b) => rank(a.id) - rank(b.id) || a.label.localeCompare(b.label) || a.name.localeCompare(b.name, 'zh-CN'));
      return visible;
    };

    const buildDraw = () => {
      const visible = sortedVisible();
      drawNodes = visible.nodes.map((n) => ({
        id: n.id, label: n.label, name: n.name, demo: n.demo, index: indexOf.get(n.id)!, root: n.id === graph.root, expanded: graph.expanded.has(n.id), pinned: pinned.has(n.id), truncated: graph.truncated.has(n.id),
      }));
      drawLinks = visible.links.map((l) => ({ key: l.key, type: l.type, source: indexOf.get(l.source)!, target: indexOf.get(l.target)! }));
    };

    /** Node states changed (pinned, expanded, selected): redraw without touching the layout. */
    const refreshStates = () => {
      buildDraw();
      renderer?.setData(drawNodes, drawLinks);
      renderer?.setSelected(selected);
      renderNodeList();
    };

    const graphAria = () => t('explore.graphAria', { name: graph.root ? graph.nodes.get(graph.root)?.name ?? '' : '', nodes: drawNodes.length, links: drawLinks.length });

    const renderGraph = () => {
      buildDraw();
      if (graph.nodes.size === 0) {
        renderer?.destroy();
        renderer = null;
        surface.replaceChildren(loading ? loadingState(loading) : emptyState(t('explore.emptyGraph'), t('explore.emptyGraphTitle')));
        surface.removeAttribute('data-renderer');
        renderChrome();
        return;
      }
      const kind = chooseRenderer(drawNodes.length);
      if (!renderer || renderer.kind !== kind) {
        renderer?.destroy();
        surface.replaceChildren();
        const { width, height } = surfaceSize();
        const initial = renderer ? transform : transform === zoomIdentity ? zoomIdentity.translate(width / 2, height / 2) : transform;
        renderer = kind === 'canvas'
          ? createCanvasRenderer(surface, width, height, initial, graphAria(), callbacks)
          : createSvgRenderer(surface, width, height, initial, graphAria(), callbacks);
      }
      renderer.element.setAttribute('aria-label', graphAria());
      surface.dataset.renderer = kind;
      surface.dataset.layout = runner?.host ?? 'main';
      renderer.setData(drawNodes, drawLinks);
      renderer.setSelected(selected);
      if (positions.length === ids.length * 2) renderer.draw(positions);
      renderChrome();
    };

    /** Restarts the layout over every loaded node, keeping the places of those already laid out. */
    const relayout = (added: string[], anchorId: string | null, alpha: number) => {
      const previous = new Map(ids.map((id, i) => [id, [positions[2 * i], positions[2 * i + 1]] as const]));
      ids = [...graph.nodes.keys()];
      indexOf = new Map(ids.map((id, i) => [id, i]));
      const anchor = (anchorId && previous.get(anchorId)) || ([0, 0] as const);
      const fresh = new Set(added);
      let k = 0;
      const spec: LayoutSpec = {
        nodes: ids.map((id) => {
          const old = previous.get(id);
          if (old && Number.isFinite(old[0]) && !fresh.has(id)) return { id, x: old[0], y: old[1], fixed: pinned.has(id) };
          if (id === anchorId) return { id, x: anchor[0], y: anchor[1] };
          // new neighbours start in a small spiral around the node they came from
          const i = k++;
          const r = 24 + 6 * Math.sqrt(i);
          return { id, x: anchor[0] + r * Math.cos(i * 2.399963), y: anchor[1] + r * Math.sin(i * 2.399963) };
        }),
        links: [...graph.links.values()].map((l) => ({ source: indexOf.get(l.source)!, target: indexOf.get(l.target)! })),
      };
      positions = new Float32Array(ids.length * 2);
      spec.nodes.forEach((n, i) => {
        positions[2 * i] = n.x ?? 0;
        positions[2 * i + 1] = n.y ?? 0;
      });
      const host = chooseLayoutHost(ids.length, { workerAvailable: workerAvailable() });
      if (!runner || runner.host !== host) {
        runner?.destroy();
        runner = createRunner(host, onTick);
      }
      ticks = 0;
      surface.dataset.settled = 'false';
      runner.start(spec, alpha);
    };

    const announce = (text: string) => {
      graphStatus.textContent = text;
    };

    const renderChrome = () => {
      const rootName = graph.root ? graph.nodes.get(graph.root)?.name : null;
      graphTitle.textContent = synthetic ? t('explore.syntheticTitle', { n: synthetic }) : rootName ? t('explore.graphTitle', { name: rootName }) : t('explore.graph');
      const has = graph.nodes.size > 0;
      for (const b of [zoomIn, zoomOut, zoomFit, clearButton, pngButton, svgButton]) b.disabled = !has;
      if (!loading) {
        announce(has ? t('explore.status', {
          renderer: t(renderer?.kind === 'canvas' ? 'explore.canvas' : 'explore.svg'),
          layout: t(runner?.host === 'worker' ? 'explore.worker' : 'explore.main'),
          nodes: drawNodes.length, links: drawLinks.length, total: graph.nodes.size,
        }) : '');
      }
      renderFilter();
      renderNodeList();
      renderResultsCurrent();
    };

    const renderResultsCurrent = () => {
      for (const b of results.querySelectorAll<HTMLButtonElement>('button.result')) {
        const on = b.dataset.id === graph.root;
        b.classList.toggle('current', on);
        if (on) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      }
    };

    const renderFilter = () => {
      const counts = labelCounts(graph);
      if (counts.length === 0) {
        filter.replaceChildren();
        filter.hidden = true;
        return;
      }
      filter.hidden = false;
      const showAll = el('button', { type: 'button', class: 'btn small', onclick: () => {
        hidden = new Set();
        renderGraph();
      } }, t('explore.showAll'));
      filter.replaceChildren(el('legend', { class: 'label' }, t('explore.filter')),
        el('div', { class: 'filter-items' }, counts.map(({ label, count }) => {
          const look = lookOf(label);
          const box = el('input', { type: 'checkbox', value: label, checked: !hidden.has(label), 'data-label': label });
          box.addEventListener('change', () => {
            hidden = new Set(hidden);
            if (box.checked) hidden.delete(label);
            else hidden.add(label);
            renderGraph();
            filter.querySelector<HTMLInputElement>(`input[data-label="${label}"]`)?.focus();
          });
          return el('label', { class: 'check filter-item' }, box,
            el('span', { class: 'node-dot', style: `background:${look.colour}`, 'aria-hidden': 'true' }, look.letter),
            `${tData('node', label)} `, el('span', { class: 'muted' }, String(count)));
        }), hidden.size > 0 ? showAll : null));
    };

    const renderNodeList = () => {
      const summary = el('summary', {}, t('explore.nodeList', { n: drawNodes.length }));
      const cap = 500;
      const items = nodeList.open
        ? el('ul', { class: 'node-items' }, drawNodes.slice(0, cap).map((n) => el('li', {},
          el('button', { type: 'button', class: `node-item${n.id === selected ? ' selected' : ''}`, 'data-id': n.id, 'aria-pressed': String(n.id === selected), onclick: () => {
            activate(n.id);
            renderer?.focusNode(n.id);
          } }, el('span', { class: 'node-dot', style: `background:${lookOf(n.label).colour}`, 'aria-hidden': 'true' }, lookOf(n.label).letter), n.name, demoBadge(n.demo),
          n.pinned ? el('span', { class: 'muted' }, ` · ${t('explore.state.pinned')}`) : null))))
        : null;
      nodeList.replaceChildren(summary, items ?? '', drawNodes.length > cap && nodeList.open ? el('p', { class: 'muted' }, t('explore.nodeListCap', { n: cap })) : '');
      nodeList.hidden = drawNodes.length === 0;
    };
    nodeList.addEventListener('toggle', () => renderNodeList());

    // ----- loading neighbourhoods -----
    const expand = (id: string, fresh: boolean) => {
      const mine = ++generation;
      const name = graph.nodes.get(id)?.name ?? id;
      loading = t('explore.loadingHood', { name });
      graphMessage.replaceChildren();
      announce(loading);
      if (fresh) renderGraph();
      api.neighbourhood(id, depth, limit).then((hood) => {
        if (mine !== generation) return;
        loading = null;
        const { graph: merged, added } = mergeNeighbourhood(graph, hood);
        graph = merged;
        if (added.length > 0 || fresh) relayout(added, id, fresh ? 1 : 0.6);
        renderGraph();
        if (fresh) select(id);
        if (!fresh && added.length === 0) announce(t('explore.nothingNew', { name: hood.center.name }));
        else if (hood.truncated) graphMessage.replaceChildren(el('p', { class: 'note' }, t('explore.truncated', { name: hood.center.name, limit })));
        syncUrl();
        if (detail) renderDetail();
      }, (error: unknown) => {
        if (mine !== generation) return;
        loading = null;
        graphMessage.replaceChildren(errorState(error, () => expand(id, fresh)));
        renderGraph();
        if (detail) renderDetail();
      });
    };

    const openEntity = (id: string) => {
      synthetic = 0;
      graph = emptyGraph();
      pinned.clear();
      ids = [];
      indexOf = new Map();
      positions = new Float32Array(0);
      runner?.destroy();
      runner = null;
      transform = zoomIdentity;
      renderer?.destroy();
      renderer = null;
      userMoved = false;
      fitted = false;
      selected = id;
      expand(id, true);
      loadDetail(id);
    };

    const openSynthetic = (n: number) => {
      synthetic = n;
      ++generation;
      loading = null;
      graph = syntheticGraph(n);
      pinned.clear();
      runner?.destroy();
      runner = null;
      renderer?.destroy();
      renderer = null;
      ids = [];
      positions = new Float32Array(0);
      transform = zoomIdentity;
      userMoved = false;
      fitted = false;
      selected = null;
      relayout([...graph.nodes.keys()], null, 1);
      renderGraph();
      renderDetail();
      syncUrl();
    };

    const activate = (id: string) => {
      select(id);
      if (!graph.expanded.has(id) && !synthetic) expand(id, false);
    };

    const select = (id: string) => {
      if (selected !== id) {
        selected = id;
        loadDetail(id);
      }
      renderer?.setSelected(id);
      renderNodeList();
    };

    const setPinned = (id: string, on: boolean) => {
      const i = indexOf.get(id);
      if (i === undefined || !runner) return;
      if (on) {
        runner.drag(i, positions[2 * i], positions[2 * i + 1]);
        runner.drop(i);
        pinned.add(id);
      } else {
        runner.unpin(i);
        pinned.delete(id);
      }
      refreshStates();
      const name = graph.nodes.get(id)?.name ?? id;
      announce(t(on ? 'explore.pinnedNote' : 'explore.unpinnedNote', { name }));
      if (selected === id) renderDetail();
    };

    // ----- the details panel -----
    const loadDetail = (id: string) => {
      stopDetail();
      detail = null;
      if (synthetic || id.startsWith('syn.')) return renderDetail();
      const body = el('div', {});
      detailArea.replaceChildren(el('h2', { id: 'ex-detail-title' }, t('explore.detailTitle')), body);
      stopDetail = bind(body, () => api.entity(id), (d) => {
        detail = d;
        renderDetail();
      });
    };

    const renderDetail = () => {
      const heading = el('h2', { id: 'ex-detail-title' }, t('explore.detailTitle'));
      if (synthetic) {
        detailArea.replaceChildren(heading, el('p', {}, t('explore.syntheticNote', { n: synthetic, canvas: canvasThreshold, worker: workerThreshold })));
        return;
      }
      if (!selected || !detail) {
        detailArea.replaceChildren(heading, emptyState(t('explore.detailNone'), t('explore.detailTitle')));
        return;
      }
      const d = detail;
      const isPinned = pinned.has(d.id);
      const inGraph = graph.nodes.has(d.id);
      const expandButton = el('button', { type: 'button', class: 'btn primary', 'data-action': 'expand', disabled: !inGraph || Boolean(loading) }, graph.expanded.has(d.id) ? t('explore.expandAgain') : t('explore.expand'));
      expandButton.addEventListener('click', () => expand(d.id, false));
      const pinButton = el('button', { type: 'button', class: 'btn', 'data-action': 'pin', 'aria-pressed': String(isPinned), disabled: !inGraph }, isPinned ? t('explore.unpin') : t('explore.pin'));
      pinButton.addEventListener('click', () => setPinned(d.id, !isPinned));
      const recentre = el('button', { type: 'button', class: 'btn', 'data-action': 'recentre', disabled: graph.root === d.id }, t('explore.recentre'));
      recentre.addEventListener('click', () => openEntity(d.id));
      const links: HTMLElement[] = [];
      if (d.label === 'Enterprise') {
        links.push(el('a', { href: `#/pairing?enterpriseId=${encodeURIComponent(d.id)}&name=${encodeURIComponent(d.name)}` }, t('explore.toPairing')));
        links.push(el('a', { href: `#/pairing?tab=talent&enterpriseId=${encodeURIComponent(d.id)}&name=${encodeURIComponent(d.name)}` }, t('explore.toTalent')));
      } else if (d.label === 'ResearchUnit') {
        links.push(el('a', { href: `#/pairing?researchUnitId=${encodeURIComponent(d.id)}&name=${encodeURIComponent(d.name)}` }, t('explore.toPairing')));
      } else if (d.label === 'Demand') {
        links.push(el('a', { href: `#/resources?demand=${encodeURIComponent(d.id)}` }, t('explore.toResources')));
      }
      const at = indexOf.get(d.id);
      const incident = drawLinks.filter((l) => l.source === at || l.target === at);
      const loadedDegree = incident.length;
      // the relationships shown, by type and direction: what the picture says, in words
      const byType = new Map<string, number>();
      for (const l of incident) {
        const key = l.source === at ? `${l.type} →` : `← ${l.type}`;
        byType.set(key, (byType.get(key) ?? 0) + 1);
      }
      const props = Object.entries(d.properties).filter(([k]) => k !== 'name' && k !== 'id').sort(([a], [b]) => a.localeCompare(b));
      detailArea.replaceChildren(heading,
        el('article', { class: 'entity-detail', 'aria-labelledby': 'ex-detail-name' },
          el('h3', { id: 'ex-detail-name', class: 'entity-name' }, d.name),
          el('p', {}, labelBadge(d.label), demoBadge(d.demo), isPinned ? el('span', { class: 'chip' }, t('explore.state.pinned')) : null),
          d.demo ? el('p', { class: 'note demo-note' }, t('demo.title')) : null,
          el('dl', { class: 'figures two' },
            el('div', { class: 'figure wide' }, el('dt', {}, t('explore.id')), el('dd', { class: 'mono' }, d.id)),
            el('div', { class: 'figure' }, el('dt', {}, t('explore.degree')), el('dd', {}, t('explore.degreeValue', { all: d.degree, loaded: loadedDegree })))),
          graph.truncated.has(d.id) ? el('p', { class: 'note' }, t('explore.truncatedShort')) : null,
          el('div', { class: 'detail-actions' }, expandButton, pinButton, recentre),
          links.length > 0 ? el('p', { class: 'detail-links' }, links.flatMap((a, i) => (i > 0 ? [' · ', a] : [a]))) : null,
          byType.size > 0 ? el('h4', {}, t('explore.relations')) : null,
          byType.size > 0 ? el('ul', { class: 'chips relations' }, [...byType].sort((a, b) => b[1] - a[1]).map(([k, n]) => el('li', { class: 'chip mono' }, `${k} ${n}`))) : null,
          el('h4', {}, t('explore.properties')),
          props.length === 0 ? el('p', { class: 'muted' }, t('metric.none')) : el('table', { class: 'table props' },
            el('tbody', {}, props.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, formatValue(v, k))))))));
    };

    // ----- toolbar -----
    depthSelect.addEventListener('change', () => {
      depth = depthSelect.value === '2' ? 2 : 1;
    });
    limitSelect.addEventListener('change', () => {
      limit = Number(limitSelect.value) || 150;
    });
    zoomIn.addEventListener('click', () => {
      userMoved = true;
      renderer?.zoomBy(1.3);
    });
    zoomOut.addEventListener('click', () => {
      userMoved = true;
      renderer?.zoomBy(1 / 1.3);
    });
    zoomFit.addEventListener('click', () => fit(true));
    clearButton.addEventListener('click', () => {
      ++generation;
      loading = null;
      synthetic = 0;
      graph = emptyGraph();
      runner?.destroy();
      runner = null;
      ids = [];
      positions = new Float32Array(0);
      selected = null;
      detail = null;
      graphMessage.replaceChildren();
      renderGraph();
      renderDetail();
      syncUrl();
    });
    const exportName = () => (synthetic ? `synthetic_${synthetic}` : `${graph.root ? graph.nodes.get(graph.root)?.name ?? 'graph' : 'graph'}_${t('nav.explore')}`);
    pngButton.addEventListener('click', () => void exportPng(graphSvg(drawNodes, drawLinks, positions, graphAria()), exportName()).catch((e: unknown) => graphMessage.replaceChildren(errorState(e))));
    svgButton.addEventListener('click', () => exportSvg(graphSvg(drawNodes, drawLinks, positions, graphAria()), exportName()));

    const observer = new ResizeObserver(() => {
      if (!renderer) return;
      const { width, height } = surfaceSize();
      renderer.resize(width, height);
    });
    observer.observe(surface);

    // ----- start -----
    const start = (query: URLSearchParams) => {
      q = query.get('q') ?? q;
      types = query.get('types') ?? types;
      qInput.value = q;
      typesSelect.value = types;
      const n = Number(query.get('synthetic'));
      if (Number.isFinite(n) && n > 0) openSynthetic(Math.min(20_000, Math.round(n)));
      else if (query.get('id') && query.get('id') !== graph.root) openEntity(query.get('id')!);
      if (q && query.get('q') !== null) runSearch();
    };

    labels();
    renderResults();
    renderGraph();
    renderDetail();
    start(query);
    if (!q && !graph.root && !synthetic) qInput.focus();

    return {
      update(_params, next) {
        const wanted = next.get('id');
        const syntheticWanted = Number(next.get('synthetic')) || 0;
        if ((next.get('q') ?? '') !== q || (wanted && wanted !== graph.root) || syntheticWanted !== synthetic) start(next);
      },
      relabel() {
        labels();
        renderResults();
        renderGraph();
        renderDetail();
      },
      destroy() {
        stopSearch();
        stopDetail();
        observer.disconnect();
        runner?.destroy();
        renderer?.destroy();
      },
    };
  },
};
