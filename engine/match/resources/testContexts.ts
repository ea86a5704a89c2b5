import { offerSizeCapacity } from './quantityCapacity.ts';
import { bareParty, type DemandContext, type DemandRecord, type OfferContext, type OfferRecord, type Party } from './resourceTypes.ts';

/** Hand-made demands and offers for tests: every attribute blank unless given. */
export function demandOf(id: string, attrs: Partial<DemandRecord> = {}, owner: Party = bareParty(`firm.${id}`, 'Enterprise')): DemandContext {
  return {
    demand: {
      id,
      kind: 'site',
      title: id,
      description: '',
      minAreaM2: null,
      idealAreaM2: null,
      minFloorLoadKnM2: null,
      requiredCertifications: [],
      maxPrice: null,
      amountWan: null,
      maxRatePct: null,
      minTermMonths: null,
      parkAllowList: [],
      neededFrom: null,
      neededUntil: null,
      quantity: 1,
      status: 'open',
      source: 'synthetic',
      updatedBy: null,
      updatedAt: null,
      ...attrs,
    },
    owner,
  };
}

export function offerOf(id: string, attrs: Partial<OfferRecord> = {}, owner: Party = bareParty(`owner.${id}`, 'Park'), remaining?: number): OfferContext {
  const offer: OfferRecord = {
    id,
    kind: 'site',
    title: id,
    description: '',
    areaM2: null,
    floorLoadKnM2: null,
    certifications: [],
    price: null,
    amountWan: null,
    ratePct: null,
    termMonths: null,
    parkId: null,
    availableFrom: null,
    availableUntil: null,
    capacity: 1,
    status: 'open',
    source: 'synthetic',
    updatedBy: null,
    updatedAt: null,
    ...attrs,
  };
  return {
    offer,
    owner,
    parkId: offer.parkId ?? owner.parkId,
    parkName: null,
    sectorId: null,
    remaining: remaining ?? offer.capacity,
    remainingSize: offerSizeCapacity(offer),
  };
}
