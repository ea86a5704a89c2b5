import { extent, line, scaleLinear, select } from 'd3';
import { t } from '../i18n/i18n.ts';
import { fmtYi } from '../ui/format.ts';
import type { OverviewRow } from './overviewApi.ts';

/** 亿元 at stake over the recorded days (oldest left, today right); one point only: a dot. */
export function drawSparkline(trend: OverviewRow['trend']): SVGSVGElement {
  const width = 200;
  const height = 36;
  const days = trend.map((p) => Date.parse(`${p.day}T00:00:00Z`));
  const [lo, hi] = extent(trend, (p) => p.atStake) as [number, number];
  const x = scaleLinear()
    .domain(days.length > 1 ? [days[0], days.at(-1)!] : [days[0] - 1, days[0] + 1])
    .range([4, width - 4]);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([height - 4, 4]);
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', 'sparkline')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', trend.map((p) => t('overview.trendPoint', { day: p.day, value: fmtYi(p.atStake) })).join('；'));
  const at = (i: number) => [x(days[i]), y(trend[i].atStake)] as [number, number];
  svg.append('path').attr('d', line()(trend.map((_p, i) => at(i))) ?? '');
  svg
    .selectAll('circle')
    .data(trend)
    .join('circle')
    .attr('cx', (_p, i) => at(i)[0])
    .attr('cy', (_p, i) => at(i)[1])
    .attr('r', (_p, i) => (i === trend.length - 1 ? 3 : 1.5))
    .append('title')
    .text((p) => t('overview.trendPoint', { day: p.day, value: fmtYi(p.atStake) }));
  return svg.node()!;
}
