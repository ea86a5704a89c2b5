import { api } from '../api/client.ts';
import type { GapReport, ResilienceReport } from '../api/types.ts';
import { href, type ViewDefinition } from '../app/router.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { t } from '../i18n/i18n.ts';
import { candidateControls, setProvinceSuggestions } from '../segment/candidateControls.ts';
import { candidateDetail } from '../segment/candidateDetail.ts';
import { candidateList } from '../segment/candidateList.ts';
import { defaultMode, modesFor, partnerRequest } from '../segment/partnerQuery.ts';
import { classBadge, segmentInfo } from '../segment/segmentInfo.ts';
import { saveBlob } from '../ui/download.ts';
import { el } from '../ui/el.ts';
import { bind, errorState } from '../ui/status.ts';
import { focusHeading, focusLost } from './panelFocus.ts';
import { createSegmentState, resetSegment, storeCandidates } from './segment/segmentState.ts';

/** Names of the chain's firms from every piece of evidence, to name the ends of supply ties. */
function firmNameIndex(gaps: GapReport, resilience: ResilienceReport): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of gaps.gaps) {
    for (const f of g.metrics.evidence.topFirms) names.set(f.id, f.name);
    for (const f of g.metrics.evidence.demandFrom) names.set(f.id, f.name);
  }
  for (const s of resilience.singlePointsOfFailure) names.set(s.id, s.name);
  return names;
}

/**
 * `#/chain/:chainId/segment/:segmentId`: one segment and its gap — figures and evidence on the
 * left, the 补链/强链/延链 candidate list in the middle, the selected candidate's explanation on the right.
 */
export const segmentView: ViewDefinition = {
  id: 'segment',
  pattern: '/chain/:chainId/segment/:segmentId',
  section: 'chain',
  mount({ container, params }) {
    const state = createSegmentState(params);
    let stopInfo = () => {};
    let stopList = () => {};
    const stopAll = () => {
      stopInfo();
      stopList();
    };

    const crumbs = el('nav', { class: 'breadcrumb' });
    const title = el('h1', { id: 'view-title' });
    const badge = el('span', { class: 'title-badge' });
    const info = el('div', { class: 'col col-info' });
    const controls = el('div', { class: 'controls-area' });
    const listArea = el('div', { class: 'list-area', 'aria-live': 'polite' });
    const exportStatus = el('div', { class: 'export-status', 'aria-live': 'polite' });
    const candidatesTitle = el('h2', { id: 'cand-title' });
    const detail = el('aside', { class: 'col col-detail panel', 'aria-label': t('detail.title') });
    const body = el(
      'div',
      { class: 'segment-layout' },
      info,
      el('section', { class: 'col col-candidates panel', 'aria-labelledby': 'cand-title' }, candidatesTitle, controls, exportStatus, listArea),
      detail,
    );
    container.append(
      el(
        'section',
        { class: 'view view-segment', 'aria-labelledby': 'view-title' },
        el('header', { class: 'view-head' }, crumbs, el('div', { class: 'title-row' }, title, badge)),
        body,
      ),
    );

    const request = () => partnerRequest(state.chainId, state.segmentId, state.mode, state.filters);

    // the chain as last loaded: named in the breadcrumb even when its segment is not found
    let knownChain: { id: string; name: string; nameEn?: string } | null = null;
    const renderHeader = () => {
      const { data, chainId, segmentId } = state;
      const name = data ? segmentName(data.segment) : segmentId;
      const chainName = data ? segmentName(data.map.chain) : knownChain?.id === chainId ? segmentName(knownChain) : chainId;
      crumbs.setAttribute('aria-label', t('segment.breadcrumb'));
      crumbs.replaceChildren(
        el(
          'ol',
          {},
          el('li', {}, el('a', { href: href('chain', chainId) }, t('nav.chain'))),
          el('li', {}, el('a', { href: href('chain', chainId) }, chainName)),
          el('li', { 'aria-current': 'page' }, name),
        ),
      );
      title.textContent = name;
      badge.replaceChildren(data ? classBadge(data.segment.class) : '');
      candidatesTitle.textContent = t('cand.title');
      detail.setAttribute('aria-label', t('detail.title'));
    };

    const renderDetail = () => {
      const { data } = state;
      if (!data) return;
      const width = Math.max(300, (detail.clientWidth || 420) - 34);
      detail.replaceChildren(candidateDetail(state.selected, state.chainId, new Map(data.map.segments.map((s) => [s.segmentId, s])), width));
    };

    const renderList = () => {
      if (!state.result) return;
      listArea.replaceChildren(
        candidateList(state.result, state.selected?.id ?? null, (c) => {
          state.selected = c;
          for (const li of listArea.querySelectorAll('li.candidate')) {
            const on = li.getAttribute('data-id') === c.id;
            li.classList.toggle('selected', on);
            li.querySelector('.cand-name')?.setAttribute('aria-pressed', String(on));
          }
          renderDetail();
          focusHeading(detail.querySelector<HTMLElement>('#detail-name'));
        }),
      );
    };

    const renderControls = () => {
      controls.replaceChildren(
        candidateControls(state.mode, state.data ? modesFor(state.data.segment) : [state.mode], state.filters, state.provinces, {
          onMode: (m) => {
            state.mode = m;
            loadCandidates();
          },
          onFilters: (f) => {
            state.filters = f;
            loadCandidates();
          },
          onExport: (format) => {
            exportStatus.replaceChildren(el('p', { class: 'muted' }, t('cand.exporting')));
            api.partnersFile(request(), format).then(
              ({ blob, filename }) => {
                saveBlob(blob, filename);
                exportStatus.replaceChildren();
              },
              (error: unknown) => exportStatus.replaceChildren(errorState(error)),
            );
          },
        }),
      );
    };

    const loadCandidates = () => {
      state.result = null;
      stopList();
      stopList = bind(
        listArea,
        () => api.partners(request()),
        (r) => {
          storeCandidates(state, r);
          setProvinceSuggestions(controls, state.provinces);
          renderList();
          renderDetail();
        },
      );
    };

    /** Loads the segment the state names (after `resetSegment`). */
    const load = () => {
      stopAll();
      renderHeader();
      controls.replaceChildren();
      detail.replaceChildren();
      listArea.replaceChildren();
      const { chainId, segmentId } = state;
      stopInfo = bind(
        info,
        async () => {
          const [map, gaps, resilience] = await Promise.all([api.chainMap(chainId), api.gaps(chainId), api.resilience(chainId)]);
          const segment = map.segments.find((s) => s.segmentId === segmentId);
          knownChain = { ...map.chain, id: chainId };
          if (!segment) {
            renderHeader();
            // the viewer's own finding, not the API's: said in the user's language, the chain by its name
            throw new Error(t('segment.notFound', { chain: segmentName(map.chain), segment: segmentId }));
          }
          return { map, gaps, resilience, segment };
        },
        (loaded) => {
          state.data = loaded;
          state.mode = defaultMode(loaded.segment);
          renderHeader();
          if (focusLost()) focusHeading(title); // arrived by Enter on the chain map: the segment it opened
          renderInfo();
          renderControls();
          loadCandidates();
        },
      );
    };

    const renderInfo = () => {
      const { data } = state;
      if (!data) return;
      const gap = data.gaps.gaps.find((g) => g.segmentId === state.segmentId);
      info.replaceChildren(segmentInfo(data.segment, gap, data.map, data.resilience.singlePointsOfFailure, firmNameIndex(data.gaps, data.resilience)));
    };

    load();
    return {
      update(next) {
        if (next.chainId === state.chainId && next.segmentId === state.segmentId) return;
        resetSegment(state, next);
        load();
      },
      relabel() {
        renderHeader();
        if (!state.data) return load();
        renderInfo();
        renderControls();
        if (state.result) {
          renderList();
          renderDetail();
        } else loadCandidates(); // still loading: the same request, its loading state in the new language
      },
      destroy: stopAll,
    };
  },
};
