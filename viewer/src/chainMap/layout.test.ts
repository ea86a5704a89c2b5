import { describe, expect, it } from 'vitest';
import { columnKeys, flowCurve, flowWidthScale, layoutChainMap, type LayoutFeed, type LayoutSegment } from './layout.ts';

// A small hand-made chain: two upstream columns, one midstream, one downstream.
const segments: LayoutSegment[] = [
  { segmentId: 'a', stage: 'upstream', order: 1 },
  { segmentId: 'b', stage: 'upstream', order: 1 },
  { segmentId: 'c', stage: 'upstream', order: 2 },
  { segmentId: 'd', stage: 'midstream', order: 3 },
  { segmentId: 'e', stage: 'midstream', order: 3 },
  { segmentId: 'f', stage: 'midstream', order: 3 },
  { segmentId: 'g', stage: 'downstream', order: 4 },
];
const feeds: LayoutFeed[] = [
  { from: 'a', to: 'c', localDemand: 2 },
  { from: 'b', to: 'd', localDemand: 0 },
  { from: 'c', to: 'd', localDemand: 8 },
  { from: 'c', to: 'e', localDemand: 4 },
  { from: 'd', to: 'g', localDemand: 1 },
  { from: 'f', to: 'g', localDemand: 16 },
];
const options = { width: 1000, padding: 20, top: 100, boxHeight: 60, rowGap: 20, maxBoxWidth: 180, minGutter: 40 };

describe('layoutChainMap', () => {
  const layout = layoutChainMap(segments, feeds, options);
  const node = (id: string) => layout.nodes.find((n) => n.segment.segmentId === id)!;

  it('makes one column per (stage, order), upstream to downstream', () => {
    expect(layout.columns.map((c) => [c.stage, c.order])).toEqual([
      ['upstream', 1],
      ['upstream', 2],
      ['midstream', 3],
      ['downstream', 4],
    ]);
    expect(layout.columns.map((c) => c.x)).toEqual([20, 260, 500, 740]);
  });

  it('puts every segment in the column of its order, x increasing with order', () => {
    expect(layout.nodes).toHaveLength(segments.length);
    expect(node('a').x).toBe(node('b').x);
    expect(node('a').x).toBeLessThan(node('c').x);
    expect(node('c').x).toBeLessThan(node('d').x);
    expect(node('d').x).toBe(node('f').x);
    expect(node('f').x).toBeLessThan(node('g').x);
    // centred in a 240-wide column, 180 wide
    expect(node('a').x).toBe(50);
    expect(node('a').width).toBe(180);
  });

  it('stacks boxes in a column without overlap, centred against the tallest column', () => {
    const column = layout.nodes.filter((n) => n.column === 2).sort((p, q) => p.y - q.y);
    expect(column.map((n) => n.y)).toEqual([100, 180, 260]);
    for (let i = 1; i < column.length; i++) expect(column[i].y - column[i - 1].y).toBeGreaterThanOrEqual(options.boxHeight);
    // one box against three rows: in the middle row
    expect(node('g').y).toBe(180);
    // two boxes against three: half a step down
    expect([node('a').y, node('b').y]).toEqual([140, 220]);
    expect(layout.height).toBe(100 + 3 * 80 - 20 + 20);
  });

  it('orders a column by what feeds it, so flows cross less', () => {
    // d is fed by b and c (lower), e by c only; f is fed by nothing and goes last
    const order = layout.nodes
      .filter((n) => n.column === 2)
      .sort((p, q) => p.row - q.row)
      .map((n) => n.segment.segmentId);
    expect(order[order.length - 1]).toBe('f');
  });

  it('groups columns into contiguous stage bands', () => {
    expect(layout.bands).toEqual([
      { stage: 'upstream', x0: 20, x1: 500 },
      { stage: 'midstream', x0: 500, x1: 740 },
      { stage: 'downstream', x0: 740, x1: 980 },
    ]);
  });

  it('draws every flow from the right edge of its source to the left edge of its target', () => {
    expect(layout.flows).toHaveLength(feeds.length);
    for (const f of layout.flows) {
      const s = node(f.feed.from);
      const tNode = node(f.feed.to);
      expect(f.source.x).toBe(s.x + s.width);
      expect(f.target.x).toBe(tNode.x);
      expect(f.source.y).toBeGreaterThan(s.y);
      expect(f.source.y).toBeLessThan(s.y + s.height);
      expect(f.target.y).toBeGreaterThan(tNode.y);
      expect(f.target.y).toBeLessThan(tNode.y + tNode.height);
      expect(f.path.startsWith(`M${f.source.x},`)).toBe(true);
    }
  });

  it('makes flow width monotone in local demand, from the minimum to the maximum', () => {
    const byDemand = [...layout.flows].sort((p, q) => p.feed.localDemand - q.feed.localDemand);
    for (let i = 1; i < byDemand.length; i++) expect(byDemand[i].width).toBeGreaterThanOrEqual(byDemand[i - 1].width);
    expect(byDemand[0].width).toBe(1.5);
    expect(byDemand[byDemand.length - 1].width).toBe(16);
    const mid = layout.flows.find((f) => f.feed.localDemand === 8)!;
    expect(mid.width).toBeCloseTo(1.5 + 14.5 / 2, 6);
  });

  it('ignores flows to segments it does not know and handles an empty chain', () => {
    expect(layoutChainMap(segments, [...feeds, { from: 'a', to: 'zzz', localDemand: 3 }], options).flows).toHaveLength(feeds.length);
    const empty = layoutChainMap([], [], options);
    expect(empty.nodes).toEqual([]);
    expect(empty.height).toBeGreaterThan(0);
  });
});

describe('flowWidthScale', () => {
  it('is non-decreasing for any demands, and flat when there is no demand', () => {
    const scale = flowWidthScale([{ from: 'x', to: 'y', localDemand: 10 }], [2, 12]);
    let previous = -Infinity;
    for (let d = 0; d <= 12; d += 0.5) {
      expect(scale(d)).toBeGreaterThanOrEqual(previous);
      previous = scale(d);
    }
    expect(scale(10)).toBe(12);
    expect(scale(50)).toBe(12);
    expect(flowWidthScale([{ from: 'x', to: 'y', localDemand: 0 }], [2, 12])(0)).toBe(2);
  });
});

describe('columnKeys', () => {
  it('keeps a stage contiguous even when two stages share an order', () => {
    expect(
      columnKeys([
        { segmentId: 'm', stage: 'midstream', order: 2 },
        { segmentId: 'u', stage: 'upstream', order: 2 },
        { segmentId: 'u1', stage: 'upstream', order: 1 },
      ]),
    ).toEqual([
      { stage: 'upstream', order: 1 },
      { stage: 'upstream', order: 2 },
      { stage: 'midstream', order: 2 },
    ]);
  });
});

describe('flowCurve', () => {
  it('is a cubic curve with level tangents', () => {
    expect(flowCurve(0, 10, 200, 50)).toBe('M0,10 C100,10 100,50 200,50');
  });
});
