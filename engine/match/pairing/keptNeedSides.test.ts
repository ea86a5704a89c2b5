import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { Random } from '../../../seed/generate/random.ts';
import type { Graph } from '../../graph/graph.ts';
import { TextServices } from '../../text/textServices.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { KeptNeedSides } from './keptNeedSides.ts';
import { meaningPassages } from './meaningPassages.ts';
import { rankPairs, type PairingRequest } from './rankPairs.ts';
import { enterprisesForTopics, loadResearchCatalog, type EnterpriseProfile } from './researchCatalog.ts';
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

  it('keeps at most its capacity, the most recently used, and retrieves again what it dropped', async () => {
    const catalog = await loadResearchCatalog(graph);
    const units = catalog.units.filter((u) => u.topics.length > 0);
    let reads = 0;
    const retrieve = (u: (typeof units)[number]) => async () => {
      reads++;
      return enterprisesForTopics(graph, unitTopics(u), u.id, 8);
    };
    const side = (p: EnterpriseProfile) => ({ profile: p, text: p.name, terms: needTerms(p.name, p.needs), partnerUniversities: new Set<string>() });
    const [a, b, c] = units;

    // Room for everything: asked again, a pool is the same sides and reads nothing; a firm two pools
    // retrieve is one side, not two copies.
    const roomy = new KeptNeedSides({ firms: 100, pools: 10 }, side);
    const first = await roomy.pool(a.id, retrieve(a));
    expect(first.map((s) => s.profile!.id)).toEqual((await enterprisesForTopics(graph, unitTopics(a), a.id, 8)).map((e) => e.id));
    (await roomy.pool(a.id, retrieve(a))).forEach((s, i) => expect(s).toBe(first[i]));
    (await roomy.pool('the same firms under another key', retrieve(a))).forEach((s, i) => expect(s).toBe(first[i]));
    expect(reads).toBe(2);

    // Two pools: the least recently used of three is forgotten and read again, with the same firms.
    reads = 0;
    const twoPools = new KeptNeedSides({ firms: 100, pools: 2 }, side);
    const aFirst = await twoPools.pool(a.id, retrieve(a));
    await twoPools.pool(b.id, retrieve(b));
    await twoPools.pool(c.id, retrieve(c));
    expect(twoPools.size.pools).toBe(2);
    const aAgain = await twoPools.pool(a.id, retrieve(a));
    expect(reads).toBe(4);
    aAgain.forEach((s, i) => expect(s).toBe(aFirst[i])); // its firms were still kept: the same sides

    // Room for fewer firms than a pool holds: at most that many are kept, and the pool is read again.
    reads = 0;
    const fewFirms = new KeptNeedSides({ firms: 5, pools: 10 }, side);
    const small = await fewFirms.pool(a.id, retrieve(a));
    expect(fewFirms.size.firms).toBe(Math.min(5, small.length));
    const smallAgain = await fewFirms.pool(a.id, retrieve(a));
    expect(reads).toBe(small.length > 5 ? 2 : 1);
    expect(smallAgain.map((s) => s.profile)).toEqual(small.map((s) => s.profile));
    expect(fewFirms.size.firms).toBeLessThanOrEqual(5);
  });
});
