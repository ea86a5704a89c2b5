import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandMatches, Graph, GraphPath, ResourceAssignment } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { hashKey } from '../config.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';

type Row = Record<string, any>;

/** Queries a path back, relationship by relationship, in its stored direction. */
async function pathExists(graph: Graph, path: GraphPath): Promise<boolean> {
  const labels = new Map(path.nodes.map((n) => [n.id, n.label]));
  for (const r of path.relationships) {
    const [row] = await graph.query<{ n: number }>(
      `MATCH (a:${labels.get(r.from)} {id: $from})-[:${r.type}]->(b:${labels.get(r.to)} {id: $to}) RETURN count(*) AS n`,
      { from: r.from, to: r.to },
    );
    if (row.n === 0) return false;
  }
  return true;
}

/** The hard constraints of docs/resources.md §1, checked on the rows the API returns (independently of the engine's code). */
function hardConstraintsHold(d: Row, o: Row): string[] {
  const broken: string[] = [];
  const park = o.parkId ?? (o.owner?.label === 'Park' ? o.owner.id : null);
  if (d.kind !== o.kind) broken.push('kind');
  if ((d.requiredCertifications ?? []).some((c: string) => !(o.certifications ?? []).includes(c))) broken.push('certification');
  if (d.minAreaM2 != null && !(o.areaM2 != null && o.areaM2 >= d.minAreaM2)) broken.push('area');
  if (d.minFloorLoadKnM2 != null && !(o.floorLoadKnM2 != null && o.floorLoadKnM2 >= d.minFloorLoadKnM2)) broken.push('floorLoad');
  if (d.maxPrice != null && o.price != null && o.price > d.maxPrice) broken.push('price');
  if (d.amountWan != null && !(o.amountWan != null && o.amountWan >= d.amountWan)) broken.push('amount');
  if (d.maxRatePct != null && !(o.ratePct != null && o.ratePct <= d.maxRatePct)) broken.push('rate');
  if (d.minTermMonths != null && !(o.termMonths != null && o.termMonths >= d.minTermMonths)) broken.push('term');
  if ((d.parkAllowList ?? []).length > 0 && !d.parkAllowList.includes(park)) broken.push('park');
  if (d.neededFrom && o.availableFrom && o.availableFrom > d.neededFrom) broken.push('dates');
  return broken;
}

describe('resource matching API on the seed', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const url = (path: string) => `${api.base}/api/v1${path}`;
  /** Writes need a key with the write scope; its owner is recorded as the actor. */
  const keys: Record<string, string> = { 张科长: 'key-zhang', 李干事: 'key-li', 管理员: 'key-admin' };
  const send = (method: string, path: string, body?: unknown, actor = '张科长') =>
    fetch(url(path), {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${keys[actor]}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const all = async (path: string): Promise<Row[]> => (await (await fetch(url(`${path}${path.includes('?') ? '&' : '?'}limit=500`))).json()).items;

  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph, {
      keys: Object.entries(keys).map(([owner, key]) => ({
        owner,
        sha256: hashKey(key),
        scopes: [owner === '管理员' ? ('admin' as const) : ('write' as const)],
      })),
    });
  });
  afterAll(async () => {
    await graph.run("MATCH (n) WHERE (n:Offer OR n:Demand) AND n.id STARTS WITH 'apitest.' DETACH DELETE n");
    await api.close();
    await graph.close();
  });

  it('ranks the feasible offers for a seeded 厂房 demand, each explained with paths that exist', async () => {
    const sites = (await all('/demands?kind=site&status=open')).filter((d) => d.title !== '大型GMP原料药生产基地');
    expect(sites.length).toBeGreaterThanOrEqual(30);
    let checked = 0;
    for (const demand of sites) {
      const res = await postJson(url('/match/resources'), { demandId: demand.id, limit: 5 });
      expect(res.status).toBe(200);
      const result = (await res.json()) as DemandMatches & { direction: string };
      expect(result.direction).toBe('offers-for-demand');
      for (const c of result.candidates) {
        expect(hardConstraintsHold(demand, { ...c.offer, owner: c.owner }), `${demand.id} → ${c.offer.id}`).toEqual([]);
        expect(c.offer.kind).toBe('site');
        expect(c.explanation.signals.map((s) => s.signal)).toEqual(['size', 'price', 'location', 'proximity', 'tier', 'channel']);
        expect(c.score).toBeCloseTo(
          c.explanation.signals.reduce((s, x) => s + x.contribution, 0),
          3,
        );
        expect(c.explanation.reason).toContain('满足全部硬约束');
        for (const p of c.explanation.paths) expect(await pathExists(graph, p), JSON.stringify(p)).toBe(true);
      }
      for (let i = 1; i < result.candidates.length; i++) expect(result.candidates[i - 1].score).toBeGreaterThanOrEqual(result.candidates[i].score);
      if (result.candidates.length > 0) checked++;
      if (checked >= 3) break;
    }
    expect(checked).toBe(3);
  });

  it('assigns globally without breaking a constraint or a capacity, and lists the planted unmeetable demand with its reason', async () => {
    const res = await postJson(url('/match/resources/assign'), {});
    expect(res.status).toBe(200);
    const result = (await res.json()) as ResourceAssignment;
    const demands = new Map((await all('/demands?status=open')).map((d) => [d.id, d]));
    const offers = new Map((await all('/offers?status=open')).map((o) => [o.id, o]));
    expect(result.assignments.length).toBeGreaterThan(50);
    const used = new Map<string, number>();
    for (const a of result.assignments) {
      expect(hardConstraintsHold(demands.get(a.demandId)!, offers.get(a.offerId)!), `${a.demandId} → ${a.offerId}`).toEqual([]);
      used.set(a.offerId, (used.get(a.offerId) ?? 0) + a.units);
      expect(a.explanation.signals.length).toBe(6);
    }
    for (const [id, units] of used) expect(units).toBeLessThanOrEqual(offers.get(id)!.capacity);
    const planted = result.unmet.find((u) => u.title === '大型GMP原料药生产基地');
    expect(planted).toBeDefined();
    expect(planted!.excludedEveryOffer).toContain('area');
    expect(planted!.excludedBy.find((x) => x.constraint === 'area')!.offers).toBe(planted!.sameKindOffers);
    expect(planted!.reason).toContain('面积不足');
    expect(result.assignments.map((a) => a.demandId)).not.toContain(planted!.demandId);
    expect(result.totals.totalFit).toBeGreaterThanOrEqual(result.baseline!.totalFit);
    // The headline split accounts for every open demand (issue 13 item 6), and no building is over-let by area.
    const { summary } = result;
    expect(summary.served + summary.infeasible + summary.lostToCompetition).toBe(summary.openDemands);
    expect([summary.infeasible, summary.lostToCompetition]).toEqual([result.unmet.length, result.unassigned.length]);
    const area = new Map<string, number>();
    for (const a of result.assignments) if (a.kind === 'site') area.set(a.offerId, (area.get(a.offerId) ?? 0) + demands.get(a.demandId)!.minAreaM2 * a.units);
    for (const [id, m2] of area) expect(m2, id).toBeLessThanOrEqual(offers.get(id)!.areaM2);
  });

  it('creates, reads, updates, lists and deletes an offer and a demand, recording who wrote', async () => {
    const created = await send(
      'POST',
      '/offers',
      {
        id: 'apitest.offer.1',
        kind: 'site',
        ownerId: 'park.qixia-hi-tech',
        title: '测试厂房',
        areaM2: 2400,
        certifications: ['GMP'],
        price: 35,
        parkId: 'park.qixia-hi-tech',
        capacity: 2,
      },
      '张科长',
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/offers/apitest.offer.1');
    expect(await created.json()).toMatchObject({
      id: 'apitest.offer.1',
      kind: 'site',
      areaM2: 2400,
      capacity: 2,
      source: 'import',
      updatedBy: '张科长',
      owner: { id: 'park.qixia-hi-tech', label: 'Park' },
      ratePct: null,
    });
    expect(
      (
        await send('POST', '/offers', {
          id: 'apitest.offer.1',
          kind: 'site',
          ownerId: 'park.qixia-hi-tech',
          title: 'x',
          areaM2: 1,
          parkId: 'park.qixia-hi-tech',
        })
      ).status,
    ).toBe(409);

    // Another write key may not change it (issue 15 F2); an admin may, and is recorded.
    expect((await send('PATCH', '/offers/apitest.offer.1', { price: 30 }, '李干事')).status).toBe(403);
    const patched = await send('PATCH', '/offers/apitest.offer.1', { price: 30, floorLoadKnM2: 10 }, '管理员');
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ price: 30, floorLoadKnM2: 10, areaM2: 2400, updatedBy: '管理员' });
    const cleared = await (await send('PATCH', '/offers/apitest.offer.1', { price: null })).json();
    expect(cleared.price).toBeNull();
    expect(cleared.updatedBy).toBe('张科长');
    // Without a key, writes are refused (reads and matching stay open).
    expect((await fetch(url('/offers/apitest.offer.1'), { method: 'DELETE' })).status).toBe(401);
    expect((await all('/offers?kind=site')).map((o) => o.id)).toContain('apitest.offer.1');

    const demand = await send('POST', '/demands', {
      id: 'apitest.demand.1',
      kind: 'talent',
      ownerId: (await all('/demands?kind=talent'))[0].owner.id,
      title: '测试人才需求',
      quantity: 3,
    });
    expect(demand.status).toBe(201);
    expect(await demand.json()).toMatchObject({ kind: 'talent', quantity: 3, minAreaM2: null });
    expect((await send('DELETE', '/demands/apitest.demand.1')).status).toBe(204);

    expect((await send('DELETE', '/offers/apitest.offer.1')).status).toBe(204);
    expect((await fetch(url('/offers/apitest.offer.1'))).status).toBe(404);
    expect((await send('DELETE', '/offers/apitest.offer.1')).status).toBe(404);
  });

  it('refuses a bad kind-specific attribute with 400 naming the field', async () => {
    const problem = async (res: Response) => {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return (await res.json()).errors.map((e: { path: string }) => e.path);
    };
    // A loan has no area; a site needs a positive one; a loan needs its rate and term.
    expect(
      await problem(
        await send('POST', '/offers', { kind: 'loan', ownerId: 'park.qixia-hi-tech', title: '贷', amountWan: 500, ratePct: 3.5, termMonths: 12, areaM2: 100 }),
      ),
    ).toEqual(['body.areaM2']);
    expect(
      await problem(await send('POST', '/offers', { kind: 'site', ownerId: 'park.qixia-hi-tech', title: '厂房', areaM2: -5, parkId: 'park.qixia-hi-tech' })),
    ).toEqual(['body.areaM2']);
    expect(await problem(await send('POST', '/offers', { kind: 'loan', ownerId: 'park.qixia-hi-tech', title: '贷', amountWan: 500 }))).toEqual([
      'body.ratePct',
      'body.termMonths',
    ]);
    expect(await problem(await send('POST', '/offers', { kind: 'warehouse', ownerId: 'x', title: 'x' }))).toEqual(['body.kind']);
    // A well-formed reference to a park that does not exist: 404, naming the field.
    const unknownPark = await send('POST', '/demands', {
      kind: 'site',
      ownerId: (await all('/demands?kind=site'))[0].owner.id,
      title: '厂房需求',
      minAreaM2: 1000,
      parkAllowList: ['park.nowhere'],
    });
    expect(unknownPark.status).toBe(404);
    expect((await unknownPark.json()).errors.map((e: { path: string }) => e.path)).toEqual(['body.parkAllowList.0']);
    expect(await problem(await send('POST', '/demands', { kind: 'site', ownerId: 'nobody', title: '厂房需求', minAreaM2: 1000, idealAreaM2: 500 }))).toEqual([
      'body.idealAreaM2',
    ]);
    const seeded = (await all('/offers?kind=loan'))[0];
    // Seeded offers have no owner: only an admin may change them.
    expect(await problem(await send('PATCH', `/offers/${seeded.id}`, { areaM2: 100 }, '管理员'))).toEqual(['body.areaM2']);
    expect(await problem(await send('PATCH', `/offers/${seeded.id}`, { kind: 'site' }, '管理员'))).toEqual(['body.kind']);
  });

  it('plans a matchmaking event between seeded enterprises and research units', async () => {
    // Six firms, each with a research unit that works on a topic the firm needs.
    const pairs = await graph.query<{ firm: string; unit: string }>(
      `MATCH (e:Enterprise {local: true})-[:NEEDS_TECH]->(:Topic)<-[:RESEARCHES]-(r:ResearchUnit)
       WITH e, min(r.id) AS unit ORDER BY e.id LIMIT 6 RETURN e.id AS firm, unit`,
    );
    const units = [...new Set(pairs.map((p) => p.unit))];
    const res = await postJson(url('/match/event'), {
      enterprises: pairs.map((p) => ({ id: p.firm, slots: 2 })),
      researchUnits: units.map((id) => ({ id, slots: 3 })),
    });
    expect(res.status).toBe(200);
    const plan = await res.json();
    expect(plan.fit).toBe('lexical');
    expect(plan.meetings.length).toBeGreaterThanOrEqual(units.length);
    expect(plan.rounds).toBeLessThanOrEqual(3);
    expect(plan.totalFit).toBeGreaterThanOrEqual(plan.greedyTotalFit - 1e-9);
    for (const m of plan.meetings) {
      expect(m.explanation.signals[0].signal).toBe('text');
      for (const p of m.explanation.paths) expect(await pathExists(graph, p)).toBe(true);
    }
    const perRound = new Map<number, string[]>();
    for (const m of plan.meetings) perRound.set(m.round, [...(perRound.get(m.round) ?? []), m.enterprise.id, m.researchUnit.id]);
    for (const ids of perRound.values()) expect(new Set(ids).size).toBe(ids.length);
    const bad = await postJson(url('/match/event'), { enterprises: [{ id: 'nope', slots: 1 }], researchUnits: units.map((id) => ({ id })) });
    expect(bad.status).toBe(404);
    expect((await bad.json()).errors[0].path).toBe('body.enterprises.0.id');
  });
});
