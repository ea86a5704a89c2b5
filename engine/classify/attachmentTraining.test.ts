import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { attachmentModel } from '../config/attachment.ts';
import type { Graph } from '../graph/graph.ts';
import { loadAttachmentTraining } from './attachmentTraining.ts';
import { suggestSegments, trainScope } from './classifySegments.ts';
import { signalNames } from './signals.ts';

const cap = attachmentModel.maxFirmsPerSegment;
const big = cap + 30;
const small = 12;

/** A segment with more attached firms than the cap trains on a sample, and the prior still counts them all (real Neo4j). */
describe('training data capped per segment', () => {
  let graph: Graph;
  const id = (segment: string, i: number) => `test.cap.${segment}.${String(i).padStart(4, '0')}`;
  beforeAll(async () => {
    graph = await seededGraph();
    await graph.run(
      `MERGE (c:Chain {id: 'test.cap'}) SET c.name = '测试封顶链', c.nameEn = 'Cap test'
       WITH c UNWIND [['test.cap.sep', '隔膜'], ['test.cap.cell', '电芯']] AS s
       MERGE (g:Segment {id: s[0]}) SET g.chainId = 'test.cap', g.name = s[1], g.nameEn = s[1], g.description = '', g.keywords = []
       MERGE (c)-[:HAS_SEGMENT]->(g)`,
    );
    const firms = [
      ...Array.from({ length: big }, (_, i) => ({ id: id('sep', i), segment: 'test.cap.sep', products: [`湿法隔膜${i % 7}`, '涂覆隔膜'] })),
      ...Array.from({ length: small }, (_, i) => ({ id: id('cell', i), segment: 'test.cap.cell', products: [`方形电芯${i % 3}`, '软包电芯'] })),
    ];
    await graph.run(
      `UNWIND $firms AS f
       MERGE (e:Enterprise {id: f.id}) SET e.name = f.id, e.kind = 'industrial', e.productNames = f.products
       WITH e, f MATCH (s:Segment {id: f.segment}) MERGE (e)-[:IN_SEGMENT]->(s)`,
      { firms },
    );
  });
  afterAll(async () => {
    await graph.run(`MATCH (n) WHERE n.id STARTS WITH 'test.cap' DETACH DELETE n`);
    await graph.close();
  });

  it('keeps the first firms by id of a segment over the cap, all of the others, and every count', async () => {
    const training = await loadAttachmentTraining(graph, ['test.cap']);
    expect(training.segments.map((s) => [s.id, s.attached])).toEqual([
      ['test.cap.cell', small],
      ['test.cap.sep', big],
    ]);
    const bySegment = (s: string) => training.firms.filter((f) => f.segmentIds.includes(s)).map((f) => f.id);
    expect(bySegment('test.cap.sep')).toEqual(Array.from({ length: cap }, (_, i) => id('sep', i)));
    expect(bySegment('test.cap.cell')).toHaveLength(small);
  });

  it('trains on the sample with the whole count in the prior, and still answers', async () => {
    const scope = trainScope(await loadAttachmentTraining(graph, ['test.cap']));
    const firm = { name: '某隔膜公司', products: ['湿法隔膜3'] };
    const { values } = scope.classifier.model.signals(firm);
    const K = signalNames.length;
    const prior = (s: number) => values[s * K + signalNames.indexOf('prior')];
    // log((count + 1) / (attached + S)) with the counts of the graph, not of the sample
    expect(prior(1)).toBeCloseTo(Math.log((big + 1) / (big + small + 2)), 9);
    expect(prior(0)).toBeCloseTo(Math.log((small + 1) / (big + small + 2)), 9);
    expect(suggestSegments(scope, firm, { limit: 1 })[0].segmentId).toBe('test.cap.sep');
  });
});
