import { api } from '../api/client.ts';
import type { ChainMap } from '../api/types.ts';
import { href, type ViewDefinition } from '../app/router.ts';
import { drawChainMap } from '../chainMap/drawChainMap.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { healthStyle } from '../chainMap/healthStyle.ts';
import { priorityText } from '../chainMap/priorityText.ts';
import { t, tData } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { fmtYi } from '../ui/format.ts';
import { bind, emptyState, errorState } from '../ui/status.ts';
import { saveBlob } from '../ui/download.ts';
import { exportPng, exportSvg } from '../ui/svgExport.ts';
import { createChainMapState, gapLists, openChain } from './chain/chainMapState.ts';

const lastChainKey = 'chainmatch.chain';

function rememberChain(id: string): void {
  try {
    localStorage.setItem(lastChainKey, id);
  } catch {
    // not remembered; harmless
  }
}

function rememberedChain(): string | null {
  try {
    return localStorage.getItem(lastChainKey);
  } catch {
    return null;
  }
}

export function chainLabel(c: { name: string; nameEn: string; assumed?: boolean }): string {
  return `${segmentName(c)}${c.assumed ? t('chain.assumed') : ''}`;
}

/** `#/chain`: opens the chain last looked at, or the first one. */
export const chainIndexView: ViewDefinition = {
  id: 'chain-index',
  pattern: '/chain',
  section: 'chain',
  mount({ container }) {
    const area = el('div', { class: 'view' });
    container.append(area);
    const stop = bind(area, api.chains, (chains) => {
      if (chains.length === 0) return area.append(emptyState(t('chain.noChains')));
      const remembered = rememberedChain();
      const id = chains.some((c) => c.id === remembered) ? remembered! : chains[0].id;
      location.replace(href('chain', id));
    });
    return { destroy: stop };
  },
};

/** `#/chain/:chainId`: the chain map (产业链图谱) and its most urgent gaps. */
export const chainMapView: ViewDefinition = {
  id: 'chain-map',
  pattern: '/chain/:chainId',
  section: 'chain',
  mount({ container, params }) {
    const state = createChainMapState(params);
    /** The map as drawn: its SVG (for export) and the width it was drawn at (to redraw on a real resize). */
    const drawn: { svg: SVGSVGElement | null; width: number } = { svg: null, width: 0 };
    let stopLoad = () => {};

    const title = el('h1', { id: 'view-title' });
    const select = el('select', { id: 'chain-select', class: 'input' });
    const selectLabel = el('label', { for: 'chain-select', class: 'label' });
    const summary = el('p', { class: 'chain-summary', 'aria-live': 'polite' });
    const pngButton = el('button', { type: 'button', class: 'btn', disabled: true });
    const svgButton = el('button', { type: 'button', class: 'btn', disabled: true });
    const reportButton = el('button', { type: 'button', class: 'btn', 'data-export': 'chain-report' });
    const briefLink = el('a', { class: 'btn', href: href('chain', state.chainId, 'brief'), 'data-link': 'brief' });
    const figure = el('figure', { class: 'map-figure' });
    const gapList = el('aside', { class: 'gap-list panel', 'aria-labelledby': 'gap-list-title' });
    container.append(
      el(
        'section',
        { class: 'view view-chain', 'aria-labelledby': 'view-title' },
        el(
          'header',
          { class: 'view-head' },
          title,
          el(
            'div',
            { class: 'toolbar' },
            el('div', { class: 'field-inline' }, selectLabel, select),
            summary,
            el('div', { class: 'toolbar-end' }, briefLink, reportButton, pngButton, svgButton),
          ),
        ),
        el('div', { class: 'chain-body' }, figure, gapList),
      ),
    );

    select.addEventListener('change', () => {
      if (select.value) location.hash = href('chain', select.value);
    });
    const exportName = (map: ChainMap) => t('chain.mapTitle', { chain: map.chain.name });
    pngButton.addEventListener(
      'click',
      () => drawn.svg && state.map && void exportPng(drawn.svg, exportName(state.map)).catch((e: unknown) => figure.append(errorState(e))),
    );
    svgButton.addEventListener('click', () => drawn.svg && state.map && exportSvg(drawn.svg, exportName(state.map)));
    reportButton.addEventListener('click', () => {
      if (!state.chainId) return;
      api.chainReportFile(state.chainId).then(
        ({ blob, filename }) => saveBlob(blob, filename),
        (e: unknown) => figure.append(errorState(e)),
      );
    });

    const labels = () => {
      title.textContent = t('nav.chain');
      selectLabel.textContent = t('chain.pick');
      pngButton.textContent = t('chain.exportPng');
      svgButton.textContent = t('chain.exportSvg');
      reportButton.textContent = t('chain.exportReport');
      briefLink.textContent = t('brief.link');
      briefLink.setAttribute('href', href('chain', state.chainId, 'brief'));
      select.replaceChildren(
        el('option', { value: '', disabled: true }, t('chain.pickPlaceholder')),
        ...state.chains.map((c) => el('option', { value: c.id }, chainLabel(c))),
      );
      select.value = state.chains.some((c) => c.id === state.chainId) ? state.chainId : '';
    };

    const drawMap = () => {
      const { map, chainId } = state;
      if (!map) return;
      figure.replaceChildren();
      drawn.svg = null;
      if (map.segments.length === 0) {
        figure.append(emptyState(t('chain.noSegments')));
        return;
      }
      drawn.width = figure.clientWidth;
      drawn.svg = drawChainMap(figure, map, {
        width: figure.clientWidth || 1200,
        onOpen: (segmentId) => (location.hash = href('chain', chainId, 'segment', segmentId)),
      });
      figure.append(el('figcaption', { class: 'hint' }, `${t('chain.mapDescription')} ${t('chain.openHint')}`));
      pngButton.disabled = svgButton.disabled = false;
    };

    // Two lists, each on its own measure (chain/chainMapState.ts gapLists).
    const gapItems = (segments: ChainMap['segments']) =>
      el(
        'ol',
        { class: 'gap-items' },
        segments.map((s) => {
          const style = healthStyle(s.class);
          return el(
            'li',
            {},
            el(
              'a',
              { href: href('chain', state.chainId, 'segment', s.segmentId), class: 'gap-link' },
              el('span', { class: `badge health-${s.class}` }, `${style.symbol} ${tData('class', s.class)}`),
              el('span', { class: 'gap-name' }, segmentName(s)),
              el('span', { class: 'gap-meta' }, `${tData('action', s.action!)} · ${t('metric.priority')} ${priorityText(s)}`),
            ),
          );
        }),
      );
    const drawGaps = () => {
      if (!state.map) return;
      const { gaps, extensions } = gapLists(state.map);
      gapList.replaceChildren(
        el('h2', { id: 'gap-list-title' }, t('chain.gapsTitle')),
        gaps.length === 0 ? emptyState(t('chain.gapsEmpty')) : gapItems(gaps),
        el('h2', { id: 'extension-list-title', class: 'extension-title' }, t('chain.extensionsTitle')),
        extensions.length === 0
          ? emptyState(t('chain.extensionsEmpty'))
          : el('div', { class: 'extension-list', 'aria-labelledby': 'extension-list-title' }, gapItems(extensions)),
      );
    };

    const render = () => {
      stopLoad();
      pngButton.disabled = svgButton.disabled = true;
      summary.textContent = '';
      gapList.replaceChildren();
      // The chain list fills the select on its own, so it stays usable when a map fails to load.
      api.chains().then(
        (list) => {
          state.chains = list;
          labels();
        },
        () => {},
      );
      const { chainId } = state;
      stopLoad = bind(
        figure,
        async () => {
          const [list, loaded] = await Promise.all([api.chains(), api.chainMap(chainId)]);
          return { list, loaded };
        },
        ({ list, loaded }) => {
          state.chains = list;
          state.map = loaded;
          rememberChain(chainId);
          labels();
          const summaryOf = list.find((c) => c.id === chainId);
          summary.textContent = t('chain.summary', {
            segments: loaded.segments.length,
            firms: summaryOf?.localFirms ?? loaded.totals.localFirms,
            capacity: fmtYi(loaded.totals.localCapacity),
          });
          drawMap();
          drawGaps();
        },
      );
    };

    // Redraw when the available width changes (window resize, 1280 ↔ 1920), not on every pixel.
    const observer = new ResizeObserver(() => {
      const w = figure.clientWidth;
      if (state.map && drawn.svg && Math.abs(w - drawn.width) > 24) {
        drawn.width = w;
        drawMap();
      }
    });
    observer.observe(figure);

    labels();
    render();
    return {
      update(next) {
        if (next.chainId === state.chainId) return;
        openChain(state, next.chainId);
        labels();
        render();
      },
      relabel() {
        labels();
        if (state.map) {
          summary.textContent = '';
          render();
        }
      },
      destroy() {
        stopLoad();
        observer.disconnect();
      },
    };
  },
};
