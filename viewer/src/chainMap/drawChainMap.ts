import { select, type Selection } from 'd3';
import { priorityText } from './priorityText.ts';
import type { ChainMap, MapFeed, MapSegment } from '../api/types.ts';
import { lang, t, tData } from '../i18n/i18n.ts';
import { fmtNumber, fmtPercent, fmtYi } from '../ui/format.ts';
import { el } from '../ui/el.ts';
import { hideTooltip, showTooltip } from '../ui/tooltip.ts';
import { healthClasses, healthClassNames, healthStyle, patternId, patternShapes } from './healthStyle.ts';
import { layoutChainMap, type NodeBox } from './layout.ts';
import { textWidth, wrapLabel } from './wrapLabel.ts';

const svgNS = 'http://www.w3.org/2000/svg';
const prefix = 'cm';
const nameFont = 13;
const legendHeight = 36;

/** Styles travel inside the SVG so the exported file looks like the page. */
const inlineStyle = `
.chain-map { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
.chain-map .band { fill: #f4f6f8; }
.chain-map .band.alt { fill: #eaeef2; }
.chain-map .band-label { font-size: 13px; font-weight: 700; fill: #3b4652; letter-spacing: .05em; }
.chain-map .flow { fill: none; stroke: #56728c; stroke-opacity: .38; stroke-linecap: butt; }
.chain-map .flow-sample { fill: none; stroke: #56728c; stroke-opacity: .38; }
.chain-map .flow-sample.none { stroke-dasharray: 4 4; stroke-opacity: .8; }
.chain-map .flow.none { stroke-dasharray: 4 4; stroke-opacity: .55; }
.chain-map.focusing .flow { stroke-opacity: .1; }
.chain-map.focusing .flow.related { stroke-opacity: .75; stroke: #1f3b57; }
.chain-map .segment { cursor: pointer; outline: none; }
.chain-map .segment .name { font-size: ${nameFont}px; font-weight: 700; fill: #111; }
.chain-map .segment .figures { font-size: 11px; fill: #333; }
.chain-map .segment .badge-text { font-size: 11px; font-weight: 700; }
.chain-map .segment .focus-ring { fill: none; stroke: transparent; stroke-width: 3; }
.chain-map .segment:hover .box, .chain-map .segment.active .box { stroke-width: 3; }
.chain-map .segment:focus-visible .focus-ring, .chain-map .segment.active .focus-ring { stroke: #000; }
.chain-map .legend-text { font-size: 12px; fill: #222; }
.chain-map .legend-count { font-size: 12px; font-weight: 700; fill: #222; }
`;

export interface ChainMapOptions {
  width: number;
  onOpen: (segmentId: string) => void;
}

export function segmentName(s: { name: string; nameEn?: string }): string {
  return lang() === 'en' && s.nameEn ? s.nameEn : s.name;
}

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

function addPatterns(defs: Selection<SVGDefsElement, unknown, null, undefined>): void {
  for (const cls of healthClasses) {
    const style = healthStyle(cls);
    const size = 8;
    const pattern = defs.append('pattern').attr('id', patternId(prefix, cls)).attr('patternUnits', 'userSpaceOnUse').attr('width', size).attr('height', size);
    pattern.append('rect').attr('width', size).attr('height', size).attr('fill', style.tint);
    for (const shape of patternShapes(style.pattern, size)) {
      const node = pattern.append(shape.tag);
      for (const [k, v] of Object.entries(shape.attrs)) node.attr(k, v);
      if (shape.tag === 'path') node.attr('stroke', style.colour).attr('fill', 'none');
      else node.attr('fill', style.colour);
    }
  }
}

function drawLegend(svg: Selection<SVGSVGElement, unknown, null, undefined>, map: ChainMap, width: number): void {
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

function drawSegment(group: Selection<SVGGElement, unknown, null, undefined>, node: NodeBox<MapSegment>): void {
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
