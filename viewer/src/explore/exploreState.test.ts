import { describe, expect, it } from 'vitest';
import { relationCounts } from './detailsPanel.ts';
import { createExploreState, drawData, exploreHash, resetExploration, syntheticWanted } from './exploreState.ts';
import { emptyGraph, mergeNeighbourhood, syntheticGraph } from './graphModel.ts';
import { layoutSeed } from './layoutSeed.ts';

const node = (id: string, label = 'Enterprise') => ({ id, label, name: `名${id}`, demo: false });
const hood = {
  center: node('a'),
  nodes: [node('a'), node('b', 'Product'), node('c'), node('d', 'Talent')],
  relationships: [
    { type: 'MAKES', from: 'a', to: 'b' },
    { type: 'SUPPLIES', from: 'c', to: 'a' },
    { type: 'AFFILIATED_WITH', from: 'd', to: 'c' },
  ],
  truncated: false,
};
const loaded = () => {
  const state = createExploreState(new URLSearchParams('q=正大天晴&types=Enterprise'));
  state.graph = mergeNeighbourhood(emptyGraph(), hood).graph;
  return state;
};

describe('explore state', () => {
  it('starts from the address: the search is read, the graph is empty', () => {
    const state = createExploreState(new URLSearchParams('q=正大天晴&types=Enterprise'));
    expect([state.q, state.types, state.graph.nodes.size, state.depth, state.limit, state.selected]).toEqual(['正大天晴', 'Enterprise', 0, 1, 150, null]);
  });

  it('one reset clears everything of the old graph and keeps the person’s choices', () => {
    const state = loaded();
    Object.assign(state, { selected: 'a', loading: '加载中', synthetic: 0, depth: 2, limit: 500 });
    state.detail = { id: 'a', label: 'Enterprise', name: '名a', demo: false, degree: 2, properties: {} } as unknown as typeof state.detail;
    state.pinned.add('b');
    state.hidden.add('Product');
    const generation = state.generation;
    resetExploration(state, { selected: 'c' });
    expect(state.graph.nodes.size).toBe(0);
    expect([state.pinned.size, state.detail, state.loading, state.selected, state.synthetic]).toEqual([0, null, null, 'c', 0]);
    expect(state.generation).toBe(generation + 1); // a late neighbourhood for the old graph is dropped
    expect([[...state.hidden], state.depth, state.limit, state.q]).toEqual([['Product'], 2, 500, '正大天晴']);
  });

  it('a reset into a synthetic graph carries its size and selects nothing', () => {
    const state = loaded();
    state.selected = 'a';
    resetExploration(state, { graph: syntheticGraph(40), synthetic: 40 });
    expect([state.graph.nodes.size, state.synthetic, state.selected]).toEqual([40, 40, null]);
  });

  it('writes the address of what is on screen: search, then the opened node or the synthetic size', () => {
    const state = loaded();
    expect(exploreHash(state)).toBe(`#/explore?q=${encodeURIComponent('正大天晴')}&types=Enterprise&id=a`);
    state.synthetic = 5000;
    expect(exploreHash(state)).toBe(`#/explore?q=${encodeURIComponent('正大天晴')}&types=Enterprise&synthetic=5000`);
    expect(exploreHash(createExploreState(new URLSearchParams()))).toBe('#/explore');
  });

  it('reads ?synthetic= as a bounded whole number', () => {
    expect(['5000', '1e9', '-3', 'abc', ''].map((v) => syntheticWanted(new URLSearchParams({ synthetic: v })))).toEqual([5000, 20_000, 0, 0, 0]);
  });

  it('draws the root first, then expanded nodes, then by label; hidden labels and their links go', () => {
    const state = loaded();
    const indexOf = new Map(['a', 'b', 'c', 'd'].map((id, i) => [id, i]));
    state.pinned.add('c');
    const all = drawData(state, indexOf);
    expect(all.nodes.map((n) => n.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(all.nodes.find((n) => n.id === 'c')?.pinned).toBe(true);
    expect(all.links).toHaveLength(3);
    state.hidden.add('Enterprise');
    const some = drawData(state, indexOf);
    expect(some.nodes.map((n) => n.id)).toEqual(['b', 'd']);
    expect(some.links).toHaveLength(0);
  });

  it('counts the drawn relationships at a node by type and direction', () => {
    const links = [
      { key: '1', type: 'SUPPLIES', source: 0, target: 1 },
      { key: '2', type: 'SUPPLIES', source: 0, target: 2 },
      { key: '3', type: 'MAKES', source: 3, target: 0 },
      { key: '4', type: 'X', source: 1, target: 2 },
    ];
    expect(relationCounts(links, 0)).toEqual([
      ['SUPPLIES →', 2],
      ['← MAKES', 1],
    ]);
    expect(relationCounts(links, undefined)).toEqual([]);
  });
});

describe('layout seed', () => {
  it('keeps laid-out nodes in place (pinned ones fixed) and starts newcomers around the anchor', () => {
    const graph = mergeNeighbourhood(emptyGraph(), hood).graph;
    const previous = { ids: ['a', 'b'], positions: new Float32Array([100, 50, -20, 7]) };
    const seed = layoutSeed(graph, previous, new Set(['b']), ['c', 'd'], 'a');
    expect(seed.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(seed.spec.nodes[0]).toEqual({ id: 'a', x: 100, y: 50, fixed: false });
    expect(seed.spec.nodes[1]).toEqual({ id: 'b', x: -20, y: 7, fixed: true });
    for (const i of [2, 3]) {
      const { x = 0, y = 0 } = seed.spec.nodes[i];
      const r = Math.hypot(x - 100, y - 50);
      expect(r).toBeGreaterThanOrEqual(24);
      expect(r).toBeLessThan(40);
    }
    expect(seed.spec.links).toEqual([
      { source: 0, target: 1 },
      { source: 2, target: 0 },
      { source: 3, target: 2 },
    ]);
    expect([...seed.positions.slice(0, 4)]).toEqual([100, 50, -20, 7]);
  });
});
