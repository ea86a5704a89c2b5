import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceGate } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { loadChainTemplates } from '../../../seed/chains/index.ts';
import { unitTopics } from './pairSignals.ts';
import { vocabularyOf } from './rankPairs.ts';
import { loadEnterpriseProfiles, loadResearchCatalog, type ResearchCatalog } from './researchCatalog.ts';
import { matchedTerms, needTerms, topicTerms, TopicVocabulary } from './topicEvidence.ts';

describe('topic evidence', () => {
  const vocab = new TopicVocabulary(['高镍正极', '结晶工艺', '制剂工艺', '聚合工艺', '光刻工艺', '复合材料', '高分子材料', '生物材料', 'VOCs治理', '5G通信']);

  it('counts Chinese bigrams inside runs and whole Latin tokens', () => {
    expect(topicTerms('高镍正极')).toEqual(['高镍', '镍正', '正极']);
    expect(topicTerms('VOCs治理，5G')).toEqual(['vocs', '治理', '5g']);
    expect(topicTerms('a 火')).toEqual(['火']);
  });

  it('covers a topic named in full, partly by its specific words, barely by a generic one', () => {
    const need = needTerms('高镍三元正极材料烧结工艺');
    expect(vocab.coverage(needTerms('创新药制剂工艺放大'), '制剂工艺')).toBe(1);
    expect(vocab.coverage(need, '高镍正极')).toBeGreaterThan(relevanceGate.minTopicCoverage);
    // 工艺 and 材料 are in many topic names: alone they are no evidence
    expect(vocab.coverage(need, '结晶工艺')).toBeLessThan(relevanceGate.minTopicCoverage);
    expect(vocab.coverage(need, '高分子材料')).toBeLessThan(relevanceGate.minTopicCoverage);
    expect(vocab.coverage(needTerms('asdfgh 火星咖啡'), '高镍正极')).toBe(0);
  });

  it('keeps coverage per need: each need gets its own answer for a topic, asked once or many times', () => {
    const fresh = () =>
      new TopicVocabulary(['高镍正极', '结晶工艺', '制剂工艺', '聚合工艺', '光刻工艺', '复合材料', '高分子材料', '生物材料', 'VOCs治理', '5G通信']);
    const remembering = fresh();
    const needs = ['高镍三元正极材料烧结工艺', '创新药制剂工艺放大', '高镍正极', 'asdfgh'].map((t) => needTerms(t));
    const named = needTerms('随便什么', ['结晶工艺']);
    for (let round = 0; round < 2; round++)
      for (const need of [...needs, named])
        for (const topic of ['高镍正极', '制剂工艺', '结晶工艺', '5G通信', '未登记的题目'])
          expect(remembering.coverage(need, topic)).toBe(fresh().coverage(need, topic));
    expect(remembering.coverage(named, '结晶工艺')).toBe(1);
    expect(remembering.coverage(needs[0], '高镍正极')).not.toBe(remembering.coverage(needs[1], '高镍正极'));
  });

  it('names the words that matched, and a shared Topic node by its name', () => {
    const matches = vocab.matches(needTerms('高镍三元正极材料烧结工艺'), ['高镍正极', '结晶工艺'], relevanceGate.minTopicCoverage);
    expect(matches.map((m) => m.topic)).toEqual(['高镍正极']);
    expect(matchedTerms(matches)).toEqual(['高镍', '正极']);
    const firm = vocab.matches(needTerms('多肽药物', ['制剂工艺']), ['制剂工艺', '聚合工艺'], relevanceGate.minTopicCoverage);
    expect(firm).toEqual([{ topic: '制剂工艺', coverage: 1, shared: true, terms: ['制剂工艺'] }]);
    expect(vocab.matches(needTerms('VOCs 废气'), ['VOCs治理'], 0.3)[0].terms).toEqual(['VOCs']);
  });
});

/**
 * The measurement behind `relevanceGate.minTopicCoverage` (engine/config/scoring.ts): texts people
 * wrote — segment and product descriptions of the chain templates, firms' products and
 * descriptions without their need topics — against every research unit of the seed.
 */
describe('the relevance gate on the seed', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
  });
  afterAll(async () => graph?.close());

  it('separates related from unrelated pairs', async () => {
    const vocab = vocabularyOf(catalog);
    const templates = loadChainTemplates();
    const chainsOf = new Map<string, Set<string>>();
    for (const c of templates) for (const s of c.segments) for (const t of s.topics ?? []) (chainsOf.get(t) ?? chainsOf.set(t, new Set()).get(t)!).add(c.id);
    const unitChains = new Map(catalog.units.map((u) => [u.id, new Set(unitTopics(u).flatMap((t) => [...(chainsOf.get(t) ?? [])]))]));
    const tally = () => ({ related: [0, 0], unrelated: [0, 0] });
    const count = (t: ReturnType<typeof tally>, text: string, topics: string[], chains: Set<string>) => {
      const need = needTerms(text);
      for (const u of catalog.units) {
        const passes = vocab.relevance(need, unitTopics(u)) >= relevanceGate.minTopicCoverage ? 1 : 0;
        if (unitTopics(u).some((x) => topics.includes(x))) t.related = [t.related[0] + passes, t.related[1] + 1];
        else if (![...unitChains.get(u.id)!].some((c) => chains.has(c))) t.unrelated = [t.unrelated[0] + passes, t.unrelated[1] + 1];
      }
    };
    const segments = tally();
    const products = tally();
    const firms = tally();
    for (const c of templates) {
      for (const s of c.segments) {
        count(segments, s.description, s.topics ?? [], new Set([c.id]));
        count(products, s.products.map((p) => p.description).join('；'), s.topics ?? [], new Set([c.id]));
      }
    }
    const [{ ids }] = await graph.query<{ ids: string[] }>(
      "MATCH (e:Enterprise) WHERE e.kind = 'industrial' AND EXISTS { (e)-[:NEEDS_TECH]->() } RETURN collect(e.id) AS ids",
    );
    for (const e of await loadEnterpriseProfiles(graph, ids)) {
      count(firms, [...e.products, e.description].join(' '), e.needs, new Set(e.needs.flatMap((t) => [...(chainsOf.get(t) ?? [])])));
    }
    const share = ([hit, n]: number[]) => hit / Math.max(1, n);
    const report = Object.entries({ segments, products, firms }).map(
      ([k, t]) =>
        `${k}: related ${(100 * share(t.related)).toFixed(1)} % of ${t.related[1]}, unrelated ${(100 * share(t.unrelated)).toFixed(2)} % of ${t.unrelated[1]}`,
    );
    console.log(`relevance gate ${relevanceGate.minTopicCoverage}:\n  ${report.join('\n  ')}`);
    for (const t of [segments, products, firms]) {
      expect(share(t.unrelated)).toBeLessThan(0.01);
      expect(share(t.related)).toBeGreaterThan(10 * share(t.unrelated));
    }
  });
});
