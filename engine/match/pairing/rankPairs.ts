import { appearanceCaps, confidenceThresholds, relevanceGate, reversePairingDefaults } from '../../config/scoring.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { HybridRelevance } from '../../text/hybridRelevance.ts';
import { topicsPassage } from '../../text/researchPassage.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { round, type Explanation } from '../explanation.ts';
import type { Message } from '../../contracts/messages/message.ts';
import { say } from '../../i18n/say.ts';
import { reasonOf } from '../../i18n/signalDetail.ts';
import { takeWithCap } from './appearanceCap.ts';
import { noMatchOf, type NoMatch } from './noMatch.ts';
import {
  carrierOf,
  enterpriseNeed,
  enterpriseText,
  meaningParams,
  pairPaths,
  pairSignals,
  textQueryUnitId,
  unitText,
  unitTopics,
  type NeedSide,
  type PairCarrier,
} from './pairSignals.ts';
import { enterprisesForTopics, loadEnterpriseProfiles, type EnterpriseProfile, type ResearchCatalog, type ResearchUnitProfile } from './researchCatalog.ts';
import { meaningEvidence, type MeaningEvidence } from './meaningEvidence.ts';
import { matchedTerms, needTerms, TopicVocabulary, type TopicMatch } from './topicEvidence.ts';
import { oncePer } from '../../core/oncePer.ts';

export interface PairingRequest {
  enterpriseId?: string;
  researchUnitId?: string;
  text?: string;
  /** For free text: a need (→ research units, the default) or a capability (→ enterprises). */
  textRole?: 'need' | 'capability';
  limit: number;
  filters?: { inXianlin?: boolean; universityIds?: string[]; localOnly?: boolean };
}

export interface PairResult {
  /** `needs`: the Topic names it registered as technical needs (NEEDS_TECH). */
  enterprise: { id: string; name: string; demo: boolean; needs: string[] } | null;
  researchUnit: { id: string; name: string; university: string | null; demo: boolean };
  score: number;
  /** The researcher and topic that carry the pair. */
  carriedBy: PairCarrier;
  /** The need the pair answers: the words typed, or the enterprise's registered needs. */
  need: string;
  /** The words of the need that matched the unit's topics or its researchers' expertise. */
  matchedTerms: string[];
  /** The unit's topics those words matched, best first. */
  matchedTopics: string[];
  /** The pair passed the relevance gate by meaning (dense embedding), with or without matched words. */
  matchedByMeaning: boolean;
  explanation: Explanation;
}

export interface PairingResponse {
  direction: 'to-research-units' | 'to-enterprises';
  items: PairResult[];
  /** 'hybrid': a free-text need ranked by words and meaning (lexical + dense); else the provider of `similarity`. */
  textProvider: TextSimilarity['provider'] | 'hybrid';
  /** The relevance gate the candidates passed (topic coverage, engine/config/scoring.ts). */
  relevanceThreshold: number;
  /** Why the list is empty; null when it is not. */
  noMatch: NoMatch | null;
}

/** The topic vocabulary of a catalog, built once per catalog. */
export const vocabularyOf = oncePer((catalog: ResearchCatalog) => new TopicVocabulary([...catalog.topics, ...catalog.units.flatMap((u) => u.topics)]));

/** Thresholds and their meaning: confidenceThresholds.pairing (config/scoring.ts). */
function confidence(matches: TopicMatch[], signals: Explanation['signals']): Explanation['confidence'] {
  const v = (n: string) => signals.find((s) => s.signal === n)?.value ?? 0;
  const whole = matches.some((m) => m.coverage === 1);
  if (whole && (v('cooperation') > 0 || v('channel') > 0 || v('talent') >= confidenceThresholds.pairing.strong.talent)) return 'strong';
  return whole ? 'medium' : 'weak';
}

/** The reason's clauses: who ↔ whom, then the topic, words, meaning, contact and the signals that scored. */
function reason(
  need: NeedSide,
  unit: ResearchUnitProfile,
  carrier: PairCarrier,
  signals: Explanation['signals'],
  matches: TopicMatch[],
  meaning?: MeaningEvidence,
): Message[] {
  const scored = (n: string) => signals.find((s) => s.signal === n && s.value > 0)?.detailParts ?? [];
  const parts = [
    need.profile ? say('pair.pairHead', { unit: unit.name, firm: need.profile.name }) : say('pair.unitHead', { unit: unit.name }),
    carrier.topic ? say('pair.aroundTopic', { topic: carrier.topic }) : say('pair.closeResearch'),
  ];
  const words = matchedTerms(matches);
  if (words.length > 0 && !need.profile) parts.push(say('pair.hitWords', { words }));
  if (meaning?.passes) parts.push(say('pair.meaning', { topics: unit.topics.slice(0, 3), ...meaningParams(meaning) }));
  if (carrier.researcher) parts.push(say('pair.contact', { researcher: carrier.researcher.name, title: carrier.researcher.title }));
  if (carrier.displaced) parts.push(say('pair.displaced', { researcher: carrier.displaced.researcher, cap: carrier.displaced.cap }));
  parts.push(...scored('cooperation'), ...scored('channel'), ...scored('proximity'));
  return parts;
}

/** research unit → its university, built once per catalog (needSide runs for up to 400 firms a request). */
const universityIndex = oncePer((catalog: ResearchCatalog) => new Map(catalog.units.map((u) => [u.id, u.university?.id])));

function needSide(profile: EnterpriseProfile | null, text: string, catalog: ResearchCatalog): NeedSide {
  const universityOf = universityIndex(catalog);
  const partnerUniversities = new Set((profile?.partners ?? []).map((p) => universityOf.get(p)).filter((x): x is string => Boolean(x)));
  return { profile, text, terms: needTerms(text, profile?.needs ?? []), partnerUniversities };
}

interface ScoredPair {
  need: NeedSide;
  unit: ResearchUnitProfile;
  similarity: number;
  matches: TopicMatch[];
  carrier: PairCarrier;
  meaning?: MeaningEvidence;
  total: number;
  signals: Explanation['signals'];
}

const byScore = (a: ScoredPair, b: ScoredPair) =>
  b.total - a.total || a.unit.id.localeCompare(b.unit.id) || (a.need.profile?.id ?? '').localeCompare(b.need.profile?.id ?? '');

/**
 * The relevance gate first (topic evidence for every pair: cheap), then text similarity and signals
 * for the pairs that pass, then the list best-first with no researcher carrying more than
 * `appearanceCaps.pairsPerResearcher` pairs; paths and reasons only for the pairs shown.
 */
async function scorePairs(
  similarity: TextSimilarity,
  vocab: TopicVocabulary,
  pairs: { need: NeedSide; unit: ResearchUnitProfile }[],
  limit: number,
  meaning?: Map<string, MeaningEvidence>,
): Promise<{ items: PairResult[]; noMatch: NoMatch | null }> {
  const threshold = relevanceGate.minTopicCoverage;
  let best = 0;
  // With meaning evidence (a free-text need, dense up) a unit passes on topic coverage or by meaning.
  const relevant = pairs.filter(({ need, unit }) => {
    const r = vocab.relevance(need.terms, unitTopics(unit));
    best = Math.max(best, r);
    return r >= threshold || (meaning?.get(unit.id)?.passes ?? false);
  });
  if (relevant.length === 0) return { items: [], noMatch: noMatchOf(pairs.length, best, threshold) };
  // One similarity call per distinct need text keeps embedding calls batched.
  const byText = new Map<string, { need: NeedSide; unit: ResearchUnitProfile }[]>();
  for (const p of relevant) (byText.get(p.need.text) ?? byText.set(p.need.text, []).get(p.need.text)!).push(p);
  const scored: ScoredPair[] = [];
  for (const [text, group] of byText) {
    // By meaning, the text signal is the rank by meaning score (config/meaning.ts meaningOrder), best unit 1.
    const sims = meaning
      ? group.map((p) => meaning.get(p.unit.id)!.fused)
      : await similarity.scores(
          text,
          group.map((p) => unitText(p.unit)),
        );
    group.forEach(({ need, unit }, i) => {
      const matches = vocab.matches(need.terms, unitTopics(unit), threshold);
      const carrier = carrierOf(vocab, need, unit, matches);
      const m = meaning?.get(unit.id);
      scored.push({ need, unit, similarity: sims[i], matches, carrier, meaning: m, ...pairSignals(need, unit, sims[i], carrier, matches, m) });
    });
  }
  const cap = appearanceCaps.pairsPerResearcher;
  const { items } = takeWithCap(scored, {
    limit,
    cap,
    compare: byScore,
    holder: (p) => p.carrier.researcher?.id ?? null,
    reassign: (p, full) => {
      const carrier: PairCarrier = { ...carrierOf(vocab, p.need, p.unit, p.matches, full), displaced: { researcher: p.carrier.researcher!.name, cap } };
      return { ...p, carrier, ...pairSignals(p.need, p.unit, p.similarity, carrier, p.matches, p.meaning) };
    },
  });
  return {
    noMatch: null,
    items: items.map(({ need, unit, carrier, total, signals, matches, meaning: m }) => ({
      enterprise: need.profile ? { id: need.profile.id, name: need.profile.name, demo: need.profile.demo, needs: need.profile.needs } : null,
      researchUnit: { id: unit.id, name: unit.name, university: unit.university?.name ?? null, demo: unit.demo },
      score: total,
      carriedBy: carrier,
      need: need.profile ? enterpriseNeed(need.profile) : need.text,
      matchedTerms: matchedTerms(matches),
      matchedTopics: matches.map((x) => x.topic),
      matchedByMeaning: m?.passes ?? false,
      explanation: {
        signals,
        paths: pairPaths(need, unit, carrier),
        confidence: confidence(matches, signals),
        ...reasonOf(reason(need, unit, carrier, signals, matches, m)),
      },
    })),
  };
}

/**
 * School–enterprise pairing (docs/design.md §3), both directions: an enterprise (or a need in words) to
 * research units, or a research unit (or a capability in words) to enterprises. Only candidates
 * above the relevance gate are returned; an empty list says why (`noMatch`). With `hybrid`, a need
 * in words is ranked by words and meaning (docs/evaluation.md, "Free-text needs"); when its dense
 * provider does not answer, lexically as before.
 */
export async function rankPairs(
  graph: Graph,
  catalog: ResearchCatalog,
  similarity: TextSimilarity,
  request: PairingRequest,
  hybrid?: HybridRelevance,
): Promise<PairingResponse> {
  const given = [request.enterpriseId, request.researchUnitId, request.text].filter((x) => x !== undefined).length;
  if (given !== 1)
    throw new InvalidInputError('give exactly one of enterpriseId, researchUnitId or text', [
      { path: 'body', message: 'exactly one of enterpriseId, researchUnitId, text' },
    ]);
  const vocab = vocabularyOf(catalog);
  const answer = (direction: PairingResponse['direction'], scored: { items: PairResult[]; noMatch: NoMatch | null }, byMeaning = false): PairingResponse => ({
    direction,
    ...scored,
    textProvider: byMeaning ? 'hybrid' : similarity.provider,
    relevanceThreshold: relevanceGate.minTopicCoverage,
  });
  const f = request.filters ?? {};
  const units = catalog.units.filter(
    (u) =>
      (f.inXianlin === undefined || (u.university?.inXianlin ?? false) === f.inXianlin) &&
      (!f.universityIds?.length || (u.university && f.universityIds.includes(u.university.id))),
  );

  if (request.enterpriseId || (request.text !== undefined && request.textRole !== 'capability')) {
    let need: NeedSide;
    if (request.enterpriseId) {
      const [profile] = await loadEnterpriseProfiles(graph, [request.enterpriseId]);
      if (!profile) throw new NotFoundError('Enterprise', request.enterpriseId);
      need = needSide(profile, enterpriseText(profile), catalog);
    } else {
      need = needSide(null, request.text!, catalog);
    }
    const meaning =
      hybrid && !request.enterpriseId
        ? await meaningEvidence(
            hybrid,
            need.text,
            units.map((u) => ({ id: u.id, text: unitText(u), denseText: topicsPassage(u, catalog.topicContext) })),
          )
        : undefined;
    return answer(
      'to-research-units',
      await scorePairs(
        similarity,
        vocab,
        units.map((unit) => ({ need, unit })),
        request.limit,
        meaning,
      ),
      meaning !== undefined,
    );
  }

  // Towards enterprises: a named research unit, or a capability in words standing in for one with
  // the graph's topics its words cover (none: nothing to offer, and the answer says so).
  let unit: ResearchUnitProfile;
  if (request.researchUnitId) {
    const found = catalog.units.find((u) => u.id === request.researchUnitId);
    if (!found) throw new NotFoundError('ResearchUnit', request.researchUnitId);
    unit = found;
  } else {
    const words = needTerms(request.text!);
    const covered = vocab.matches(words, catalog.topics, relevanceGate.minTopicCoverage);
    if (covered.length === 0) {
      return answer('to-enterprises', { items: [], noMatch: noMatchOf(1, vocab.relevance(words, catalog.topics), relevanceGate.minTopicCoverage) });
    }
    const topics = covered.slice(0, reversePairingDefaults.textTopics).map((m) => m.topic);
    unit = {
      id: textQueryUnitId,
      name: '需求描述',
      description: request.text!,
      topics,
      demo: false,
      university: null,
      parkId: null,
      researchers: [],
      partners: [],
      alliances: [],
      partyOrgs: [],
    };
  }
  const candidates = await enterprisesForTopics(graph, unitTopics(unit), request.researchUnitId ?? null, reversePairingDefaults.retrieve);
  const pool = f.localOnly ? candidates.filter((e) => e.local) : candidates;
  const scored = await scorePairs(
    similarity,
    vocab,
    pool.map((e) => ({ need: needSide(e, enterpriseText(e), catalog), unit })),
    request.limit,
  );
  for (const item of scored.items) {
    item.score = round(item.score);
    if (!request.researchUnitId) item.explanation.paths = item.explanation.paths.filter((p) => !p.nodes.some((n) => n.id === textQueryUnitId));
  }
  return answer('to-enterprises', scored);
}
