import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import type { Graph } from '../graph/graph.ts';
import type { TextEmbedder } from '../text/embedder.ts';
import { connectHttpEmbedder } from '../text/httpEmbedder.ts';
import { embeddingText } from './firmTerms.ts';
import { classifyResponse } from '../contracts/responses/attachments.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { FirmVectors } from './firmVectors.ts';
import { SegmentAttachment } from './segmentAttachment.ts';

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] classification by meaning: no embeddings server (${inject('embeddingsUnavailable')})`);

const chainId = 'test.fv';
/** Three trades, eleven firms each (the classifier fits from 30 attached firms on), each firm two of its trade's products. */
const trades = [
  {
    segment: `${chainId}.cathode`,
    name: '正极材料',
    products: ['三元正极材料', '磷酸铁锂', '钴酸锂', '锰酸锂', '前驱体', '高镍三元', '正极浆料', '磷酸锰铁锂', '富锂锰基', '硫酸镍', '碳酸锂'],
  },
  {
    segment: `${chainId}.pv`,
    name: '光伏组件',
    products: ['单晶硅组件', '多晶硅片', '光伏逆变器', '太阳能电池片', '双面组件', 'TOPCon电池', '异质结电池', '光伏支架', '光伏玻璃', '光伏背板', '组件边框'],
  },
  {
    segment: `${chainId}.antibody`,
    name: '抗体药物',
    products: [
      '单克隆抗体',
      '双特异性抗体',
      '抗体偶联药物',
      '生物类似药',
      '融合蛋白',
      'PD-1抑制剂',
      '细胞培养基',
      '重组蛋白',
      '疫苗佐剂',
      '抗体纯化',
      '蛋白质药物',
    ],
  },
];
const firms = trades.flatMap((t, k) =>
  t.products.map((p, i) => ({ id: `${chainId}.firm.${k}.${i}`, name: `测试企业${k}${i}`, segment: t.segment, products: [p, t.products[(i + 3) % 11]] })),
);
const scope = [chainId];

/** The training firms' vectors and the classifier that reads them (real Neo4j, the real embeddings server). */
describe.skipIf(python3Missing)('classification by meaning: the training firms’ vectors (real Neo4j, real embeddings)', () => {
  let graph: Graph;
  let embedder: TextEmbedder;
  beforeAll(async () => {
    graph = await testGraph();
    embedder = await connectHttpEmbedder({ url: inject('embeddingsUrl'), cacheEntries: 0 });
    await graph.run(
      `MERGE (c:Chain {id: $chainId}) SET c.name = '测试链'
       WITH c UNWIND $trades AS t
       MERGE (s:Segment {id: t.segment}) SET s.name = t.name, s.chainId = $chainId MERGE (c)-[:HAS_SEGMENT]->(s)
       WITH DISTINCT c UNWIND $firms AS f
       MATCH (s:Segment {id: f.segment})
       MERGE (e:Enterprise {id: f.id}) SET e.name = f.name, e.productNames = f.products REMOVE e.embedding, e.embeddingHash
       MERGE (e)-[:IN_SEGMENT]->(s)`,
      { chainId, trades, firms },
    );
  }, 120_000);
  afterAll(async () => {
    await graph?.run(`MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix: `${chainId}.` });
    await graph?.run(`MATCH (c:Chain {id: $chainId}) DETACH DELETE c`, { chainId });
    await graph?.close();
  });

  it('stores the vectors of the scopes asked for once, and says when new ones are there', async () => {
    let stored = 0;
    const vectors = new FirmVectors(graph, embedder, () => stored++);
    vectors.want(scope);
    await vectors.settled();
    // The scope's firms and its outsiders (firms of other chains, what "none of these" looks like).
    const { vectors: kept } = vectors.status() as { vectors: number };
    expect(vectors.status()).toMatchObject({ state: 'ready' });
    expect(kept).toBeGreaterThanOrEqual(firms.length);
    const onFirms = await graph.query<{ n: number }>('MATCH (e:Enterprise) WHERE e.id IN $ids AND e.embeddingHash IS NOT NULL RETURN count(e) AS n', {
      ids: firms.map((f) => f.id),
    });
    expect(Number(onFirms[0].n)).toBe(firms.length);
    expect(stored).toBe(1);
    // A restart: the vectors are in Neo4j under the hash of their text, nothing is embedded again.
    const again = new FirmVectors(graph, embedder, () => stored++);
    again.want(scope);
    again.want(scope);
    await again.settled();
    expect(again.status()).toMatchObject({ state: 'ready', vectors: kept, embedded: 0 });
    expect(stored).toBe(1);
  }, 180_000);

  it('learns meaning only from vectors of the firms as they are now, and ranks by it', async () => {
    const vectors = new FirmVectors(graph, embedder, () => {});
    vectors.want(scope);
    await vectors.settled();
    const lexical = await new SegmentAttachment(graph, { inWorkers: false }).scope(scope);
    const dense = await new SegmentAttachment(graph, { inWorkers: false }).scope(scope, embedder.model);
    expect(lexical.dense).toBe(false);
    expect(dense.dense).toBe(true);

    // Products that share no word with the training lists: meaning is what ties them to their trade.
    const firm = { name: '某某公司', products: ['锂电池阴极粉体'] };
    const [embedding] = await embedder.embed([embeddingText(firm)], 'passage');
    const [top, ...rest] = await dense.suggest(firm, { limit: 3 }, Promise.resolve(embedding));
    const denseCentroid = (s: typeof top) => s.signals.find((x) => x.signal === 'denseCentroid')?.value;
    expect(top.segmentId).toBe(`${chainId}.cathode`);
    for (const other of rest) expect(denseCentroid(top)).toBeGreaterThan(denseCentroid(other)!);
    expect((await lexical.suggest(firm, { limit: 3 }))[0].signals.map((s) => s.signal)).not.toContain('denseCentroid');

    // In a worker thread (the API's default) the embedding follows the request: the same answer; none, no answer.
    const inWorker = new SegmentAttachment(graph, { inWorkers: true });
    try {
      const worker = await inWorker.scope(scope, embedder.model);
      const late = new Promise<Float32Array>((resolve) => setTimeout(() => resolve(embedding), 50));
      expect(await worker.suggest(firm, { limit: 3 }, late)).toEqual([top, ...rest]);
      await expect(worker.suggest(firm, { limit: 3 }, Promise.resolve(undefined))).rejects.toThrow(/could not be embedded/);
      expect(await worker.suggest(firm, { limit: 3 }, Promise.resolve(embedding))).toEqual([top, ...rest]);
    } finally {
      inWorker.close();
    }

    // A firm whose products changed has a vector of its old text: not used, the scope is lexical until it is embedded again.
    await graph.run(`MATCH (e:Enterprise {id: $id}) SET e.productNames = ['高压实磷酸铁锂']`, { id: firms[0].id });
    expect((await new SegmentAttachment(graph, { inWorkers: false }).scope(scope, embedder.model)).dense).toBe(false);
    await vectors.refresh();
    expect(vectors.status()).toMatchObject({ embedded: 1 });
    expect((await new SegmentAttachment(graph, { inWorkers: false }).scope(scope, embedder.model)).dense).toBe(true);
  }, 180_000);

  it('through the engine: by meaning too once the vectors are stored, lexically without the embeddings server', async () => {
    const knowledge = new KnowledgeEngine(graph, { env: { EMBEDDINGS_URL: inject('embeddingsUrl') }, resultCache: false });
    const lexical = new KnowledgeEngine(graph, { env: {}, resultCache: false });
    const firm = { name: '某某公司', products: ['锂电池阴极粉体'] };
    try {
      await knowledge.classify(firm, { chainIds: scope });
      await knowledge.firmVectorsSettled();
      let answer = await knowledge.classify(firm, { chainIds: scope, limit: 3 });
      // The vectors were already stored by the cases above: the scope may read meaning at once; else after its background reload.
      for (let i = 0; i < 100 && answer.textProvider !== 'hybrid'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        answer = await knowledge.classify(firm, { chainIds: scope, limit: 3 });
      }
      expect(answer.textProvider).toBe('hybrid');
      // What the API returns as is (api/routes/knowledge.ts): the published response schema holds it.
      expect(classifyResponse.safeParse(answer).success).toBe(true);
      expect(answer.items[0].segmentId).toBe(`${chainId}.cathode`);
      expect(answer.items[0].signals.map((s) => s.signal)).toContain('denseNeighbours');
      expect(knowledge.classifierStatus().firmVectors).toMatchObject({ state: 'ready' });

      const withoutServer = await lexical.classify(firm, { chainIds: scope, limit: 3 });
      expect(withoutServer.textProvider).toBe('lexical');
      expect(withoutServer.items[0].signals.map((s) => s.signal)).not.toContain('denseNeighbours');
      expect(lexical.classifierStatus().firmVectors).toBeUndefined();
    } finally {
      knowledge.close();
      lexical.close();
    }
  }, 180_000);
});
