import { resourceWeights } from '../../config/scoring.ts';
import { assignmentDefaults, greedyAssignment, solveAssignment, type AssignmentObjective, type AssignmentResult, type SizeRows } from '../assignment/index.ts';
import { round, type Explanation } from '../explanation.ts';
import { buildAssignmentProblem } from './assignmentProblem.ts';
import { blockingSummary, type UnmetDemand } from './diagnoseUnmet.ts';
import { explainResourceMatch } from './explainResource.ts';
import type { ResourceWeights } from './softSignals.ts';
import { demandSize, sizeUnit } from './quantityCapacity.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';
import type { BuiltProblem } from './assignmentProblem.ts';

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
  /** What the pair takes of the offer's quantity capacity (units × the demand's m² or 万元), null for count-only kinds. */
  quantity: { taken: number; unit: string } | null;
  score: number;
  explanation: Explanation;
}

/** Who took an offer a lost demand could have had, and whether its count or its quantity ran out. */
export interface TakenOffer {
  offerId: string;
  offerTitle: string;
  /** 'count': every unit is assigned; 'quantity': too little m²/万元 is left for this demand; null: room was left (the demand's fit there was 0). */
  full: 'count' | 'quantity' | null;
  /** What is left of the quantity after the assignment, and what the lost demand needed (m², 万元); null for count-only kinds. */
  quantityLeft: number | null;
  winners: { demandId: string; demandTitle: string; ownerName: string; units: number }[];
}

/** A demand some offer could meet that got nothing: the capacity (count or quantity) went to others in the best overall assignment. */
export interface UnassignedDemand {
  demandId: string;
  title: string;
  kind: string;
  owner: { id: string; name: string };
  feasibleOffers: number;
  /** What one unit of it takes of an offer's quantity, in `unit` (m², 万元); 0 and null for count-only kinds. */
  quantity: number;
  unit: string | null;
  /** Its best feasible offers (up to takenOffersShown), each with the winners that took it. */
  takenBy: TakenOffer[];
  detail: string;
}

/** served + infeasible + lostToCompetition = openDemands, always (a demand is in exactly one). */
export interface AssignmentSummary {
  openDemands: number;
  /** Got at least one unit (`partiallyServed` of them not all they need). */
  served: number;
  partiallyServed: number;
  /** No open offer passes the hard constraints (or every pair that does was declined): `unmet`, each naming the excluding constraint. */
  infeasible: number;
  /** Feasible offers exist but went to others: `unassigned`, each naming the winners. */
  lostToCompetition: number;
}

export interface ResourceAssignment {
  objective: AssignmentObjective;
  /** The headline split of the open demands: served, infeasible, lost to competition. */
  summary: AssignmentSummary;
  assignments: AssignedPair[];
  /** Infeasible: demands that no open offer can meet, with the constraint(s) that excluded every offer (or `declined`). */
  unmet: UnmetDemand[];
  /** How many unmet demands each constraint blocks on its own. */
  blocking: ReturnType<typeof blockingSummary>;
  /** Lost to competition: feasible offers existed but went to others, each with who took them. */
  unassigned: UnassignedDemand[];
  /** Demands needing several units that received some but not all. */
  partiallyServed: { demandId: string; quantity: number; units: number }[];
  totals: { demands: number; offers: number; demandsServed: number; units: number; totalFit: number };
  baseline: { solver: 'greedy'; totalFit: number; demandsServed: number } | null;
  /** sizeRows: what the quantity capacities (m², 万元) did to the model (engine/match/assignment/types.ts). */
  solver: { name: string; status: string; ms: number; prunedEdges: number; sizeRows: SizeRows };
  build: { ms: number; pairsChecked: number; feasiblePairs: number; edges: number; declinedPairsSkipped: number };
}

/** Lost demands name at most this many of their offers, best fit first, each with all its winners. */
const takenOffersShown = 3;

/**
 * The global assignment (docs/design.md §4): feasible edges from every open demand to every open offer,
 * solved at once for the maximum total fit with capacities respected, each assignment explained;
 * and the demands nothing can meet, with why.
 */
export async function assignResources(demands: DemandContext[], offers: OfferContext[], options: AssignOptions = {}): Promise<ResourceAssignment> {
  const objective = options.objective ?? assignmentDefaults.objective;
  const weights = options.weights ?? resourceWeights;
  const started = performance.now();
  const built = buildAssignmentProblem(demands, offers, {
    weights,
    excludedPairs: options.excludedPairs,
    edgesPerDemand: assignmentDefaults.maxEdgesPerDemand,
  });
  const buildMs = performance.now() - started;
  const result = await solveAssignment(built.problem, { objective });

  const demandById = new Map(demands.map((d) => [d.demand.id, d]));
  const offerById = new Map(offers.map((o) => [o.offer.id, o]));
  const assignments: AssignedPair[] = result.assignments.map((a) => {
    const d = demandById.get(a.demandId)!;
    const o = offerById.get(a.offerId)!;
    const { score, explanation } = explainResourceMatch(d, o, weights);
    return {
      demandId: a.demandId,
      demandTitle: d.demand.title,
      demandOwner: { id: d.owner.id, name: d.owner.name },
      offerId: a.offerId,
      offerTitle: o.offer.title,
      offerOwner: { id: o.owner.id, name: o.owner.name },
      kind: d.demand.kind,
      units: a.units,
      quantity: quantityTaken(d, a.units),
      score,
      explanation,
    };
  });

  const received = new Map<string, number>();
  for (const a of result.assignments) received.set(a.demandId, (received.get(a.demandId) ?? 0) + a.units);
  const unmetIds = new Set(built.unmet.map((u) => u.demandId));
  const unassigned = lostToCompetition(
    result.unassigned.filter((id) => !unmetIds.has(id)),
    result,
    built,
    demandById,
    offerById,
  );
  const partiallyServed = demands
    .filter((d) => (received.get(d.demand.id) ?? 0) > 0 && received.get(d.demand.id)! < d.demand.quantity)
    .map((d) => ({ demandId: d.demand.id, quantity: d.demand.quantity, units: received.get(d.demand.id)! }));

  const baseline = options.compareGreedy ? greedyAssignment(built.problem) : null;
  return {
    objective,
    summary: {
      openDemands: demands.length,
      served: received.size,
      partiallyServed: partiallyServed.length,
      infeasible: built.unmet.length,
      lostToCompetition: unassigned.length,
    },
    assignments,
    unmet: built.unmet,
    blocking: blockingSummary(built.unmet),
    unassigned,
    partiallyServed,
    totals: {
      demands: demands.length,
      offers: offers.length,
      demandsServed: received.size,
      units: result.assignments.reduce((s, a) => s + a.units, 0),
      totalFit: round(result.totalFit),
    },
    baseline: baseline
      ? { solver: 'greedy', totalFit: round(baseline.totalFit), demandsServed: new Set(baseline.assignments.map((a) => a.demandId)).size }
      : null,
    solver: { name: result.solver, status: result.status, ms: Math.round(result.ms), prunedEdges: result.prunedEdges, sizeRows: result.sizeRows },
    build: {
      ms: Math.round(buildMs),
      pairsChecked: built.pairsChecked,
      feasiblePairs: built.feasiblePairs,
      edges: built.problem.edges.length,
      declinedPairsSkipped: built.declinedPairsSkipped,
    },
  };
}

function quantityTaken(d: DemandContext, units: number): AssignedPair['quantity'] {
  const unit = sizeUnit(d.demand.kind);
  const size = demandSize(d.demand);
  return unit && size > 0 ? { taken: units * size, unit } : null;
}

/**
 * For each demand that got nothing though some offer could meet it: its best kept offers, who took
 * each, and whether the count or the quantity ran out there (so "lost to 13号楼's 4,900 m² tenant"
 * can be read, not just "lost").
 */
function lostToCompetition(
  ids: string[],
  result: AssignmentResult,
  built: BuiltProblem,
  demandById: Map<string, DemandContext>,
  offerById: Map<string, OfferContext>,
): UnassignedDemand[] {
  const winnersOf = new Map<string, AssignmentResult['assignments']>();
  const sizeUsed = new Map<string, number>();
  for (const a of result.assignments) {
    (winnersOf.get(a.offerId) ?? winnersOf.set(a.offerId, []).get(a.offerId)!).push(a);
    sizeUsed.set(a.offerId, (sizeUsed.get(a.offerId) ?? 0) + a.units * demandSize(demandById.get(a.demandId)!.demand));
  }
  const offersOf = new Map<string, string[]>();
  for (const e of built.problem.edges) (offersOf.get(e.demandId) ?? offersOf.set(e.demandId, []).get(e.demandId)!).push(e.offerId); // best fit first
  return ids.map((id) => {
    const d = demandById.get(id)!;
    const need = demandSize(d.demand);
    const unit = sizeUnit(d.demand.kind);
    const takenBy: TakenOffer[] = (offersOf.get(id) ?? []).slice(0, takenOffersShown).map((offerId) => {
      const o = offerById.get(offerId)!;
      const winners = winnersOf.get(offerId) ?? [];
      const units = winners.reduce((s, a) => s + a.units, 0);
      const quantityLeft = o.remainingSize === null ? null : o.remainingSize - (sizeUsed.get(offerId) ?? 0);
      const full = units >= o.remaining ? 'count' : quantityLeft !== null && quantityLeft < need * (1 - 1e-9) ? 'quantity' : null;
      return {
        offerId,
        offerTitle: o.offer.title,
        full,
        quantityLeft,
        winners: winners.map((a) => {
          const winner = demandById.get(a.demandId)!;
          return { demandId: a.demandId, demandTitle: winner.demand.title, ownerName: winner.owner.name, units: a.units };
        }),
      };
    });
    const feasible = built.feasibleOffers.get(id) ?? 0;
    const named = takenBy
      .filter((t) => t.winners.length > 0)
      .map((t) => {
        const why =
          t.full === 'quantity'
            ? `（剩余 ${Math.max(0, Math.round(t.quantityLeft!))} ${unit}，不足 ${Math.round(need)} ${unit}）`
            : t.full === 'count'
              ? '（名额已满）'
              : '';
        return `「${t.offerTitle}」给了 ${t.winners.map((w) => w.ownerName).join('、')}${why}`;
      });
    return {
      demandId: id,
      title: d.demand.title,
      kind: d.demand.kind,
      owner: { id: d.owner.id, name: d.owner.name },
      feasibleOffers: feasible,
      quantity: need,
      unit,
      takenBy,
      detail: `${feasible} 个可满足的供给在全局最优分配中给了其他需求${named.length > 0 ? `：${named.join('；')}` : ''}`,
    };
  });
}
