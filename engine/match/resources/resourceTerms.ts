import { resourceSignalValues as v } from '../../config/scoring.ts';
import { tierSignal } from '../partners/signals.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';
import { oncePer } from '../../core/oncePer.ts';
import { demandSize, offerSizeCapacity } from './quantityCapacity.ts';

/**
 * Offers and demands reduced to the flat numbers the hard constraints and the arithmetic soft
 * signals read (NaN where a row has null; dates as day numbers). One shape per side keeps the
 * assignment's inner loop — up to 10,000 × 10,000 pairs — on monomorphic property reads; the
 * object-level functions (violations, sizeSignal, …) go through the same forms, so there is one
 * implementation of each rule.
 */
export interface OfferTerms {
  kind: string;
  remaining: number;
  /** The quantity capacity (m², 万元) and what agreed matches left of it (Infinity: none). */
  sizeCapacity: number;
  remainingSize: number;
  owner: string;
  ownerIsPark: boolean;
  park: string | null;
  sector: string | null;
  area: number;
  floorLoad: number;
  price: number;
  amount: number;
  rate: number;
  term: number;
  from: number;
  until: number;
  certifications: string[];
  tier: number;
}

export interface DemandTerms {
  kind: string;
  loan: boolean;
  /** What one unit takes of an offer's quantity capacity (0: nothing). */
  size: number;
  owner: string;
  park: string | null;
  sector: string | null;
  minArea: number;
  /** idealAreaM2, else the minimum × idealOverMinArea. */
  idealArea: number;
  minFloorLoad: number;
  maxPrice: number;
  amount: number;
  maxRate: number;
  minTerm: number;
  from: number;
  /** neededUntil, else neededFrom. */
  until: number;
  certifications: string[];
  parks: string[];
}

const num = (x: number | null) => (x === null ? NaN : x);
const day = (iso: string | null) => (iso === null ? NaN : Math.floor(Date.parse(iso) / 86_400_000));

export const offerTerms = oncePer((o: OfferContext): OfferTerms => {
  const offer = o.offer;
  return {
    kind: offer.kind,
    remaining: o.remaining,
    sizeCapacity: offerSizeCapacity(offer) ?? Infinity,
    remainingSize: o.remainingSize ?? Infinity,
    owner: o.owner.id,
    ownerIsPark: o.owner.label === 'Park',
    park: o.parkId,
    sector: o.sectorId,
    area: num(offer.areaM2),
    floorLoad: num(offer.floorLoadKnM2),
    price: num(offer.price),
    amount: num(offer.amountWan),
    rate: num(offer.ratePct),
    term: num(offer.termMonths),
    from: day(offer.availableFrom),
    until: day(offer.availableUntil),
    certifications: offer.certifications,
    tier: o.owner.label === 'Enterprise' ? tierSignal(o.owner.tags) : (v.ownerTier[o.owner.label] ?? 0),
  };
});

export const demandTerms = oncePer((d: DemandContext): DemandTerms => {
  const demand = d.demand;
  return {
    kind: demand.kind,
    loan: demand.kind === 'loan',
    size: demandSize(demand),
    owner: d.owner.id,
    park: d.owner.parkId,
    sector: d.owner.sectorId,
    minArea: num(demand.minAreaM2),
    idealArea: demand.idealAreaM2 ?? (demand.minAreaM2 !== null ? demand.minAreaM2 * v.idealOverMinArea : NaN),
    minFloorLoad: num(demand.minFloorLoadKnM2),
    maxPrice: num(demand.maxPrice),
    amount: num(demand.amountWan),
    maxRate: num(demand.maxRatePct),
    minTerm: num(demand.minTermMonths),
    from: day(demand.neededFrom),
    until: day(demand.neededUntil ?? demand.neededFrom),
    certifications: demand.requiredCertifications,
    parks: demand.parkAllowList,
  };
});
