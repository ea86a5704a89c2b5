import { resourceWeights } from '../../config/scoring.ts';
import type { Explanation } from '../explanation.ts';
import { diagnoseDemand, type UnmetDemand } from './diagnoseUnmet.ts';
import { explainResourceMatch } from './explainResource.ts';
import { hardConstraints, violations, type HardConstraint } from './hardConstraints.ts';
import { resourceFit, resourceSignalValues, type ResourceWeights } from './softSignals.ts';
import { pairKey } from '../../tracking/declinedPairs.ts';
import { type DemandContext, type DemandRecord, type OfferContext, type OfferRecord } from './resourceTypes.ts';

export interface RankOptions {
  limit: number;
  weights?: ResourceWeights;
  /** Declined pairs, hidden unless the caller asks for them (`pairKey(demandId, offerId)`). */
  excludedPairs?: Set<string>;
}

export interface PartyRef {
  id: string;
  name: string;
  label: string;
}

export interface RankedOffer {
  offer: OfferRecord;
  owner: PartyRef;
  /** Units still free: capacity − agreed. */
  remaining: number;
  /** Quantity still free (m², 万元: quantity capacity − what agreed matches took), null for count-only kinds. */
  remainingSize: number | null;
  score: number;
  explanation: Explanation;
}

export interface RankedDemand {
  demand: DemandRecord;
  owner: PartyRef;
  score: number;
  explanation: Explanation;
}

/** How many candidates each hard constraint excluded (a candidate can break several). */
export type ExclusionCounts = { constraint: HardConstraint; label: string; count: number }[];

const partyRef = (p: PartyRef): PartyRef => ({ id: p.id, name: p.name, label: p.label });

function exclusionCounts(counts: number[]): ExclusionCounts {
  return hardConstraints
    .map((c, i) => ({ constraint: c.name as HardConstraint, label: c.label as string, count: counts[i] }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count);
}

function tally(counts: number[], mask: number): void {
  for (let i = 0; i < counts.length; i++) if (mask & (1 << i)) counts[i]++;
}

/** Feasible offers for one demand, best fit first, each explained; and what the hard constraints excluded. */
export function rankOffersForDemand(d: DemandContext, offers: OfferContext[], options: RankOptions) {
  const weights = options.weights ?? resourceWeights;
  const counts = new Array<number>(hardConstraints.length).fill(0);
  const feasible: { o: OfferContext; fit: number }[] = [];
  let declinedHidden = 0;
  for (const o of offers) {
    const mask = violations(d, o);
    if (mask !== 0) tally(counts, mask);
    else if (options.excludedPairs?.has(pairKey(d.demand.id, o.offer.id))) declinedHidden++;
    else feasible.push({ o, fit: resourceFit(resourceSignalValues(d, o), weights) });
  }
  feasible.sort((a, b) => b.fit - a.fit || a.o.offer.id.localeCompare(b.o.offer.id));
  const candidates: RankedOffer[] = feasible.slice(0, options.limit).map(({ o }) => ({
    offer: o.offer,
    owner: partyRef(o.owner),
    remaining: o.remaining,
    remainingSize: o.remainingSize,
    ...explainResourceMatch(d, o, weights),
  }));
  const sameKind = offers.filter((o) => o.offer.kind === d.demand.kind);
  const unmet: UnmetDemand | null = feasible.length === 0 && declinedHidden === 0 ? diagnoseDemand(d, sameKind, offers.length - sameKind.length) : null;
  return {
    demand: d.demand,
    owner: partyRef(d.owner),
    candidates,
    feasible: feasible.length,
    offersConsidered: offers.length,
    excludedBy: exclusionCounts(counts),
    declinedHidden,
    unmet,
  };
}

/** The reverse: open demands an offer can meet, best fit first. */
export function rankDemandsForOffer(o: OfferContext, demands: DemandContext[], options: RankOptions) {
  const weights = options.weights ?? resourceWeights;
  const counts = new Array<number>(hardConstraints.length).fill(0);
  const feasible: { d: DemandContext; fit: number }[] = [];
  let declinedHidden = 0;
  for (const d of demands) {
    const mask = violations(d, o);
    if (mask !== 0) tally(counts, mask);
    else if (options.excludedPairs?.has(pairKey(d.demand.id, o.offer.id))) declinedHidden++;
    else feasible.push({ d, fit: resourceFit(resourceSignalValues(d, o), weights) });
  }
  feasible.sort((a, b) => b.fit - a.fit || a.d.demand.id.localeCompare(b.d.demand.id));
  const candidates: RankedDemand[] = feasible
    .slice(0, options.limit)
    .map(({ d }) => ({ demand: d.demand, owner: partyRef(d.owner), ...explainResourceMatch(d, o, weights) }));
  return {
    offer: o.offer,
    owner: partyRef(o.owner),
    remaining: o.remaining,
    remainingSize: o.remainingSize,
    candidates,
    feasible: feasible.length,
    demandsConsidered: demands.length,
    excludedBy: exclusionCounts(counts),
    declinedHidden,
  };
}

export type DemandMatches = ReturnType<typeof rankOffersForDemand>;
export type OfferMatches = ReturnType<typeof rankDemandsForOffer>;
