/**
 * An expert's checks of the global resource assignment on the seed, through the public HTTP API
 * (issue 13, item 6): no offer is given more tenants, m² or 万元 than it holds — counting what
 * agreed matches already took — and the headline accounts for every open demand: served +
 * infeasible (naming the excluding constraint) + lost to competition (naming who won) = open.
 * Capacities are recomputed here from the offers and demands the API lists (docs/resources.md §4.1),
 * not read from the engine's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../scripts/test/testServer.ts';

type Json = Record<string, any>;

/** docs/resources.md §4.1: a site or plot holds its whole area; a loan or subsidy its per-firm ceiling × its count. */
const holds = (o: Json): number | null =>
  o.kind === 'site' || o.kind === 'land' ? o.areaM2 : (o.kind === 'loan' || o.kind === 'policy') && o.amountWan != null ? o.amountWan * o.capacity : null;
/** What one unit of a demand takes: a site or plot its minimum area, a loan or subsidy its amount. */
const takes = (d: Json): number =>
  d.kind === 'site' || d.kind === 'land' ? (d.minAreaM2 ?? 0) : d.kind === 'loan' || d.kind === 'policy' ? (d.amountWan ?? 0) : 0;

describe('expert checks: the global assignment respects every capacity and accounts for every demand', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let result: Json;
  let offers: Map<string, Json>;
  let demands: Map<string, Json>;
  const url = (path: string) => `${api.base}/api/v1${path}`;
  const all = async (path: string, limit = 500): Promise<Json[]> => {
    const items: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await (await fetch(url(`${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`))).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
    const res = await postJson(url('/match/resources/assign'), {});
    expect(res.status).toBe(200);
    result = await res.json();
    offers = new Map((await all('/offers?status=open')).map((o) => [o.id, o]));
    demands = new Map((await all('/demands?status=open')).map((d) => [d.id, d]));
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  it('gives no offer more units than its count capacity, nor more m² or 万元 than it holds, with agreed matches counted', async () => {
    const agreed = await all('/matches?status=agreed&kind=resource', 200);
    const units = new Map<string, number>();
    const quantity = new Map<string, number>();
    const add = (offerId: string, demandId: string, n: number) => {
      units.set(offerId, (units.get(offerId) ?? 0) + n);
      quantity.set(offerId, (quantity.get(offerId) ?? 0) + n * takes(demands.get(demandId) ?? {}));
    };
    for (const m of agreed) if (offers.has(m.candidateId)) add(m.candidateId, m.subjectId, m.units);
    for (const a of result.assignments) add(a.offerId, a.demandId, a.units);
    let shared = 0;
    for (const [id, n] of units) {
      const o = offers.get(id)!;
      expect(n, `${o.title} (${id}) count`).toBeLessThanOrEqual(o.capacity);
      const pool = holds(o);
      if (pool !== null)
        expect(quantity.get(id)!, `${o.title} (${id}) ${o.kind === 'site' || o.kind === 'land' ? 'm²' : '万元'}`).toBeLessThanOrEqual(pool + 1e-6);
      if (o.capacity > 1 && (o.kind === 'site' || o.kind === 'land')) shared++;
    }
    // The check has teeth: shared buildings (count capacity 2) are assigned on the seed.
    expect(shared).toBeGreaterThan(0);
    expect(result.solver.sizeRows.binding).toBeGreaterThan(0);
  });

  it('splits every open demand into served, infeasible and lost to competition, and the split adds up', () => {
    const s = result.summary;
    expect(s.served + s.infeasible + s.lostToCompetition).toBe(s.openDemands);
    expect(s.openDemands).toBe(result.totals.demands);
    expect(s.served).toBe(new Set(result.assignments.map((a: Json) => a.demandId)).size);
    expect(s.infeasible).toBe(result.unmet.length);
    expect(s.lostToCompetition).toBe(result.unassigned.length);
    const ids = [
      ...result.assignments.map((a: Json) => a.demandId),
      ...result.unmet.map((u: Json) => u.demandId),
      ...result.unassigned.map((u: Json) => u.demandId),
    ];
    expect(new Set(ids).size).toBe(s.openDemands); // no demand in two groups, none missing
    for (const id of ids) expect(demands.has(id), id).toBe(true);
  });

  it('names the constraint that made each infeasible demand so, and the planted 3万 m² GMP base is one, excluded by area', () => {
    for (const u of result.unmet) {
      expect(u.excludedBy.length + u.excludedEveryOffer.length, u.title).toBeGreaterThan(0);
      expect(u.reason.length).toBeGreaterThan(0);
    }
    const planted = result.unmet.find((u: Json) => u.title === '大型GMP原料药生产基地');
    expect(planted?.excludedEveryOffer).toContain('area');
  });

  it('names, for each demand lost to competition, the offers it could have had and the winners that took them', () => {
    const assignedTo = new Map<string, string[]>();
    for (const a of result.assignments) assignedTo.set(a.offerId, [...(assignedTo.get(a.offerId) ?? []), a.demandId]);
    for (const u of result.unassigned) {
      expect(u.feasibleOffers, u.title).toBeGreaterThan(0);
      expect(u.takenBy.length).toBeGreaterThan(0);
      for (const t of u.takenBy) expect(t.winners.map((w: Json) => w.demandId).sort()).toEqual((assignedTo.get(t.offerId) ?? []).sort());
      const named = u.takenBy.flatMap((t: Json) => t.winners.map((w: Json) => w.ownerName));
      expect(named.length, `${u.title} names a winner`).toBeGreaterThan(0);
      expect(u.detail).toContain(named[0]);
    }
  });

  it('on 厂房 alone: the site demands split the same way and no shared building is over-let', async () => {
    const sites = await (await postJson(url('/match/resources/assign'), { kinds: ['site'] })).json();
    const openSites = [...demands.values()].filter((d) => d.kind === 'site').length;
    expect(sites.summary.openDemands).toBe(openSites);
    expect(sites.summary.served + sites.summary.infeasible + sites.summary.lostToCompetition).toBe(openSites);
    const area = new Map<string, number>();
    for (const a of sites.assignments) area.set(a.offerId, (area.get(a.offerId) ?? 0) + takes(demands.get(a.demandId)!));
    for (const [id, m2] of area) expect(m2, offers.get(id)!.title).toBeLessThanOrEqual(offers.get(id)!.areaM2);
    console.info(
      `seed 厂房: ${openSites} open, ${sites.summary.served} served, ${sites.summary.infeasible} infeasible, ${sites.summary.lostToCompetition} lost to competition`,
    );
  });
});
