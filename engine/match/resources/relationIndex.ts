import { resourceSignalValues as v } from '../../config/scoring.ts';
import type { OfferTerms } from './resourceTerms.ts';
import { channelEvidence, channelValue, proximityEvidence, proximityValue, type ResourceWeights } from './softSignals.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';

/**
 * Proximity and channel depend only on who demands and who offers, and most pairs share no
 * relationship at all. So for each demand the offerers it is related to are found through reverse
 * indexes (trade partner → offerers, alliance → offerers) and scored once with the same evidence
 * functions the explanations use; every other offerer scores the default (a park's fixed channel, else 0).
 */
export class RelationIndex {
  private readonly representative = new Map<string, OfferContext>();
  private readonly byPartner = new Map<string, string[]>();
  private readonly byAlliance = new Map<string, string[]>();

  constructor(
    offers: OfferContext[],
    private readonly weights: ResourceWeights,
  ) {
    for (const o of offers) {
      if (this.representative.has(o.owner.id)) continue;
      this.representative.set(o.owner.id, o);
      for (const p of o.owner.tradePartners) (this.byPartner.get(p.id) ?? this.byPartner.set(p.id, []).get(p.id)!).push(o.owner.id);
      for (const a of o.owner.alliances) (this.byAlliance.get(a.id) ?? this.byAlliance.set(a.id, []).get(a.id)!).push(o.owner.id);
    }
  }

  /** The weighed proximity + channel of an offerer with no relationship to the demanding party. */
  base(o: OfferTerms): number {
    return o.ownerIsPark ? this.weights.channel * v.parkChannel : 0;
  }

  /** Offerer id → weighed proximity + channel, for the offerers related to the demand's owner. */
  forDemand(d: DemandContext): Map<string, number> {
    const firm = d.owner;
    const related = new Set<string>([...firm.partnerIds, ...firm.partnerParks.keys(), ...firm.pairedOwnerIds, ...firm.cooperatorIds]);
    for (const p of firm.partnerIds) for (const owner of this.byPartner.get(p) ?? []) related.add(owner);
    for (const a of firm.allianceIds) for (const owner of this.byAlliance.get(a) ?? []) related.add(owner);
    const scores = new Map<string, number>();
    for (const id of related) {
      const o = this.representative.get(id);
      if (o) scores.set(id, this.weights.proximity * proximityValue(proximityEvidence(d, o)) + this.weights.channel * channelValue(channelEvidence(d, o)));
    }
    return scores;
  }
}
