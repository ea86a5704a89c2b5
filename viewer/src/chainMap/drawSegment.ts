import type { Selection } from 'd3';
import type { MapSegment } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { fmtYi } from '../ui/format.ts';
import { healthStyle, patternId } from './healthStyle.ts';
import type { NodeBox } from './layout.ts';
import { nameFont, prefix } from './mapStyle.ts';
import { segmentName } from './segmentName.ts';
import { textWidth, wrapLabel } from './wrapLabel.ts';

/** One segment's box: focus ring, class-coloured frame, textured strip, class badge, wrapped name and figures. */
export function drawSegment(group: Selection<SVGGElement, unknown, null, undefined>, node: NodeBox<MapSegment>): void {
  const s = node.segment;
  const style = healthStyle(s.class);
  const { x, y, width, height } = node;
  group
    .append('rect')
    .attr('class', 'focus-ring')
    .attr('x', x - 5)
    .attr('y', y - 5)
    .attr('width', width + 10)
    .attr('height', height + 10)
    .attr('rx', 9);
  group
    .append('rect')
    .attr('class', 'box')
    .attr('x', x)
    .attr('y', y)
    .attr('width', width)
    .attr('height', height)
    .attr('rx', 6)
    .attr('fill', style.tint)
    .attr('stroke', style.colour)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', style.dash);
  // The textured strip carries the class for anyone who cannot tell the colours apart.
  group
    .append('rect')
    .attr('class', 'strip')
    .attr('x', x + 1)
    .attr('y', y + 1)
    .attr('width', 12)
    .attr('height', height - 2)
    .attr('rx', 5)
    .attr('fill', `url(#${patternId(prefix, s.class)})`);
  const badge = `${style.symbol} ${tData('class', s.class)}`;
  const badgeWidth = Math.min(width - 24, textWidth(badge, 11) + 12);
  group
    .append('rect')
    .attr('class', 'badge')
    .attr('x', x + 18)
    .attr('y', y + 7)
    .attr('width', badgeWidth)
    .attr('height', 17)
    .attr('rx', 8.5)
    .attr('fill', style.colour);
  group
    .append('text')
    .attr('class', 'badge-text')
    .attr('x', x + 23)
    .attr('y', y + 19.5)
    .attr('fill', style.ink)
    .text(badge);
  const lines = wrapLabel(segmentName(s), width - 26, nameFont, 2);
  const name = group
    .append('text')
    .attr('class', 'name')
    .attr('x', x + 18)
    .attr('y', y + 41);
  lines.forEach((line, i) =>
    name
      .append('tspan')
      .attr('x', x + 18)
      .attr('dy', i === 0 ? 0 : 16)
      .text(line),
  );
  group
    .append('text')
    .attr('class', 'figures')
    .attr('x', x + 18)
    .attr('y', y + height - 9)
    .text(t('chain.boxFigures', { n: s.metrics.localFirmCount, capacity: fmtYi(s.metrics.localCapacity) }));
}
