import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAssignmentProblem } from './assignmentProblem.ts';
import { assignResources } from './assignResources.ts';
import { rankOffersForDemand } from './rankResources.ts';
import { bareParty, type DemandContext, type OfferContext } from './resourceTypes.ts';
import { resourceFit, resourceSignalValues } from './softSignals.ts';
import { demandOf, offerOf } from './testContexts.ts';

/**
 * The hard constraints restated from docs/resources.md §1, written independently of
 * hardConstraints.ts so that a mistake there is caught here.
 */
function meetsEveryHardConstraint(d: DemandContext, o: OfferContext): boolean {
  const need = d.demand;
  const has = o.offer;
  if (has.kind !== need.kind || o.remaining < 1 || o.owner.id === d.owner.id) return false;
  if (o.remainingSize !== null && o.remainingSize < sizeOf(d)) return false; // whatever the reason, too little is left
  if (need.requiredCertifications.some((c) => !has.certifications.includes(c))) return false;
  if (need.minAreaM2 !== null && (has.areaM2 === null || has.areaM2 < need.minAreaM2)) return false;
  if (need.minFloorLoadKnM2 !== null && (has.floorLoadKnM2 === null || has.floorLoadKnM2 < need.minFloorLoadKnM2)) return false;
  if (need.maxPrice !== null && has.price !== null && has.price > need.maxPrice) return false;
  if (need.amountWan !== null && (has.amountWan === null || has.amountWan < need.amountWan)) return false;
  if (need.maxRatePct !== null && (has.ratePct === null || has.ratePct > need.maxRatePct)) return false;
  if (need.minTermMonths !== null && (has.termMonths === null || has.termMonths < need.minTermMonths)) return false;
  if (need.parkAllowList.length > 0 && (o.parkId === null || !need.parkAllowList.includes(o.parkId))) return false;
  if (need.neededFrom !== null && has.availableFrom !== null && Date.parse(has.availableFrom) > Date.parse(need.neededFrom)) return false;
  const until = need.neededUntil ?? need.neededFrom;
  if (until !== null && has.availableUntil !== null && Date.parse(has.availableUntil) < Date.parse(until)) return false;
  return true;
}

/** docs/resources.md §4.1 restated: a unit of a site or land demand takes its minimum area, of a loan or policy demand its amount. */
function sizeOf(d: DemandContext): number {
  const need = d.demand;
  return need.kind === 'site' || need.kind === 'land' ? (need.minAreaM2 ?? 0) : need.kind === 'loan' || need.kind === 'policy' ? (need.amountWan ?? 0) : 0;
}

/** An offer's quantity capacity restated: a building's or plot's whole area; a loan's or subsidy's per-firm ceiling × its count. */
function poolOf(o: Generated<typeof offerArb>): number | null {
  if (o.kind === 'site' || o.kind === 'land') return o.areaM2;
  if (o.kind === 'loan') return o.amountWan === null ? null : o.amountWan * o.capacity;
  return null;
}

const firms = ['f1', 'f2', 'f3'].map((id) => bareParty(id, 'Enterprise'));
const parks = ['p1', 'p2'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const date = fc.constantFrom('2026-01-01', '2026-06-01', '2027-01-01');
const kind = fc.constantFrom('site' as const, 'land' as const, 'loan' as const);
const certs = fc.subarray(['GMP', 'CNAS']);

const demandArb = fc.record({
  kind,
  minAreaM2: maybe(fc.constantFrom(1000, 3000, 6000)),
  minFloorLoadKnM2: maybe(fc.constantFrom(5, 8)),
  requiredCertifications: certs,
  maxPrice: maybe(fc.constantFrom(20, 40)),
  amountWan: maybe(fc.constantFrom(200, 1000)),
  maxRatePct: maybe(fc.constantFrom(3.5, 4.5)),
  minTermMonths: maybe(fc.constantFrom(12, 36)),
  parkAllowList: fc.subarray(parks),
  neededFrom: maybe(date),
  neededUntil: maybe(date),
  quantity: fc.integer({ min: 1, max: 3 }),
  owner: fc.integer({ min: 0, max: 2 }),
});
const offerArb = fc.record({
  kind,
  areaM2: maybe(fc.constantFrom(800, 3000, 8000)),
  floorLoadKnM2: maybe(fc.constantFrom(5, 10)),
  certifications: certs,
  price: maybe(fc.constantFrom(15, 30, 45)),
  amountWan: maybe(fc.constantFrom(500, 2000)),
  ratePct: maybe(fc.constantFrom(3.2, 4)),
  termMonths: maybe(fc.constantFrom(12, 24, 36)),
  parkId: maybe(fc.constantFrom(...parks)),
  availableFrom: maybe(date),
  availableUntil: maybe(date),
  capacity: fc.integer({ min: 1, max: 3 }),
  taken: fc.integer({ min: 0, max: 3 }),
  sizeTaken: fc.constantFrom(0, 0, 1500),
  owner: fc.integer({ min: -1, max: 2 }),
});
const marketArb = fc.record({ demands: fc.array(demandArb, { minLength: 1, maxLength: 12 }), offers: fc.array(offerArb, { minLength: 1, maxLength: 10 }) });

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

function market(m: { demands: Generated<typeof demandArb>[]; offers: Generated<typeof offerArb>[] }) {
  const demands: DemandContext[] = m.demands.map(({ owner, ...attrs }, i) => demandOf(`d${String(i).padStart(2, '0')}`, attrs, firms[owner]));
  const offers: OfferContext[] = m.offers.map((generated, i) => {
    const { owner, taken, sizeTaken, ...attrs } = generated;
    const o = offerOf(`o${String(i).padStart(2, '0')}`, attrs, owner < 0 ? bareParty('park.owner', 'Park') : firms[owner], Math.max(0, attrs.capacity - taken));
    const pool = poolOf(generated);
    // Agreed matches may have taken part of the quantity too.
    return { ...o, remainingSize: pool === null ? null : pool - sizeTaken };
  });
  return { demands, offers };
}

describe('resource matching invariants (random markets)', () => {
  it('no assignment breaks a hard constraint, a count or a quantity capacity; the summary splits every open demand; unmet demands truly have no feasible offer', async () => {
    await fc.assert(
      fc.asyncProperty(marketArb, async (m) => {
        const { demands, offers } = market(m);
        const result = await assignResources(demands, offers, { objective: 'total-fit' });
        const demand = new Map(demands.map((d) => [d.demand.id, d]));
        const offer = new Map(offers.map((o) => [o.offer.id, o]));
        const perOffer = new Map<string, number>();
        const sizePerOffer = new Map<string, number>();
        const perDemand = new Map<string, number>();
        for (const a of result.assignments) {
          expect(meetsEveryHardConstraint(demand.get(a.demandId)!, offer.get(a.offerId)!), `${a.demandId} → ${a.offerId}`).toBe(true);
          expect(a.units).toBeGreaterThanOrEqual(1);
          perOffer.set(a.offerId, (perOffer.get(a.offerId) ?? 0) + a.units);
          sizePerOffer.set(a.offerId, (sizePerOffer.get(a.offerId) ?? 0) + a.units * sizeOf(demand.get(a.demandId)!));
          perDemand.set(a.demandId, (perDemand.get(a.demandId) ?? 0) + a.units);
        }
        for (const [id, units] of perOffer) expect(units).toBeLessThanOrEqual(offer.get(id)!.remaining);
        for (const [id, size] of sizePerOffer) expect(size, `quantity of ${id}`).toBeLessThanOrEqual((offer.get(id)!.remainingSize ?? Infinity) + 1e-6);
        const s = result.summary;
        expect(s.served + s.infeasible + s.lostToCompetition).toBe(s.openDemands);
        expect([s.openDemands, s.served, s.infeasible, s.lostToCompetition]).toEqual([
          demands.length,
          perDemand.size,
          result.unmet.length,
          result.unassigned.length,
        ]);
        for (const [id, units] of perDemand) expect(units).toBeLessThanOrEqual(demand.get(id)!.demand.quantity);
        for (const u of result.unmet) {
          expect(offers.some((o) => meetsEveryHardConstraint(demand.get(u.demandId)!, o))).toBe(false);
          expect(u.excludedBy.length).toBeGreaterThan(0);
        }
        // A demand left out while it had a feasible offer must have lost it to competition: every such offer is
        // full by count or has too little quantity left for it, and the winners named are the ones assigned there.
        for (const u of result.unassigned) {
          const d = demand.get(u.demandId)!;
          for (const o of offers.filter((x) => meetsEveryHardConstraint(d, x))) {
            const countFull = (perOffer.get(o.offer.id) ?? 0) === o.remaining;
            const sizeFull = o.remainingSize !== null && o.remainingSize - (sizePerOffer.get(o.offer.id) ?? 0) < sizeOf(d);
            expect(countFull || sizeFull, `${u.demandId} lost ${o.offer.id}`).toBe(true);
          }
          for (const t of u.takenBy) {
            const onOffer = result.assignments
              .filter((a) => a.offerId === t.offerId)
              .map((a) => a.demandId)
              .sort();
            expect(t.winners.map((w) => w.demandId).sort()).toEqual(onOffer);
          }
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it('never lets a shared building’s area, or a loan product’s amount, be exceeded (markets where they compete)', async () => {
    const sharedArb = fc.record({
      demands: fc.array(fc.record({ kind: fc.constantFrom('site' as const, 'loan' as const), need: fc.constantFrom(1000, 2500, 4400, 4900) }), {
        minLength: 2,
        maxLength: 10,
      }),
      offers: fc.array(
        fc.record({
          kind: fc.constantFrom('site' as const, 'loan' as const),
          has: fc.constantFrom(3000, 4900, 8000),
          capacity: fc.integer({ min: 1, max: 3 }),
          sizeTaken: fc.constantFrom(0, 0, 1000),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(sharedArb, async (m) => {
        const demands = m.demands.map((d, i) =>
          demandOf(`d${i}`, d.kind === 'site' ? { kind: 'site', minAreaM2: d.need } : { kind: 'loan', amountWan: d.need / 10 }, firms[i % 3]),
        );
        const offers = m.offers.map((o, i) => {
          const attrs =
            o.kind === 'site'
              ? { kind: 'site' as const, areaM2: o.has, capacity: o.capacity }
              : { kind: 'loan' as const, amountWan: o.has / 10, ratePct: 3, termMonths: 12, capacity: o.capacity };
          const context = offerOf(`o${i}`, attrs);
          return { ...context, remainingSize: (o.kind === 'site' ? o.has : (o.has / 10) * o.capacity) - (o.kind === 'site' ? o.sizeTaken : o.sizeTaken / 10) };
        });
        const result = await assignResources(demands, offers);
        const taken = new Map<string, number>();
        const count = new Map<string, number>();
        for (const a of result.assignments) {
          taken.set(a.offerId, (taken.get(a.offerId) ?? 0) + sizeOf(demands.find((d) => d.demand.id === a.demandId)!));
          count.set(a.offerId, (count.get(a.offerId) ?? 0) + a.units);
        }
        for (const o of offers) {
          expect(taken.get(o.offer.id) ?? 0, `quantity of ${o.offer.id}`).toBeLessThanOrEqual(o.remainingSize! + 1e-6);
          expect(count.get(o.offer.id) ?? 0).toBeLessThanOrEqual(o.remaining);
        }
        expect(result.summary.served + result.summary.infeasible + result.summary.lostToCompetition).toBe(demands.length);
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });

  it('ranked offers are exactly the feasible ones, best first', () => {
    fc.assert(
      fc.property(marketArb, (m) => {
        const { demands, offers } = market(m);
        for (const d of demands) {
          const ranked = rankOffersForDemand(d, offers, { limit: 100 });
          const feasible = offers.filter((o) => meetsEveryHardConstraint(d, o));
          expect(ranked.candidates.map((c) => c.offer.id).sort()).toEqual(feasible.map((o) => o.offer.id).sort());
          for (let i = 1; i < ranked.candidates.length; i++) expect(ranked.candidates[i - 1].score).toBeGreaterThanOrEqual(ranked.candidates[i].score - 1e-4);
          for (const c of ranked.candidates)
            expect(c.score).toBeCloseTo(
              c.explanation.signals.reduce((s, x) => s + x.contribution, 0),
              3,
            );
          expect(ranked.feasible + ranked.excludedBy.length > 0 || offers.length === 0).toBe(true);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('gives the solver the same fit the explanations show, and keeps each demand’s best feasible offers', () => {
    fc.assert(
      fc.property(marketArb, fc.integer({ min: 1, max: 4 }), (m, k) => {
        const { demands, offers } = market(m);
        const built = buildAssignmentProblem(demands, offers, { edgesPerDemand: k });
        const offer = new Map(offers.map((o) => [o.offer.id, o]));
        for (const d of demands) {
          const edges = built.problem.edges.filter((e) => e.demandId === d.demand.id);
          const fits = offers
            .filter((o) => meetsEveryHardConstraint(d, o))
            .map((o) => resourceFit(resourceSignalValues(d, o)))
            .sort((a, b) => b - a);
          expect(edges.map((e) => e.fit)).toHaveLength(Math.min(k, fits.length));
          edges.forEach((e, i) => {
            expect(e.fit).toBeCloseTo(resourceFit(resourceSignalValues(d, offer.get(e.offerId)!)), 9);
            expect(e.fit).toBeCloseTo(fits[i], 9);
          });
          expect(built.feasibleOffers.get(d.demand.id)).toBe(fits.length);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('finds the optimum a brute force finds on small single-unit markets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          demands: fc.array(
            demandArb.map((d) => ({ ...d, quantity: 1 })),
            { minLength: 1, maxLength: 5 },
          ),
          offers: fc.array(offerArb, { minLength: 1, maxLength: 4 }),
        }),
        async (m) => {
          const { demands, offers } = market(m);
          const fit = (d: DemandContext, o: OfferContext) => resourceFit(resourceSignalValues(d, o));
          const best = (i: number, left: number[], room: number[]): number => {
            if (i === demands.length) return 0;
            let value = best(i + 1, left, room);
            const size = sizeOf(demands[i]);
            offers.forEach((o, j) => {
              if (left[j] > 0 && room[j] >= size && meetsEveryHardConstraint(demands[i], o)) {
                left[j]--;
                room[j] -= size;
                value = Math.max(value, fit(demands[i], o) + best(i + 1, left, room));
                left[j]++;
                room[j] += size;
              }
            });
            return value;
          };
          const result = await assignResources(demands, offers);
          expect(result.totals.totalFit).toBeCloseTo(
            best(
              0,
              offers.map((o) => o.remaining),
              offers.map((o) => o.remainingSize ?? Infinity),
            ),
            3,
          );
        },
      ),
      { numRuns: 100, seed: 42 },
    );
  });
});
