import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { attachmentDecision } from '../config/attachment.ts';
import { UnknownReferenceError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { loadAttachmentTraining } from './attachmentTraining.ts';

describe('automatic attachment on the graph it serves (real Neo4j, the seed)', () => {
  let graph: Graph;
  let knowledge: KnowledgeEngine;
  beforeAll(async () => {
    graph = await seededGraph();
    knowledge = new KnowledgeEngine(graph);
  });
  afterAll(async () => {
    await graph.run(`MATCH (n) WHERE n.id STARTS WITH 'test.classify.' DETACH DELETE n`);
    await graph.close();
  });

  const cathodeFirm = { name: '南京某某新材料有限公司', products: ['三元正极材料', '磷酸铁锂正极材料', '前驱体'], description: '锂电池正极材料的研发与生产' };

  it('learns from the attached firms and places a cathode maker in the cathode segment, with evidence', async () => {
    const { items, trainedOn } = await knowledge.classify(cathodeFirm, { limit: 3 });
    expect(trainedOn).toBeGreaterThan(1000);
    expect(items[0].segmentId).toBe('nev.cathode');
    expect(items[0].confidence).toBeGreaterThan(items[1].confidence);
    expect(items[0].evidence.products.length).toBeGreaterThan(0);
    expect(items[0].evidence.similarFirms.length).toBeGreaterThan(0);
    for (const s of items) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.decision).toBe(
        s.confidence >= attachmentDecision.attach && s === items[0] ? 'attach' : s.confidence >= attachmentDecision.review ? 'review' : 'reject',
      );
    }
  });

  it('ranks only the chains asked for, and names an unknown chain', async () => {
    const { items } = await knowledge.classify(cathodeFirm, { limit: 5, chainIds: ['biomed'] });
    expect(items.length).toBe(5);
    for (const s of items) expect(s.chainId).toBe('biomed');
    // Nothing in 生物医药 makes cathodes: the best it can say is not worth attaching.
    expect(items[0].decision).not.toBe('attach');
    const error = await knowledge.classify(cathodeFirm, { chainIds: ['biomed', 'no-such-chain'] }).catch((e) => e);
    expect(error).toBeInstanceOf(UnknownReferenceError);
    expect(error.issues[0].path).toBe('chainIds.1');
  });

  it('refreshes after a write without a restart', async () => {
    const before = await knowledge.classify({ name: '某某氢能', products: ['质子交换膜燃料电池电堆'] }, { chainIds: ['nev'], limit: 1 });
    const trained = before.trainedOn;
    // A person attaches two firms making fuel-cell stacks to 电池管理与电子 (nev.electronics).
    await graph.run(
      `UNWIND ['test.classify.a', 'test.classify.b'] AS id
       MERGE (e:Enterprise {id: id}) SET e.name = '测试燃料电池' + id, e.kind = 'industrial'
       MERGE (p:Product {id: 'test.classify.stack'}) SET p.name = '质子交换膜燃料电池电堆'
       MERGE (e)-[:MAKES]->(p)
       WITH e MATCH (s:Segment {id: 'nev.electronics'}) MERGE (e)-[:IN_SEGMENT]->(s)`,
    );
    knowledge.invalidate();
    const after = await knowledge.classify({ name: '某某氢能', products: ['质子交换膜燃料电池电堆'] }, { chainIds: ['nev'], limit: 1 });
    expect(after.trainedOn).toBe(trained + 2);
    expect(after.items[0].segmentId).toBe('nev.electronics');
    expect(after.items[0].evidence.similarFirms.map((f) => f.id).sort()).toEqual(['test.classify.a', 'test.classify.b']);
    // Hidden firms (an import's own rows) do not vote for themselves.
    const hidden = await knowledge.classify(
      { name: '某某氢能', products: ['质子交换膜燃料电池电堆'] },
      { chainIds: ['nev'], limit: 1, excludeFirmIds: ['test.classify.a', 'test.classify.b'] },
    );
    expect(hidden.items[0].evidence.similarFirms.map((f) => f.id)).not.toContain('test.classify.a');
    expect(hidden.items[0].evidence.similarFirms.map((f) => f.id)).not.toContain('test.classify.b');
  });

  it('learns from the products of a firm in the order its list gave them, not the template-matched ones first', async () => {
    // Lists put the main business first and two signals read the first lines; a caller's list is read in its order.
    await graph.run(
      `MERGE (e:Enterprise {id: 'test.classify.order'}) SET e.name = '测试排序企业', e.kind = 'industrial', e.productNames = ['主营产品甲', '质子交换膜燃料电池电堆']
       MERGE (p:Product {id: 'test.classify.stack'}) SET p.name = '质子交换膜燃料电池电堆'
       MERGE (e)-[:MAKES]->(p)
       WITH e MATCH (s:Segment {id: 'nev.electronics'}) MERGE (e)-[:IN_SEGMENT]->(s)`,
    );
    const { firms } = await loadAttachmentTraining(graph, ['nev']);
    expect(firms.find((f) => f.id === 'test.classify.order')?.products).toEqual(['主营产品甲', '质子交换膜燃料电池电堆']);
  });
});
