/**
 * The chain map's geometry as a pure function of the segments and flows: columns by stage then
 * `order` (upstream → midstream → downstream, so each stage's columns sit side by side), boxes stacked
 * in each column and centred against the tallest one, and FEEDS flows as curves whose width grows
 * with local demand. No DOM here, so it is unit-tested and reused by the PNG/SVG export.
 */
export interface LayoutSegment {
  segmentId: string;
  stage: string;
  order: number;
}

export interface LayoutFeed {
  from: string;
  to: string;
  localDemand: number;
}

export interface LayoutOptions {
  width: number;
  /** Where the first row starts (room for the legend and the stage labels above). */
  top: number;
  padding: number;
  boxHeight: number;
  maxBoxWidth: number;
  rowGap: number;
  /** Horizontal room kept free between boxes for the curves. */
  minGutter: number;
  flowWidth: [min: number, max: number];
}

export const defaultLayoutOptions: LayoutOptions = {
  width: 1200,
  top: 96,
  padding: 16,
  boxHeight: 74,
  maxBoxWidth: 200,
  rowGap: 18,
  minGutter: 34,
  flowWidth: [1.5, 16],
};

export interface ColumnBox {
  index: number;
  stage: string;
  order: number;
  x: number;
  width: number;
}

export interface StageBand {
  stage: string;
  x0: number;
  x1: number;
}

export interface NodeBox<S extends LayoutSegment> {
  segment: S;
  column: number;
  row: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FlowPath<F extends LayoutFeed> {
  feed: F;
  width: number;
  path: string;
  source: { x: number; y: number };
  target: { x: number; y: number };
}

export interface ChainMapLayout<S extends LayoutSegment, F extends LayoutFeed> {
  width: number;
  height: number;
  columns: ColumnBox[];
  bands: StageBand[];
  nodes: NodeBox<S>[];
  flows: FlowPath<F>[];
}

export const stageRank: Record<string, number> = { upstream: 0, midstream: 1, downstream: 2 };
const rankOf = (stage: string) => stageRank[stage] ?? 1;

/** Distinct (stage, order) columns, upstream first, then by order. */
export function columnKeys(segments: readonly LayoutSegment[]): { stage: string; order: number }[] {
  const keys = new Map<string, { stage: string; order: number }>();
  for (const s of segments) keys.set(`${rankOf(s.stage)}:${s.order}`, { stage: s.stage, order: s.order });
  return [...keys.values()].sort((a, b) => rankOf(a.stage) - rankOf(b.stage) || a.order - b.order);
}

/**
 * Flow width grows linearly with local demand from `min` (no demand) to `max` (the chain's largest
 * flow), so equal demand reads as equal width within one map.
 */
export function flowWidthScale(feeds: readonly LayoutFeed[], [min, max]: [number, number]): (demand: number) => number {
  const top = Math.max(0, ...feeds.map((f) => f.localDemand));
  return (demand) => (top > 0 ? min + ((max - min) * Math.max(0, Math.min(demand, top))) / top : min);
}

/** A horizontal S-curve between two ports (cubic Bézier with level tangents at both ends). */
export function flowCurve(sx: number, sy: number, tx: number, ty: number): string {
  const bend = Math.max(30, Math.abs(tx - sx) / 2);
  const r = (x: number) => Math.round(x * 10) / 10;
  return `M${r(sx)},${r(sy)} C${r(sx + bend)},${r(sy)} ${r(tx - bend)},${r(ty)} ${r(tx)},${r(ty)}`;
}

export function layoutChainMap<S extends LayoutSegment, F extends LayoutFeed>(
  segments: readonly S[],
  feeds: readonly F[],
  options: Partial<LayoutOptions> = {},
): ChainMapLayout<S, F> {
  const o = { ...defaultLayoutOptions, ...options };
  const keys = columnKeys(segments);
  const columnIndex = new Map(keys.map((k, i) => [`${rankOf(k.stage)}:${k.order}`, i]));
  const inner = Math.max(1, o.width - 2 * o.padding);
  const columnWidth = keys.length > 0 ? inner / keys.length : inner;
  const boxWidth = Math.max(60, Math.min(o.maxBoxWidth, columnWidth - o.minGutter));
  const columns: ColumnBox[] = keys.map((k, i) => ({ index: i, stage: k.stage, order: k.order, x: o.padding + i * columnWidth, width: columnWidth }));

  const byColumn: S[][] = keys.map(() => []);
  for (const s of segments) byColumn[columnIndex.get(`${rankOf(s.stage)}:${s.order}`)!].push(s);
  const rows = Math.max(0, ...byColumn.map((c) => c.length));
  const step = o.boxHeight + o.rowGap;

  // Column by column, order boxes by the mean height of what feeds them (fewer crossings); boxes with
  // nothing placed upstream keep the template's order. Array.prototype.sort is stable.
  const sources = new Map<string, string[]>();
  for (const f of feeds) (sources.get(f.to) ?? sources.set(f.to, []).get(f.to)!).push(f.from);
  const centreY = new Map<string, number>();
  const nodes: NodeBox<S>[] = [];
  byColumn.forEach((members, column) => {
    const key = (s: S) => {
      const ys = (sources.get(s.segmentId) ?? []).map((id) => centreY.get(id)).filter((y): y is number => y !== undefined);
      return ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY;
    };
    const sorted = column === 0 ? members : [...members].sort((a, b) => key(a) - key(b));
    const offset = ((rows - sorted.length) * step) / 2;
    sorted.forEach((segment, row) => {
      const y = o.top + offset + row * step;
      const x = columns[column].x + (columnWidth - boxWidth) / 2;
      nodes.push({ segment, column, row, x, y, width: boxWidth, height: o.boxHeight });
      centreY.set(segment.segmentId, y + o.boxHeight / 2);
    });
  });

  const bands: StageBand[] = [];
  for (const c of columns) {
    const last = bands[bands.length - 1];
    if (last && last.stage === c.stage) last.x1 = c.x + c.width;
    else bands.push({ stage: c.stage, x0: c.x, x1: c.x + c.width });
  }

  const nodeById = new Map(nodes.map((n) => [n.segment.segmentId, n]));
  const width = flowWidthScale(feeds, o.flowWidth);
  const drawable = feeds.filter((f) => nodeById.has(f.from) && nodeById.has(f.to));
  // Ports: spread each box's outgoing flows down its right edge, incoming down its left edge,
  // ordered by the other end's height so flows leave and arrive without crossing at the box.
  const portY = (node: NodeBox<S>, mine: F[], other: (f: F) => NodeBox<S>, feed: F) => {
    const sorted = [...mine].sort((a, b) => other(a).y - other(b).y || other(a).x - other(b).x);
    const i = sorted.indexOf(feed);
    return node.y + (node.height * (i + 1)) / (sorted.length + 1);
  };
  const outgoing = (id: string) => drawable.filter((f) => f.from === id);
  const incoming = (id: string) => drawable.filter((f) => f.to === id);
  const flows: FlowPath<F>[] = drawable.map((feed) => {
    const s = nodeById.get(feed.from)!;
    const tNode = nodeById.get(feed.to)!;
    const source = { x: s.x + s.width, y: portY(s, outgoing(feed.from), (f) => nodeById.get(f.to)!, feed) };
    const target = { x: tNode.x, y: portY(tNode, incoming(feed.to), (f) => nodeById.get(f.from)!, feed) };
    return { feed, width: width(feed.localDemand), path: flowCurve(source.x, source.y, target.x, target.y), source, target };
  });

  const height = o.top + rows * step - o.rowGap + o.padding;
  return { width: o.width, height: Math.max(height, o.top + o.padding), columns, bands, nodes, flows };
}
