import { api } from '../api/client.ts';
import type { Explanation, MapSegment, PartnerCandidate, WhatIfResult } from '../api/types.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { t, tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { fmtList, fmtNumber, fmtScore, fmtYi } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { bind, emptyState, errorState } from '../ui/status.ts';
import { exportPng, exportSvg } from '../ui/svgExport.ts';
import { confidenceLabel, scoreBar } from './candidateList.ts';
import { drawPathGraph, linkKey, nodeLegendEntries } from './drawPathGraph.ts';
import { mergePaths } from './pathGraphData.ts';
import { classBadge } from './segmentInfo.ts';
import { signalColours } from './signalBar.ts';
import { reasonText, detailText } from '../i18n/messages/renderMessage.ts';

/** Each signal's value, weight, contribution and the engine's own words for it. */
export function signalTable(explanation: Pick<Explanation, 'signals'>): HTMLElement {
  return el(
    'table',
    { class: 'table signals' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        [t('detail.col.signal'), t('detail.col.value'), t('detail.col.weight'), t('detail.col.contribution'), t('detail.col.detail')].map((h) =>
          el('th', { scope: 'col' }, h),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      explanation.signals.map((s) =>
        el(
          'tr',
          {},
          el(
            'th',
            { scope: 'row' },
            el('span', { class: 'swatch', style: `background:${signalColours[s.signal] ?? '#999'}`, 'aria-hidden': 'true' }),
            tData('signal', s.signal),
          ),
          el('td', { class: 'num' }, fmtScore(s.value)),
          el('td', { class: 'num' }, fmtNumber(s.weight, 2)),
          el('td', { class: 'num' }, fmtScore(s.contribution)),
          el('td', { class: 'detail-text' }, detailText(s)),
        ),
      ),
    ),
  );
}

/** The explanation paths: the picture, its legend, and the same paths as text (for reading and for screen readers). */
export function pathsSection(c: { id: string; name: string; explanation: Pick<Explanation, 'paths'> }, width: number, idPrefix = 'paths'): HTMLElement {
  const section = el('section', { class: 'paths', 'aria-labelledby': `${idPrefix}-title` }, el('h3', { id: `${idPrefix}-title` }, t('detail.paths')));
  const paths = c.explanation.paths;
  if (paths.length === 0) {
    section.append(emptyState(t('detail.pathsNone')));
    return section;
  }
  const graph = mergePaths(paths, c.id);
  const title = t('detail.pathsGraph', { name: c.name, nodes: graph.nodes.length, links: graph.links.length });
  const figure = el('figure', { class: 'path-figure' });
  const handle = drawPathGraph(figure, graph, { width, height: Math.max(240, Math.min(340, width * 0.7)), title });
  figure.append(
    el(
      'figcaption',
      { class: 'node-legend' },
      nodeLegendEntries(graph.nodes).map((n) =>
        el('span', { class: 'legend-node' }, el('span', { class: 'node-dot', style: `background:${n.colour}`, 'aria-hidden': 'true' }, n.letter), n.label),
      ),
    ),
  );
  const pngButton = el('button', { type: 'button', class: 'btn small' }, t('detail.exportPng'));
  const svgButton = el('button', { type: 'button', class: 'btn small' }, t('detail.exportSvg'));
  pngButton.addEventListener('click', () => void exportPng(handle.svg, `${c.name}_paths`).catch((e: unknown) => section.append(errorState(e))));
  svgButton.addEventListener('click', () => exportSvg(handle.svg, `${c.name}_paths`));

  const list = el(
    'ol',
    { class: 'path-list' },
    paths.map((p) => {
      const steps: (string | HTMLElement)[] = [];
      p.nodes.forEach((n, i) => {
        if (i > 0) {
          const prev = p.nodes[i - 1];
          const r = p.relationships.find((x) => (x.from === prev.id && x.to === n.id) || (x.from === n.id && x.to === prev.id));
          if (r) steps.push(el('span', { class: 'rel' }, r.from === prev.id ? ` —${tData('rel', r.type)}→ ` : ` ←${tData('rel', r.type)}— `));
          else steps.push(' · ');
        }
        steps.push(el('span', { class: `path-node label-${n.label}`, translate: segmentName(n) === n.name && 'no' }, segmentName(n)));
      });
      const item = el('li', { tabindex: 0 }, el('span', { class: 'path-signal' }, tData('signal', p.signal)), ' ', ...steps);
      const on = () =>
        handle.highlight(
          p.nodes.map((n) => n.id),
          p.relationships.map((r) => linkKey({ source: r.from, target: r.to, type: r.type })),
        );
      const off = () => handle.highlight(null);
      item.addEventListener('mouseenter', on);
      item.addEventListener('focus', on);
      item.addEventListener('mouseleave', off);
      item.addEventListener('blur', off);
      return item;
    }),
  );
  section.append(
    el('div', { class: 'toolbar-end' }, pngButton, svgButton),
    figure,
    el('details', { class: 'path-details' }, el('summary', {}, `${t('detail.pathList')} (${paths.length})`), list),
  );
  return section;
}

function whatIfSection(chainId: string, c: PartnerCandidate, segments: Map<string, MapSegment>): HTMLElement {
  const out = el('div', { class: 'what-if-result', 'aria-live': 'polite' });
  const run = el('button', { type: 'button', class: 'btn' }, t('detail.whatIfRun'));
  run.addEventListener('click', () => {
    run.disabled = true;
    bind(
      out,
      () => api.whatIf(chainId, { add: [c.id] }),
      (result: WhatIfResult) => {
        run.disabled = false;
        const changed = result.rows.filter((r) => r.changed);
        if (changed.length === 0) return out.append(el('p', { class: 'muted' }, t('detail.whatIfNone')));
        const cell = (x: WhatIfResult['rows'][number]['before']) =>
          el('td', {}, classBadge(x.class), ` ${t('metric.demandAtStake')} ${fmtYi(x.demandAtStake)} · ${t('metric.firmsUnit', { n: x.localFirmCount })}`);
        out.append(
          el(
            'table',
            { class: 'table compact' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                [t('detail.whatIfCol.segment'), t('detail.whatIfCol.before'), t('detail.whatIfCol.after')].map((h) => el('th', { scope: 'col' }, h)),
              ),
            ),
            el(
              'tbody',
              {},
              changed.map((r) =>
                el(
                  'tr',
                  {},
                  el('th', { scope: 'row' }, segments.get(r.segmentId) ? segmentName(segments.get(r.segmentId)!) : r.name),
                  cell(r.before),
                  cell(r.after),
                ),
              ),
            ),
          ),
        );
      },
    );
  });
  return el('section', { class: 'what-if', 'aria-labelledby': 'what-if-title' }, el('h3', { id: 'what-if-title' }, t('detail.whatIf')), run, out);
}

/** The right column: why one candidate is recommended. */
export function candidateDetail(c: PartnerCandidate | null, chainId: string, segments: Map<string, MapSegment>, width: number): HTMLElement {
  if (!c) return el('div', { class: 'detail-empty' }, emptyState(t('detail.none'), t('detail.title')));
  const target = segments.get(c.segmentId);
  const row = (label: string, value: string) => el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value));
  return el(
    'article',
    { class: 'candidate-detail', 'aria-labelledby': 'detail-name' },
    // The badge sits in the line above the name, so the heading reads as the name alone.
    el('p', { class: 'eyebrow' }, t('detail.title'), demoBadge(c.demo)),
    el('h2', { id: 'detail-name', translate: 'no' }, c.name),
    c.demo ? el('p', { class: 'note demo-note' }, t('demo.title')) : null,
    el('div', { class: 'detail-score' }, el('span', { class: 'big-score' }, fmtScore(c.score)), scoreBar(c), confidenceLabel(c.explanation.confidence)),
    el('p', { class: 'cand-reason' }, reasonText(c.explanation)),
    recordButton(
      {
        kind: 'partner',
        subjectId: c.segmentId,
        subjectName: target ? segmentName(target) : c.segmentName,
        candidateId: c.id,
        candidateName: c.name,
        chainId,
        score: c.score,
        explanation: c.explanation,
      },
      'cand-record',
    ),
    el(
      'dl',
      { class: 'figures two' },
      row(t('detail.id'), c.id),
      row(t('detail.location'), [c.province, c.city].filter(Boolean).join(' · ') || t('metric.none')),
      row(t('detail.size'), c.size ? tData('size', c.size) : t('size.unknown')),
      row(t('detail.target'), target ? segmentName(target) : c.segmentName),
      c.tags.length > 0 ? row(t('cand.tags'), fmtList(c.tags.map((tag) => tData('tag', tag)))) : null,
    ),
    el('h3', {}, t('detail.signals')),
    signalTable(c.explanation),
    pathsSection(c, width),
    c.local ? null : whatIfSection(chainId, c, segments),
  );
}
