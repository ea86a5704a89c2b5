import { t, tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { exploreLimits, type ExploreState } from './exploreState.ts';
import { labelCounts } from './graphModel.ts';
import { lookOf, type DrawNode } from './nodeStyle.ts';

/** One zoom button press scales the view by this factor (or its inverse). */
const zoomStep = 1.3;
/** The node list renders at most this many entries; the picture itself shows them all. */
const nodeListCap = 500;

export interface ControlActions {
  zoomBy(factor: number): void;
  fit(): void;
  clear(): void;
  exportAs(format: 'png' | 'svg'): void;
  /** The label filter changed: redraw. */
  filtered(): void;
  /** A node chosen in the node list. */
  pick(id: string): void;
}

const dot = (label: string) => el('span', { class: 'node-dot', style: `background:${lookOf(label).colour}`, 'aria-hidden': 'true' }, lookOf(label).letter);

/**
 * The graph's controls: the toolbar (depth and size of the next expansion, zoom, clear, export), the
 * label filter with counts, and the node list (the picture's nodes as buttons, for keyboards and readers).
 */
export function createControls(state: ExploreState, actions: ControlActions) {
  const depthLabel = el('label', { for: 'ex-depth', class: 'label' });
  const depthSelect = el('select', { id: 'ex-depth', class: 'input' });
  const limitLabel = el('label', { for: 'ex-limit', class: 'label' });
  const limitSelect = el('select', { id: 'ex-limit', class: 'input' });
  const zoomIn = el('button', { type: 'button', class: 'btn small icon-btn', 'data-zoom': 'in', onclick: () => actions.zoomBy(zoomStep) }, '+');
  const zoomOut = el('button', { type: 'button', class: 'btn small icon-btn', 'data-zoom': 'out', onclick: () => actions.zoomBy(1 / zoomStep) }, '−');
  const zoomFit = el('button', { type: 'button', class: 'btn small', 'data-zoom': 'fit', onclick: () => actions.fit() });
  const clearButton = el('button', { type: 'button', class: 'btn small', onclick: () => actions.clear() });
  const pngButton = el('button', { type: 'button', class: 'btn small', 'data-export': 'png', onclick: () => actions.exportAs('png') });
  const svgButton = el('button', { type: 'button', class: 'btn small', 'data-export': 'svg', onclick: () => actions.exportAs('svg') });
  const filter = el('fieldset', { class: 'label-filter' });
  const nodeList = el('details', { class: 'node-list' });
  let listed: DrawNode[] = [];

  depthSelect.addEventListener('change', () => {
    state.depth = depthSelect.value === '2' ? 2 : 1;
  });
  limitSelect.addEventListener('change', () => {
    state.limit = Number(limitSelect.value) || 150;
  });

  const toolbar = el(
    'div',
    { class: 'graph-toolbar' },
    el('div', { class: 'field-inline' }, depthLabel, depthSelect),
    el('div', { class: 'field-inline' }, limitLabel, limitSelect),
    el('div', { class: 'btn-group', role: 'group' }, zoomIn, zoomOut, zoomFit),
    el('div', { class: 'toolbar-end' }, clearButton, pngButton, svgButton),
  );

  const setHidden = (label: string, shown: boolean) => {
    state.hidden = new Set(state.hidden);
    if (shown) state.hidden.delete(label);
    else state.hidden.add(label);
    actions.filtered();
    filter.querySelector<HTMLInputElement>(`input[data-label="${label}"]`)?.focus();
  };

  const renderFilter = () => {
    const counts = labelCounts(state.graph);
    filter.hidden = counts.length === 0;
    if (counts.length === 0) return filter.replaceChildren();
    const showAll = el(
      'button',
      {
        type: 'button',
        class: 'btn small',
        onclick: () => {
          state.hidden = new Set();
          actions.filtered();
        },
      },
      t('explore.showAll'),
    );
    filter.replaceChildren(
      el('legend', { class: 'label' }, t('explore.filter')),
      el(
        'div',
        { class: 'filter-items' },
        counts.map(({ label, count }) => {
          const box = el('input', { type: 'checkbox', value: label, checked: !state.hidden.has(label), 'data-label': label });
          box.addEventListener('change', () => setHidden(label, box.checked));
          return el('label', { class: 'check filter-item' }, box, dot(label), `${tData('node', label)} `, el('span', { class: 'muted' }, String(count)));
        }),
        state.hidden.size > 0 ? showAll : null,
      ),
    );
  };

  const renderNodeList = (nodes: DrawNode[] = listed) => {
    listed = nodes;
    const items = nodeList.open
      ? el(
          'ul',
          { class: 'node-items' },
          nodes.slice(0, nodeListCap).map((n) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  class: `node-item${n.id === state.selected ? ' selected' : ''}`,
                  'data-id': n.id,
                  'aria-pressed': String(n.id === state.selected),
                  onclick: () => actions.pick(n.id),
                },
                dot(n.label),
                n.name,
                demoBadge(n.demo),
                n.pinned ? el('span', { class: 'muted' }, ` · ${t('explore.state.pinned')}`) : null,
              ),
            ),
          ),
        )
      : '';
    nodeList.replaceChildren(
      el('summary', {}, t('explore.nodeList', { n: nodes.length })),
      items,
      nodes.length > nodeListCap && nodeList.open ? el('p', { class: 'muted' }, t('explore.nodeListCap', { n: nodeListCap })) : '',
    );
    nodeList.hidden = nodes.length === 0;
  };
  nodeList.addEventListener('toggle', () => renderNodeList());

  return {
    toolbar,
    filter,
    nodeList,
    renderFilter,
    renderNodeList,
    /** Buttons that need a graph are disabled without one. */
    enable(hasGraph: boolean) {
      for (const b of [zoomIn, zoomOut, zoomFit, clearButton, pngButton, svgButton]) b.disabled = !hasGraph;
    },
    relabel() {
      depthLabel.textContent = t('explore.depth');
      depthSelect.replaceChildren(...[1, 2].map((d) => el('option', { value: d }, t(d === 1 ? 'explore.depth1' : 'explore.depth2'))));
      depthSelect.value = String(state.depth);
      limitLabel.textContent = t('explore.limit');
      limitSelect.replaceChildren(...exploreLimits.map((l) => el('option', { value: l }, String(l))));
      limitSelect.value = String(state.limit);
      for (const [button, key] of [
        [zoomIn, 'explore.zoomIn'],
        [zoomOut, 'explore.zoomOut'],
      ] as const) {
        button.setAttribute('aria-label', t(key));
        button.title = t(key);
      }
      zoomFit.textContent = t('explore.zoomFit');
      clearButton.textContent = t('explore.clear');
      pngButton.textContent = t('export.png');
      svgButton.textContent = t('export.svg');
    },
  };
}
