import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import type { Graph } from '../graph/graph.ts';
import { LexicalScorer } from '../text/lexical.ts';
import { LexicalSimilarity, loadTextCorpus } from '../text/textSimilarity.ts';
import { unitText } from './pairing/pairSignals.ts';
import { rankPairs } from './pairing/rankPairs.ts';
import { loadResearchCatalog, type ResearchCatalog } from './pairing/researchCatalog.ts';
import { rankTalent, talentText } from './talent/rankTalent.ts';
import { warmMatchers } from './warmMatchers.ts';

/** Warming prepares what requests would compute, and changes no answer. */
describe('warming the matchers', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  let corpus: string[];
  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
    corpus = await loadTextCorpus(graph);
  });
  afterAll(() => graph.close());

  it('keeps the text of every research unit and talent, and answers as a scorer that never kept them', async () => {
    const warmed = new LexicalSimilarity(new LexicalScorer(corpus));
    let kept: readonly string[] = [];
    const keep = warmed.keep.bind(warmed);
    warmed.keep = (texts) => ((kept = texts), keep(texts));
    await warmMatchers(catalog, warmed);
    const keptSet = new Set(kept);
    expect(catalog.units.every((u) => keptSet.has(unitText(u)))).toBe(true);
    expect(catalog.talents.every((t) => keptSet.has(talentText(t)))).toBe(true);
    expect(catalog.talents.length).toBeGreaterThan(100);

    const cold = new LexicalSimilarity(new LexicalScorer(corpus));
    const enterpriseIds = (
      await graph.query<{ id: string }>('MATCH (e:Enterprise) WHERE EXISTS { (e)-[:NEEDS_TECH]->() } RETURN e.id AS id ORDER BY id LIMIT 8')
    ).map((r) => r.id);
    const requests = [...enterpriseIds.map((enterpriseId) => ({ enterpriseId, limit: 10 })), { text: '高镍三元正极材料烧结', limit: 10 }];
    let items = 0;
    for (const request of requests) {
      const [a, b] = await Promise.all([rankPairs(graph, catalog, warmed, request), rankPairs(graph, catalog, cold, request)]);
      expect(a).toEqual(b);
      const [c, d] = await Promise.all([rankTalent(graph, catalog, warmed, request), rankTalent(graph, catalog, cold, request)]);
      expect(c).toEqual(d);
      items += a.items.length + c.items.length;
    }
    expect(items).toBeGreaterThan(20);
  });
});
