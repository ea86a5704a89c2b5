import { select } from 'd3';
import { graphFont } from './nodeStyle.ts';

/** The explorer SVG's styles, inside the picture so an exported file looks like the page. */
const style = `
.explore-svg { font-family: ${graphFont}; }
.explore-svg .link { stroke: #6b7580; stroke-opacity: .55; stroke-width: 1.2; }
.explore-svg .link-label { font-size: 9px; fill: #4a5560; }
.explore-svg .node circle { stroke: #fff; stroke-width: 1.5; }
.explore-svg .node.root circle { stroke: #000; stroke-width: 3; }
.explore-svg .node.expanded circle { stroke: #1b1f24; stroke-width: 2; }
.explore-svg .node.pinned circle { stroke: #000; stroke-width: 2.5; stroke-dasharray: 3 2; }
.explore-svg .node.selected .halo { fill: none; stroke: #1d4ed8; stroke-width: 4; }
.explore-svg .node .halo { fill: none; stroke: none; }
.explore-svg .node-letter { font-size: 10px; font-weight: 700; fill: #000; pointer-events: none; }
.explore-svg .node-label { font-size: 11px; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; pointer-events: none; }
.explore-svg .node.root .node-label, .explore-svg .node.selected .node-label { font-weight: 700; font-size: 12px; }
.explore-svg .node { cursor: pointer; }
.explore-svg .node:focus { outline: none; }
.explore-svg .node:focus-visible .halo { stroke: #1d4ed8; stroke-width: 4; stroke-dasharray: 4 2; }
`;

/**
 * The empty explorer SVG: styles, the arrowhead links end in, a white background (exports are not
 * transparent), and the layers drawn into — links under their labels under the nodes — inside one
 * viewport the zoom moves.
 */
export function svgScene(container: HTMLElement, width: number, height: number, label: string) {
  const svg = select(container)
    .append('svg')
    .attr('class', 'explore-svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'group')
    .attr('aria-label', label);
  svg.append('style').text(style);
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'ex-arrow')
    .attr('viewBox', '0 -4 8 8')
    .attr('refX', 8)
    .attr('refY', 0)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,-4L8,0L0,4')
    .attr('fill', '#6b7580');
  const background = svg.append('rect').attr('class', 'bg').attr('width', width).attr('height', height).attr('fill', '#fff');
  const viewport = svg.append('g').attr('class', 'viewport');
  const linkLayer = viewport.append('g').attr('class', 'links');
  const linkLabelLayer = viewport.append('g').attr('class', 'link-labels');
  const nodeLayer = viewport.append('g').attr('class', 'nodes');
  return { svg, background, viewport, linkLayer, linkLabelLayer, nodeLayer };
}
