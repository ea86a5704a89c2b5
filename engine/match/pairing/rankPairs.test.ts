import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appearanceCaps, relevanceGate } from '../../config/scoring.ts';
import type { Graph } from '../../graph/graph.ts';
import { TextServices } from '../../text/textServices.ts';
import { meaningPassages } from './meaningPassages.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import { unitTopics } from './pairSignals.ts';
import { rankPairs, type PairingResponse } from './rankPairs.ts';
import { loadResearchCatalog, type ResearchCatalog } from './researchCatalog.ts';

/** Battery and materials vocabulary: what a unit answering a cathode-sintering need may research. */
const batteryOrMaterials = /电池|锂|正极|负极|电解|隔膜|材料|粉体|陶瓷|冶金|储能|热管理|铜箔|前驱体/;

function expectOrderedByShownScore(r: PairingResponse) {
  const scores = r.items.map((i) => i.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describe('school–enterprise pairing on the seed', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  let text: TextSimilarity;
  const pair = (request: Parameters<typeof rankPairs>[3]) => rankPairs(graph, catalog, text, request);

  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
    text = await new TextServices(graph, meaningPassages, {}).get();
  });
  afterAll(async () => graph?.close());

  it('answers nonsense with no candidates and says why', async () => {
    for (const nonsense of ['asdfgh 火星咖啡', '今天天气很好']) {
      for (const textRole of ['need', 'capability'] as const) {
        const r = await pair({ text: nonsense, textRole, limit: 10 });
        expect(r.items, `${nonsense} as ${textRole}`).toEqual([]);
        expect(r.noMatch).toEqual({ reason: 'no-relevant-candidate', bestSimilarity: expect.any(Number), threshold: relevanceGate.minTopicCoverage });
        expect(r.noMatch!.bestSimilarity).toBeLessThan(relevanceGate.minTopicCoverage);
      }
    }
  });

  it('offers for a battery need only units that research batteries or materials, each with the words that matched', async () => {
    for (const need of ['高镍三元正极材料烧结工艺', '动力电池热管理和电池安全']) {
      const r = await pair({ text: need, limit: 20 });
      expect(r.items.length > 0 || r.noMatch?.reason === 'no-relevant-candidate').toBe(true);
      for (const item of r.items) {
        const unit = catalog.units.find((u) => u.id === item.researchUnit.id)!;
        expect(unitTopics(unit).join('、'), item.researchUnit.name).toMatch(batteryOrMaterials);
        expect(item.matchedTerms.length).toBeGreaterThan(0);
        for (const term of item.matchedTerms) expect(need).toContain(term);
        expect(item.need).toBe(need);
      }
      expectOrderedByShownScore(r);
    }
    // the seed has battery labs for this wording: the list is not empty
    expect((await pair({ text: '动力电池热管理和电池安全', limit: 5 })).items.length).toBeGreaterThan(0);
  });

  it('keeps a real need answerable: 创新药制剂工艺放大 finds several units, each carried by a researcher who knows the topic', async () => {
    const r = await pair({ text: '创新药制剂工艺放大，需要高校科研单位联合攻关', limit: 10 });
    expect(r.items.length).toBeGreaterThanOrEqual(3);
    for (const item of r.items.slice(0, 3)) {
      const unit = catalog.units.find((u) => u.id === item.researchUnit.id)!;
      const researcher = unit.researchers.find((x) => x.id === item.carriedBy.researcher?.id);
      expect(researcher?.expertise).toContain(item.carriedBy.topic);
      expect(item.matchedTopics).toContain(item.carriedBy.topic);
    }
  });

  it('from a research unit: no researcher carries more pairs than the cap, the explanation says who was moved, the list follows its scores', async () => {
    // the units whose best-known researcher would otherwise carry most pairs
    const busiest = [...catalog.units].sort((a, b) => b.researchers.length - a.researchers.length).slice(0, 6);
    let moved = 0;
    for (const unit of busiest) {
      const r = await pair({ researchUnitId: unit.id, limit: 10 });
      const counts = new Map<string, number>();
      for (const item of r.items) {
        const id = item.carriedBy.researcher?.id;
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
        expect(item.enterprise).not.toBeNull();
        expect(item.need).toMatch(/技术需求|主营|未登记/);
        expect(item.matchedTopics.every((t) => unitTopics(unit).includes(t))).toBe(true);
        if (item.carriedBy.displaced) {
          moved++;
          expect(item.explanation.signals.find((s) => s.signal === 'talent')!.detail).toContain(`上限`);
          expect(item.explanation.reason).toContain(item.carriedBy.displaced.researcher);
        }
      }
      expect(Math.max(0, ...counts.values()), unit.name).toBeLessThanOrEqual(appearanceCaps.pairsPerResearcher);
      expectOrderedByShownScore(r);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('from an enterprise: shows its need, marks demo records, and gives free text no location, channel or partners', async () => {
    const [{ id }] = await graph.query<{ id: string }>("MATCH (e:Enterprise {source: 'synthetic'})-[:NEEDS_TECH]->() RETURN e.id AS id ORDER BY id LIMIT 1");
    const r = await pair({ enterpriseId: id, limit: 5 });
    expect(r.items.length).toBeGreaterThan(0);
    for (const item of r.items) {
      expect(item.enterprise).toMatchObject({ id, demo: true });
      expect(item.need).toBe(`技术需求：${item.enterprise!.needs.join('、')}`);
      expect(typeof item.researchUnit.demo).toBe('boolean');
    }
    const typed = await pair({ text: '制剂工艺与一致性评价', limit: 5 });
    for (const item of typed.items) {
      for (const signal of ['proximity', 'channel', 'cooperation']) {
        const s = item.explanation.signals.find((x) => x.signal === signal)!;
        expect(s.value).toBe(0);
        expect(s.detail).toContain('无数据');
      }
    }
  });

  it('lets supporting signals reorder relevant units but never bring in one whose research does not match', async () => {
    // enterprises cooperating with a unit are candidates of that unit whatever they need
    const rows = await graph.query<{ unit: string; firm: string }>(
      `MATCH (e:Enterprise {kind: 'industrial'})-[:COOPERATES_WITH]->(u:ResearchUnit)
       WHERE NOT EXISTS { (e)-[:NEEDS_TECH]->(:Topic)<-[:RESEARCHES]-(u) } RETURN u.id AS unit, e.id AS firm ORDER BY unit, firm LIMIT 20`,
    );
    for (const { unit, firm } of rows) {
      const r = await pair({ researchUnitId: unit, limit: 100 });
      const item = r.items.find((i) => i.enterprise?.id === firm);
      if (item) expect(item.matchedTopics.length, `${firm} ↔ ${unit}`).toBeGreaterThan(0);
    }
  });
});
