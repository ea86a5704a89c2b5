import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../../scripts/test/testGraph.ts';
import { Random } from '../../../seed/generate/random.ts';
import { syntheticUscc } from '../../../seed/generate/uscc.ts';
import { ChainMatchEngine } from '../../chainMatchEngine.ts';
import type { Graph } from '../../graph/graph.ts';
import type { GraphBatch } from '../../load/graphBatch.ts';
import { loadGraph } from '../../load/loadGraph.ts';

/**
 * A small chain in a real Neo4j: upstream segment fxp.up has no local firm (so 补链 targets it);
 * three outside firms sit in it with identical attributes, except that `linked` supplies three local
 * firms, `isolated` supplies none, and `trader` is a trading company.
 */
const random = new Random(99);
const id = () => syntheticUscc('320500', random);
const ids = { linked: id(), isolated: id(), trader: id(), local: [id(), id(), id()] };

function firmRow(uscc: string, name: string, local: boolean) {
  return {
    id: uscc,
    name,
    local,
    kind: 'industrial',
    province: local ? '江苏省' : '浙江省',
    city: local ? '南京市' : '杭州市',
    size: 'medium',
    revenueWan: 20_000,
    employees: 300,
    tags: ['high-tech'],
    description: `${name}，生产锎靶（一种测试专用产品）。`,
    businessScope: '锎靶的研发与生产',
    foundedYear: 2010,
    techLoanWan: 0,
    source: 'synthetic',
  };
}

const fixture: GraphBatch = {
  nodes: [
    { label: 'Chain', rows: [{ id: 'fxp', name: '测试链', nameEn: 'Fixture', assumed: true, description: '测试', source: 'synthetic' }] },
    {
      label: 'Segment',
      rows: [
        { id: 'fxp.up', chainId: 'fxp', name: '锎靶', nameEn: 'Reagents', stage: 'upstream', order: 1, description: '锎靶', keywords: ['锎靶'] },
        {
          id: 'fxp.down',
          chainId: 'fxp',
          name: '锎靶应用',
          nameEn: 'Application',
          stage: 'downstream',
          order: 2,
          description: '锎靶应用',
          keywords: ['锎靶应用'],
        },
      ],
    },
    {
      label: 'Product',
      rows: [
        { id: 'fxp.p.reagent', chainId: 'fxp', segmentId: 'fxp.up', name: '锎靶', nameEn: 'Reagent', description: '' },
        { id: 'fxp.p.tablet', chainId: 'fxp', segmentId: 'fxp.down', name: '锎源', nameEn: 'Source', description: '' },
      ],
    },
    {
      label: 'Enterprise',
      rows: [
        firmRow(ids.linked, '杭州联链锎靶有限公司', false),
        firmRow(ids.isolated, '杭州孤岛锎靶有限公司', false),
        firmRow(ids.trader, '杭州锎靶贸易有限公司', false),
        ...ids.local.map((u, i) => firmRow(u, `南京锎源${i}有限公司`, true)),
      ],
    },
  ],
  relationships: [
    {
      type: 'HAS_SEGMENT',
      from: 'Chain',
      to: 'Segment',
      rows: [
        { from: 'fxp', to: 'fxp.up' },
        { from: 'fxp', to: 'fxp.down' },
      ],
    },
    { type: 'FEEDS', from: 'Segment', to: 'Segment', rows: [{ from: 'fxp.up', to: 'fxp.down' }] },
    {
      type: 'INCLUDES',
      from: 'Segment',
      to: 'Product',
      rows: [
        { from: 'fxp.up', to: 'fxp.p.reagent' },
        { from: 'fxp.down', to: 'fxp.p.tablet' },
      ],
    },
    { type: 'INPUT_TO', from: 'Product', to: 'Product', rows: [{ from: 'fxp.p.reagent', to: 'fxp.p.tablet' }] },
    {
      type: 'IN_SEGMENT',
      from: 'Enterprise',
      to: 'Segment',
      rows: [
        ...[ids.linked, ids.isolated, ids.trader].map((u) => ({ from: u, to: 'fxp.up', props: { inferred: false, confidence: 1 } })),
        ...ids.local.map((u) => ({ from: u, to: 'fxp.down', props: { inferred: false, confidence: 1 } })),
      ],
    },
    {
      type: 'MAKES',
      from: 'Enterprise',
      to: 'Product',
      rows: [
        ...[ids.linked, ids.isolated, ids.trader].map((u) => ({ from: u, to: 'fxp.p.reagent' })),
        ...ids.local.map((u) => ({ from: u, to: 'fxp.p.tablet' })),
      ],
    },
    { type: 'SUPPLIES', from: 'Enterprise', to: 'Enterprise', rows: ids.local.map((u) => ({ from: ids.linked, to: u, props: { sharePct: 40 } })) },
  ],
};

describe('partner recommendation on a hand-made graph in Neo4j', () => {
  let graph: Graph;
  let engine: ChainMatchEngine;
  const cleanup = () =>
    graph.run("MATCH (n) WHERE n.id STARTS WITH 'fxp' OR n.id IN $ids DETACH DELETE n", { ids: [ids.linked, ids.isolated, ids.trader, ...ids.local] });
  beforeAll(async () => {
    graph = await testGraph();
    await cleanup();
    await loadGraph(graph, fixture);
    engine = new ChainMatchEngine(graph);
  });
  afterAll(async () => {
    await cleanup();
    await graph.close();
  });

  it('targets the missing segment and ranks the firm that supplies three local firms above the isolated one', async () => {
    const result = await engine.partners({ chainId: 'fxp', mode: 'fill', limit: 10, filters: {} });
    expect(result.targets.map((t) => t.segmentId)).toEqual(['fxp.up']);
    const order = result.candidates.map((c) => c.id);
    expect(order.indexOf(ids.linked)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(ids.linked)).toBeLessThan(order.indexOf(ids.isolated));
    const linked = result.candidates.find((c) => c.id === ids.linked)!;
    expect(linked.explanation.signals.find((s) => s.signal === 'ties')!.value).toBeGreaterThan(0.6);
    expect(linked.explanation.paths.filter((p) => p.signal === 'ties')).toHaveLength(3);
    expect(linked.explanation.reason).toContain('已与 3 家本地企业有供货关系');
    // a path's segments carry their English names, so the English viewer draws them in English (issue 16)
    const segmentNodes = result.candidates.flatMap((c) => c.explanation.paths.flatMap((p) => p.nodes.filter((n) => n.label === 'Segment')));
    expect(segmentNodes.length).toBeGreaterThan(0);
    expect(new Set(segmentNodes.map((n) => `${n.id}=${n.nameEn}`))).toEqual(new Set(['fxp.up=Reagents']));
  });

  it('drops the trading company by default and keeps it when asked', async () => {
    const byDefault = await engine.partners({ chainId: 'fxp', mode: 'fill', limit: 10, filters: {} });
    expect(byDefault.candidates.map((c) => c.id)).not.toContain(ids.trader);
    expect(byDefault.excludedByKeyword).toBe(1);
    const kept = await engine.partners({ chainId: 'fxp', mode: 'fill', limit: 10, filters: { includeIntermediaries: true } });
    expect(kept.candidates.map((c) => c.id)).toContain(ids.trader);
    const custom = await engine.partners({ chainId: 'fxp', mode: 'fill', limit: 10, filters: { excludeKeywords: ['孤岛'] } });
    expect(custom.candidates.map((c) => c.id)).not.toContain(ids.isolated);
  });

  it('what-if: attracting the linked firm removes the missing gap', async () => {
    const result = await engine.whatIf('fxp', { add: [ids.linked], remove: [] });
    const up = result.rows.find((r) => r.segmentId === 'fxp.up')!;
    expect(up.before.class).toBe('missing');
    expect(up.after.class).not.toBe('missing');
    const [count] = await graph.query<{ n: number }>('MATCH (e:Enterprise {id: $id}) RETURN count(e) AS n, e.local AS local', { id: ids.linked });
    expect(count).toMatchObject({ n: 1, local: false });
  });
});
