import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../../scripts/test/testGraph.ts';
import { Random } from '../../../seed/generate/random.ts';
import { syntheticUscc } from '../../../seed/generate/uscc.ts';
import { ConflictError } from '../../core/errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { GraphBatch } from '../../load/graphBatch.ts';
import { loadGraph } from '../../load/loadGraph.ts';
import { ResourcesEngine } from '../../resourcesEngine.ts';
import type { Explanation } from '../explanation.ts';

/**
 * A hand-made market in a real Neo4j with a known optimum. Park A has a cheap GMP site (o1) and a
 * dearer plain one (o2); park B one site for two tenants (o3, capacity 2).
 *   d1 (listed first) takes either site in A and prefers the cheaper o1; d2 needs GMP, so only o1.
 *     First-come greedy gives d1 o1 and leaves d2 with nothing; the optimum is d1 → o2, d2 → o1.
 *   d3 and d4 both fit only o3, whose capacity 2 and 3,000 m² serve both (1,400 m² each).
 *   d5 needs 20,000 m²: no site anywhere is that large, so the area constraint excludes every offer.
 * Park C is issue 13's case: 通用厂房 13号楼 (o4), 4,900 m² for at most 2 tenants, wanted by d6 (4,400 m²)
 *   and d7 (4,900 m²). Its count would take both (9,300 m²); its area takes one.
 */
const random = new Random(2026);
const firms = Array.from({ length: 7 }, (_, i) => ({ id: syntheticUscc('320113', random), name: `南京测试资源需求${i + 1}有限公司` }));
const blankOffer = {
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
const blankDemand = {
  description: '',
  minFloorLoadKnM2: null,
  amountWan: null,
  maxRatePct: null,
  minTermMonths: null,
  neededFrom: null,
  neededUntil: null,
  quantity: 1,
  status: 'open',
  source: 'synthetic',
};
const siteDemand = (id: string, minAreaM2: number, park: string, extra: Record<string, unknown> = {}) => ({
  ...blankDemand,
  id,
  kind: 'site',
  title: id,
  minAreaM2,
  idealAreaM2: minAreaM2 * 1.25,
  requiredCertifications: [],
  maxPrice: 50,
  parkAllowList: [park],
  ...extra,
});

const fixture: GraphBatch = {
  nodes: [
    {
      label: 'Park',
      rows: ['a', 'b', 'c'].map((p) => ({
        id: `fxr.park.${p}`,
        name: `测试园区${p.toUpperCase()}`,
        sectorId: 'fxr.sector',
        description: '',
        source: 'synthetic',
      })),
    },
    {
      label: 'Enterprise',
      rows: firms.map((f) => ({
        id: f.id,
        name: f.name,
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
      rows: [
        { ...blankOffer, id: 'fxr.o1', kind: 'site', title: 'GMP厂房', areaM2: 5000, certifications: ['GMP'], price: 20, parkId: 'fxr.park.a', capacity: 1 },
        { ...blankOffer, id: 'fxr.o2', kind: 'site', title: '通用厂房', areaM2: 5000, certifications: [], price: 40, parkId: 'fxr.park.a', capacity: 1 },
        { ...blankOffer, id: 'fxr.o3', kind: 'site', title: '双租户厂房', areaM2: 3000, certifications: [], price: 30, parkId: 'fxr.park.b', capacity: 2 },
        { ...blankOffer, id: 'fxr.o4', kind: 'site', title: '通用厂房 13号楼', areaM2: 4900, certifications: [], price: 30, parkId: 'fxr.park.c', capacity: 2 },
      ],
    },
    {
      label: 'Demand',
      rows: [
        siteDemand('fxr.d1', 4000, 'fxr.park.a'),
        siteDemand('fxr.d2', 4000, 'fxr.park.a', { requiredCertifications: ['GMP'] }),
        siteDemand('fxr.d3', 1400, 'fxr.park.b'),
        siteDemand('fxr.d4', 1400, 'fxr.park.b'),
        siteDemand('fxr.d5', 20000, 'fxr.park.a', { requiredCertifications: ['GMP'] }),
        siteDemand('fxr.d6', 4400, 'fxr.park.c'),
        siteDemand('fxr.d7', 4900, 'fxr.park.c'),
      ],
    },
  ],
  relationships: [
    {
      type: 'OFFERS',
      from: 'Park',
      to: 'Offer',
      rows: [
        { from: 'fxr.park.a', to: 'fxr.o1' },
        { from: 'fxr.park.a', to: 'fxr.o2' },
        { from: 'fxr.park.b', to: 'fxr.o3' },
        { from: 'fxr.park.c', to: 'fxr.o4' },
      ],
    },
    { type: 'HAS_DEMAND', from: 'Enterprise', to: 'Demand', rows: firms.map((f, i) => ({ from: f.id, to: `fxr.d${i + 1}` })) },
    { type: 'LOCATED_IN', from: 'Enterprise', to: 'Park', rows: [{ from: firms[0].id, to: 'fxr.park.a' }] },
  ],
};

const demandIds = ['fxr.d1', 'fxr.d2', 'fxr.d3', 'fxr.d4', 'fxr.d5'];
const pairs = (r: { assignments: { demandId: string; offerId: string; units: number }[] }) =>
  r.assignments.map((a) => `${a.demandId}→${a.offerId}×${a.units}`).sort();

describe('global resource assignment on a hand-made market in Neo4j', () => {
  let graph: Graph;
  let engine: ResourcesEngine;
  const cleanup = async () => {
    await graph.run("MATCH (n) WHERE n.id STARTS WITH 'fxr.' OR n.id IN $firms DETACH DELETE n", { firms: firms.map((f) => f.id) });
    await graph.run("MATCH (m:Match) WHERE m.subjectId STARTS WITH 'fxr.' DELETE m");
  };
  beforeAll(async () => {
    graph = await testGraph();
    await cleanup();
    await loadGraph(graph, fixture);
    engine = new ResourcesEngine(graph);
  });
  afterAll(async () => {
    await cleanup();
    await graph.close();
  });

  it('finds the known optimum, which beats first-come greedy, and fills a capacity-2 offer twice', async () => {
    const result = await engine.assign({ demandIds, objective: 'total-fit', includeDeclined: false, useOutcomes: false });
    expect(pairs(result)).toEqual(['fxr.d1→fxr.o2×1', 'fxr.d2→fxr.o1×1', 'fxr.d3→fxr.o3×1', 'fxr.d4→fxr.o3×1']);
    expect(result.totals.demandsServed).toBe(4);
    expect(result.baseline!.demandsServed).toBe(3);
    expect(result.totals.totalFit).toBeGreaterThan(result.baseline!.totalFit);
    for (const a of result.assignments) {
      expect(a.explanation.signals.map((s) => s.signal)).toEqual(['size', 'price', 'location', 'proximity', 'tier', 'channel']);
      expect(a.explanation.paths.some((p) => p.relationships.some((r) => r.type === 'OFFERS' && r.to === a.offerId))).toBe(true);
    }
    const d1 = result.assignments.find((a) => a.demandId === 'fxr.d1')!;
    expect(d1.explanation.paths.find((p) => p.signal === 'location')?.relationships).toEqual([
      { type: 'LOCATED_IN', from: firms[0].id, to: 'fxr.park.a' },
      { type: 'OFFERS', from: 'fxr.park.a', to: 'fxr.o2' },
    ]);
  });

  it('lists the demand nothing can meet with the constraint that excluded every offer', async () => {
    const result = await engine.assign({ demandIds, objective: 'total-fit', includeDeclined: false, useOutcomes: false });
    expect(result.unmet.map((u) => u.demandId)).toEqual(['fxr.d5']);
    const [d5] = result.unmet;
    expect(d5.excludedEveryOffer).toEqual(['area']);
    expect(d5.excludedBy.find((x) => x.constraint === 'area')!.offers).toBe(d5.sameKindOffers);
    expect(d5.excludedBy.find((x) => x.constraint === 'certification')!.offers).toBeGreaterThanOrEqual(2);
    expect(d5.reason).toContain('面积不足');
    expect(result.blocking.find((b) => b.constraint === 'area')?.demands).toBe(1);
  });

  it('ranks a demand’s feasible offers, best first, and says what excluded the rest', async () => {
    const result = await engine.matchResources({ demandId: 'fxr.d1', limit: 10, includeDeclined: false, useOutcomes: false });
    if (result.direction !== 'offers-for-demand') throw new Error('wrong direction');
    expect(result.candidates.map((c) => c.offer.id)).toEqual(['fxr.o1', 'fxr.o2']);
    expect(result.candidates[0].explanation.signals.find((s) => s.signal === 'price')!.value).toBeGreaterThan(
      result.candidates[1].explanation.signals.find((s) => s.signal === 'price')!.value,
    );
    expect(result.excludedBy.find((x) => x.constraint === 'park')!.count).toBeGreaterThanOrEqual(1);
    // The reverse; seeded site demands without a park allow-list may qualify too when the seed is loaded.
    const reverse = await engine.matchResources({ offerId: 'fxr.o1', limit: 100, includeDeclined: false, useOutcomes: false });
    if (reverse.direction !== 'demands-for-offer') throw new Error('wrong direction');
    expect(
      reverse.candidates
        .map((c) => c.demand.id)
        .filter((id) => id.startsWith('fxr.'))
        .sort(),
    ).toEqual(['fxr.d1', 'fxr.d2']);
    for (const c of reverse.candidates) expect(c.demand.minAreaM2 ?? 0).toBeLessThanOrEqual(5000);
  });

  it('does not propose a declined pair again unless asked, and counts agreed matches against capacity', async () => {
    const explanation: Explanation = { signals: [], paths: [], confidence: 'weak', reason: 'test' };
    const declined = await engine.recordMatch({ kind: 'resource', subjectId: 'fxr.d3', candidateId: 'fxr.o3', score: 0.5, units: 1, explanation }, 'tester');
    await engine.updateMatch(declined.id, { status: 'declined', note: '不合适' }, 'tester');

    const withoutDeclined = await engine.assign({ demandIds, objective: 'total-fit', includeDeclined: false, useOutcomes: false });
    expect(pairs(withoutDeclined)).not.toContain('fxr.d3→fxr.o3×1');
    // Every feasible pair of d3 was declined: infeasible, naming the rule that excluded it.
    expect(withoutDeclined.unmet).toContainEqual(expect.objectContaining({ demandId: 'fxr.d3', excludedEveryOffer: ['declined'] }));
    expect(withoutDeclined.unassigned.map((u) => u.demandId)).not.toContain('fxr.d3');
    const ranked = await engine.matchResources({ demandId: 'fxr.d3', limit: 10, includeDeclined: false, useOutcomes: false });
    expect(ranked.candidates).toHaveLength(0);
    expect(ranked.declinedHidden).toBe(1);
    const asked = await engine.matchResources({ demandId: 'fxr.d3', limit: 10, includeDeclined: true, useOutcomes: false });
    expect(asked.candidates).toHaveLength(1);

    // d4 agrees on o3: one of o3's two units is taken and d4 is no longer open.
    const agreed = await engine.recordMatch({ kind: 'resource', subjectId: 'fxr.d4', candidateId: 'fxr.o3', score: 0.5, units: 1, explanation }, 'tester');
    await engine.updateMatch(agreed.id, { status: 'contacted' }, 'tester');
    await engine.updateMatch(agreed.id, { status: 'agreed' }, 'tester');
    const after = await engine.assign({ demandIds, objective: 'total-fit', includeDeclined: true, useOutcomes: false });
    expect(pairs(after)).toEqual(['fxr.d1→fxr.o2×1', 'fxr.d2→fxr.o1×1', 'fxr.d3→fxr.o3×1']);
    expect(after.totals.demands).toBe(4);
  });

  it('gives a 4,900 m² building of count capacity 2 to one of the firms needing 4,400 and 4,900 m²; the other is lost to competition, naming the winner', async () => {
    const result = await engine.assign({
      demandIds: ['fxr.d6', 'fxr.d7'],
      kinds: ['site'],
      objective: 'total-fit',
      includeDeclined: false,
      useOutcomes: false,
    });
    expect(result.assignments.map((a) => a.offerId)).toEqual(['fxr.o4']);
    const [won] = result.assignments;
    expect(won.quantity).toEqual({ taken: won.demandId === 'fxr.d6' ? 4400 : 4900, unit: 'm²' });
    expect(result.summary).toEqual({ openDemands: 2, served: 1, partiallyServed: 0, infeasible: 0, lostToCompetition: 1 });
    const [lost] = result.unassigned;
    expect(lost.demandId).not.toBe(won.demandId);
    expect(lost.takenBy).toEqual([
      expect.objectContaining({
        offerId: 'fxr.o4',
        full: 'quantity',
        winners: [expect.objectContaining({ demandId: won.demandId, ownerName: won.demandOwner.name })],
      }),
    ]);
    expect(lost.detail).toContain(won.demandOwner.name);
    expect(lost.detail).toContain('通用厂房 13号楼');
    // First-come greedy keeps the size too.
    expect(result.baseline!.demandsServed).toBe(1);
  });

  it('counts an agreed tenant’s area against the building: the 4,900 m² firm can no longer fit, for want of what is left', async () => {
    const explanation: Explanation = { signals: [], paths: [], confidence: 'weak', reason: 'test' };
    const agreed = await engine.recordMatch({ kind: 'resource', subjectId: 'fxr.d6', candidateId: 'fxr.o4', score: 0.5, units: 1, explanation }, 'tester');
    await engine.updateMatch(agreed.id, { status: 'contacted' }, 'tester');
    await engine.updateMatch(agreed.id, { status: 'agreed' }, 'tester');
    const result = await engine.assign({ demandIds: ['fxr.d7'], kinds: ['site'], objective: 'total-fit', includeDeclined: false, useOutcomes: false });
    expect(result.assignments).toEqual([]);
    expect(result.summary).toMatchObject({ openDemands: 1, served: 0, infeasible: 1, lostToCompetition: 0 });
    // 13号楼 is the one site in park C: excluded for want of what is left, every other site by the park.
    expect(result.unmet[0].excludedBy).toContainEqual(expect.objectContaining({ constraint: 'capacity', offers: 1 }));
    expect(result.unmet[0].excludedBy.find((x) => x.constraint === 'park')!.offers).toBe(result.unmet[0].sameKindOffers - 1);
    const ranked = await engine.matchResources({ offerId: 'fxr.o4', limit: 100, includeDeclined: false, useOutcomes: false });
    if (ranked.direction !== 'demands-for-offer') throw new Error('wrong direction');
    expect(ranked.remainingSize).toBe(500);
    expect(ranked.candidates.map((c) => c.demand.id)).not.toContain('fxr.d7');
    // Nor can a person agree it by hand: 4,900 m² do not fit in the 500 m² left.
    const second = await engine.recordMatch({ kind: 'resource', subjectId: 'fxr.d7', candidateId: 'fxr.o4', score: 0.5, units: 1, explanation }, 'tester');
    await engine.updateMatch(second.id, { status: 'contacted' }, 'tester');
    const refused = await engine.updateMatch(second.id, { status: 'agreed' }, 'tester').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).message).toContain('500 m² left');
    expect((await engine.getMatch(second.id)).status).toBe('contacted');
  });
});
