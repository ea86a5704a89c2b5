import { displayName, graphFont, lookOf, nodeRadius, nodeTitle, type DrawLink, type DrawNode } from './nodeStyle.ts';

const svgNs = 'http://www.w3.org/2000/svg';

/** The bounds of the drawn nodes, with room for labels; null when nothing is drawn. */
export function graphBounds(
  nodes: readonly Pick<DrawNode, 'index'>[],
  positions: Float32Array,
  pad = 40,
): { x: number; y: number; width: number; height: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const x = positions[2 * n.index];
    const y = positions[2 * n.index + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (minX === Infinity) return null;
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}

/**
 * The whole graph (not just what is in view) as a standalone SVG for export — the same colours,
 * letters and state rings as on screen, names on every node when there are few enough to read.
 */
export function graphSvg(nodes: readonly DrawNode[], links: readonly DrawLink[], positions: Float32Array, title: string): SVGSVGElement {
  const box = graphBounds(nodes, positions) ?? { x: 0, y: 0, width: 400, height: 300 };
  const make = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svg = make('svg', {
    xmlns: svgNs,
    viewBox: `${box.x} ${box.y} ${box.width} ${box.height}`,
    width: Math.round(box.width),
    height: Math.round(box.height),
    role: 'img',
    'aria-label': title,
  }) as SVGSVGElement;
  svg.append(make('title', {}, title));
  svg.append(
    make(
      'style',
      {},
      `text { font-family: ${graphFont}; } .l { font-size: 11px; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; } .t { font-size: 10px; font-weight: 700; }`,
    ),
  );
  svg.append(make('rect', { x: box.x, y: box.y, width: box.width, height: box.height, fill: '#ffffff' }));
  const px = (i: number) => positions[2 * i] ?? 0;
  const py = (i: number) => positions[2 * i + 1] ?? 0;
  const linkGroup = make('g', { stroke: '#6b7580', 'stroke-opacity': 0.55, 'stroke-width': 1.2 });
  for (const l of links) linkGroup.append(make('line', { x1: px(l.source), y1: py(l.source), x2: px(l.target), y2: py(l.target) }));
  svg.append(linkGroup);
  const labels = nodes.length <= 300;
  const dense = nodes.length > 1500;
  const nodeGroup = make('g', {});
  for (const n of nodes) {
    const g = make('g', { transform: `translate(${px(n.index)},${py(n.index)})` });
    g.append(make('title', {}, nodeTitle(n)));
    g.append(
      make('circle', {
        r: nodeRadius(n, dense),
        fill: lookOf(n.label).colour,
        stroke: n.root || n.pinned || n.expanded ? '#000' : '#fff',
        'stroke-width': n.root ? 3 : n.pinned || n.expanded ? 2 : 1.5,
        ...(n.pinned ? { 'stroke-dasharray': '3 2' } : {}),
      }),
    );
    g.append(make('text', { class: 't', 'text-anchor': 'middle', dy: '0.36em' }, lookOf(n.label).letter));
    if (labels || n.root || n.expanded) g.append(make('text', { class: 'l', 'text-anchor': 'middle', y: nodeRadius(n, dense) + 12 }, displayName(n)));
    nodeGroup.append(g);
  }
  svg.append(nodeGroup);
  return svg;
}
