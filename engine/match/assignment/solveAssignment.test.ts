import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.ts';
import { randomProblem } from './randomMarket.ts';
import { greedyAssignment } from './greedyAssignment.ts';
import { solveAssignment } from './solveAssignment.ts';
import type { AssignmentProblem, AssignmentResult } from './types.ts';

// Fits are binary fractions (0.875, 0.75 …) so the totals below are exact in floating point.
type Edge = AssignmentProblem['edges'][number];
const edge = (demandId: string, offerId: string, fit: number, maxUnits?: number): Edge => ({ demandId, offerId, fit, maxUnits });
const units = (r: AssignmentResult) => r.assignments.map((a) => `${a.demandId}→${a.offerId}×${a.units}`).sort();
const served = (r: AssignmentResult) => r.assignments.reduce((s, a) => s + a.units, 0);

/** Every solver must keep every constraint of the transportation problem. */
function expectFeasible(problem: AssignmentProblem, r: AssignmentResult): void {
  const quantity = new Map(problem.demands.map((d) => [d.id, d.quantity]));
  const capacity = new Map(problem.offers.map((o) => [o.id, o.capacity]));
  const edges = new Map(problem.edges.map((e) => [`${e.demandId} ${e.offerId}`, e]));
  const byDemand = new Map<string, number>();
  const byOffer = new Map<string, number>();
  for (const a of r.assignments) {
    const e = edges.get(`${a.demandId} ${a.offerId}`);
    expect(e, `${a.demandId}→${a.offerId} is an edge`).toBeDefined();
    expect(a.fit).toBe(e!.fit);
    expect(Number.isInteger(a.units) && a.units > 0).toBe(true);
    expect(a.units).toBeLessThanOrEqual(e!.maxUnits ?? Infinity);
    byDemand.set(a.demandId, (byDemand.get(a.demandId) ?? 0) + a.units);
    byOffer.set(a.offerId, (byOffer.get(a.offerId) ?? 0) + a.units);
  }
  for (const [id, n] of byDemand) expect(n).toBeLessThanOrEqual(quantity.get(id)!);
  for (const [id, n] of byOffer) expect(n).toBeLessThanOrEqual(capacity.get(id)!);
  expect(r.unassigned).toEqual(problem.demands.filter((d) => !byDemand.has(d.id)).map((d) => d.id));
}

/** Exhaustive optimum of a tiny problem: best (units, fit) for 'coverage' and best fit for 'total-fit'. */
function bruteForce(problem: AssignmentProblem): { bestFit: number; maxUnits: number; bestFitAtMaxUnits: number } {
  const left = new Map<string, number>([
    ...problem.demands.map((d) => [`d:${d.id}`, d.quantity] as const),
    ...problem.offers.map((o) => [`o:${o.id}`, o.capacity] as const),
  ]);
  const best = { bestFit: 0, maxUnits: 0, bestFitAtMaxUnits: 0 };
  const visit = (i: number, n: number, fit: number) => {
    if (i === problem.edges.length) {
      best.bestFit = Math.max(best.bestFit, fit);
      if (n > best.maxUnits) Object.assign(best, { maxUnits: n, bestFitAtMaxUnits: fit });
      else if (n === best.maxUnits) best.bestFitAtMaxUnits = Math.max(best.bestFitAtMaxUnits, fit);
      return;
    }
    const e = problem.edges[i];
    const [d, o] = [`d:${e.demandId}`, `o:${e.offerId}`];
    const most = Math.min(left.get(d)!, left.get(o)!, e.maxUnits ?? Infinity);
    for (let x = 0; x <= most; x++) {
      left.set(d, left.get(d)! - x);
      left.set(o, left.get(o)! - x);
      visit(i + 1, n + x, fit + x * e.fit);
      left.set(d, left.get(d)! + x);
      left.set(o, left.get(o)! + x);
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Small random problems with ties (fits 0, ½, 1) as well as arbitrary fits, capacity 0 and pair limits. */
const problems = (maxDemands: number, maxOffers: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxDemands }), fc.integer({ min: 1, max: maxOffers }))
    .chain(([nd, no]) =>
      fc.record({
        quantities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: nd, maxLength: nd }),
        capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: no, maxLength: no }),
        edges: fc.uniqueArray(
          fc.record({
            d: fc.nat(nd - 1),
            o: fc.nat(no - 1),
            fit: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
            maxUnits: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
          }),
          { selector: (e) => `${e.d} ${e.o}`, maxLength: nd * no },
        ),
      }),
    )
    .map(({ quantities, capacities, edges }): AssignmentProblem => ({
      demands: quantities.map((quantity, i) => ({ id: `d${i}`, quantity })),
      offers: capacities.map((capacity, i) => ({ id: `o${i}`, capacity })),
      edges: edges.map((e) => edge(`d${e.d}`, `o${e.o}`, e.fit, e.maxUnits)),
    }));

describe.each(['highs', 'min-cost-flow'] as const)('solveAssignment with %s', (solver) => {
  it('(a) beats first-come greedy where greedy is wrong', async () => {
    // d1 comes first and grabs o1; the optimum gives o1 to d2 and o2 to d1.
    const problem: AssignmentProblem = {
      demands: [
        { id: 'd1', quantity: 1 },
        { id: 'd2', quantity: 1 },
      ],
      offers: [
        { id: 'o1', capacity: 1 },
        { id: 'o2', capacity: 1 },
      ],
      edges: [edge('d1', 'o1', 0.875), edge('d1', 'o2', 0.75), edge('d2', 'o1', 0.75), edge('d2', 'o2', 0.125)],
    };
    const greedy = greedyAssignment(problem);
    const result = await solveAssignment(problem, { solver });
    expect(greedy.totalFit).toBe(1);
    expect(result.totalFit).toBe(1.5);
    expect(units(result)).toEqual(['d1→o2×1', 'd2→o1×1']);
    expect(result).toMatchObject({ solver, status: 'Optimal', unassigned: [], prunedEdges: 0 });
  });

  it('(b) fills an offer of capacity 2 with the two demands that fit it best overall', async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: 'd1', quantity: 1 },
        { id: 'd2', quantity: 1 },
        { id: 'd3', quantity: 1 },
      ],
      offers: [
        { id: 'o1', capacity: 2 },
        { id: 'o2', capacity: 1 },
      ],
      edges: [edge('d1', 'o1', 1), edge('d1', 'o2', 0.625), edge('d2', 'o1', 0.875), edge('d3', 'o1', 0.75), edge('d3', 'o2', 0.5)],
    };
    const result = await solveAssignment(problem, { solver });
    expect(units(result)).toEqual(['d1→o1×1', 'd2→o1×1', 'd3→o2×1']);
    expect(result.totalFit).toBe(2.375);
  });

  it('(c) lists a demand with no feasible edge, and one whose only offer is full, as unassigned', async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: 'lonely', quantity: 1 },
        { id: 'd1', quantity: 1 },
        { id: 'late', quantity: 1 },
      ],
      offers: [
        { id: 'o1', capacity: 1 },
        { id: 'closed', capacity: 0 },
      ],
      edges: [edge('d1', 'o1', 0.5), edge('late', 'closed', 1)],
    };
    const result = await solveAssignment(problem, { solver });
    expect(units(result)).toEqual(['d1→o1×1']);
    expect(result.unassigned).toEqual(['lonely', 'late']);
    expect(result.totalFit).toBe(0.5);
  });

  it('(d) serves a demand of quantity 3 from two offers and still serves the other demand', async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: 'big', quantity: 3 },
        { id: 'd2', quantity: 1 },
      ],
      offers: [
        { id: 'o1', capacity: 2 },
        { id: 'o2', capacity: 2 },
      ],
      edges: [edge('big', 'o1', 1), edge('big', 'o2', 0.5), edge('d2', 'o2', 0.75)],
    };
    const result = await solveAssignment(problem, { solver });
    expect(units(result)).toEqual(['big→o1×2', 'big→o2×1', 'd2→o2×1']);
    expect(result.totalFit).toBe(3.25);
  });

  it('schedules a matchmaking event: slots as quantity and capacity, each pair meeting at most once', async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: '企业A', quantity: 2 },
        { id: '企业B', quantity: 2 },
      ],
      offers: [
        { id: '研究所X', capacity: 3 },
        { id: '研究所Y', capacity: 1 },
      ],
      edges: [edge('企业A', '研究所X', 1, 1), edge('企业A', '研究所Y', 0.5, 1), edge('企业B', '研究所X', 0.875, 1), edge('企业B', '研究所Y', 0.25, 1)],
    };
    const result = await solveAssignment(problem, { solver });
    expect(units(result)).toEqual(['企业A→研究所X×1', '企业A→研究所Y×1', '企业B→研究所X×1']);
    expect(result.totalFit).toBe(2.375);
  });

  it("'coverage' serves more demands at a lower fit where 'total-fit' would not", async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: 'd1', quantity: 1 },
        { id: 'd2', quantity: 1 },
      ],
      offers: [
        { id: 'o1', capacity: 1 },
        { id: 'o2', capacity: 1 },
      ],
      edges: [edge('d1', 'o1', 1), edge('d1', 'o2', 0.0625), edge('d2', 'o1', 0.125)],
    };
    const byFit = await solveAssignment(problem, { solver, objective: 'total-fit' });
    const byCoverage = await solveAssignment(problem, { solver, objective: 'coverage' });
    expect([units(byFit), byFit.totalFit, byFit.unassigned]).toEqual([['d1→o1×1'], 1, ['d2']]);
    expect([units(byCoverage), byCoverage.totalFit]).toEqual([['d1→o2×1', 'd2→o1×1'], 0.1875]);
  });

  it('keeps only the best maxEdgesPerDemand edges of each demand', async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: 'd1', quantity: 1 },
        { id: 'd2', quantity: 1 },
      ],
      offers: [
        { id: 'o1', capacity: 1 },
        { id: 'o2', capacity: 1 },
      ],
      edges: [edge('d1', 'o1', 1), edge('d1', 'o2', 0.875), edge('d2', 'o1', 0.5), edge('d2', 'o2', 0.25)],
    };
    const result = await solveAssignment(problem, { solver, maxEdgesPerDemand: 1 });
    expect(result.prunedEdges).toBe(2);
    expect(units(result)).toEqual(['d1→o1×1']); // d2's only kept edge is o1, which d1 values more
  });

  it('(e) never exceeds a capacity or quantity, assigns only along edges, and is never worse than greedy', async () => {
    await fc.assert(
      fc.asyncProperty(problems(8, 6), async (problem) => {
        // Unpruned, so greedy and the optimum see the same edges.
        const greedy = greedyAssignment(problem);
        const byFit = await solveAssignment(problem, { solver, maxEdgesPerDemand: Infinity });
        const byCoverage = await solveAssignment(problem, { solver, maxEdgesPerDemand: Infinity, objective: 'coverage' });
        expectFeasible(problem, byFit);
        expectFeasible(problem, byCoverage);
        expect(byFit.totalFit).toBeGreaterThanOrEqual(greedy.totalFit - 1e-9);
        expect(served(byCoverage)).toBeGreaterThanOrEqual(served(greedy));
      }),
      { numRuns: 150, seed: 20261101 },
    );
  });

  it('matches the exhaustive optimum of tiny problems under both objectives', async () => {
    await fc.assert(
      fc.asyncProperty(problems(3, 3), async (problem) => {
        const best = bruteForce(problem);
        const byFit = await solveAssignment(problem, { solver });
        const byCoverage = await solveAssignment(problem, { solver, objective: 'coverage' });
        expectFeasible(problem, byCoverage);
        expect(byFit.totalFit).toBeCloseTo(best.bestFit, 8);
        expect(served(byCoverage)).toBe(best.maxUnits);
        expect(byCoverage.totalFit).toBeCloseTo(best.bestFitAtMaxUnits, 8);
      }),
      { numRuns: 150, seed: 20261102 },
    );
  });
});

describe('solveAssignment', () => {
  it.each(['total-fit', 'coverage'] as const)('(f) gives the same %s optimum with HiGHS and with min-cost flow', async (objective) => {
    for (const seed of [1, 2, 3]) {
      const problem = randomProblem(300, 250, 12, seed);
      const highs = await solveAssignment(problem, { objective, solver: 'highs' });
      const flow = await solveAssignment(problem, { objective, solver: 'min-cost-flow' });
      expect(highs.solver).toBe('highs');
      expect(flow.solver).toBe('min-cost-flow');
      expect(flow.totalFit).toBeCloseTo(highs.totalFit, 6);
      expect(served(flow)).toBe(served(highs));
      expect(flow.totalFit).toBeGreaterThan(greedyAssignment(problem).totalFit);
    }
  });

  it('picks HiGHS for small problems and min-cost flow for large ones, deterministically', async () => {
    const small = randomProblem(50, 50, 5, 9);
    const large = randomProblem(1_000, 1_000, 20, 9);
    expect((await solveAssignment(small)).solver).toBe('highs');
    const first = await solveAssignment(large);
    const again = await solveAssignment(large);
    expect(first.solver).toBe('min-cost-flow');
    expect({ ...again, ms: 0 }).toEqual({ ...first, ms: 0 });
  });

  it('rejects a malformed problem naming every bad field', async () => {
    const problem: AssignmentProblem = {
      demands: [
        { id: 'd1', quantity: 0 },
        { id: 'd1', quantity: 1 },
      ],
      offers: [{ id: 'o1', capacity: 1.5 }],
      edges: [edge('d1', 'o1', 1.2), edge('d1', 'o1', 0.5), edge('d9', 'o1', 0.5)],
    };
    const error = await solveAssignment(problem).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([
      'demands.1.id',
      'demands.0.quantity',
      'offers.0.capacity',
      'edges.0.fit',
      'edges.1',
      'edges.2.demandId',
    ]);
  });
});
