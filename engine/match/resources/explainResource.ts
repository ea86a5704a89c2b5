import { resourceConfidence, resourceSignalValues as sv, resourceWeights } from '../../config/scoring.ts';
import { enterpriseTagLabels, type EnterpriseTag } from '../../model/enterprise.ts';
import { round, weighSignals, type Confidence, type Explanation, type GraphPath, type PathNode, type SignalScore } from '../explanation.ts';
import {
  channelEvidence, channelValue, locationSignal, offererTier, priceSignal, proximityEvidence, proximityValue, sizeSignal,
  type ChannelEvidence, type ProximityEvidence, type ResourceWeights,
} from './softSignals.ts';
import type { DemandContext, OfferContext } from './resourceTypes.ts';

const priceUnits: Record<string, string> = { site: '元/m²/月', land: '万元/亩' };
const unitOf = (kind: string) => priceUnits[kind] ?? '万元';

const node = (id: string, label: string, name: string): PathNode => ({ id, label, name });

/** The score of a feasible pair, broken down by signal, with the graph paths and a reason: the shared Explanation shape. */
export function explainResourceMatch(d: DemandContext, o: OfferContext, weights: ResourceWeights = resourceWeights): { score: number; explanation: Explanation } {
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
    explanation: { signals, paths: resourcePaths(d, o, proximity, channel), confidence: resourceConfidenceOf(total, signals, o), reason: resourceReason(d, o, signals) },
  };
}

function sizeDetail(d: DemandContext, o: OfferContext): string {
  const { demand, offer } = { demand: d.demand, offer: o.offer };
  if (demand.kind === 'loan') return demand.amountWan !== null && offer.amountWan ? `申请 ${demand.amountWan} 万元，产品额度 ${offer.amountWan} 万元` : '未提出额度要求';
  const ideal = demand.idealAreaM2 ?? (demand.minAreaM2 !== null ? demand.minAreaM2 * sv.idealOverMinArea : null);
  if (ideal === null || offer.areaM2 === null) return '未提出面积偏好';
  return `面积 ${offer.areaM2} m²（理想 ${Math.round(ideal)} m²${demand.idealAreaM2 === null ? '，按最小面积估计' : ''}）`;
}

function priceDetail(d: DemandContext, o: OfferContext): string {
  const { demand, offer } = { demand: d.demand, offer: o.offer };
  if (demand.kind === 'loan') {
    if (offer.ratePct === null) return '利率未标明';
    return `利率 ${offer.ratePct}%（上限 ${demand.maxRatePct ?? `${sv.referenceMaxRatePct}，参考值`}%）`;
  }
  if (offer.price === null) return '价格未标明';
  if (demand.maxPrice === null) return `价格 ${offer.price} ${unitOf(offer.kind)}，需求未设上限`;
  return `价格 ${offer.price} ${unitOf(offer.kind)}（上限 ${demand.maxPrice}）`;
}

function locationDetail(d: DemandContext, o: OfferContext): string {
  if (d.owner.parkId === null) return '需求方园区未知';
  if (o.parkId === null) return '资源不限地点';
  if (d.owner.parkId === o.parkId) return `同在「${o.parkName ?? o.parkId}」`;
  return d.owner.sectorId !== null && d.owner.sectorId === o.sectorId ? `同一板块（「${o.parkName ?? o.parkId}」）` : `位于「${o.parkName ?? o.parkId}」，不同板块`;
}

function proximityDetail(d: DemandContext, o: OfferContext, e: ProximityEvidence): string {
  switch (e.kind) {
    case 'directTie': return `「${o.owner.name}」与需求方已有供货关系`;
    case 'partnersInPark': return `园区内有需求方的 ${e.partnerIds.length} 家供需伙伴`;
    case 'sharedPartner': return `与需求方有共同的供需伙伴「${d.owner.tradePartners.find((p) => p.id === e.partnerId)?.name ?? e.partnerId}」`;
    default: return '与需求方无产业链关联';
  }
}

function tierDetail(o: OfferContext): string {
  if (o.owner.label !== 'Enterprise') return { Park: '园区直接提供', University: '高校提供', ResearchUnit: '科研院所提供' }[o.owner.label];
  const tiers = o.owner.tags.filter((t) => t !== 'korean-funded').map((t) => enterpriseTagLabels[t as EnterpriseTag] ?? t);
  return tiers.length > 0 ? `提供方：${tiers.join('·')}` : '提供方无梯度标签';
}

function channelDetail(d: DemandContext, o: OfferContext, e: ChannelEvidence): string {
  switch (e.kind) {
    case 'park': return '园区直接对接';
    case 'alliance': return `同属「${o.owner.alliances.find((a) => a.id === e.allianceId)?.name ?? e.allianceId}」`;
    case 'pairedPartyOrg': return `党组织结对共建（${e.pairing.ownName} ↔ ${e.pairing.otherName}）`;
    case 'cooperation': return e.cooperator.id === o.owner.id ? '已有产学研合作' : `与其下属「${e.cooperator.name}」有合作`;
    default: return '无引荐渠道';
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
      if (o.owner.id === park.id) paths.push({ signal: 'location', nodes: [firm, park, offer], relationships: [located, { type: 'OFFERS', from: park.id, to: offer.id }] });
      else if (o.owner.parkId === park.id) paths.push({ signal: 'location', nodes: [firm, park, owner], relationships: [located, { type: 'LOCATED_IN', from: owner.id, to: park.id }] });
      else paths.push({ signal: 'location', nodes: [firm, park], relationships: [located] });
    }
  }
  const supplies = (a: PathNode, b: PathNode, aSells: boolean) => (aSells ? { type: 'SUPPLIES', from: a.id, to: b.id } : { type: 'SUPPLIES', from: b.id, to: a.id });
  if (proximity.kind === 'directTie') {
    const tie = d.owner.tradePartners.find((p) => p.id === o.owner.id)!;
    paths.push({ signal: 'proximity', nodes: [firm, owner], relationships: [supplies(firm, owner, tie.sells)] });
  } else if (proximity.kind === 'partnersInPark') {
    for (const id of proximity.partnerIds.slice(0, 2)) {
      const tie = d.owner.tradePartners.find((p) => p.id === id)!;
      const partner = node(tie.id, 'Enterprise', tie.name);
      paths.push({
        signal: 'proximity', nodes: [firm, partner, owner, offer],
        relationships: [supplies(firm, partner, tie.sells), { type: 'LOCATED_IN', from: partner.id, to: owner.id }, { type: 'OFFERS', from: owner.id, to: offer.id }],
      });
    }
  } else if (proximity.kind === 'sharedPartner') {
    const mine = d.owner.tradePartners.find((p) => p.id === proximity.partnerId)!;
    const theirs = o.owner.tradePartners.find((p) => p.id === proximity.partnerId)!;
    const partner = node(mine.id, 'Enterprise', mine.name);
    paths.push({ signal: 'proximity', nodes: [firm, partner, owner], relationships: [supplies(firm, partner, mine.sells), supplies(owner, partner, theirs.sells)] });
  }
  if (channel.kind === 'alliance') {
    const a = o.owner.alliances.find((x) => x.id === channel.allianceId)!;
    const alliance = node(a.id, 'Alliance', a.name);
    paths.push({ signal: 'channel', nodes: [firm, alliance, owner], relationships: [{ type: 'MEMBER_OF', from: firm.id, to: alliance.id }, { type: 'MEMBER_OF', from: owner.id, to: alliance.id }] });
  } else if (channel.kind === 'pairedPartyOrg') {
    const p = channel.pairing;
    const own = node(p.own, 'PartyOrg', p.ownName);
    const other = node(p.other, 'PartyOrg', p.otherName);
    paths.push({
      signal: 'channel', nodes: [firm, own, other, owner],
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

/** One line in Chinese: what is offered, by whom, and the signals that carry the score. */
export function resourceReason(d: DemandContext, o: OfferContext, signals: SignalScore[]): string {
  const parts = [`「${o.offer.title}」由${o.owner.name}提供，满足全部硬约束`];
  const strong = signals.filter((s) => s.value >= 0.6 && s.weight > 0).sort((a, b) => b.contribution - a.contribution).slice(0, 3);
  for (const s of strong) parts.push(s.detail);
  if (strong.length === 0) parts.push(`综合匹配度 ${round(signals.reduce((t, s) => t + s.contribution, 0))}`);
  return parts.join('；');
}
