import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../engine/index.ts';
import { pathExists } from '../../scripts/test/pathExists.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';

describe('pairing, talent, search, explore and attachment API on the seed', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let cttq: string;
  let envSchool: string;
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
    [{ id: cttq }] = await graph.query<{ id: string }>("MATCH (e:Enterprise) WHERE e.name CONTAINS '正大天晴' RETURN e.id AS id");
    [{ id: envSchool }] = await graph.query<{ id: string }>("MATCH (u:ResearchUnit) WHERE u.name CONTAINS '环境学院' RETURN u.id AS id");
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('pairs an enterprise with research units, naming the researcher and topic, with paths that exist', async () => {
    const res = await postJson(`${api.base}/api/v1/match/school-enterprise`, { enterpriseId: cttq, limit: 5 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ direction: 'to-research-units', textProvider: 'lexical' });
    // Only units that share a topic with its needs or cover a topic's words pass the relevance gate.
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(5);
    const [needs] = await graph.query<{ topics: string[] }>('MATCH (e:Enterprise {id: $id}) RETURN [(e)-[:NEEDS_TECH]->(t) | t.name] AS topics', { id: cttq });
    const top = body.items[0];
    expect(top.carriedBy.researcher?.name).toBeTruthy();
    if (needs.topics.length > 0) expect(needs.topics).toContain(top.carriedBy.topic);
    for (const item of body.items) {
      expect(item.explanation.signals.map((s: { signal: string }) => s.signal).sort()).toEqual([
        'channel',
        'cooperation',
        'proximity',
        'talent',
        'text',
        'topics',
      ]);
      for (const p of item.explanation.paths) expect(await pathExists(graph, p), JSON.stringify(p)).toBe(true);
    }
    expect(body.items.map((i: { score: number }) => i.score)).toEqual([...body.items.map((i: { score: number }) => i.score)].sort((a, b) => b - a));
  });

  it('pairs the other way: a research unit to enterprises that need its topics', async () => {
    const body = await (await postJson(`${api.base}/api/v1/match/school-enterprise`, { researchUnitId: envSchool, limit: 5 })).json();
    expect(body.direction).toBe('to-enterprises');
    expect(body.items.length).toBe(5);
    const [unit] = await graph.query<{ topics: string[] }>('MATCH (u:ResearchUnit {id: $id}) RETURN [(u)-[:RESEARCHES]->(t) | t.name] AS topics', {
      id: envSchool,
    });
    for (const item of body.items) {
      expect(item.enterprise.id).toBeTruthy();
      expect(unit.topics.length === 0 || item.carriedBy.topic !== null).toBe(true);
      for (const p of item.explanation.paths) expect(await pathExists(graph, p)).toBe(true);
    }
  });

  it('pairs a need written in words, and rejects a request that names two subjects', async () => {
    const body = await (await postJson(`${api.base}/api/v1/match/school-enterprise`, { text: '需要土壤修复和地下水修复方面的技术支持', limit: 3 })).json();
    expect(body.items[0].explanation.signals.find((s: { signal: string }) => s.signal === 'text').value).toBeGreaterThan(0);
    expect(body.items.map((i: { researchUnit: { name: string } }) => i.researchUnit.name).join()).toMatch(/环境|修复|生态|资源/);
    const bad = await postJson(`${api.base}/api/v1/match/school-enterprise`, { enterpriseId: cttq, text: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toContain('body.text');
  });

  it('ranks talents for an enterprise with affiliation, honours and expertise', async () => {
    const body = await (await postJson(`${api.base}/api/v1/match/talent`, { enterpriseId: cttq, limit: 8 })).json();
    expect(body.items).toHaveLength(8);
    for (const item of body.items) {
      expect(item.talent).toEqual(
        expect.objectContaining({ name: expect.any(String), level: expect.any(String), honours: expect.any(Array), expertise: expect.any(Array) }),
      );
      for (const p of item.explanation.paths) expect(await pathExists(graph, p)).toBe(true);
    }
    const national = await (
      await postJson(`${api.base}/api/v1/match/talent`, { text: '制剂工艺', limit: 10, filters: { levels: ['national', 'academician'] } })
    ).json();
    expect(national.items.every((i: { talent: { level: string } }) => ['national', 'academician'].includes(i.talent.level))).toBe(true);
  });

  it('searches in Chinese, groups by type, highlights and pages with a cursor', async () => {
    const body = await (await fetch(`${api.base}/api/v1/search?q=${encodeURIComponent('正大天晴')}&limit=3`)).json();
    expect(body.items[0]).toMatchObject({ type: 'Enterprise', id: cttq });
    expect(
      body.items[0].highlight
        .filter((h: { hit: boolean }) => h.hit)
        .map((h: { text: string }) => h.text)
        .join(''),
    ).toContain('正大天晴');
    expect(body.groups.flatMap((g: { items: unknown[] }) => g.items)).toHaveLength(body.items.length);
    expect(body.nextCursor).toBeTruthy();
    const page2 = await (await fetch(`${api.base}/api/v1/search?q=${encodeURIComponent('正大天晴')}&limit=3&cursor=${body.nextCursor}`)).json();
    const ids = new Set(body.items.map((i: { id: string }) => i.id));
    expect(page2.items.length).toBeGreaterThan(0);
    expect(page2.items.some((i: { id: string }) => ids.has(i.id))).toBe(false);
    const typed = await (await fetch(`${api.base}/api/v1/search?q=${encodeURIComponent('生物医药')}&types=Alliance`)).json();
    expect(typed.items.length).toBeGreaterThan(0);
    expect(typed.items.every((i: { type: string }) => i.type === 'Alliance')).toBe(true);
    expect((await fetch(`${api.base}/api/v1/search?q=x&types=Nope`)).status).toBe(400);
    expect((await fetch(`${api.base}/api/v1/search?q=x&cursor=bogus`)).status).toBe(400);
  });

  it('shows an entity and its neighbourhood at depth 1 and 2', async () => {
    const entity = await (await fetch(`${api.base}/api/v1/entities/${cttq}`)).json();
    expect(entity).toMatchObject({ id: cttq, label: 'Enterprise', name: '南京正大天晴制药有限公司' });
    const one = await (await fetch(`${api.base}/api/v1/entities/${cttq}/neighbourhood?depth=1`)).json();
    const [{ degree }] = await graph.query<{ degree: number }>('MATCH (e:Enterprise {id: $id}) RETURN COUNT { (e)--() } AS degree', { id: cttq });
    expect(one.nodes[0].id).toBe(cttq);
    expect(one.relationships.length).toBe(Math.min(degree, 60));
    const two = await (await fetch(`${api.base}/api/v1/entities/${cttq}/neighbourhood?depth=2&limit=80`)).json();
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(two.nodes.length).toBeLessThanOrEqual(81);
    const ids = new Set(two.nodes.map((n: { id: string }) => n.id));
    for (const r of two.relationships) expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
    expect((await fetch(`${api.base}/api/v1/entities/nope/neighbourhood?depth=3`)).status).toBe(400);
    expect((await fetch(`${api.base}/api/v1/entities/nope`)).status).toBe(404);
  });

  it('says which records are demo data: an article firm is not, a generated one is, in search, details and neighbourhoods', async () => {
    const [fake] = await graph.query<{ id: string; name: string }>(
      "MATCH (e:Enterprise {source: 'synthetic', local: true}) RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1",
    );
    const search = async (q: string) =>
      (await (await fetch(`${api.base}/api/v1/search?q=${encodeURIComponent(q)}&limit=5&types=Enterprise`)).json()).items as { id: string; demo: boolean }[];
    expect((await search('正大天晴')).find((i) => i.id === cttq)?.demo).toBe(false);
    expect((await search(fake.name)).find((i) => i.id === fake.id)?.demo).toBe(true);

    expect((await (await fetch(`${api.base}/api/v1/entities/${cttq}`)).json()).demo).toBe(false);
    expect((await (await fetch(`${api.base}/api/v1/entities/${fake.id}`)).json()).demo).toBe(true);

    const hood = await (await fetch(`${api.base}/api/v1/entities/${cttq}/neighbourhood?depth=2&limit=80`)).json();
    expect(hood.center.demo).toBe(false);
    const sources = new Map(
      (
        await graph.query<{ id: string; source: string | null }>('UNWIND $ids AS id MATCH (n {id: id}) RETURN n.id AS id, n.source AS source', {
          ids: hood.nodes.map((n: { id: string }) => n.id),
        })
      ).map((r) => [r.id, r.source]),
    );
    for (const n of hood.nodes as { id: string; demo: boolean }[]) expect(n.demo, n.id).toBe(sources.get(n.id) === 'synthetic');
    expect(hood.nodes.some((n: { demo: boolean }) => n.demo)).toBe(true);
    expect(hood.nodes.some((n: { id: string; demo: boolean }) => !n.demo && n.id !== cttq)).toBe(true);
  });

  it('attaches a described firm to the right segment', async () => {
    const body = await (
      await postJson(`${api.base}/api/v1/classify/segments`, {
        name: '南京某某新材料有限公司',
        products: ['正极材料', '三元前驱体'],
        description: '锂电池正极材料的研发与生产',
      })
    ).json();
    expect(body.items[0].segmentId).toBe('nev.cathode');
    expect(body.items[0].confidence).toBeGreaterThan(body.items[1].confidence);
  });
});
