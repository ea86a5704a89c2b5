import { pairingWeights, relevanceGate, sharedTopicSaturation, talentLevelValues } from '../../config/scoring.ts';
import { saturate, weighSignals, type GraphPath, type PathNode, type SignalScore } from '../explanation.ts';
import type { Message } from '../../contracts/messages/message.ts';
import { say } from '../../i18n/say.ts';
import type { MeaningEvidence } from './meaningEvidence.ts';
import type { EnterpriseProfile, Researcher, ResearchUnitProfile } from './researchCatalog.ts';
import type { ExpertIndex } from './expertIndex.ts';
import type { NeedTerms, TopicMatch, TopicVocabulary } from './topicEvidence.ts';
import { oncePer } from '../../core/oncePer.ts';

/** The meaning figures a message shows: dense similarity (3 decimals) and its rank. */
export const meaningParams = (m: MeaningEvidence) => ({ similarity: Number(m.dense.toFixed(3)), rank: m.denseRank });

/** The text signal's detail: combined words-and-meaning relevance when the embeddings answered, else `plain`. */
export function textDetail(score: number, meaning: MeaningEvidence | undefined, plain: 'pair.textSimilarity' | 'talent.textSimilarity'): Message {
  const shown = Number(score.toFixed(3));
  return meaning ? say(meaning.passes ? 'text.combinedClose' : 'text.combined', { score: shown, ...meaningParams(meaning) }) : say(plain, { score: shown });
}

/** One message per matched topic (at most four): a topic both sides name, or the need's words it covers. */
export function topicDetail(matches: TopicMatch[], shared: 'pair.topicShared' | 'talent.topicNeeded'): Message[] {
  return matches
    .slice(0, 4)
    .map((m) => (m.shared ? say(shared, { topic: m.topic }) : say('topic.hit', { topic: m.topic, terms: m.terms, coverage: Number(m.coverage.toFixed(2)) })));
}

/** The stand-in research unit of a capability typed in words (pairing towards enterprises). */
export const textQueryUnitId = 'text-query';

/** Who and what carries a pair: the researcher and the topic a conversation would start from. */
export interface PairCarrier {
  researcher: Pick<Researcher, 'id' | 'name' | 'title' | 'level' | 'demo'> | null;
  topic: string | null;
  /** Set when the list's cap moved the pair off the researcher who would have carried it. */
  displaced?: { researcher: string; cap: number };
}

/** The enterprise side; `null` profile when the request is free text. */
export interface NeedSide {
  profile: EnterpriseProfile | null;
  text: string;
  /** The need's words and the Topic nodes it names (the enterprise's NEEDS_TECH). */
  terms: NeedTerms;
  /** Universities of the research units the enterprise cooperates with. */
  partnerUniversities: Set<string>;
}

/** A unit's text, built once per catalog entry: every request scores all ~1,200 units at 100k. */
export const unitText = oncePer((u: ResearchUnitProfile): string => {
  const expertise = new Set(u.researchers.flatMap((r) => r.expertise));
  return [u.name, u.description, ...u.topics, ...expertise].join(' ');
});

/**
 * What a unit itself works on: its topics and the expertise of researchers affiliated with the unit.
 * University-wide researchers count for every unit of their university (they may carry a pair), but
 * they do not make a unit relevant: a sports college's metallurgist is not its battery lab.
 */
export const unitTopics = oncePer((u: ResearchUnitProfile): string[] => [
  ...new Set([...u.topics, ...u.researchers.filter((r) => r.affiliation?.id === u.id).flatMap((r) => r.expertise)]),
]);

export function enterpriseText(e: EnterpriseProfile): string {
  return [...e.needs, ...e.products, e.description].join(' ');
}

/** The firm's actual need in words: its registered technical needs, else what it makes. */
export function enterpriseNeed(e: EnterpriseProfile): string {
  if (e.needs.length > 0) return `技术需求：${e.needs.join('、')}`;
  return e.products.length > 0 ? `未登记技术需求；主营：${e.products.slice(0, 6).join('、')}` : `未登记技术需求；${e.description}`;
}

/**
 * Picks the researcher and topic that carry the pair: only a researcher whose expertise the need
 * matches (a shared topic, or coverage at the relevance gate) may carry it — level alone never
 * does; among those, the best coverage plus level value. Researchers in `excluded` (already
 * carrying as many pairs as the cap allows) are passed over.
 */
export function carrierOf(
  vocab: TopicVocabulary,
  need: NeedSide,
  unit: ResearchUnitProfile,
  matches: TopicMatch[],
  excluded: ReadonlySet<string> = new Set(),
  experts?: ExpertIndex,
): PairCarrier {
  // The index finds by topic what the scan finds (expertIndex.test.ts); units it does not hold are scanned.
  const indexed = experts ? experts.bestCarrier(vocab, need.terms, unit, excluded) : null;
  const best = indexed === null ? scanCarriers(vocab, need, unit, excluded) : indexed;
  if (!best) return { researcher: null, topic: matches[0]?.topic ?? null };
  const r = best.researcher;
  return { researcher: { id: r.id, name: r.name, title: r.title, level: r.level, demo: r.demo }, topic: best.topic };
}

/** Every researcher of the unit and every topic of their expertise: the reference carrierOf's index must agree with. */
export function scanCarriers(
  vocab: TopicVocabulary,
  need: NeedSide,
  unit: ResearchUnitProfile,
  excluded: ReadonlySet<string>,
): { researcher: Researcher; topic: string } | undefined {
  let best: { r: Researcher; topic: string; value: number } | undefined;
  for (const r of unit.researchers) {
    if (excluded.has(r.id)) continue;
    for (const topic of r.expertise) {
      const coverage = vocab.coverage(need.terms, topic);
      if (coverage < relevanceGate.minTopicCoverage) continue;
      const value = coverage + (talentLevelValues[r.level] ?? 0);
      if (!best || value > best.value || (value === best.value && r.id < best.r.id)) best = { r, topic, value };
    }
  }
  return best && { researcher: best.r, topic: best.topic };
}

function matchDetail(matches: TopicMatch[]): Message[] {
  return matches.length === 0 ? [say('pair.noTopic')] : topicDetail(matches, 'pair.topicShared');
}

/** What a pair's signals are read from (pairSignalValues and pairSignals share it). */
function pairFacts(need: NeedSide, unit: ResearchUnitProfile, carrier: PairCarrier, matches: TopicMatch[]) {
  const relevance = matches[0]?.coverage ?? 0;
  const e = need.profile;
  const cooperatedHere = e?.partners.includes(unit.id) ?? false;
  const samePark = Boolean(e?.parkId && unit.parkId && e.parkId === unit.parkId);
  return {
    relevance,
    located: e !== null && unit.id !== textQueryUnitId,
    cooperatedHere,
    cooperatedUniversity: !cooperatedHere && unit.university !== null && need.partnerUniversities.has(unit.university.id),
    level: carrier.researcher ? (talentLevelValues[carrier.researcher.level] ?? 0) : 0,
    samePark,
    proximity: samePark ? 1 : e?.local && unit.university?.inXianlin ? 0.7 : 0,
    alliance: e ? unit.alliances.find((a) => e.alliances.some((x) => x.id === a.id)) : undefined,
    paired: e ? unit.partyOrgs.find((po) => e.pairedPartyOrgs.some((p) => p.other === po.id)) : undefined,
  };
}

/**
 * The pair's signal values. `relevance` (best topic coverage, 1 for a shared topic) scales the supporting
 * signals: they reorder relevant units and never bring in an irrelevant one (the gate runs first).
 * A signal with nothing to go on (free text has no park, alliance or partners) is 0. Without the
 * sentences that explain them: ranking several hundred pairs needs only these (weightedTotal), and
 * pairSignals explains the few shown.
 */
export function pairSignalValues(
  need: NeedSide,
  unit: ResearchUnitProfile,
  textSimilarity: number,
  carrier: PairCarrier,
  matches: TopicMatch[],
  facts = pairFacts(need, unit, carrier, matches),
): Record<keyof typeof pairingWeights, number> {
  const { relevance } = facts;
  return {
    text: textSimilarity,
    topics: saturate(
      matches.reduce((s, m) => s + m.coverage, 0),
      sharedTopicSaturation,
    ),
    cooperation: facts.cooperatedHere ? 1 : facts.cooperatedUniversity ? 0.5 : 0,
    talent: facts.level * relevance,
    proximity: facts.proximity * relevance,
    channel: (facts.alliance ? 1 : facts.paired ? 0.9 : 0) * relevance,
  };
}

/** The pair's signals (pairSignalValues) with what each one says; a signal with nothing to go on says so. */
export function pairSignals(
  need: NeedSide,
  unit: ResearchUnitProfile,
  textSimilarity: number,
  carrier: PairCarrier,
  matches: TopicMatch[],
  meaning?: MeaningEvidence,
): { total: number; signals: SignalScore[] } {
  const facts = pairFacts(need, unit, carrier, matches);
  const value = pairSignalValues(need, unit, textSimilarity, carrier, matches, facts);
  const { located, cooperatedHere, cooperatedUniversity, samePark, proximity, alliance, paired, relevance } = facts;
  const scaled = relevance < 1 ? [say('signal.relevanceNote', { relevance: Number(relevance.toFixed(2)) })] : [];
  const noData = [say('signal.noData')];
  const displaced = carrier.displaced ? [say('pair.displacedNote', { researcher: carrier.displaced.researcher, cap: carrier.displaced.cap })] : [];
  const r = carrier.researcher;
  return weighSignals(
    {
      text: { value: value.text, detail: textDetail(textSimilarity, meaning, 'pair.textSimilarity') },
      topics: { value: value.topics, detail: matchDetail(matches) },
      cooperation: {
        value: value.cooperation,
        detail: !located ? noData : say(cooperatedHere ? 'pair.cooperated' : cooperatedUniversity ? 'pair.cooperatedUniversity' : 'pair.noCooperation'),
      },
      talent: {
        value: value.talent,
        detail: [
          ...(r ? [say('pair.researcher', { researcher: r.name, title: r.title, level: r.level }), ...scaled] : [say('pair.noResearcher')]),
          ...displaced,
        ],
      },
      proximity: {
        value: value.proximity,
        detail: !located ? noData : [say(samePark ? 'pair.samePark' : proximity > 0 ? 'pair.xianlin' : 'pair.notNear'), ...(proximity > 0 ? scaled : [])],
      },
      channel: {
        value: value.channel,
        detail: !located
          ? noData
          : [
              alliance ? say('pair.sameAlliance', { alliance: alliance.name }) : say(paired ? 'pair.pairedParty' : 'pair.noChannel'),
              ...(alliance || paired ? scaled : []),
            ],
      },
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
    if (e.partners.includes(unit.id))
      paths.push({ signal: 'cooperation', nodes: [en, u], relationships: [{ type: 'COOPERATES_WITH', from: en.id, to: u.id }] });
    const alliance = unit.alliances.find((a) => e.alliances.some((x) => x.id === a.id));
    if (alliance) {
      const an: PathNode = { id: alliance.id, label: 'Alliance', name: alliance.name };
      const member: PathNode = {
        id: alliance.member,
        label: alliance.memberLabel,
        name: alliance.member === unit.id ? unit.name : (unit.university?.name ?? alliance.member),
      };
      paths.push({
        signal: 'channel',
        nodes: [en, an, member],
        relationships: [
          { type: 'MEMBER_OF', from: en.id, to: an.id },
          { type: 'MEMBER_OF', from: member.id, to: an.id },
        ],
      });
    }
    const po = unit.partyOrgs.find((x) => e.pairedPartyOrgs.some((p) => p.other === x.id));
    const pair = po && e.pairedPartyOrgs.find((p) => p.other === po.id);
    if (po && pair) {
      const own: PathNode = { id: pair.own, label: 'PartyOrg', name: pair.own };
      const other: PathNode = { id: po.id, label: 'PartyOrg', name: po.id };
      const owner: PathNode = { id: po.owner, label: po.ownerLabel, name: po.owner === unit.id ? unit.name : (unit.university?.name ?? po.owner) };
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
