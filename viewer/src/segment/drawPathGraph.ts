import { forceCollide, forceLink, forceManyBody, forceSimulation, forceY, select, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { lang, tData } from '../i18n/i18n.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { wrapLabel } from '../chainMap/wrapLabel.ts';
import { depthFromCandidate, shortName, type PathGraphLink, type PathGraphNode } from './pathGraphData.ts';

/** Node looks by label: Okabe–Ito colours plus a letter, so the kind never rests on colour alone. */
export const nodeLooks: Record<string, { colour: string; zh: string; en: string }> = {
  candidate: { colour: '#D55E00', zh: '候', en: 'C' },
  local: { colour: '#009E73', zh: '企', en: 'E' },
  Enterprise: { colour: '#009E73', zh: '企', en: 'E' },
  Product: { colour: '#E69F00', zh: '品', en: 'P' },
  Segment: { colour: '#0072B2', zh: '环', en: 'S' },
  Alliance: { colour: '#CC79A7', zh: '盟', en: 'A' },
  PartyOrg: { colour: '#CC79A7', zh: '党', en: 'O' },
  University: { colour: '#56B4E9', zh: '校', en: 'U' },
  ResearchUnit: { colour: '#56B4E9', zh: '研', en: 'R' },
  Talent: { colour: '#F0E442', zh: '人', en: 'T' },
  Topic: { colour: '#F0E442', zh: '题', en: 'Tp' },
  Chain: { colour: '#0072B2', zh: '链', en: 'Ch' },
  Park: { colour: '#BBBBBB', zh: '园', en: 'Pk' },
  Offer: { colour: '#E69F00', zh: '供', en: 'Of' },
  Demand: { colour: '#CC79A7', zh: '需', en: 'D' },
  Match: { colour: '#BBBBBB', zh: '配', en: 'M' },
  District: { colour: '#BBBBBB', zh: '区', en: 'Di' },
  Sector: { colour: '#BBBBBB', zh: '片', en: 'Se' },
  ImportRun: { colour: '#BBBBBB', zh: '导', en: 'I' },
};
const lookOf = (n: PathGraphNode) => nodeLooks[n.role === 'other' ? n.label : n.role] ?? { colour: '#999999', zh: '?', en: '?' };
export const lookKey = (n: PathGraphNode) => (n.role === 'other' ? n.label : n.role);

const style = `
.path-graph { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
.path-graph .link { stroke: #5b6570; stroke-width: 1.4; fill: none; }
.path-graph .link-label { font-size: 9px; fill: #4a5560; }
.path-graph .node-label { font-size: 12px; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.path-graph .node-letter { font-size: 11px; font-weight: 700; fill: #000; pointer-events: none; }
.path-graph .node.candidate .node-label { font-weight: 700; }
.path-graph.highlighting .node, .path-graph.highlighting .link-group { opacity: .2; }
.path-graph.highlighting .node.on, .path-graph.highlighting .link-group.on { opacity: 1; }
`;

type SimNode = PathGraphNode & SimulationNodeDatum;
type SimLink = SimulationLinkDatum<SimNode> & PathGraphLink;

export interface PathGraphHandle {
  svg: SVGSVGElement;
  /** Dims everything but the given nodes and links (a path hovered in the list); null clears. */
  highlight(nodeIds: string[] | null, linkKeys?: string[]): void;
}

export const linkKey = (l: { source: string; target: string; type: string }) => `${l.type}|${l.source}|${l.target}`;

/**
 * Draws the merged explanation paths as a small force layout. The simulation runs to rest before
 * anything is drawn (a few dozen nodes at most), so the picture is still and the same every time
 * (d3-force seeds its own generator).
 */
export function drawPathGraph(
  container: HTMLElement,
  data: { nodes: PathGraphNode[]; links: PathGraphLink[] },
  options: { width: number; height: number; title: string },
): PathGraphHandle {
  const { width, height } = options;
  const nodes: SimNode[] = data.nodes.map((n) => ({ ...n }));
  const links: SimLink[] = data.links.map((l) => ({ ...l }));
  // Columns by distance from the candidate; the force only spreads each column vertically and pulls
  // linked nodes level with each other, so labels (≈ columnGap wide) never collide sideways.
  const candidateId = nodes.find((n) => n.role === 'candidate')?.id ?? '';
  const depth = depthFromCandidate(data, candidateId);
  const columnGap = 124;
  for (const n of nodes) {
    n.fx = depth.get(n.id)! * columnGap;
    if (n.role === 'candidate') n.fy = 0;
  }
  const simulation = forceSimulation<SimNode>(nodes)
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((n) => n.id)
        .strength(0.15),
    )
    .force('charge', forceManyBody().strength(-60))
    .force('collide', forceCollide(33))
    .force('y', forceY<SimNode>(0).strength(0.04))
    .stop();
  simulation.tick(320);

  // Fit the result into the picture, leaving room for labels.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 60;
  const minX = Math.min(...xs) - pad;
  const maxX = Math.max(...xs) + pad;
  const minY = Math.min(...ys) - 36;
  const maxY = Math.max(...ys) + 40;
  // Never enlarge a small graph past its natural size; shrink a big one to the column's width.
  const viewWidth = Math.max(width, maxX - minX);
  const viewHeight = Math.max(height * 0.5, maxY - minY);
  const vx = minX - (viewWidth - (maxX - minX)) / 2;
  const vy = minY - (viewHeight - (maxY - minY)) / 2;

  const svg = select(container)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', 'path-graph')
    .attr('viewBox', `${vx} ${vy} ${viewWidth} ${viewHeight}`)
    .attr('width', width)
    .attr('height', Math.round((viewHeight / viewWidth) * width))
    .attr('role', 'img')
    .attr('aria-label', options.title);
  svg.append('title').text(options.title);
  svg.append('style').text(style);
  svg.append('rect').attr('x', vx).attr('y', vy).attr('width', viewWidth).attr('height', viewHeight).attr('fill', '#ffffff');
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'pg-arrow')
    .attr('viewBox', '0 -4 8 8')
    .attr('refX', 8)
    .attr('refY', 0)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,-4L8,0L0,4')
    .attr('fill', '#5b6570');

  const radius = (n: SimNode) => (n.role === 'candidate' ? 17 : 13);
  const linkGroups = svg
    .append('g')
    .attr('class', 'links')
    .selectAll('g')
    .data(links)
    .join('g')
    .attr('class', 'link-group')
    .attr('data-key', (l) => linkKey({ source: (l.source as SimNode).id, target: (l.target as SimNode).id, type: l.type }));
  linkGroups
    .append('line')
    .attr('class', 'link')
    .attr('marker-end', 'url(#pg-arrow)')
    .each(function (l) {
      const s = l.source as SimNode;
      const tNode = l.target as SimNode;
      const dx = (tNode.x ?? 0) - (s.x ?? 0);
      const dy = (tNode.y ?? 0) - (s.y ?? 0);
      const d = Math.hypot(dx, dy) || 1;
      // stop at the circles' edges so the arrowhead shows
      select(this)
        .attr('x1', (s.x ?? 0) + (dx / d) * radius(s))
        .attr('y1', (s.y ?? 0) + (dy / d) * radius(s))
        .attr('x2', (tNode.x ?? 0) - (dx / d) * (radius(tNode) + 2))
        .attr('y2', (tNode.y ?? 0) - (dy / d) * (radius(tNode) + 2));
    });
  linkGroups
    .append('text')
    .attr('class', 'link-label')
    .attr('text-anchor', 'middle')
    .attr('x', (l) => (((l.source as SimNode).x ?? 0) + ((l.target as SimNode).x ?? 0)) / 2)
    .attr('y', (l) => (((l.source as SimNode).y ?? 0) + ((l.target as SimNode).y ?? 0)) / 2 - 4)
    .text((l) => tData('rel', l.type));
  linkGroups.append('title').text((l) => `${segmentName(l.source as SimNode)} —${tData('rel', l.type)}→ ${segmentName(l.target as SimNode)}`);

  const nodeGroups = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', (n) => `node ${n.role} label-${n.label}`)
    .attr('data-id', (n) => n.id)
    .attr('transform', (n) => `translate(${n.x ?? 0},${n.y ?? 0})`);
  nodeGroups.append('title').text((n) => `${segmentName(n)} (${tData('node', n.role === 'other' ? n.label : n.role)})`);
  nodeGroups
    .append('circle')
    .attr('r', radius)
    .attr('fill', (n) => lookOf(n).colour)
    .attr('fill-opacity', 0.85)
    .attr('stroke', (n) => (n.role === 'candidate' ? '#000' : '#fff'))
    .attr('stroke-width', (n) => (n.role === 'candidate' ? 3 : 1.5));
  nodeGroups
    .append('text')
    .attr('class', 'node-letter')
    .attr('text-anchor', 'middle')
    .attr('dy', '0.36em')
    .text((n) => (lang() === 'en' ? lookOf(n).en : lookOf(n).zh));
  nodeGroups.each(function (n) {
    const shown = segmentName(n);
    const lines = wrapLabel(n.label === 'Enterprise' ? shortName(n.name) : shown, 112, 12, 2);
    const label = select(this)
      .append('text')
      .attr('class', 'node-label')
      .attr('text-anchor', 'middle')
      // the graph's names as recorded are data (ui/el.ts dataText); an English name shown in English is not
      .attr('translate', shown === n.name ? 'no' : null)
      .attr('y', radius(n) + 13);
    lines.forEach((line, i) =>
      label
        .append('tspan')
        .attr('x', 0)
        .attr('dy', i === 0 ? 0 : 14)
        .text(line),
    );
    if (lines.length === 0) label.text(n.id);
  });

  return {
    svg: svg.node()!,
    highlight(nodeIds, linkKeys = []) {
      svg.classed('highlighting', nodeIds !== null);
      nodeGroups.classed('on', (n) => nodeIds?.includes(n.id) ?? false);
      linkGroups.classed('on', function () {
        return linkKeys.includes((this as SVGGElement).getAttribute('data-key') ?? '');
      });
    },
  };
}

/** A short legend of the node kinds present, for the HTML beside the picture. */
export function nodeLegendEntries(nodes: PathGraphNode[]): { key: string; colour: string; letter: string; label: string }[] {
  const seen = new Map<string, { key: string; colour: string; letter: string; label: string }>();
  for (const n of nodes) {
    const key = lookKey(n);
    if (seen.has(key)) continue;
    const look = lookOf(n);
    seen.set(key, { key, colour: look.colour, letter: lang() === 'en' ? look.en : look.zh, label: tData('node', key) });
  }
  return [...seen.values()];
}
