import type { z } from 'zod';
import type { demandRow, offerRow } from '../../model/nodes.ts';

/** An Offer or Demand node as stored (rows of engine/model/nodes.ts). */
export type OfferRecord = z.infer<typeof offerRow>;
export type DemandRecord = z.infer<typeof demandRow>;
export type ResourceKind = OfferRecord['kind'];

export type PartyLabel = 'Enterprise' | 'University' | 'ResearchUnit' | 'Park';

/**
 * Who stands behind an offer or a demand, with the relationships the soft signals read: where it
 * sits, whom it trades with, its alliances, paired party organisations and cooperation partners.
 * Plain data, so scoring is tested without a database.
 */
export interface PartyFacts {
  id: string;
  label: PartyLabel;
  name: string;
  /** The park it is LOCATED_IN (a park: itself) and that park's sector. */
  parkId: string | null;
  parkName: string | null;
  sectorId: string | null;
  tags: string[];
  /** SUPPLIES partners either way; `sells`: this party supplies the partner. */
  tradePartners: { id: string; name: string; sells: boolean; parkId: string | null }[];
  alliances: { id: string; name: string }[];
  /** Its party organisation `own` PAIRED_WITH `other`, which `ownerId` has; `outgoing`: stored own → other. */
  pairings: { own: string; ownName: string; other: string; otherName: string; ownerId: string; ownerLabel: string; ownerName: string; outgoing: boolean }[];
  /** COOPERATES_WITH either way; `universityId`: the university a cooperating research unit BELONGS_TO. */
  cooperators: { id: string; name: string; label: string; outgoing: boolean; universityId: string | null }[];
}

/** PartyFacts with the lookups scoring needs for each of many pairs. */
export interface Party extends PartyFacts {
  partnerIds: Set<string>;
  /** park → the trade partners located there */
  partnerParks: Map<string, string[]>;
  allianceIds: Set<string>;
  pairedOwnerIds: Set<string>;
  /** Cooperation partners and the universities of cooperating research units. */
  cooperatorIds: Set<string>;
}

export function indexParty(facts: PartyFacts): Party {
  const partnerParks = new Map<string, string[]>();
  for (const p of facts.tradePartners) if (p.parkId) (partnerParks.get(p.parkId) ?? partnerParks.set(p.parkId, []).get(p.parkId)!).push(p.id);
  return {
    ...facts,
    partnerIds: new Set(facts.tradePartners.map((p) => p.id)),
    partnerParks,
    allianceIds: new Set(facts.alliances.map((a) => a.id)),
    pairedOwnerIds: new Set(facts.pairings.map((p) => p.ownerId)),
    cooperatorIds: new Set(facts.cooperators.flatMap((c) => (c.universityId ? [c.id, c.universityId] : [c.id]))),
  };
}

/** A party known only by name and label (no relationships): synthetic data and tests. */
export function bareParty(id: string, label: PartyLabel, name = id, extra: Partial<PartyFacts> = {}): Party {
  return indexParty({
    id,
    label,
    name,
    parkId: null,
    parkName: null,
    sectorId: null,
    tags: [],
    tradePartners: [],
    alliances: [],
    pairings: [],
    cooperators: [],
    ...extra,
  });
}

export interface DemandContext {
  demand: DemandRecord;
  owner: Party;
}

export interface OfferContext {
  offer: OfferRecord;
  owner: Party;
  /** Where the offered resource is: its park (offer.parkId, else the owner's), and that park's sector. */
  parkId: string | null;
  parkName: string | null;
  sectorId: string | null;
  /** capacity − units already agreed (Match nodes of kind resource with status agreed). */
  remaining: number;
  /**
   * The quantity capacity (m², 万元; quantityCapacity.ts) less what agreed matches took; null when the
   * offer's kind has a count capacity only.
   */
  remainingSize: number | null;
}
