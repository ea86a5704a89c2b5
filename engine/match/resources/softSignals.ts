import { resourceSignalValues as v, resourceWeights } from '../../config/scoring.ts';
import { demandTerms, offerTerms, type DemandTerms, type OfferTerms } from './resourceTerms.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';

/**
 * The soft preferences of resource matching, each in [0, 1] (docs/resources.md §2). Only feasible
 * pairs are scored; these functions never exclude anything.
 */
export type ResourceSignal = keyof typeof resourceWeights;
export type ResourceWeights = Record<ResourceSignal, number>;
export type ResourceSignalValues = Record<ResourceSignal, number>;

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const has = (x: number) => !Number.isNaN(x);

/** Area closeness for sites and land: 1 − |area − ideal| / ideal; for loans √(ask / product ceiling). */
export function sizeValue(d: DemandTerms, o: OfferTerms): number {
  if (d.loan) return has(d.amount) && o.amount > 0 ? Math.sqrt(clamp(d.amount / o.amount)) : v.neutral;
  if (!has(d.idealArea) || !has(o.area)) return v.neutral;
  return clamp(1 - Math.abs(o.area - d.idealArea) / d.idealArea);
}

/** 1 − 0.5 · price / ceiling: free scores 1, the ceiling 0.5. Loans compare the rate with the demand's (or a reference) maximum. */
export function priceValue(d: DemandTerms, o: OfferTerms): number {
  if (d.loan) return has(o.rate) ? clamp(1 - (v.priceAtCeilingDrop * o.rate) / (d.maxRate || v.referenceMaxRatePct)) : v.neutral;
  if (!has(o.price) || !has(d.maxPrice)) return v.neutral;
  if (d.maxPrice === 0) return o.price === 0 ? 1 : 0;
  return clamp(1 - (v.priceAtCeilingDrop * o.price) / d.maxPrice);
}

/** Same park 1, same sector 0.6, else 0; neutral when either side's park is unknown. */
export function locationValue(d: DemandTerms, o: OfferTerms): number {
  if (d.park === null || o.park === null) return v.neutral;
  if (d.park === o.park) return v.samePark;
  return d.sector !== null && d.sector === o.sector ? v.sameSector : 0;
}

/** The signals that are arithmetic on the two rows (all but proximity and channel), weighed. */
export function partialFit(d: DemandTerms, o: OfferTerms, w: ResourceWeights): number {
  return w.size * sizeValue(d, o) + w.price * priceValue(d, o) + w.location * locationValue(d, o) + w.tier * o.tier;
}

export const sizeSignal = (d: DemandContext, o: OfferContext) => sizeValue(demandTerms(d), offerTerms(o));
export const priceSignal = (d: DemandContext, o: OfferContext) => priceValue(demandTerms(d), offerTerms(o));
export const locationSignal = (d: DemandContext, o: OfferContext) => locationValue(demandTerms(d), offerTerms(o));
/** Tier of the offerer: an enterprise's tier tags (as for partners), a fixed value for parks and universities. */
export const offererTier = (o: OfferContext) => offerTerms(o).tier;

export type ProximityEvidence =
  { kind: 'directTie' } | { kind: 'partnersInPark'; partnerIds: string[] } | { kind: 'sharedPartner'; partnerId: string } | { kind: 'none' };

const noProximity: ProximityEvidence = { kind: 'none' };

/** The closest supply-chain relation between the demanding firm and the offerer. */
export function proximityEvidence(d: DemandContext, o: OfferContext): ProximityEvidence {
  const firm = d.owner;
  const owner = o.owner;
  if (firm.partnerIds.size === 0) return noProximity;
  if (firm.partnerIds.has(owner.id)) return { kind: 'directTie' };
  if (owner.label === 'Park') {
    const hosted = firm.partnerParks.get(owner.id);
    return hosted ? { kind: 'partnersInPark', partnerIds: hosted } : noProximity;
  }
  for (const p of owner.tradePartners) if (firm.partnerIds.has(p.id)) return { kind: 'sharedPartner', partnerId: p.id };
  return noProximity;
}

export function proximityValue(e: ProximityEvidence): number {
  return e.kind === 'none' ? 0 : v[e.kind];
}

const parkChannel: ChannelEvidence = { kind: 'park' };

export type ChannelEvidence =
  | { kind: 'park' }
  | { kind: 'alliance'; allianceId: string }
  | { kind: 'pairedPartyOrg'; pairing: DemandContext['owner']['pairings'][number] }
  | { kind: 'cooperation'; cooperator: DemandContext['owner']['cooperators'][number] }
  | { kind: 'none' };

const noChannel: ChannelEvidence = { kind: 'none' };

/** The strongest introduction channel from the demanding organisation to the offerer. */
export function channelEvidence(d: DemandContext, o: OfferContext): ChannelEvidence {
  const firm = d.owner;
  const owner = o.owner;
  if (owner.label === 'Park') return parkChannel;
  for (const a of owner.alliances) if (firm.allianceIds.has(a.id)) return { kind: 'alliance', allianceId: a.id };
  if (firm.pairedOwnerIds.has(owner.id)) return { kind: 'pairedPartyOrg', pairing: firm.pairings.find((p) => p.ownerId === owner.id)! };
  if (firm.cooperatorIds.has(owner.id)) {
    return { kind: 'cooperation', cooperator: firm.cooperators.find((c) => c.id === owner.id || c.universityId === owner.id)! };
  }
  return noChannel;
}

export function channelValue(e: ChannelEvidence): number {
  switch (e.kind) {
    case 'park':
      return v.parkChannel;
    case 'alliance':
      return v.alliance;
    case 'pairedPartyOrg':
      return v.pairedPartyOrg;
    case 'cooperation':
      return v.cooperation;
    default:
      return 0;
  }
}

export function resourceSignalValues(d: DemandContext, o: OfferContext): ResourceSignalValues {
  return {
    size: sizeSignal(d, o),
    price: priceSignal(d, o),
    location: locationSignal(d, o),
    proximity: proximityValue(proximityEvidence(d, o)),
    tier: offererTier(o),
    channel: channelValue(channelEvidence(d, o)),
  };
}

/** Σ weight · value: the fit the ranking sorts by and the assignment maximises. */
export function resourceFit(values: ResourceSignalValues, weights: ResourceWeights = resourceWeights): number {
  return (
    weights.size * values.size +
    weights.price * values.price +
    weights.location * values.location +
    weights.proximity * values.proximity +
    weights.tier * values.tier +
    weights.channel * values.channel
  );
}
