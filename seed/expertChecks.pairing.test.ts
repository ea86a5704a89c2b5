/**
 * An expert's checks of school–enterprise pairing and talent matching on the seed, through the
 * public HTTP API (issue 13, items 5 and 7): nonsense gets no match and a reason, a battery need
 * gets only battery or materials labs, no researcher carries more than the cap, ranks follow the
 * scores shown, and demo records say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../scripts/test/testServer.ts';

type Json = Record<string, any>;

describe('expert checks: pairing and talent answer only what is relevant', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const post = async (path: string, body: unknown): Promise<Json> => {
    const res = await postJson(`${api.base}/api/v1${path}`, body);
    expect(res.status, path).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  it('"asdfgh 火星咖啡" and "今天天气很好" find no research unit, no enterprise and no talent, and say why', async () => {
    for (const text of ['asdfgh 火星咖啡', '今天天气很好']) {
      for (const body of [{ text }, { text, textRole: 'capability' }]) {
        const r = await post('/match/school-enterprise', body);
        expect(r.items).toEqual([]);
        expect(r.noMatch).toMatchObject({ reason: 'no-relevant-candidate', threshold: r.relevanceThreshold });
        expect(r.noMatch.bestSimilarity).toBeLessThan(r.relevanceThreshold);
      }
      const t = await post('/match/talent', { text });
      expect(t.items).toEqual([]);
      expect(t.noMatch.reason).toBe('no-relevant-candidate');
    }
  });

  it('"高镍三元正极烧结 + 废水重金属" no longer returns labs of 高分子材料, 强化学习 or 触控技术', async () => {
    const r = await post('/match/school-enterprise', { text: '高镍三元正极烧结 + 废水重金属', limit: 10 });
    for (const item of r.items) expect(item.matchedTopics.join('、')).not.toMatch(/高分子材料|强化学习|触控技术/);
    if (r.items.length === 0) expect(r.noMatch.reason).toBe('no-relevant-candidate');
  });

  it('a battery need gets only units researching batteries or materials, each with the words that matched', async () => {
    for (const text of ['高镍三元正极材料烧结工艺', '动力电池热管理和电池安全']) {
      const r = await post('/match/school-enterprise', { text, limit: 20 });
      for (const item of r.items) {
        expect(item.matchedTopics.join('、'), item.researchUnit.name).toMatch(/电池|锂|正极|负极|电解|隔膜|材料|粉体|陶瓷|冶金|储能|热管理|铜箔/);
        expect(item.matchedTerms.length).toBeGreaterThan(0);
        for (const term of item.matchedTerms) expect(text).toContain(term);
      }
    }
  });

  it('lab → firm lists: no researcher carries more than 2 pairs, and the shown scores are in order', async () => {
    const units = await graph.query<{ id: string }>(
      'MATCH (u:ResearchUnit)<-[:AFFILIATED_WITH]-(t:Talent) WITH u, count(t) AS n ORDER BY n DESC, u.id LIMIT 5 RETURN u.id AS id',
    );
    for (const { id } of units) {
      const r = await post('/match/school-enterprise', { researchUnitId: id, limit: 10 });
      const per = new Map<string, number>();
      for (const item of r.items) if (item.carriedBy.researcher) per.set(item.carriedBy.researcher.id, (per.get(item.carriedBy.researcher.id) ?? 0) + 1);
      expect(Math.max(0, ...per.values())).toBeLessThanOrEqual(2);
      const scores = r.items.map((i: Json) => i.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      for (const item of r.items) {
        expect(item.enterprise.demo).toEqual(expect.any(Boolean));
        expect(item.need.length).toBeGreaterThan(2);
      }
    }
  });

  it('free text has no channel, location or partners: those signals are 0 and say there is no data, never a prior', async () => {
    const r = await post('/match/school-enterprise', { text: '创新药制剂工艺放大，需要高校科研单位联合攻关', limit: 10 });
    expect(r.items.length).toBeGreaterThanOrEqual(3);
    for (const item of r.items) {
      for (const name of ['channel', 'proximity', 'cooperation']) {
        const s = item.explanation.signals.find((x: Json) => x.signal === name);
        expect(s.value).toBe(0);
        expect(s.detail).toContain('无数据');
      }
      expect(item.researchUnit.demo).toEqual(expect.any(Boolean));
    }
  });

  it('talent lists take at most 3 people from one affiliation and list the others as left out', async () => {
    const t = await post('/match/talent', { text: '创新药制剂工艺放大，需要高校科研单位联合攻关', limit: 20 });
    const per = new Map<string, number>();
    for (const m of t.items) per.set(m.talent.affiliation.id, (per.get(m.talent.affiliation.id) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(t.capped.perAffiliation);
    const scores = t.items.map((m: Json) => m.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const m of t.items) expect(m.talent.demo).toEqual(expect.any(Boolean));
  });
});
