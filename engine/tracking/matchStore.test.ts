import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import { Random } from '../../seed/generate/random.ts';
import { syntheticUscc } from '../../seed/generate/uscc.ts';
import { ConflictError, ForbiddenError, StaleVersionError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { loadGraph } from '../load/loadGraph.ts';
import type { Explanation } from '../match/explanation.ts';
import { ResourcesEngine } from '../resourcesEngine.ts';

/**
 * Tracked matches in a real Neo4j: only their owner or an admin moves them, only they read the notes
 * (issue 15 F2), and five agreements at once on an offer of capacity 1 book it once (F8).
 */
const random = new Random(1508);
const firms = Array.from({ length: 6 }, (_, i) => ({ id: syntheticUscc('320113', random), name: `南京测试并发${i + 1}有限公司` }));
const explanation: Explanation = { signals: [], paths: [], confidence: 'weak', reason: '测试' };
const admin = { name: 'root', admin: true };
const demandIds = firms.slice(1).map((_, i) => `trk.d${i + 1}`);

describe('tracked matches: ownership, privacy and agreement under concurrency', () => {
  let graph: Graph;
  let engine: ResourcesEngine;
  const contacted = async (subjectId: string, candidateId: string, owner = 'a') => {
    const m = await engine.recordMatch({ kind: 'resource', subjectId, candidateId, score: 0.5, units: 1, explanation, note: '私下备注' }, owner);
    return engine.updateMatch(m.id, { status: 'contacted', note: '已电话联系' }, owner);
  };

  beforeAll(async () => {
    graph = await testGraph();
    engine = new ResourcesEngine(graph);
    const blank = {
      description: '',
      floorLoadKnM2: null,
      amountWan: null,
      ratePct: null,
      termMonths: null,
      availableFrom: null,
      availableUntil: null,
      status: 'open',
      source: 'synthetic',
    };
    await loadGraph(graph, {
      nodes: [
        { label: 'Park', rows: [{ id: 'trk.park', name: '测试并发园区', sectorId: 'trk.sector', description: '', source: 'synthetic' }] },
        {
          label: 'Enterprise',
          rows: firms.map((f) => ({
            ...f,
            local: true,
            kind: 'industrial',
            province: '江苏省',
            city: '南京市',
            size: 'small',
            revenueWan: 5000,
            employees: 80,
            tags: [],
            description: '测试',
            businessScope: '测试',
            foundedYear: 2015,
            techLoanWan: 0,
            source: 'synthetic',
          })),
        },
        {
          label: 'Offer',
          rows: [{ ...blank, id: 'trk.o1', kind: 'site', title: '唯一厂房', areaM2: 3000, certifications: [], price: 20, parkId: 'trk.park', capacity: 1 }],
        },
        {
          label: 'Demand',
          rows: demandIds.map((id) => ({
            id,
            kind: 'site',
            title: id,
            description: '',
            minAreaM2: 1000,
            idealAreaM2: 1200,
            minFloorLoadKnM2: null,
            requiredCertifications: [],
            maxPrice: 50,
            amountWan: null,
            maxRatePct: null,
            minTermMonths: null,
            parkAllowList: ['trk.park'],
            neededFrom: null,
            neededUntil: null,
            quantity: 1,
            status: 'open',
            source: 'synthetic',
          })),
        },
      ],
      relationships: [
        { type: 'OFFERS', from: 'Enterprise', to: 'Offer', rows: [{ from: firms[0].id, to: 'trk.o1' }] },
        { type: 'HAS_DEMAND', from: 'Enterprise', to: 'Demand', rows: demandIds.map((id, i) => ({ from: firms[i + 1].id, to: id })) },
      ],
    });
  });
  afterAll(async () => {
    await graph.run("MATCH (m:Match) WHERE m.candidateId = 'trk.o1' OR m.subjectId STARTS WITH 'trk.' DELETE m");
    await graph.run("MATCH (n) WHERE (n:Offer OR n:Demand OR n:Park) AND n.id STARTS WITH 'trk.' DETACH DELETE n");
    await graph.run('MATCH (n:Enterprise) WHERE n.id IN $ids DETACH DELETE n', { ids: firms.map((f) => f.id) });
    await graph.close();
  });

  it('lets only the owner or an admin move a match, and shows owner and notes to them alone', async () => {
    const m = await contacted(firms[1].id, firms[2].id);
    expect(m).toMatchObject({ createdBy: 'a', version: 2 });
    await expect(engine.updateMatch(m.id, { status: 'declined' }, 'w')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await engine.getMatch(m.id)).status).toBe('contacted');

    for (const viewer of [undefined, 'w']) {
      const seen = await engine.getMatch(m.id, viewer);
      expect(seen).not.toHaveProperty('createdBy');
      expect(seen.history).toEqual(m.history.map(({ from, to, at }) => ({ from, to, at })));
      const listed = (await engine.listMatches({ limit: 200 }, viewer)).items.find((x) => x.id === m.id)!;
      expect(JSON.stringify(listed)).not.toMatch(/私下备注|已电话联系|"a"/);
      const table = await engine.matchTable({}, viewer);
      expect(JSON.stringify(table.rows)).not.toMatch(/私下备注|已电话联系/);
    }
    expect((await engine.getMatch(m.id, 'a')).history.map((h) => h.note)).toEqual(['私下备注', '已电话联系']);
    expect((await engine.getMatch(m.id, admin)).createdBy).toBe('a');

    await expect(engine.updateMatch(m.id, { status: 'declined' }, 'a', 1)).rejects.toBeInstanceOf(StaleVersionError);
    const declined = await engine.updateMatch(m.id, { status: 'declined', note: '管理员关闭' }, admin, 2);
    expect(declined).toMatchObject({ status: 'declined', version: 3 });
    expect(declined.history.at(-1)).toMatchObject({ actor: 'root', note: '管理员关闭' });
  });

  it('books an offer of capacity 1 once when five agreements arrive at once; the other four are 409 naming the capacity', async () => {
    const matches = await Promise.all(demandIds.map((d) => contacted(d, 'trk.o1')));
    const outcomes = await Promise.allSettled(matches.map((m) => engine.updateMatch(m.id, { status: 'agreed' }, 'a')));
    const agreed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(agreed).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const error of refused) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toMatch(/offer "trk\.o1" has 0 of 1 units left/);
    }
    const [stored] = await graph.query<{ n: number }>("MATCH (m:Match {candidateId: 'trk.o1', status: 'agreed'}) RETURN count(m) AS n");
    expect(stored.n).toBe(1);
    // A booked-out offer is no longer "remaining: -4": it has 0 left.
    const ranked = await engine.matchResources({ offerId: 'trk.o1', limit: 10, includeDeclined: false, useOutcomes: false });
    if (ranked.direction !== 'demands-for-offer') throw new Error('wrong direction');
    expect(ranked.remaining).toBe(0);
  });
});
