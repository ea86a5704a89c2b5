import type { MapSegment } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { fmtNumber, fmtPercent, fmtYi } from '../ui/format.ts';
import { healthStyle } from './healthStyle.ts';
import { priorityText } from './priorityText.ts';
import { segmentName } from './segmentName.ts';

/** The figures shown on hover and focus. */
export function segmentTooltip(s: MapSegment): HTMLElement {
  const m = s.metrics;
  const style = healthStyle(s.class);
  const row = (label: string, value: string) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, value));
  return el(
    'div',
    { class: 'tip-segment' },
    el('p', { class: 'tip-title' }, segmentName(s)),
    el(
      'p',
      { class: 'tip-class' },
      el('span', { class: `badge health-${s.class}` }, `${style.symbol} ${tData('class', s.class)}`),
      ' ',
      tData('stage', s.stage),
    ),
    el(
      'table',
      {},
      row(t('metric.priority'), priorityText(s)),
      row(t('metric.localFirmCount'), t('metric.firmsUnit', { n: m.localFirmCount })),
      row(t('metric.localCapacity'), fmtYi(m.localCapacity)),
      row(t('metric.localDemand'), fmtYi(m.localDemand)),
      row(t('metric.shortfall'), fmtPercent(m.shortfall)),
      row(t('metric.n1Shortfall'), fmtPercent(m.n1Shortfall)),
      row(t('metric.outsideDependence'), fmtPercent(m.outsideDependence)),
      row(t('metric.topFirmShare'), fmtPercent(m.topFirmShare)),
      row(t('metric.hhi'), fmtNumber(m.hhi, 3)),
      row(t('metric.partyCoverage'), fmtPercent(m.partyCoverage)),
    ),
    s.reasons.length > 0
      ? el(
          'ul',
          { class: 'tip-reasons' },
          s.reasons.map((r) => el('li', {}, tData('reason', r))),
        )
      : null,
    el('p', { class: 'tip-hint' }, t('chain.tooltipHint')),
  );
}
