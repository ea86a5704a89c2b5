import { resourceWeights } from '../../config/scoring.ts';
import { assignmentDefaults, greedyAssignment, solveAssignment, type AssignmentObjective } from '../assignment/index.ts';
import { round, type Explanation } from '../explanation.ts';
import { buildAssignmentProblem } from './assignmentProblem.ts';
import { blockingSummary, type UnmetDemand } from './diagnoseUnmet.ts';
import { explainResourceMatch } from './explainResource.ts';
import type { ResourceWeights } from './softSignals.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';

export interface AssignOptions {
  objective?: AssignmentObjective;
  weights?: ResourceWeights;
  excludedPairs?: Set<string>;
  /** Also run the first-come greedy baseline and report its totals (cheap; shows what the optimum gains). */
  compareGreedy?: boolean;
}

export interface AssignedPair {
  demandId: string;
  demandTitle: string;
  demandOwner: { id: string; name: string };
  offerId: string;
  offerTitle: string;
  offerOwner: { id: string; name: string };
  kind: string;
  units: number;
  score: number;
  explanation: Explanation;
}

/** A demand some offer could meet that got nothing: the capacity went to a better overall assignment, or its only pairs were declined. */
export interface UnassignedDemand {
  demandId: string;
  title: string;
  kind: string;
  feasibleOffers: number;
  reason: 'capacity' | 'declined';
  detail: string;
}

export interface ResourceAssignment {
  objective: AssignmentObjective;
  assignments: AssignedPair[];
  /** Demands that no open offer can meet, with the constraint(s) that excluded every offer. */
  unmet: UnmetDemand[];
  /** How many unmet demands each constraint blocks on its own. */
  blocking: ReturnType<typeof blockingSummary>;
  unassigned: UnassignedDemand[];
  /** Demands needing several units that received some but not all. */
  partiallyServed: { demandId: string; quantity: number; units: number }[];
  totals: { demands: number; offers: number; demandsServed: number; units: number; totalFit: number };
  baseline: { solver: 'greedy'; totalFit: number; demandsServed: number } | null;
  solver: { name: string; status: string; ms: number; prunedEdges: number };
  build: { ms: number; pairsChecked: number; feasiblePairs: number; edges: number; declinedPairsSkipped: number };
}

/**
 * The global assignment (DESIGN §4): feasible edges from every open demand to every open offer,
 * solved at once for the maximum total fit with capacities respected, each assignment explained;
 * and the demands nothing can meet, with why.
 */
export async function assignResources(demands: DemandContext[], offers: OfferContext[], options: AssignOptions = {}): Promise<ResourceAssignment> {
  const objective = options.objective ?? assignmentDefaults.objective;
  const weights = options.weights ?? resourceWeights;
  const started = performance.now();
  const built = buildAssignmentProblem(demands, offers, { weights, excludedPairs: options.excludedPairs, edgesPerDemand: assignmentDefaults.maxEdgesPerDemand });
  const buildMs = performance.now() - started;
  const result = await solveAssignment(built.problem, { objective });

  const demandById = new Map(demands.map((d) => [d.demand.id, d]));
  const offerById = new Map(offers.map((o) => [o.offer.id, o]));
  const assignments: AssignedPair[] = result.assignments.map((a) => {
    const d = demandById.get(a.demandId)!;
    const o = offerById.get(a.offerId)!;
    const { score, explanation } = explainResourceMatch(d, o, weights);
    return {
      demandId: a.demandId, demandTitle: d.demand.title, demandOwner: { id: d.owner.id, name: d.owner.name },
      offerId: a.offerId, offerTitle: o.offer.title, offerOwner: { id: o.owner.id, name: o.owner.name },
      kind: d.demand.kind, units: a.units, score, explanation,
    };
  });

  const received = new Map<string, number>();
  for (const a of result.assignments) received.set(a.demandId, (received.get(a.demandId) ?? 0) + a.units);
  const unmetIds = new Set(built.unmet.map((u) => u.demandId));
  const declinedOnly = new Set(built.onlyDeclined);
  const unassigned: UnassignedDemand[] = result.unassigned
    .filter((id) => !unmetIds.has(id))
    .map((id) => {
      const d = demandById.get(id)!;
      const feasible = built.feasibleOffers.get(id) ?? 0;
      return declinedOnly.has(id)
        ? { demandId: id, title: d.demand.title, kind: d.demand.kind, feasibleOffers: 0, reason: 'declined' as const, detail: '可满足的供给均已被拒绝过（可在请求中设 includeDeclined 重新考虑）' }
        : { demandId: id, title: d.demand.title, kind: d.demand.kind, feasibleOffers: feasible, reason: 'capacity' as const, detail: `${feasible} 个可满足的供给在全局最优分配中给了其他需求` };
    });
  const partiallyServed = demands
    .filter((d) => (received.get(d.demand.id) ?? 0) > 0 && received.get(d.demand.id)! < d.demand.quantity)
    .map((d) => ({ demandId: d.demand.id, quantity: d.demand.quantity, units: received.get(d.demand.id)! }));

  const baseline = options.compareGreedy ? greedyAssignment(built.problem) : null;
  return {
    objective,
    assignments,
    unmet: built.unmet,
    blocking: blockingSummary(built.unmet),
    unassigned,
    partiallyServed,
    totals: {
      demands: demands.length, offers: offers.length, demandsServed: received.size,
      units: result.assignments.reduce((s, a) => s + a.units, 0), totalFit: round(result.totalFit),
    },
    baseline: baseline ? { solver: 'greedy', totalFit: round(baseline.totalFit), demandsServed: new Set(baseline.assignments.map((a) => a.demandId)).size } : null,
    solver: { name: result.solver, status: result.status, ms: Math.round(result.ms), prunedEdges: result.prunedEdges },
    build: { ms: Math.round(buildMs), pairsChecked: built.pairsChecked, feasiblePairs: built.feasiblePairs, edges: built.problem.edges.length, declinedPairsSkipped: built.declinedPairsSkipped },
  };
}
