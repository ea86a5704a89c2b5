import { resourceConfidence, resourceSignalValues as sv, resourceWeights } from '../../config/scoring.ts';
import type { Message } from '../../contracts/messages/message.ts';
import { say } from '../../i18n/say.ts';
import { reasonOf } from '../../i18n/signalDetail.ts';
import { round, weighSignals, type Confidence, type Explanation, type GraphPath, type PathNode, type SignalScore } from '../explanation.ts';
import {
  channelEvidence,
  channelValue,
  locationSignal,
  offererTier,
  priceSignal,
  proximityEvidence,
  proximityValue,
  sizeSignal,
  type ChannelEvidence,
  type ProximityEvidence,
  type ResourceWeights,
} from './softSignals.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';

const node = (id: string, label: string, name: string): PathNode => ({ id, label, name });

/** The score of a feasible pair, broken down by signal, with the graph paths and a reason: the shared Explanation shape. */
export function explainResourceMatch(
  d: DemandContext,
  o: OfferContext,
  weights: ResourceWeights = resourceWeights,
): { score: number; explanation: Explanation } {
  const proximity = proximityEvidence(d, o);
  const channel = channelEvidence(d, o);
  const { total, signals } = weighSignals(
    {
      size: { value: sizeSignal(d, o), detail: sizeDetail(d, o) },
      price: { value: priceSignal(d, o), detail: priceDetail(d, o) },
      location: { value: locationSignal(d, o), detail: locationDetail(d, o) },
      proximity: { value: proximityValue(proximity), detail: proximityDetail(d, o, proximity) },
      tier: { value: offererTier(o), detail: tierDetail(o) },
      channel: { value: channelValue(channel), detail: channelDetail(d, o, channel) },
    },
    weights,
  );
  return {
    score: total,
    explanation: {
      signals,
      paths: resourcePaths(d, o, proximity, channel),
      confidence: resourceConfidenceOf(total, signals, o),
      ...reasonOf(resourceReason(d, o, signals)),
    },
  };
}

function sizeDetail(d: DemandContext, o: OfferContext): Message {
  const { demand, offer } = { demand: d.demand, offer: o.offer };
  if (demand.kind === 'loan')
    return demand.amountWan !== null && offer.amountWan
      ? say('res.loanAmount', { amount: demand.amountWan, offered: offer.amountWan })
      : say('res.noAmountAsked');
  const ideal = demand.idealAreaM2 ?? (demand.minAreaM2 !== null ? demand.minAreaM2 * sv.idealOverMinArea : null);
  if (ideal === null || offer.areaM2 === null) return say('res.noAreaPreference');
  return say(demand.idealAreaM2 === null ? 'res.areaFromMinimum' : 'res.area', { area: offer.areaM2, ideal: Math.round(ideal) });
}

function priceDetail(d: DemandContext, o: OfferContext): Message {
  const { demand, offer } = { demand: d.demand, offer: o.offer };
  if (demand.kind === 'loan') {
    if (offer.ratePct === null) return say('res.rateUnknown');
    return demand.maxRatePct !== null
      ? say('res.rate', { rate: offer.ratePct, max: demand.maxRatePct })
      : say('res.rateReference', { rate: offer.ratePct, max: sv.referenceMaxRatePct });
  }
  if (offer.price === null) return say('res.priceUnknown');
  const priceUnit = offer.kind === 'site' || offer.kind === 'land' ? offer.kind : 'other';
  if (demand.maxPrice === null) return say('res.priceNoCap', { price: offer.price, priceUnit });
  return say('res.price', { price: offer.price, priceUnit, max: demand.maxPrice });
}

function locationDetail(d: DemandContext, o: OfferContext): Message {
  if (d.owner.parkId === null) return say('res.parkUnknown');
  if (o.parkId === null) return say('res.anywhere');
  const park = o.parkName ?? o.parkId;
  if (d.owner.parkId === o.parkId) return say('res.samePark', { park });
  return say(d.owner.sectorId !== null && d.owner.sectorId === o.sectorId ? 'res.sameSector' : 'res.otherSector', { park });
}

function proximityDetail(d: DemandContext, o: OfferContext, e: ProximityEvidence): Message {
  switch (e.kind) {
    case 'directTie':
      return say('res.directTie', { owner: o.owner.name });
    case 'partnersInPark':
      return say('res.partnersInPark', { count: e.partnerIds.length });
    case 'sharedPartner':
      return say('res.sharedPartner', { partner: d.owner.tradePartners.find((p) => p.id === e.partnerId)?.name ?? e.partnerId });
    default:
      return say('res.noChainTie');
  }
}

function tierDetail(o: OfferContext): Message {
  if (o.owner.label !== 'Enterprise')
    return say(({ Park: 'res.byPark', University: 'res.byUniversity', ResearchUnit: 'res.byInstitute' } as const)[o.owner.label]);
  const tiers = o.owner.tags.filter((t) => t !== 'korean-funded');
  return tiers.length > 0 ? say('res.offererTiers', { tags: tiers }) : say('res.offererNoTier');
}

function channelDetail(d: DemandContext, o: OfferContext, e: ChannelEvidence): Message {
  switch (e.kind) {
    case 'park':
      return say('res.parkChannel');
    case 'alliance':
      return say('pair.sameAlliance', { alliance: o.owner.alliances.find((a) => a.id === e.allianceId)?.name ?? e.allianceId });
    case 'pairedPartyOrg':
      return say('res.pairedParty', { own: e.pairing.ownName, other: e.pairing.otherName });
    case 'cooperation':
      return e.cooperator.id === o.owner.id ? say('pair.cooperated') : say('res.cooperatesVia', { unit: e.cooperator.name });
    default:
      return say('res.noChannel');
  }
}

/** Graph paths behind a pair, each relationship in its stored direction (so it can be queried back). */
export function resourcePaths(d: DemandContext, o: OfferContext, proximity: ProximityEvidence, channel: ChannelEvidence): GraphPath[] {
  const firm = node(d.owner.id, d.owner.label, d.owner.name);
  const owner = node(o.owner.id, o.owner.label, o.owner.name);
  const demand = node(d.demand.id, 'Demand', d.demand.title);
  const offer = node(o.offer.id, 'Offer', o.offer.title);
  const paths: GraphPath[] = [
    { signal: 'demand', nodes: [firm, demand], relationships: [{ type: 'HAS_DEMAND', from: firm.id, to: demand.id }] },
    { signal: 'offer', nodes: [owner, offer], relationships: [{ type: 'OFFERS', from: owner.id, to: offer.id }] },
  ];
  if (d.owner.parkId !== null && d.owner.parkId === o.parkId) {
    const park = node(o.parkId, 'Park', o.parkName ?? o.parkId);
    if (d.owner.label !== 'Park') {
      const located = { type: 'LOCATED_IN', from: firm.id, to: park.id };
      if (o.owner.id === park.id)
        paths.push({ signal: 'location', nodes: [firm, park, offer], relationships: [located, { type: 'OFFERS', from: park.id, to: offer.id }] });
      else if (o.owner.parkId === park.id)
        paths.push({ signal: 'location', nodes: [firm, park, owner], relationships: [located, { type: 'LOCATED_IN', from: owner.id, to: park.id }] });
      else paths.push({ signal: 'location', nodes: [firm, park], relationships: [located] });
    }
  }
  const supplies = (a: PathNode, b: PathNode, aSells: boolean) =>
    aSells ? { type: 'SUPPLIES', from: a.id, to: b.id } : { type: 'SUPPLIES', from: b.id, to: a.id };
  if (proximity.kind === 'directTie') {
    const tie = d.owner.tradePartners.find((p) => p.id === o.owner.id)!;
    paths.push({ signal: 'proximity', nodes: [firm, owner], relationships: [supplies(firm, owner, tie.sells)] });
  } else if (proximity.kind === 'partnersInPark') {
    for (const id of proximity.partnerIds.slice(0, 2)) {
      const tie = d.owner.tradePartners.find((p) => p.id === id)!;
      const partner = node(tie.id, 'Enterprise', tie.name);
      paths.push({
        signal: 'proximity',
        nodes: [firm, partner, owner, offer],
        relationships: [
          supplies(firm, partner, tie.sells),
          { type: 'LOCATED_IN', from: partner.id, to: owner.id },
          { type: 'OFFERS', from: owner.id, to: offer.id },
        ],
      });
    }
  } else if (proximity.kind === 'sharedPartner') {
    const mine = d.owner.tradePartners.find((p) => p.id === proximity.partnerId)!;
    const theirs = o.owner.tradePartners.find((p) => p.id === proximity.partnerId)!;
    const partner = node(mine.id, 'Enterprise', mine.name);
    paths.push({
      signal: 'proximity',
      nodes: [firm, partner, owner],
      relationships: [supplies(firm, partner, mine.sells), supplies(owner, partner, theirs.sells)],
    });
  }
  if (channel.kind === 'alliance') {
    const a = o.owner.alliances.find((x) => x.id === channel.allianceId)!;
    const alliance = node(a.id, 'Alliance', a.name);
    paths.push({
      signal: 'channel',
      nodes: [firm, alliance, owner],
      relationships: [
        { type: 'MEMBER_OF', from: firm.id, to: alliance.id },
        { type: 'MEMBER_OF', from: owner.id, to: alliance.id },
      ],
    });
  } else if (channel.kind === 'pairedPartyOrg') {
    const p = channel.pairing;
    const own = node(p.own, 'PartyOrg', p.ownName);
    const other = node(p.other, 'PartyOrg', p.otherName);
    paths.push({
      signal: 'channel',
      nodes: [firm, own, other, owner],
      relationships: [
        { type: 'HAS_PARTY_ORG', from: firm.id, to: own.id },
        p.outgoing ? { type: 'PAIRED_WITH', from: own.id, to: other.id } : { type: 'PAIRED_WITH', from: other.id, to: own.id },
        { type: 'HAS_PARTY_ORG', from: owner.id, to: other.id },
      ],
    });
  } else if (channel.kind === 'cooperation') {
    const c = channel.cooperator;
    const partner = node(c.id, c.label, c.name);
    const coop = c.outgoing ? { type: 'COOPERATES_WITH', from: firm.id, to: partner.id } : { type: 'COOPERATES_WITH', from: partner.id, to: firm.id };
    if (c.id === o.owner.id) paths.push({ signal: 'channel', nodes: [firm, owner], relationships: [coop] });
    else paths.push({ signal: 'channel', nodes: [firm, partner, owner], relationships: [coop, { type: 'BELONGS_TO', from: partner.id, to: owner.id }] });
  }
  return paths;
}

/** strong: a high score with a relationship behind it (a supply-chain tie or a real introduction channel); medium: a fair score. */
export function resourceConfidenceOf(total: number, signals: SignalScore[], o: OfferContext): Confidence {
  const value = (name: string) => signals.find((s) => s.signal === name)?.value ?? 0;
  const related = value('proximity') > 0 || (o.owner.label !== 'Park' && value('channel') >= sv.cooperation);
  if (total >= resourceConfidence.strong && related) return 'strong';
  return total >= resourceConfidence.medium ? 'medium' : 'weak';
}

/** The reason's clauses: what is offered, by whom, and the signals that carry the score. */
export function resourceReason(d: DemandContext, o: OfferContext, signals: SignalScore[]): Message[] {
  const parts = [say('res.offered', { offer: o.offer.title, owner: o.owner.name })];
  const strong = signals
    .filter((s) => s.value >= 0.6 && s.weight > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3);
  for (const s of strong) parts.push(...(s.detailParts ?? []));
  if (strong.length === 0) parts.push(say('res.overall', { score: round(signals.reduce((t, s) => t + s.contribution, 0)) }));
  return parts;
}
