import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import type { Graph } from '../../graph/graph.ts';
import { KnowledgeEngine } from '../../knowledgeEngine.ts';
import { TextServices } from '../../text/textServices.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { meaningPassages } from './meaningPassages.ts';
import { loadNeedPool, readyNeedPool, retrieveFromPool, warmNeedPool, type NeedPool } from './needPool.ts';
import { unitTopics } from './pairSignals.ts';
import { rankPairs, type PairingRequest } from './rankPairs.ts';
import { enterprisesForTopics, loadResearchCatalog } from './researchCatalog.ts';

/**
 * The pool read once per catalog stands in for a query per request, so it must retrieve exactly what
 * the query does — the same firms, profiles and order, at every cut and with `localOnly` — or pairing
 * would answer differently depending on whether the pool had loaded yet.
 */
describe('the pool of retrievable firms', () => {
  let graph: Graph;
  let text: TextSimilarity;
  let pool: NeedPool;
  beforeAll(async () => {
    graph = await seededGraph();
    text = await new TextServices(graph, meaningPassages, {}).get();
    pool = (await loadNeedPool(graph))!;
  });
  afterAll(() => graph.close());

  it('retrieves for every unit what the query retrieves, in the same order', async () => {
    const catalog = await loadResearchCatalog(graph);
    const asks = catalog.units.flatMap((u) => [
      { topics: unitTopics(u), unitId: u.id as string | null },
      // A capability in words: its topics, no unit.
      { topics: u.topics.slice(0, 2), unitId: null },
    ]);
    let cut = 0;
    for (const { topics, unitId } of asks) {
      for (const limit of [7, 400]) {
        for (const localOnly of [false, true]) {
          const queried = await enterprisesForTopics(graph, topics, unitId, limit, localOnly);
          const pooled = retrieveFromPool(pool, topics, unitId, limit, localOnly);
          expect(pooled, JSON.stringify({ topics, unitId, limit, localOnly })).toEqual(queried);
          if (queried.length === limit) cut++;
        }
      }
    }
    // The cut (ties ordered by id) was exercised, not only whole lists.
    expect(cut).toBeGreaterThan(20);
    expect(pool.profiles.size).toBeGreaterThan(100);
  }, 240_000);

  it('gives every pairing towards enterprises the answer it gives without the pool', async () => {
    const withPool = await loadResearchCatalog(graph);
    expect(readyNeedPool(withPool)).toBeUndefined();
    expect(await warmNeedPool(graph, withPool)).not.toBeNull();
    expect(readyNeedPool(withPool)).toBeDefined();
    const without = await loadResearchCatalog(graph);
    const requests: PairingRequest[] = withPool.units.flatMap((u) => [
      { researchUnitId: u.id, limit: 10 },
      { researchUnitId: u.id, limit: 5, filters: { localOnly: true } },
    ]);
    requests.push({ text: '锂电池正极材料烧结和电池回收', textRole: 'capability', limit: 10 });
    let nonEmpty = 0;
    for (const r of requests) {
      const pooled = await rankPairs(graph, withPool, text, r);
      expect(pooled, JSON.stringify(r)).toEqual(await rankPairs(graph, without, text, r));
      if (pooled.items.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(withPool.units.length / 2);
  }, 240_000);

  it('is read by the engine when it warms (a server start), the same firms', async () => {
    const knowledge = new KnowledgeEngine(graph, { resultCache: false, env: {} });
    try {
      expect(await knowledge.warmResearch()).toBe(pool.profiles.size);
    } finally {
      knowledge.close();
    }
  });

  it('is not read when it would hold more firms than its bound', async () => {
    expect(await loadNeedPool(graph, pool.profiles.size - 1)).toBeNull();
    expect((await loadNeedPool(graph, pool.profiles.size))!.profiles.size).toBe(pool.profiles.size);
  });
});
