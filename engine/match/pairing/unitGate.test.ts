import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { relevanceGate } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { LexicalScorer } from '../../text/lexical.ts';
import { LexicalSimilarity, loadTextCorpus } from '../../text/textSimilarity.ts';
import { expertIndexOf } from './expertIndex.ts';
import { enterpriseText, unitTopics, type NeedSide } from './pairSignals.ts';
import { rankPairs, unitGate, vocabularyOf } from './rankPairs.ts';
import { loadEnterpriseProfiles, loadResearchCatalog, type ResearchCatalog, type ResearchUnitProfile } from './researchCatalog.ts';
import { scorePairs } from './scorePairs.ts';
import { needTerms, type NeedTerms } from './topicEvidence.ts';

/**
 * Pairing towards research units finds the units past the relevance gate by topic instead of scoring
 * every unit (issue 17). The gate must let through exactly the units a per-unit check does, with the
 * same best coverage, and rankPairs must answer exactly as scoring every unit of the pool does.
 */
describe('research-unit relevance gate', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  let enterpriseIds: string[];
  const texts = ['创新药制剂工艺放大', '高镍三元正极材料烧结', '需要智能座舱和OTA升级方面的技术合作', '今天天气很好', 'asdfgh', '工艺'];
  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
    enterpriseIds = (
      await graph.query<{ id: string }>('MATCH (e:Enterprise) WHERE EXISTS { (e)-[:NEEDS_TECH]->() } RETURN e.id AS id ORDER BY id LIMIT 40')
    ).map((r) => r.id);
  });
  afterAll(() => graph.close());

  const pools = (): ((u: ResearchUnitProfile) => boolean)[] => {
    const universities = [...new Set(catalog.units.map((u) => u.university?.id).filter(Boolean))];
    return [() => true, (u) => u.university?.inXianlin ?? false, (u) => u.university?.id === universities[0], () => false];
  };

  it('lets through the units a per-unit check does, in catalog order, with the same best coverage', async () => {
    const vocab = vocabularyOf(catalog);
    const profiles = await loadEnterpriseProfiles(graph, enterpriseIds);
    const needs: NeedTerms[] = [...profiles.map((p) => needTerms(enterpriseText(p), p.needs)), ...texts.map((t) => needTerms(t))];
    let letThrough = 0;
    let blocked = 0;
    for (const need of needs)
      for (const inPool of pools()) {
        const pool = catalog.units.filter(inPool);
        const relevance = pool.map((u) => vocab.relevance(need, unitTopics(u)));
        const got = unitGate(catalog, need, inPool);
        expect(got.best).toBe(Math.max(0, ...relevance));
        expect(got.covered.map((u) => u.id)).toEqual(pool.filter((_, i) => relevance[i] >= relevanceGate.minTopicCoverage).map((u) => u.id));
        letThrough += got.covered.length;
        blocked += pool.length - got.covered.length;
      }
    expect(letThrough).toBeGreaterThan(0);
    expect(blocked).toBeGreaterThan(0);
  });

  it('answers exactly as scoring every unit of the pool, for enterprises and needs in words, with and without filters', async () => {
    const similarity = new LexicalSimilarity(new LexicalScorer(await loadTextCorpus(graph)));
    const vocab = vocabularyOf(catalog);
    const profiles = await loadEnterpriseProfiles(graph, enterpriseIds.slice(0, 15));
    const requests = [
      ...profiles.map((p) => ({ enterpriseId: p.id, need: { profile: p, text: enterpriseText(p), terms: needTerms(enterpriseText(p), p.needs) } })),
      ...texts.map((text) => ({ text, need: { profile: null, text, terms: needTerms(text) } })),
    ];
    let answered = 0;
    for (const { need, ...subject } of requests)
      for (const filters of [undefined, { inXianlin: true }]) {
        const got = await rankPairs(graph, catalog, similarity, { ...subject, limit: 10, filters });
        const pool = catalog.units.filter((u) => !filters || (u.university?.inXianlin ?? false));
        const side: NeedSide = {
          ...need,
          partnerUniversities: new Set(
            (need.profile?.partners ?? []).map((p) => catalog.units.find((u) => u.id === p)?.university?.id).filter((x): x is string => Boolean(x)),
          ),
        };
        const expected = await scorePairs(
          similarity,
          vocab,
          pool.map((unit) => ({ need: side, unit })),
          10,
          undefined,
          expertIndexOf(catalog),
        );
        expect(got.items).toEqual(expected.items);
        expect(got.noMatch).toEqual(expected.noMatch);
        if (got.items.length > 0) answered++;
      }
    expect(answered).toBeGreaterThan(10);
  });
});
