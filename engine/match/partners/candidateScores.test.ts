import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { Random } from '../../../seed/generate/random.ts';
import { listChains, loadChainSnapshot } from '../../chain/snapshot.ts';
import type { Graph } from '../../graph/graph.ts';
import { rankPartners, type PartnerRequest } from './rankPartners.ts';

/**
 * Candidates' scores are kept per snapshot (candidateScores.ts) on the claim that they read nothing of a
 * request. If one did (a filter, the limit, a keyword), a snapshot that has answered other requests
 * would answer differently from a fresh one. On the seed, every chain and mode under several filters,
 * asked in a shuffled order of one shared snapshot, must give exactly the fresh snapshot's answer.
 */
describe('partner scores kept per snapshot', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  it('answers every request as a fresh snapshot does', async () => {
    const chains = (await listChains(graph)).map((c) => c.id);
    expect(chains.length).toBeGreaterThan(1);
    const random = new Random(17);
    let compared = 0;
    let nonEmpty = 0;
    for (const chainId of chains) {
      const requests: PartnerRequest[] = [];
      for (const mode of ['fill', 'strengthen', 'extend'] as const) {
        requests.push({ chainId, mode, limit: 10 });
        requests.push({ chainId, mode, limit: 3, filters: { minSize: 'medium', excludeKeywords: ['科技'] } });
        requests.push({ chainId, mode, limit: 20, filters: { provinces: ['江苏省', '浙江省'], includeIntermediaries: true } });
      }
      const shared = await loadChainSnapshot(graph, chainId);
      const order = requests.map((r) => ({ r, key: random.next() })).sort((a, b) => a.key - b.key);
      for (const { r } of order) {
        const kept = await rankPartners(graph, shared, r);
        const fresh = await rankPartners(graph, await loadChainSnapshot(graph, chainId), r);
        expect(kept, JSON.stringify(r)).toEqual(fresh);
        compared++;
        if (fresh.candidates.length > 0) nonEmpty++;
      }
    }
    expect(compared).toBe(chains.length * 9);
    // Most requests have candidates to compare (an empty list would agree trivially).
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  }, 240_000);
});
