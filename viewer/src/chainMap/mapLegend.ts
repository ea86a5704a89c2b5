import type { Selection } from 'd3';
import type { ChainMap } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { healthClasses, healthStyle, patternId } from './healthStyle.ts';
import { prefix } from './mapStyle.ts';
import { textWidth } from './wrapLabel.ts';

/** The legend along the map's top: each health class with its count, then what a flow's width means. */
export function drawLegend(svg: Selection<SVGSVGElement, unknown, null, undefined>, map: ChainMap, width: number): void {
  const legend = svg.append('g').attr('class', 'legend').attr('transform', 'translate(16, 10)');
  let x = 0;
  for (const cls of healthClasses) {
    const style = healthStyle(cls);
    const count = map.totals.byClass[cls] ?? 0;
    const item = legend.append('g').attr('class', `legend-item health-${cls}`).attr('transform', `translate(${x}, 0)`);
    item.append('title').text(t(`classLong.${cls}` as 'classLong.missing'));
    item
      .append('rect')
      .attr('width', 18)
      .attr('height', 18)
      .attr('rx', 3)
      .attr('fill', `url(#${patternId(prefix, cls)})`)
      .attr('stroke', style.colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', style.dash);
    const label = `${style.symbol} ${tData('class', cls)}`;
    item.append('text').attr('class', 'legend-text').attr('x', 24).attr('y', 14).text(label);
    const labelWidth = textWidth(label, 12) + 6;
    item
      .append('text')
      .attr('class', 'legend-count')
      .attr('x', 24 + labelWidth)
      .attr('y', 14)
      .text(String(count));
    x += 24 + labelWidth + textWidth(String(count), 12) + 22;
  }
  const flowText = t('chain.flowLegend');
  const noneText = t('chain.flowNone');
  const flowWidth = 42 + textWidth(flowText, 12) + 20 + 42 + textWidth(noneText, 12);
  const flow = svg
    .append('g')
    .attr('class', 'legend-flow')
    .attr('transform', `translate(${Math.max(x + 24, width - 16 - flowWidth)}, 10)`);
  flow.append('path').attr('class', 'flow-sample').attr('d', 'M0,9 H34').attr('stroke-width', 10);
  flow.append('text').attr('class', 'legend-text').attr('x', 42).attr('y', 14).text(flowText);
  const none = flow.append('g').attr('transform', `translate(${42 + textWidth(flowText, 12) + 20}, 0)`);
  none.append('path').attr('class', 'flow-sample none').attr('d', 'M0,9 H34').attr('stroke-width', 1.5);
  none.append('text').attr('class', 'legend-text').attr('x', 42).attr('y', 14).text(noneText);
}
