import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { Random } from '../../../seed/generate/random.ts';
import type { Graph } from '../../graph/graph.ts';
import { TextServices } from '../../text/textServices.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { KeptNeedSides } from './keptNeedSides.ts';
import { meaningPassages } from './meaningPassages.ts';
import { rankPairs, type PairingRequest } from './rankPairs.ts';
import { enterpriseIdsForTopics, loadResearchCatalog } from './researchCatalog.ts';
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

  it('keeps at most its capacity, the most recently scored, and reads a forgotten firm again', async () => {
    const catalog = await loadResearchCatalog(graph);
    const ids = await enterpriseIdsForTopics(graph, unitTopics(catalog.units[0]), catalog.units[0].id, 8);
    expect(ids.length).toBe(8);
    const kept = new KeptNeedSides(5, (p) => ({ profile: p, text: p.name, terms: needTerms(p.name, p.needs), partnerUniversities: new Set() }));
    const first = await kept.of(graph, ids);
    expect(first.map((s) => s.profile!.id)).toEqual(ids);
    expect(kept.size).toBe(5);
    const again = await kept.of(graph, ids);
    // The last five were kept (the same objects); the first three were forgotten and read afresh.
    ids.forEach((id, i) => (i >= 3 ? expect(again[i]).toBe(first[i]) : expect(again[i]).not.toBe(first[i])));
    expect(again.map((s) => s.profile)).toEqual(first.map((s) => s.profile));
    expect(await kept.of(graph, ['no-such-firm', ids[7]])).toEqual([first[7]]);
  });
});
