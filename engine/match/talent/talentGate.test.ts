import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { relevanceGate } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { enterpriseText } from '../pairing/pairSignals.ts';
import { vocabularyOf } from '../pairing/rankPairs.ts';
import { loadEnterpriseProfiles, loadResearchCatalog, type Researcher, type ResearchCatalog } from '../pairing/researchCatalog.ts';
import { needTerms, type NeedTerms } from '../pairing/topicEvidence.ts';
import { talentGate } from './talentGate.ts';

/**
 * talentGate weighs each expertise topic once instead of each talent's topics. It must let through exactly
 * the talents a per-talent check lets through, and report the same best coverage, for every need and pool.
 */
describe('talent relevance gate', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
  });
  afterAll(() => graph.close());

  function perTalent(need: NeedTerms, pool: readonly Researcher[]) {
    const vocab = vocabularyOf(catalog);
    const relevance = pool.map((t) => vocab.relevance(need, t.expertise));
    return {
      covered: new Set(pool.filter((_, i) => relevance[i] >= relevanceGate.minTopicCoverage)),
      best: Math.max(0, ...relevance),
    };
  }

  it('lets through the talents a per-talent check does, with the same best coverage, for enterprises, texts and filtered pools', async () => {
    const ids = (await graph.query<{ id: string }>('MATCH (e:Enterprise) WHERE EXISTS { (e)-[:NEEDS_TECH]->() } RETURN e.id AS id ORDER BY id LIMIT 60')).map(
      (r) => r.id,
    );
    const profiles = await loadEnterpriseProfiles(graph, ids);
    const needs = [
      ...profiles.map((p) => needTerms(enterpriseText(p), p.needs)),
      ...['创新药制剂工艺放大', '高镍三元正极材料烧结', '今天天气很好', 'asdfgh', '工艺'].map((t) => needTerms(t)),
    ];
    const levels = [...new Set(catalog.talents.map((t) => t.level))];
    const pools = [catalog.talents, ...levels.map((l) => catalog.talents.filter((t) => t.level === l)), catalog.talents.filter((_, i) => i % 3 === 0), []];
    let letThrough = 0;
    let blocked = 0;
    for (const need of needs)
      for (const pool of pools) {
        const inPool = new Set(pool);
        const got = talentGate(catalog, need, (t) => inPool.has(t));
        const expected = perTalent(need, pool);
        expect(got.best).toBe(expected.best);
        // In catalog order, as the scan gives them.
        expect(got.covered.map((t) => t.id)).toEqual([...expected.covered].map((t) => t.id));
        letThrough += got.covered.length;
        blocked += pool.length - got.covered.length;
      }
    // The check means something only if the gate both lets through and keeps out.
    expect(letThrough).toBeGreaterThan(0);
    expect(blocked).toBeGreaterThan(0);
  });
});
