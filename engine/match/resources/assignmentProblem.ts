import { resourceWeights } from '../../config/scoring.ts';
import type { AssignmentProblem } from '../assignment/index.ts';
import { splitPairKey } from '../../tracking/declinedPairs.ts';
import { violationsOf } from './hardConstraints.ts';
import { declinedDemand, diagnoseDemand, type UnmetDemand } from './diagnoseUnmet.ts';
import { OfferIndex } from './offerIndex.ts';
import { demandSize } from './quantityCapacity.ts';
import { RelationIndex } from './relationIndex.ts';
import { demandTerms } from './resourceTerms.ts';
import { partialFit, type ResourceWeights } from './softSignals.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';

export interface ProblemBuildOptions {
  weights?: ResourceWeights;
  /** Pairs that must not be proposed (declined before), as `pairKey(demandId, offerId)`. */
  excludedPairs?: Set<string>;
  /** Best feasible offers kept per demand; the solver's own cap, applied here so no more edges are ever materialised. */
  edgesPerDemand: number;
}

export interface BuiltProblem {
  problem: AssignmentProblem;
  /** Feasible offers per demand (before keeping the best `edgesPerDemand`), declined pairs not counted. */
  feasibleOffers: Map<string, number>;
  /** Demands whose every feasible offer was declined before. */
  onlyDeclined: string[];
  /** Demands no open offer can meet, each with the constraints that excluded the offers (or `declined`: every feasible pair was declined before). */
  unmet: UnmetDemand[];
  declinedPairsSkipped: number;
  pairsChecked: number;
  feasiblePairs: number;
}

/**
 * The transportation problem of the global assignment (docs/design.md §4) from open demands and offers:
 * an edge for each feasible pair (every hard constraint holds, the pair was not declined) with its
 * soft fit, the best `edgesPerDemand` per demand; offer capacity = the count agreed matches left,
 * size capacity = the quantity (m², 万元) they left, demand size = what one unit takes of it (quantityCapacity.ts).
 * Only offers the index cannot rule out are tested (offerIndex.ts); each of those is tested in full.
 */
export function buildAssignmentProblem(demands: DemandContext[], offers: OfferContext[], options: ProblemBuildOptions): BuiltProblem {
  const weights = options.weights ?? resourceWeights;
  // Declined offers per demand, so the inner loop does a set lookup instead of building a pair key.
  const declinedOffers = new Map<string, Set<string>>();
  for (const key of options.excludedPairs ?? []) {
    const [demandId, offerId] = splitPairKey(key);
    (declinedOffers.get(demandId) ?? declinedOffers.set(demandId, new Set()).get(demandId)!).add(offerId);
  }
  const k = Math.max(1, options.edgesPerDemand);
  const index = new OfferIndex(offers);
  const relations = new RelationIndex(offers, weights);

  const edges: AssignmentProblem['edges'] = [];
  const feasibleOffers = new Map<string, number>();
  const unmet: UnmetDemand[] = [];
  const onlyDeclined: string[] = [];
  let declinedPairsSkipped = 0;
  let pairsChecked = 0;
  let feasiblePairs = 0;
  // The k best so far for one demand, best first (ties keep the order visited).
  const topFit = new Float64Array(k);
  const topOffer = new Array<OfferContext>(k);

  for (const d of demands) {
    let kept = 0;
    let feasible = 0;
    let declined = 0;
    let checked = 0;
    const dt = demandTerms(d);
    const related = relations.forDemand(d);
    const declinedHere = declinedOffers.get(d.demand.id);
    index.forCandidates(d.demand, (o, ot) => {
      checked++;
      if (violationsOf(dt, ot) !== 0) return;
      if (declinedHere?.has(o.offer.id)) {
        declined++;
        return;
      }
      feasible++;
      // Σ weight · signal, as resourceFit(resourceSignalValues(d, o)) — on the flat terms, with the relationship part looked up.
      const fit = Math.min(1, partialFit(dt, ot, weights) + (related.size > 0 ? (related.get(ot.owner) ?? relations.base(ot)) : relations.base(ot)));
      if (kept === k && fit <= topFit[k - 1]) return;
      let j = kept < k ? kept++ : k - 1;
      while (j > 0 && topFit[j - 1] < fit) {
        topFit[j] = topFit[j - 1];
        topOffer[j] = topOffer[j - 1];
        j--;
      }
      topFit[j] = fit;
      topOffer[j] = o;
    });
    pairsChecked += checked;
    feasiblePairs += feasible;
    declinedPairsSkipped += declined;
    feasibleOffers.set(d.demand.id, feasible);
    for (let j = 0; j < kept; j++) edges.push({ demandId: d.demand.id, offerId: topOffer[j].offer.id, fit: topFit[j] });
    if (feasible === 0 && declined > 0) {
      onlyDeclined.push(d.demand.id);
      unmet.push(declinedDemand(d, declined, index.ofKind(d.demand.kind).length, offers.length));
    } else if (feasible === 0) {
      const sameKind = index.ofKind(d.demand.kind);
      unmet.push(diagnoseDemand(d, sameKind, offers.length - sameKind.length));
    }
  }

  return {
    problem: {
      demands: demands.map((d) => ({ id: d.demand.id, quantity: d.demand.quantity, size: demandSize(d.demand) })),
      offers: offers.map((o) => ({
        id: o.offer.id,
        capacity: Math.max(0, o.remaining),
        sizeCapacity: o.remainingSize === null ? undefined : Math.max(0, o.remainingSize),
      })),
      edges,
    },
    feasibleOffers,
    onlyDeclined,
    unmet,
    declinedPairsSkipped,
    pairsChecked,
    feasiblePairs,
  };
}
