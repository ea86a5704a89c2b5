import { pairingWeights, relevanceTextFull, sharedTopicSaturation, talentLevelValues } from '../../config/scoring.ts';
import { saturate, weighSignals, type GraphPath, type PathNode, type SignalScore } from '../explanation.ts';
import type { EnterpriseProfile, Researcher, ResearchUnitProfile } from './researchCatalog.ts';
import { oncePer } from '../../oncePer.ts';

/** Who and what carries a pair: the researcher and the topic a conversation would start from. */
export interface PairCarrier {
  researcher: Pick<Researcher, 'id' | 'name' | 'title' | 'level'> | null;
  topic: string | null;
}

/** The enterprise side; `null` profile when the request is free text. */
export interface NeedSide {
  profile: EnterpriseProfile | null;
  text: string;
  topics: string[];
  /** Universities of the research units the enterprise cooperates with. */
  partnerUniversities: Set<string>;
}

/** A unit's text, built once per catalog entry: every request scores all ~1,200 units at 100k. */
export const unitText = oncePer((u: ResearchUnitProfile): string => {
  const expertise = new Set(u.researchers.flatMap((r) => r.expertise));
  return [u.name, u.description, ...u.topics, ...expertise].join(' ');
});

export function enterpriseText(e: EnterpriseProfile): string {
  return [...e.needs, ...e.products, e.description].join(' ');
}

/** Picks the researcher and topic that carry the pair: a shared topic first, then the highest level. */
export function carrierOf(need: NeedSide, unit: ResearchUnitProfile): PairCarrier {
  const wanted = new Set(need.topics);
  let best: { r: Researcher; topic: string; value: number } | undefined;
  for (const r of unit.researchers) {
    for (const topic of r.expertise) {
      const value = (wanted.has(topic) ? 10 : 0) + (talentLevelValues[r.level] ?? 0);
      if (!best || value > best.value) best = { r, topic, value };
    }
  }
  const sharedUnitTopic = unit.topics.find((t) => wanted.has(t)) ?? null;
  if (!best) return { researcher: null, topic: sharedUnitTopic ?? unit.topics[0] ?? null };
  const topic = wanted.has(best.topic) ? best.topic : sharedUnitTopic ?? best.topic;
  return { researcher: { id: best.r.id, name: best.r.name, title: best.r.title, level: best.r.level }, topic };
}

/** 1 with a shared topic or text similarity ≥ `relevanceTextFull`, else proportional to the text similarity. */
export function relevanceOf(textSimilarity: number, sharedTopics: number): number {
  return sharedTopics > 0 ? 1 : Math.min(1, textSimilarity / relevanceTextFull);
}

export function pairSignals(need: NeedSide, unit: ResearchUnitProfile, textSimilarity: number, carrier: PairCarrier): { total: number; signals: SignalScore[] } {
  const unitTopics = new Set([...unit.topics, ...unit.researchers.flatMap((r) => r.expertise)]);
  const shared = need.topics.filter((t) => unitTopics.has(t));
  const e = need.profile;
  const cooperatedHere = e?.partners.includes(unit.id) ?? false;
  const cooperatedUniversity = !cooperatedHere && unit.university !== null && need.partnerUniversities.has(unit.university.id);
  const level = carrier.researcher ? talentLevelValues[carrier.researcher.level] ?? 0 : 0;
  const samePark = Boolean(e?.parkId && unit.parkId && e.parkId === unit.parkId);
  const proximity = samePark ? 1 : e?.local && unit.university?.inXianlin ? 0.7 : 0;
  const alliance = e ? unit.alliances.find((a) => e.alliances.some((x) => x.id === a.id)) : undefined;
  const paired = e ? unit.partyOrgs.find((po) => e.pairedPartyOrgs.some((p) => p.other === po.id)) : undefined;
  // A famous lab next door is no partner if it works on something else: the supporting signals
  // count only in proportion to how relevant the unit is (a shared topic, or enough text overlap).
  const relevance = relevanceOf(textSimilarity, shared.length);
  const gated = relevance < 1 ? `（按相关度 ${relevance.toFixed(2)} 折算）` : '';
  return weighSignals(
    {
      text: { value: textSimilarity, detail: `需求与研究方向文本相似度 ${textSimilarity.toFixed(3)}` },
      topics: { value: saturate(shared.length, sharedTopicSaturation), detail: shared.length > 0 ? `共同技术主题：${shared.join('、')}` : '无共同技术主题' },
      cooperation: { value: cooperatedHere ? 1 : cooperatedUniversity ? 0.5 : 0, detail: cooperatedHere ? '已有产学研合作' : cooperatedUniversity ? '与该校其他院所有合作' : '尚无合作记录' },
      talent: { value: level * relevance, detail: (carrier.researcher ? `${carrier.researcher.name}（${carrier.researcher.title}，${carrier.researcher.level}）` : '无对应研究人员') + gated },
      proximity: { value: proximity * relevance, detail: (samePark ? '同一园区' : proximity > 0 ? '位于仙林大学城，近在区内' : '不在同一区域') + gated },
      channel: { value: (alliance ? 1 : paired ? 0.9 : 0) * relevance, detail: (alliance ? `同属「${alliance.name}」` : paired ? '党组织结对共建' : '无共同联盟或结对') + gated },
    },
    pairingWeights,
  );
}

/** The graph paths behind a pair, each relationship in its stored direction. */
export function pairPaths(need: NeedSide, unit: ResearchUnitProfile, carrier: PairCarrier): GraphPath[] {
  const u: PathNode = { id: unit.id, label: 'ResearchUnit', name: unit.name };
  const paths: GraphPath[] = [];
  const e = need.profile;
  const en: PathNode | null = e ? { id: e.id, label: 'Enterprise', name: e.name } : null;
  if (carrier.topic) {
    const t: PathNode = { id: `topic:${carrier.topic}`, label: 'Topic', name: carrier.topic };
    const needsIt = e?.needs.includes(carrier.topic);
    if (unit.topics.includes(carrier.topic)) {
      paths.push({
        signal: 'topics',
        nodes: needsIt && en ? [en, t, u] : [t, u],
        relationships: [...(needsIt && en ? [{ type: 'NEEDS_TECH', from: en.id, to: t.id }] : []), { type: 'RESEARCHES', from: u.id, to: t.id }],
      });
    }
    const r = carrier.researcher;
    const researcher = r ? unit.researchers.find((x) => x.id === r.id) : undefined;
    if (researcher && researcher.expertise.includes(carrier.topic) && researcher.affiliation) {
      const rn: PathNode = { id: researcher.id, label: 'Talent', name: researcher.name };
      const an: PathNode = { id: researcher.affiliation.id, label: researcher.affiliation.label, name: researcher.affiliation.name };
      paths.push({
        signal: 'talent',
        nodes: [...(needsIt && en ? [en] : []), t, rn, an],
        relationships: [
          ...(needsIt && en ? [{ type: 'NEEDS_TECH', from: en.id, to: t.id }] : []),
          { type: 'EXPERT_IN', from: rn.id, to: t.id },
          { type: 'AFFILIATED_WITH', from: rn.id, to: an.id },
        ],
      });
    }
  }
  if (e && en) {
    if (e.partners.includes(unit.id)) paths.push({ signal: 'cooperation', nodes: [en, u], relationships: [{ type: 'COOPERATES_WITH', from: en.id, to: u.id }] });
    const alliance = unit.alliances.find((a) => e.alliances.some((x) => x.id === a.id));
    if (alliance) {
      const an: PathNode = { id: alliance.id, label: 'Alliance', name: alliance.name };
      const member: PathNode = { id: alliance.member, label: alliance.memberLabel, name: alliance.member === unit.id ? unit.name : unit.university?.name ?? alliance.member };
      paths.push({ signal: 'channel', nodes: [en, an, member], relationships: [{ type: 'MEMBER_OF', from: en.id, to: an.id }, { type: 'MEMBER_OF', from: member.id, to: an.id }] });
    }
    const po = unit.partyOrgs.find((x) => e.pairedPartyOrgs.some((p) => p.other === x.id));
    const pair = po && e.pairedPartyOrgs.find((p) => p.other === po.id);
    if (po && pair) {
      const own: PathNode = { id: pair.own, label: 'PartyOrg', name: pair.own };
      const other: PathNode = { id: po.id, label: 'PartyOrg', name: po.id };
      const owner: PathNode = { id: po.owner, label: po.ownerLabel, name: po.owner === unit.id ? unit.name : unit.university?.name ?? po.owner };
      paths.push({
        signal: 'channel',
        nodes: [en, own, other, owner],
        relationships: [
          { type: 'HAS_PARTY_ORG', from: en.id, to: own.id },
          pair.outgoing ? { type: 'PAIRED_WITH', from: own.id, to: other.id } : { type: 'PAIRED_WITH', from: other.id, to: own.id },
          { type: 'HAS_PARTY_ORG', from: owner.id, to: other.id },
        ],
      });
    }
  }
  return paths;
}
