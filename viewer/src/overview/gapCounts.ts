import { scaleLinear, select } from 'd3';
import { healthStyle } from '../chainMap/healthStyle.ts';
import { t, tData } from '../i18n/i18n.ts';
import type { OverviewRow } from './overviewApi.ts';
import { countedClasses } from './stakeClasses.ts';

/**
 * A chain's segments by class as four small bars (缺链, 断链, 短板, 可延链). Every chain's chart uses the
 * same scale (`max`, the largest count of the district), so the cards compare at a glance.
 */
export function drawGapCounts(row: OverviewRow, max: number): SVGSVGElement {
  const width = 220;
  const band = 22;
  const labelWidth = 64;
  const x = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range([0, width - labelWidth - 30]);
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', 'gap-counts')
    .attr('viewBox', `0 0 ${width} ${countedClasses.length * band}`)
    .attr('role', 'img')
    .attr('aria-label', countedClasses.map((c) => `${tData('class', c)} ${row.counts[c]}`).join(t('list.sep')));
  const bar = svg
    .selectAll('g')
    .data(countedClasses)
    .join('g')
    .attr('class', (c) => `count-row health-${c}`)
    .attr('transform', (_c, i) => `translate(0, ${i * band})`);
  bar
    .append('text')
    .attr('x', labelWidth - 6)
    .attr('y', band / 2)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'middle')
    .text((c) => tData('class', c));
  bar
    .append('rect')
    .attr('x', labelWidth)
    .attr('y', 4)
    .attr('height', band - 8)
    .attr('width', (c) => x(row.counts[c]))
    .attr('fill', (c) => healthStyle(c).colour);
  bar
    .append('text')
    .attr('class', 'count-value')
    .attr('x', (c) => labelWidth + x(row.counts[c]) + 4)
    .attr('y', band / 2)
    .attr('dominant-baseline', 'middle')
    .text((c) => String(row.counts[c]));
  return svg.node()!;
}
