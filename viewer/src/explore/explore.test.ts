import { describe, expect, it } from 'vitest';
import { createLayout, dragNode, dropNode, isSettled, stepLayout, unpinNode, type LayoutSpec } from './forceLayout.ts';
import { graphBounds } from './graphExport.ts';
import { displayName, nodeAria, nodeTitle } from './nodeStyle.ts';
import {
  canvasThreshold,
  chooseLayoutHost,
  chooseRenderer,
  degrees,
  emptyGraph,
  labelCounts,
  mergeGroups,
  mergeNeighbourhood,
  syntheticGraph,
  visibleGraph,
  workerThreshold,
} from './graphModel.ts';

const node = (id: string, label = 'Enterprise', demo = false) => ({ id, label, name: `名${id}`, demo });
const rel = (from: string, to: string, type = 'SUPPLIES') => ({ type, from, to });

describe('merging neighbourhoods', () => {
  const first = {
    center: node('a'),
    nodes: [node('a'), node('b', 'Product'), node('c')],
    relationships: [rel('a', 'b', 'MAKES'), rel('c', 'a')],
    truncated: false,
  };
  const second = {
    center: node('c'),
    nodes: [node('c'), node('a'), node('d', 'Talent')],
    relationships: [rel('c', 'a'), rel('d', 'c', 'AFFILIATED_WITH'), rel('d', 'zz', 'GHOST')],
    truncated: true,
  };

  it('adds nodes and relationships once, keeps the first centre as root and marks what was expanded', () => {
    const one = mergeNeighbourhood(emptyGraph(), first);
    expect(one.added).toEqual(['a', 'b', 'c']);
    expect(one.addedLinks).toBe(2);
    const two = mergeNeighbourhood(one.graph, second);
    expect(two.added).toEqual(['d']);
    expect(two.addedLinks).toBe(1); // c→a already there; d→zz dangles
    expect([...two.graph.nodes.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(two.graph.links.size).toBe(3);
    expect(two.graph.root).toBe('a');
    expect([...two.graph.expanded]).toEqual(['a', 'c']);
    expect([...two.graph.truncated]).toEqual(['c']);
  });

  it('leaves the graph it was given untouched', () => {
    const one = mergeNeighbourhood(emptyGraph(), first);
    const before = one.graph.nodes.size;
    mergeNeighbourhood(one.graph, second);
    expect(one.graph.nodes.size).toBe(before);
    expect(one.graph.expanded.has('c')).toBe(false);
  });

  it('merging the same neighbourhood twice adds nothing', () => {
    const one = mergeNeighbourhood(emptyGraph(), first);
    const again = mergeNeighbourhood(one.graph, first);
    expect(again.added).toEqual([]);
    expect(again.addedLinks).toBe(0);
  });
});

describe('demo data in the explorer', () => {
  const hood = { center: node('a'), nodes: [node('a'), node('fake', 'Enterprise', true)], relationships: [rel('fake', 'a')], truncated: false };

  it('keeps the demo mark of every merged node, and says it in the label, the tooltip and the spoken name', () => {
    const { graph } = mergeNeighbourhood(emptyGraph(), hood);
    expect(graph.nodes.get('fake')?.demo).toBe(true);
    expect(graph.nodes.get('a')?.demo).toBe(false);
    const draw = (n: { id: string; label: string; name: string; demo: boolean }) => ({
      ...n,
      index: 0,
      root: false,
      expanded: false,
      pinned: false,
      truncated: false,
    });
    expect(displayName(graph.nodes.get('fake')!)).toBe('名fake［演示］');
    expect(displayName(graph.nodes.get('a')!)).toBe('名a');
    expect(nodeTitle(graph.nodes.get('fake')!)).toContain('不是真实企业');
    expect(nodeTitle(graph.nodes.get('a')!)).not.toContain('演示数据');
    expect(nodeAria(draw(graph.nodes.get('fake')!))).toContain('演示数据');
  });
});

describe('label filtering', () => {
  const g = mergeNeighbourhood(emptyGraph(), {
    center: node('a'),
    nodes: [node('a'), node('b', 'Product'), node('c', 'Product'), node('d', 'Talent')],
    relationships: [rel('a', 'b', 'MAKES'), rel('a', 'c', 'MAKES'), rel('d', 'a', 'AFFILIATED_WITH'), rel('b', 'c', 'INPUT_TO')],
    truncated: false,
  }).graph;

  it('counts labels, most first', () => {
    expect(labelCounts(g)).toEqual([
      { label: 'Product', count: 2 },
      { label: 'Enterprise', count: 1 },
      { label: 'Talent', count: 1 },
    ]);
  });

  it('hides the nodes of hidden labels and every link touching them', () => {
    const all = visibleGraph(g, new Set());
    expect(all.nodes).toHaveLength(4);
    expect(all.links).toHaveLength(4);
    const noProducts = visibleGraph(g, new Set(['Product']));
    expect(noProducts.nodes.map((n) => n.id)).toEqual(['a', 'd']);
    expect(noProducts.links.map((l) => l.type)).toEqual(['AFFILIATED_WITH']);
    expect(visibleGraph(g, new Set(['Product', 'Enterprise', 'Talent'])).links).toEqual([]);
  });

  it('counts degrees over the given links', () => {
    expect(degrees(visibleGraph(g, new Set()).links).get('a')).toBe(3);
  });
});

describe('renderer and layout host', () => {
  it('draws SVG up to the Canvas threshold and Canvas above it', () => {
    expect(chooseRenderer(28)).toBe('svg');
    expect(chooseRenderer(canvasThreshold)).toBe('svg');
    expect(chooseRenderer(canvasThreshold + 1)).toBe('canvas');
    expect(chooseRenderer(5000)).toBe('canvas');
    expect(chooseRenderer(100, 50)).toBe('canvas');
  });

  it('lays out in the page up to the worker threshold, in a worker above it when workers exist', () => {
    expect(chooseLayoutHost(500)).toBe('main');
    expect(chooseLayoutHost(workerThreshold)).toBe('main');
    expect(chooseLayoutHost(5000)).toBe('worker');
    expect(chooseLayoutHost(5000, { workerAvailable: false })).toBe('main');
    expect(canvasThreshold).toBeLessThan(workerThreshold);
  });
});

describe('search result groups', () => {
  const hit = (id: string, type: string) => ({ id, type, name: id, description: '', score: 1, highlight: [], demo: false, matchedByMeaning: false });
  it('appends a further page to the groups of the same type, new types last, without repeats', () => {
    const merged = mergeGroups(
      [{ type: 'Enterprise', items: [hit('e1', 'Enterprise')] }],
      [
        { type: 'Product', items: [hit('p1', 'Product')] },
        { type: 'Enterprise', items: [hit('e1', 'Enterprise'), hit('e2', 'Enterprise')] },
      ],
    );
    expect(merged.map((g) => [g.type, g.items.map((i) => i.id)])).toEqual([
      ['Enterprise', ['e1', 'e2']],
      ['Product', ['p1']],
    ]);
  });
});

describe('the force layout step (the Web Worker runs this)', () => {
  const specOf = (n: number, seed = 7): LayoutSpec => {
    const g = syntheticGraph(n, seed);
    const index = new Map([...g.nodes.keys()].map((id, i) => [id, i]));
    return {
      nodes: [...g.nodes.keys()].map((id) => ({ id })),
      links: [...g.links.values()].map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)! })),
    };
  };

  it('builds the same synthetic graph for the same seed', () => {
    const a = syntheticGraph(300, 3);
    const b = syntheticGraph(300, 3);
    expect([...a.links.keys()]).toEqual([...b.links.keys()]);
    expect(a.nodes.size).toBe(300);
    expect(a.links.size).toBeGreaterThanOrEqual(299);
  });

  it('takes a synthetic 5,000-node graph through 30 ticks to finite, spread-out positions', () => {
    const spec = specOf(5000);
    expect(spec.links.length).toBeGreaterThan(5000);
    const state = createLayout(spec);
    let positions: Float32Array = new Float32Array(0);
    for (let tick = 0; tick < 30; tick++) positions = stepLayout(state, 1, positions);
    expect(positions).toHaveLength(10_000);
    expect(positions.every((v) => Number.isFinite(v))).toBe(true);
    const box = graphBounds(
      spec.nodes.map((_, index) => ({ index })),
      positions,
      0,
    )!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(100);
    expect(state.simulation.alpha()).toBeLessThan(1);
  });

  it('keeps a dragged node where it was dropped (pinned) until it is unpinned, and comes to rest', () => {
    const spec = specOf(60);
    spec.nodes[5] = { id: spec.nodes[5].id, x: 100, y: -50, fixed: true };
    const state = createLayout(spec);
    stepLayout(state, 50);
    let p = stepLayout(state, 1);
    expect([p[10], p[11]]).toEqual([100, -50]);
    dragNode(state, 3, 200, 200);
    p = stepLayout(state, 5);
    expect([p[6], p[7]]).toEqual([200, 200]);
    dropNode(state, 3);
    unpinNode(state, 5);
    p = stepLayout(state, 400);
    expect(isSettled(state)).toBe(true);
    expect([p[6], p[7]]).toEqual([200, 200]);
    expect(p.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('keeps the positions it is given for nodes already laid out', () => {
    const state = createLayout(
      {
        nodes: [{ id: 'a', x: 10, y: 20 }, { id: 'b' }],
        links: [
          { source: 0, target: 1 },
          { source: 0, target: 9 },
        ],
      },
      0,
    );
    const p = stepLayout(state, 0);
    expect([p[0], p[1]]).toEqual([10, 20]);
  });
});

describe('graph bounds', () => {
  it('pads the drawn nodes and skips non-finite ones', () => {
    const positions = new Float32Array([0, 0, 100, 50, Number.NaN, 3]);
    expect(graphBounds([{ index: 0 }, { index: 1 }, { index: 2 }], positions, 10)).toEqual({ x: -10, y: -10, width: 120, height: 70 });
    expect(graphBounds([], positions)).toBeNull();
  });
});
