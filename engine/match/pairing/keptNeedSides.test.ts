import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { Random } from '../../../seed/generate/random.ts';
import type { Graph } from '../../graph/graph.ts';
import { TextServices } from '../../text/textServices.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { KeptNeedSides } from './keptNeedSides.ts';
import { meaningPassages } from './meaningPassages.ts';
import { rankPairs, type PairingRequest } from './rankPairs.ts';
import { enterprisesForTopics, loadResearchCatalog } from './researchCatalog.ts';
import { needTerms } from './topicEvidence.ts';
import { unitTopics } from './pairSignals.ts';

/**
 * Pairing towards enterprises keeps the firms it scored (profile and need words) for the catalog's
 * lifetime. That is only right if a kept firm answers exactly as a freshly read one: no request may
 * change what it keeps, and forgetting must cost a read, never a wrong or missing firm.
 */
describe('need sides kept per catalog', () => {
  let graph: Graph;
  let text: TextSimilarity;
  beforeAll(async () => {
    graph = await seededGraph();
    text = await new TextServices(graph, meaningPassages, {}).get();
  });
  afterAll(() => graph.close());

  it('answers every unit, in a shuffled order of one catalog, as a fresh catalog does', async () => {
    const shared = await loadResearchCatalog(graph);
    const requests: PairingRequest[] = shared.units.flatMap((u) => [
      { researchUnitId: u.id, limit: 10 },
      { researchUnitId: u.id, limit: 5, filters: { localOnly: true } },
    ]);
    requests.push({ text: '锂电池正极材料烧结和电池回收', textRole: 'capability', limit: 10 });
    const random = new Random(29);
    const order = requests.map((r) => ({ r, key: random.next() })).sort((a, b) => a.key - b.key);
    let nonEmpty = 0;
    for (const { r } of order) {
      const kept = await rankPairs(graph, shared, text, r);
      const fresh = await rankPairs(graph, await loadResearchCatalog(graph), text, r);
      expect(kept, JSON.stringify(r)).toEqual(fresh);
      if (kept.items.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(shared.units.length / 2);
  }, 240_000);

  it('keeps at most its capacity, the most recently used, retrieves a forgotten pool again and shares a firm between pools', async () => {
    const catalog = await loadResearchCatalog(graph);
    const [a, b, c] = catalog.units.filter((u) => u.topics.length > 0);
    let reads = 0;
    const retrieve = (u: typeof a) => async () => {
      reads++;
      return enterprisesForTopics(graph, unitTopics(u), u.id, 8);
    };
    const kept = new KeptNeedSides({ firms: 5, pools: 2 }, (p) => ({
      profile: p,
      text: p.name,
      terms: needTerms(p.name, p.needs),
      partnerUniversities: new Set(),
    }));
    const first = await kept.pool(a.id, retrieve(a));
    expect(first.map((s) => s.profile!.id)).toEqual((await enterprisesForTopics(graph, unitTopics(a), a.id, 8)).map((e) => e.id));
    expect(await kept.pool(a.id, retrieve(a))).toBe(first);
    expect(reads).toBe(1);
    expect(kept.size.firms).toBe(Math.min(5, first.length));
    await kept.pool(b.id, retrieve(b));
    await kept.pool(c.id, retrieve(c));
    expect(kept.size.pools).toBe(2);
    expect(kept.size.firms).toBeLessThanOrEqual(5);
    // a's pool was the least recently used of three with room for two: forgotten, read again, same firms.
    const again = await kept.pool(a.id, retrieve(a));
    expect(reads).toBe(4);
    expect(again).not.toBe(first);
    expect(again.map((s) => s.profile)).toEqual(first.map((s) => s.profile));

    // With room for them, a firm two pools retrieve is one side, not two copies.
    const roomy = new KeptNeedSides({ firms: 20, pools: 2 }, (p) => ({
      profile: p,
      text: p.name,
      terms: needTerms(p.name, p.needs),
      partnerUniversities: new Set(),
    }));
    const x = await roomy.pool('x', retrieve(a));
    const y = await roomy.pool('y', retrieve(a));
    expect(y).not.toBe(x);
    y.forEach((side, i) => expect(side).toBe(x[i]));
  });
});
