import { href } from '../app/router.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { t, tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { fmtList, fmtPercent, fmtYi } from '../ui/format.ts';
import { drawGapCounts } from './gapCounts.ts';
import type { DistrictOverview, OverviewRow } from './overviewApi.ts';
import { drawSparkline } from './sparkline.ts';

const figure = (label: string, value: string, name: string) => el('div', { class: `figure figure-${name}` }, el('dt', {}, label), el('dd', {}, value));

/** The chain's follow-ups recorded or moved since `since`, by the status they reached (待联系 2、已联系 1). */
function movedMatches(row: OverviewRow): HTMLElement | null {
  const moved = Object.entries(row.matchesMoved ?? {}).filter(([, n]) => n && n > 0);
  if (moved.length === 0) return null;
  return el('p', { class: 'matches-moved' }, t('overview.matchesMoved', { list: fmtList(moved.map(([status, n]) => `${tData('status', status)} ${n}`)) }));
}

/** What changed since the oldest record of the window: segments that changed class, and the net firms added. */
function changeList(row: OverviewRow): HTMLElement {
  if (!row.since) return el('p', { class: 'muted trend-none' }, t('overview.trendNone'));
  const items = row.changes.map((c) =>
    el(
      'li',
      { 'data-segment-id': c.segmentId },
      el('span', { class: 'change-segment' }, segmentName(c)),
      t('overview.colon'),
      el('span', { class: `change-class health-${c.from ?? 'absent'}` }, c.from ? tData('class', c.from) : t('overview.newSegment')),
      ' → ',
      el('span', { class: `change-class health-${c.to}` }, tData('class', c.to)),
    ),
  );
  return el(
    'div',
    { class: 'changes' },
    el('h3', {}, t('overview.since', { date: row.since })),
    items.length > 0 ? el('ul', { class: 'change-list' }, items) : el('p', { class: 'muted' }, t('overview.noChanges')),
    row.firmsAdded ? el('p', { class: 'firms-change' }, t('overview.firmsChange', { n: row.firmsAdded > 0 ? `+${row.firmsAdded}` : row.firmsAdded })) : null,
    movedMatches(row),
  );
}

/** One chain of the overview: its figures, its gaps by class, its trend and what changed; the name opens the map. */
export function chainCard(row: OverviewRow, rank: number, overview: DistrictOverview, maxCount: number): HTMLElement {
  const name = segmentName(row.chain);
  return el(
    'article',
    { class: 'overview-card', 'data-chain-id': row.chain.id, 'data-at-stake': row.atStake, 'aria-labelledby': `card-${row.chain.id}` },
    el(
      'header',
      { class: 'card-head' },
      el('span', { class: 'card-rank' }, t('overview.rank', { n: rank })),
      el(
        'h2',
        { id: `card-${row.chain.id}` },
        el('a', { href: href('chain', row.chain.id), class: 'chain-link', 'aria-label': t('overview.open', { chain: name }) }, name),
      ),
      demoBadge(row.demo),
      el('a', { href: href('chain', row.chain.id, 'brief'), class: 'brief-link' }, t('brief.link')),
    ),
    el(
      'dl',
      { class: 'card-figures' },
      figure(t('overview.atStake'), fmtYi(row.atStake), 'stake'),
      figure(t('overview.unmet'), fmtYi(row.unmetDemand), 'unmet'),
      figure(t('overview.localFirms'), t('overview.firms', { n: row.localFirms }), 'firms'),
      figure(t('overview.outside'), fmtPercent(row.outsideDependence), 'outside'),
      figure(t('overview.party'), fmtPercent(row.partyCoverage), 'party'),
      figure(t('overview.extensionOutput'), fmtYi(row.extensionOutput), 'extension'),
    ),
    el(
      'div',
      { class: 'card-charts' },
      el('figure', {}, el('figcaption', {}, t('overview.gapCounts')), drawGapCounts(row, maxCount)),
      el('figure', {}, el('figcaption', {}, t('overview.trend', { days: overview.trendDays })), drawSparkline(row.trend)),
    ),
    changeList(row),
  );
}
