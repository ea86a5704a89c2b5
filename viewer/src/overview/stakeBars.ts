import { scaleLinear, select } from 'd3';
import { segmentName } from '../chainMap/segmentName.ts';
import { healthStyle } from '../chainMap/healthStyle.ts';
import { href } from '../app/router.ts';
import { t, tData } from '../i18n/i18n.ts';
import { fmtYi } from '../ui/format.ts';
import type { OverviewRow } from './overviewApi.ts';
import { stakeClasses } from './stakeClasses.ts';

const barHeight = 18;

/** About how wide a label is drawn at 13 px: CJK characters are square, Latin ones about half as wide. */
function labelPx(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 13.5 : 7.6), 0);
}

/**
 * One bar per chain, in the overview's order (largest first): its 亿元 at stake split into missing,
 * broken and weak (the parts add up to the bar), the total at the end. Chain names link to the map.
 * Drawn at `width` px in user units (the caller redraws on resize), so the text stays its own size.
 * Names sit left of their bars when they fit in a third of the width, else above them (phones, long
 * English names), so no name is ever cut.
 */
export function drawStakeBars(rows: OverviewRow[], width: number): SVGSVGElement {
  const longest = Math.max(0, ...rows.map((r) => labelPx(segmentName(r.chain))));
  const beside = longest + 12 <= width / 3;
  const labelWidth = beside ? longest + 12 : 0;
  const rowHeight = beside ? 30 : 44;
  const barTop = beside ? (rowHeight - barHeight) / 2 : 20;
  const valueWidth = 96;
  const height = rows.length * rowHeight + 8;
  const x = scaleLinear()
    .domain([0, Math.max(1e-9, ...rows.map((r) => r.atStake))])
    .range([0, Math.max(40, width - labelWidth - valueWidth)]);
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', `stake-bars ${beside ? 'labels-beside' : 'labels-above'}`)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', 'stake-bars-title stake-bars-desc');
  svg.append('title').attr('id', 'stake-bars-title').text(t('overview.stakeTitle'));
  svg.append('desc').attr('id', 'stake-bars-desc').text(t('overview.stakeDescription'));

  const row = svg
    .selectAll('g.stake-row')
    .data(rows)
    .join('g')
    .attr('class', 'stake-row')
    .attr('data-chain-id', (r) => r.chain.id)
    .attr('transform', (_r, i) => `translate(0, ${i * rowHeight + 4})`);
  row
    .append('a')
    .attr('href', (r) => href('chain', r.chain.id))
    .append('text')
    .attr('class', 'stake-label')
    .attr('x', beside ? labelWidth - 8 : 0)
    .attr('y', beside ? rowHeight / 2 : 9)
    .attr('text-anchor', beside ? 'end' : 'start')
    .attr('dominant-baseline', 'middle')
    .text((r) => segmentName(r.chain));
  for (const cls of stakeClasses) {
    const before = (r: OverviewRow) => stakeClasses.slice(0, stakeClasses.indexOf(cls)).reduce((s, c) => s + r.atStakeByClass[c], 0);
    row
      .append('rect')
      .attr('class', `stake-part health-${cls}`)
      .attr('x', (r) => labelWidth + x(before(r)))
      .attr('y', barTop)
      .attr('width', (r) => x(r.atStakeByClass[cls]))
      .attr('height', barHeight)
      .attr('fill', healthStyle(cls).colour)
      .append('title')
      .text((r) => `${segmentName(r.chain)} · ${tData('class', cls)}${t('overview.colon')}${fmtYi(r.atStakeByClass[cls])}`);
  }
  row
    .append('text')
    .attr('class', 'stake-value')
    .attr('x', (r) => labelWidth + x(r.atStake) + 6)
    .attr('y', barTop + barHeight / 2)
    .attr('dominant-baseline', 'middle')
    .text((r) => fmtYi(r.atStake));
  return svg.node()!;
}

/** What the bar parts mean: one swatch and word per class (the colours are the chain map's). */
export function stakeLegend(): HTMLElement {
  const legend = document.createElement('ul');
  legend.className = 'stake-legend';
  for (const cls of stakeClasses) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch health-${cls}`;
    swatch.style.background = healthStyle(cls).colour;
    item.append(swatch, tData('class', cls));
    legend.append(item);
  }
  return legend;
}
