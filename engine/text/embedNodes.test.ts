import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import type { Graph } from '../graph/graph.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { loadEmbedder, type TextEmbedder } from './embedder.ts';
import { embedNodes, nearestNodes } from './embedNodes.ts';
import { writeTinyModel } from './tinyModel.ts';

const names = ['锂电池正极材料', '动力电池回收', '抗体药物研发', '机器视觉检测', '土壤修复技术'];
const ids = names.map((_, i) => `embed-test-topic-${i}`);

describe('stored vectors and the vector index, with a real (tiny) transformers.js model', () => {
  let graph: Graph;
  let embedder: TextEmbedder;
  let dir: string;
  beforeAll(async () => {
    graph = await testGraph();
    dir = mkdtempSync(join(tmpdir(), 'chainmatch-model-'));
    await writeTinyModel(dir, 'test/tiny-zh', [...names, '修改后的主题名称', '需要电池材料方面的技术']);
    embedder = await loadEmbedder({ modelPath: dir, modelId: 'test/tiny-zh' });
    await graph.run('UNWIND range(0, size($ids) - 1) AS i MERGE (t:Topic {id: $ids[i]}) SET t.name = $names[i]', { ids, names });
  });
  afterAll(async () => {
    await graph.run('MATCH (t:Topic) WHERE t.id IN $ids DETACH DELETE t', { ids });
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('embeds every node once, then only what changed', async () => {
    const first = await embedNodes(graph, embedder, { labels: ['Topic'] });
    expect(first.embedded).toBeGreaterThanOrEqual(names.length);
    const [row] = await graph.query<{ n: number; dims: number }>(
      'MATCH (t:Topic) WHERE t.id IN $ids AND t.embedding IS NOT NULL RETURN count(t) AS n, max(size(t.embedding)) AS dims',
      { ids },
    );
    expect(row).toEqual({ n: names.length, dims: embedder.dimensions });
    expect(await embedNodes(graph, embedder, { labels: ['Topic'] })).toMatchObject({ embedded: 0 });
    await graph.run("MATCH (t:Topic {id: $id}) SET t.name = '修改后的主题名称'", { id: ids[0] });
    expect(await embedNodes(graph, embedder, { labels: ['Topic'] })).toMatchObject({ embedded: 1 });
  });

  it('finds a node by its own vector through the vector index', async () => {
    const [vector] = await embedder.embed([names[3]]);
    const nearest = await nearestNodes(graph, 'Topic', vector, 3);
    expect(nearest[0]).toMatchObject({ id: ids[3] });
    // Not 1: Neo4j 5.26's vector indexes quantize stored vectors by default (vector.quantization.enabled),
    // so a node's own vector scores just under (0.98999… in one full-suite run against a 0.99 bound).
    expect(nearest[0].score).toBeGreaterThan(0.98);
  });

  it('serves matches with the embedding provider when a model is configured, and says so', async () => {
    const knowledge = new KnowledgeEngine(graph, { env: { EMBED_MODEL_PATH: dir, EMBED_MODEL_ID: 'test/tiny-zh' } });
    const result = await knowledge.search({ q: '电池', limit: 5 });
    expect(result.textProvider).toBe('embedding');
    const lexical = new KnowledgeEngine(graph, { env: {} });
    expect((await lexical.search({ q: '电池', limit: 5 })).textProvider).toBe('lexical');
  });
});
