import { appearanceCaps, pairingWeights, relevanceGate } from '../../config/scoring.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { weightedTotal } from '../explanation.ts';
import { reasonOf } from '../../i18n/signalDetail.ts';
import { takeWithCap } from './appearanceCap.ts';
import { pairConfidence, pairReason } from './explainPair.ts';
import { noMatchOf, type NoMatch } from './noMatch.ts';
import type { PairResult } from './pairingRequest.ts';
import { carrierOf, enterpriseNeed, pairPaths, pairSignals, pairSignalValues, unitText, unitTopics, type NeedSide, type PairCarrier } from './pairSignals.ts';
import type { ResearchUnitProfile } from './researchCatalog.ts';
import type { ExpertIndex } from './expertIndex.ts';
import type { MeaningEvidence } from './meaningEvidence.ts';
import { matchedTerms, type TopicMatch, type TopicVocabulary } from './topicEvidence.ts';

/** A pair past the relevance gate, with what the capped list and its explanation are built from. */
interface ScoredPair {
  need: NeedSide;
  unit: ResearchUnitProfile;
  similarity: number;
  matches: TopicMatch[];
  carrier: PairCarrier;
  meaning?: MeaningEvidence;
  /** weighSignals' total of the pair's signals; the signals themselves are explained for the pairs shown only. */
  total: number;
}

/** Best first; ties by unit id, then firm id, so a list never depends on the order pairs were scored in. */
const byScore = (a: ScoredPair, b: ScoredPair) =>
  b.total - a.total || a.unit.id.localeCompare(b.unit.id) || (a.need.profile?.id ?? '').localeCompare(b.need.profile?.id ?? '');

type Pair = { need: NeedSide; unit: ResearchUnitProfile };

/**
 * The text signal of each pair, in groups. By meaning, the rank by meaning score (config/meaning.ts
 * meaningOrder), best unit 1. Else one similarity call per distinct need text keeps embedding calls
 * batched — except when every pair has the same unit (pairing towards enterprises) and the scorer is
 * lexical: its cosine is symmetric, so the unit's text is scored once against the firms' texts, whose
 * vectors the scorer keeps across requests, rather than each firm's text vectorised afresh as a query
 * (up to 400 a request at reversePairingDefaults.retrieve). The numbers are the same to the bit.
 */
export async function textSimilarities(
  similarity: TextSimilarity,
  relevant: Pair[],
  meaning: Map<string, MeaningEvidence> | undefined,
): Promise<{ group: Pair[]; sims: number[] }[]> {
  if (meaning) return [{ group: relevant, sims: relevant.map((p) => meaning.get(p.unit.id)!.fused) }];
  const unit = relevant[0]!.unit;
  if (similarity.provider === 'lexical' && relevant.every((p) => p.unit === unit)) {
    return [
      {
        group: relevant,
        sims: await similarity.scores(
          unitText(unit),
          relevant.map((p) => p.need.text),
        ),
      },
    ];
  }
  const byText = new Map<string, Pair[]>();
  for (const p of relevant) (byText.get(p.need.text) ?? byText.set(p.need.text, []).get(p.need.text)!).push(p);
  const out: { group: Pair[]; sims: number[] }[] = [];
  for (const [text, group] of byText)
    out.push({
      group,
      sims: await similarity.scores(
        text,
        group.map((p) => unitText(p.unit)),
      ),
    });
  return out;
}

/**
 * The relevance gate first (topic evidence for every pair: cheap), then text similarity and signals
 * for the pairs that pass, then the list best-first with no researcher carrying more than
 * `appearanceCaps.pairsPerResearcher` pairs; paths and reasons only for the pairs shown.
 */
export async function scorePairs(
  similarity: TextSimilarity,
  vocab: TopicVocabulary,
  pairs: { need: NeedSide; unit: ResearchUnitProfile }[],
  limit: number,
  meaning?: Map<string, MeaningEvidence>,
  experts?: ExpertIndex,
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
  const scored: ScoredPair[] = [];
  for (const { group, sims } of await textSimilarities(similarity, relevant, meaning)) {
    group.forEach(({ need, unit }, i) => {
      const matches = vocab.matches(need.terms, unitTopics(unit), threshold);
      const carrier = carrierOf(vocab, need, unit, matches, undefined, experts);
      const m = meaning?.get(unit.id);
      scored.push({ need, unit, similarity: sims[i], matches, carrier, meaning: m, total: totalOf(need, unit, sims[i], carrier, matches) });
    });
  }
  const cap = appearanceCaps.pairsPerResearcher;
  const { items } = takeWithCap(scored, {
    limit,
    cap,
    compare: byScore,
    holder: (p) => p.carrier.researcher?.id ?? null,
    reassign: (p, full) => {
      const carrier: PairCarrier = {
        ...carrierOf(vocab, p.need, p.unit, p.matches, full, experts),
        displaced: { researcher: p.carrier.researcher!.name, cap },
      };
      return { ...p, carrier, total: totalOf(p.need, p.unit, p.similarity, carrier, p.matches) };
    },
  });
  return {
    noMatch: null,
    items: items.map(({ need, unit, similarity, carrier, matches, meaning: m }) => explained(need, unit, similarity, carrier, matches, m)),
  };
}

/** The ranking total of a pair: weighSignals' total, to the bit, without the sentences. */
const totalOf = (need: NeedSide, unit: ResearchUnitProfile, similarity: number, carrier: PairCarrier, matches: TopicMatch[]) =>
  weightedTotal(pairSignalValues(need, unit, similarity, carrier, matches), pairingWeights);

/** A pair as the answer shows it: its signals with what they say, paths, confidence and reason. */
function explained(
  need: NeedSide,
  unit: ResearchUnitProfile,
  similarity: number,
  carrier: PairCarrier,
  matches: TopicMatch[],
  m: MeaningEvidence | undefined,
): PairResult {
  const { total, signals } = pairSignals(need, unit, similarity, carrier, matches, m);
  return {
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
      confidence: pairConfidence(matches, signals),
      ...reasonOf(pairReason(need, unit, carrier, signals, matches, m)),
    },
  };
}
