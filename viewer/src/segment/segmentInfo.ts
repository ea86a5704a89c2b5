import type { ChainMap, MapSegment, SegmentGap, SinglePointOfFailure } from '../api/types.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { healthStyle } from '../chainMap/healthStyle.ts';
import { priorityText } from '../chainMap/priorityText.ts';
import { t, tData, type MessageKey } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtNumber, fmtPercent, fmtYi } from '../ui/format.ts';

export function classBadge(cls: string): HTMLElement {
  const style = healthStyle(cls);
  return el('span', { class: `badge health-${cls}`, title: tData('classLong', cls) }, `${style.symbol} ${tData('class', cls)}`);
}

/** The segment's figures as a grid of labelled values (a definition list, read in pairs). */
function figures(segment: MapSegment): HTMLElement {
  const m = segment.metrics;
  const items: [MessageKey, string][] = [
    ['metric.priority', priorityText(segment)],
    ['metric.localFirmCount', t('metric.firmsUnit', { n: m.localFirmCount })],
    ['metric.localCapacity', fmtYi(m.localCapacity)],
    ['metric.localDemand', fmtYi(m.localDemand)],
    ['metric.unmetDemand', fmtYi(m.unmetDemand)],
    ['metric.demandAtStake', fmtYi(m.demandAtStake)],
    ['metric.shortfall', fmtPercent(m.shortfall)],
    ['metric.n1Shortfall', fmtPercent(m.n1Shortfall)],
    ['metric.outsideDependence', fmtPercent(m.outsideDependence)],
    ['metric.observedOutsideShare', fmtPercent(m.observedOutsideShare)],
    ['metric.topFirmShare', fmtPercent(m.topFirmShare)],
    ['metric.hhi', fmtNumber(m.hhi, 3)],
    ['metric.partyCoverage', fmtPercent(m.partyCoverage)],
    ['metric.capacityVsChainMedian', fmtNumber(m.capacityVsChainMedian, 2)],
  ];
  return el(
    'dl',
    { class: 'figures' },
    items.map(([k, v]) => el('div', { class: 'figure' }, el('dt', {}, t(k)), el('dd', {}, v))),
  );
}

/** A firm's name with the 演示数据 badge when the API marks the firm as demo data. */
function firmCell(f: { name: string; demo?: boolean }): HTMLElement {
  return el('span', { class: 'firm-name' }, dataText(f.name), demoBadge(f.demo));
}

function table(caption: string, head: string[], rows: (string | Node)[][], empty: string): HTMLElement {
  if (rows.length === 0) return el('div', { class: 'evidence-block' }, el('h4', {}, caption), el('p', { class: 'muted' }, empty));
  return el(
    'div',
    { class: 'evidence-block' },
    el('h4', {}, caption),
    el(
      'table',
      { class: 'table compact' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          head.map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((r) =>
          el(
            'tr',
            {},
            r.map((c) => el('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

/**
 * The left column of the segment view: what the segment is, its health and figures, and the
 * evidence behind them (firms, the demand that needs it, outside suppliers, single points of failure).
 */
export function segmentInfo(
  segment: MapSegment,
  gap: SegmentGap | undefined,
  map: ChainMap,
  spofs: SinglePointOfFailure[],
  firmNames: Map<string, string>,
): HTMLElement {
  const segmentNames = new Map(map.segments.map((s) => [s.segmentId, segmentName(s)]));
  const evidence = gap?.metrics.evidence;
  const count = segment.metrics.localFirmCount;
  const local = evidence
    ? table(
        t('segment.localFirms'),
        [t('segment.col.firm'), t('segment.col.value')],
        evidence.topFirms.map((f) => [firmCell(f), fmtYi(f.value)]),
        t('segment.localFirmsNone'),
      )
    : el(
        'div',
        { class: 'evidence-block' },
        el('h4', {}, t('segment.localFirms')),
        el('p', { class: 'muted' }, count > 0 ? t('segment.localFirmsNoDetail', { n: count }) : t('segment.localFirmsNone')),
      );
  const mine = spofs.filter((s) => s.segmentIds.includes(segment.segmentId));

  return el(
    'div',
    { class: 'segment-info' },
    el(
      'section',
      { class: 'panel', 'aria-labelledby': 'seg-figures' },
      el(
        'div',
        { class: 'seg-status' },
        classBadge(segment.class),
        el('span', { class: 'chip' }, tData('stage', segment.stage)),
        el('span', { class: 'chip' }, segment.action ? tData('action', segment.action) : t('action.none')),
      ),
      el('p', { class: 'seg-class-long' }, tData('classLong', segment.class)),
      segment.reasons.length > 0
        ? el(
            'ul',
            { class: 'reasons', 'aria-label': t('metric.reasons') },
            segment.reasons.map((r) => el('li', {}, tData('reason', r))),
          )
        : null,
      // the description and products are recorded in Chinese only: data
      segment.description ? el('p', { class: 'seg-description', translate: 'no' }, segment.description) : null,
      el('h3', { id: 'seg-figures' }, t('segment.figures')),
      figures(segment),
      segment.products.length > 0
        ? el(
            'div',
            {},
            el('h3', {}, t('segment.products')),
            el(
              'ul',
              { class: 'chips' },
              segment.products.map((p) => el('li', { class: 'chip', translate: 'no' }, p.name)),
            ),
          )
        : null,
    ),
    el(
      'section',
      { class: 'panel evidence', 'aria-labelledby': 'seg-evidence' },
      el('h3', { id: 'seg-evidence' }, t('segment.evidence')),
      local,
      evidence
        ? table(
            t('segment.demandFrom'),
            [t('segment.col.firm'), t('segment.col.segment'), t('segment.col.need')],
            evidence.demandFrom.map((d) => [firmCell(d), segmentNames.get(d.segmentId) ?? d.segmentId, fmtYi(d.value)]),
            t('segment.demandFromNone'),
          )
        : null,
      evidence
        ? table(
            t('segment.outsideSuppliers'),
            [t('segment.col.firm'), t('segment.col.supplies'), t('segment.col.share')],
            evidence.outsideSuppliers.map((o) => [firmCell(o), firmNames.get(o.to) ?? o.to, `${fmtNumber(o.sharePct, 1)}%`]),
            t('segment.outsideSuppliersNone'),
          )
        : null,
      table(
        t('segment.spof'),
        [t('segment.col.firm'), t('segment.col.risk')],
        mine.map((s) => [firmCell(s), t('segment.spofDetail', { customers: s.soleSourceCustomers.length, demand: fmtYi(s.uncoveredDemand) })]),
        t('segment.spofNone'),
      ),
    ),
  );
}
