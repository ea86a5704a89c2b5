import { select } from 'd3';
import { priorityText } from './priorityText.ts';
import type { ChainMap, MapFeed, MapSegment } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { fmtYi } from '../ui/format.ts';
import { hideTooltip, showTooltip } from '../ui/tooltip.ts';
import { healthClassNames } from './healthStyle.ts';
import { layoutChainMap } from './layout.ts';
import { drawSegment } from './drawSegment.ts';
import { drawLegend } from './mapLegend.ts';
import { addPatterns, inlineStyle } from './mapStyle.ts';
import { segmentName } from './segmentName.ts';
import { segmentTooltip } from './segmentTooltip.ts';

const svgNS = 'http://www.w3.org/2000/svg';
const legendHeight = 36;

export interface ChainMapOptions {
  width: number;
  onOpen: (segmentId: string) => void;
}

/**
 * Draws the chain map into `container` and returns its SVG (for export). Segments are focusable
 * buttons: Tab reaches them in column order, Enter or Space opens one.
 */
export function drawChainMap(container: HTMLElement, map: ChainMap, options: ChainMapOptions): SVGSVGElement {
  const width = Math.max(760, Math.floor(options.width));
  const layout = layoutChainMap<MapSegment, MapFeed>(map.segments, map.feeds, { width, top: legendHeight + 60, boxHeight: 84, rowGap: 16 });
  const names = new Map(map.segments.map((s) => [s.segmentId, segmentName(s)]));

  const svg = select(container)
    .append('svg')
    .attr('xmlns', svgNS)
    .attr('class', 'chain-map')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height)
    .attr('role', 'group')
    .attr('aria-labelledby', 'chain-map-title chain-map-desc');
  svg
    .append('title')
    .attr('id', 'chain-map-title')
    .text(t('chain.mapTitle', { chain: segmentName(map.chain) }));
  svg
    .append('desc')
    .attr('id', 'chain-map-desc')
    .text(`${t('chain.mapDescription')} ${t('chain.openHint')}`);
  svg.append('style').text(inlineStyle);
  svg.append('rect').attr('width', layout.width).attr('height', layout.height).attr('fill', '#ffffff');
  addPatterns(svg.append('defs'));
  drawLegend(svg, map, layout.width);

  const bands = svg.append('g').attr('class', 'bands').attr('aria-hidden', 'true');
  layout.bands.forEach((b, i) => {
    bands
      .append('rect')
      .attr('class', `band${i % 2 ? ' alt' : ''}`)
      .attr('x', b.x0 + 2)
      .attr('y', legendHeight + 12)
      .attr('width', b.x1 - b.x0 - 4)
      .attr('height', layout.height - legendHeight - 16)
      .attr('rx', 8);
    bands
      .append('text')
      .attr('class', 'band-label')
      .attr('x', (b.x0 + b.x1) / 2)
      .attr('y', legendHeight + 34)
      .attr('text-anchor', 'middle')
      .text(tData('stage', b.stage));
  });

  const flows = svg.append('g').attr('class', 'flows');
  const flowPaths = flows
    .selectAll('path')
    .data(layout.flows)
    .join('path')
    .attr('class', (f) => `flow${f.feed.localDemand > 0 ? '' : ' none'}`)
    .attr('d', (f) => f.path)
    .attr('stroke-width', (f) => f.width)
    .attr('data-from', (f) => f.feed.from)
    .attr('data-to', (f) => f.feed.to);
  flowPaths
    .append('title')
    .text((f) =>
      t('chain.flowTitle', { from: names.get(f.feed.from) ?? f.feed.from, to: names.get(f.feed.to) ?? f.feed.to, demand: fmtYi(f.feed.localDemand) }),
    );

  const focusOn = (id: string | null) => {
    svg.classed('focusing', id !== null);
    flowPaths.classed('related', (f) => id !== null && (f.feed.from === id || f.feed.to === id));
  };

  const segments = svg.append('g').attr('class', 'segments');
  // Tab order follows the reading order: column by column, top to bottom.
  const ordered = [...layout.nodes].sort((a, b) => a.column - b.column || a.row - b.row);
  for (const node of ordered) {
    const s = node.segment;
    const g = segments
      .append('g')
      .attr('class', healthClassNames(s.class))
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('data-segment-id', s.segmentId)
      .attr(
        'aria-label',
        t('chain.segmentAria', { name: segmentName(s), class: tData('class', s.class), count: s.metrics.localFirmCount, score: priorityText(s) }),
      );
    drawSegment(g, node);
    const element = g.node()!;
    const show = (anchor: { x: number; y: number }) => {
      g.classed('active', true);
      focusOn(s.segmentId);
      showTooltip(segmentTooltip(s), anchor);
    };
    const hide = () => {
      g.classed('active', false);
      focusOn(null);
      hideTooltip();
    };
    g.on('mouseenter', (event: MouseEvent) => show({ x: event.clientX, y: event.clientY }))
      .on('mousemove', (event: MouseEvent) => showTooltip(segmentTooltip(s), { x: event.clientX, y: event.clientY }))
      .on('mouseleave', hide)
      .on('focus', () => {
        const r = element.getBoundingClientRect();
        show({ x: r.right, y: r.top });
      })
      .on('blur', hide)
      .on('click', () => {
        hideTooltip();
        options.onOpen(s.segmentId);
      })
      .on('keydown', (event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          hideTooltip();
          options.onOpen(s.segmentId);
        } else if (event.key === 'Escape') hide();
      });
  }
  return svg.node()!;
}
