import { relevanceGate, reversePairingDefaults } from '../../config/scoring.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { HybridRelevance } from '../../text/hybridRelevance.ts';
import { topicsPassage } from '../../text/researchPassage.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { round } from '../explanation.ts';
import { noMatchOf, type NoMatch } from './noMatch.ts';
import { enterpriseText, textQueryUnitId, unitText, unitTopics, type NeedSide } from './pairSignals.ts';
import type { PairingRequest, PairingResponse, PairResult } from './pairingRequest.ts';
import { KeptNeedSides } from './keptNeedSides.ts';
import { enterprisesForTopics, loadEnterpriseProfiles, type EnterpriseProfile, type ResearchCatalog, type ResearchUnitProfile } from './researchCatalog.ts';
import { expertIndexOf } from './expertIndex.ts';
import { meaningEvidence } from './meaningEvidence.ts';
import { readyNeedPool, retrieveFromPool } from './needPool.ts';
import { scorePairs } from './scorePairs.ts';
import { needTerms, TopicVocabulary, type NeedTerms } from './topicEvidence.ts';
import { topicGate, topicHolders } from './topicGate.ts';
import { oncePer } from '../../core/oncePer.ts';

// The request and answer types live in pairingRequest.ts; the engine imports them from here.
export type { PairingRequest, PairingResponse, PairResult } from './pairingRequest.ts';

/** The topic vocabulary of a catalog, built once per catalog. */
export const vocabularyOf = oncePer((catalog: ResearchCatalog) => new TopicVocabulary([...catalog.topics, ...catalog.units.flatMap((u) => u.topics)]));

/** The research units by the topics that make them relevant (their own topics and own researchers' expertise), once per catalog. */
export const unitsByTopic = oncePer((catalog: ResearchCatalog) => topicHolders(catalog.units, unitTopics));

/** The units of the pool a need's words cover (topicGate.ts), in catalog order, and the best coverage any reached. */
export function unitGate(catalog: ResearchCatalog, need: NeedTerms, inPool: (u: ResearchUnitProfile) => boolean) {
  return topicGate(vocabularyOf(catalog), unitsByTopic(catalog), need, inPool);
}

/** research unit → its university, built once per catalog (needSide runs for up to 400 firms a request). */
const universityIndex = oncePer((catalog: ResearchCatalog) => new Map(catalog.units.map((u) => [u.id, u.university?.id])));

/** The firms pairing towards enterprises scores, kept until the catalog is reloaded (after a write). */
const keptNeedSides = oncePer((catalog: ResearchCatalog) => new KeptNeedSides(reversePairingDefaults.kept, (p) => needSide(p, enterpriseText(p), catalog)));

function needSide(profile: EnterpriseProfile | null, text: string, catalog: ResearchCatalog): NeedSide {
  const universityOf = universityIndex(catalog);
  const partnerUniversities = new Set((profile?.partners ?? []).map((p) => universityOf.get(p)).filter((x): x is string => Boolean(x)));
  return { profile, text, terms: needTerms(text, profile?.needs ?? []), partnerUniversities };
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
  const inPool = (u: ResearchUnitProfile) =>
    (f.inXianlin === undefined || (u.university?.inXianlin ?? false) === f.inXianlin) &&
    (!f.universityIds?.length || Boolean(u.university && f.universityIds.includes(u.university.id)));

  if (request.enterpriseId || (request.text !== undefined && request.textRole !== 'capability')) {
    let need: NeedSide;
    if (request.enterpriseId) {
      const [profile] = await loadEnterpriseProfiles(graph, [request.enterpriseId]);
      if (!profile) throw new NotFoundError('Enterprise', request.enterpriseId);
      need = needSide(profile, enterpriseText(profile), catalog);
    } else {
      need = needSide(null, request.text!, catalog);
    }
    // Every unit of the pool is weighed by meaning (a need in words, dense up); otherwise only those the
    // gate lets through are scored, found by topic: the answer is the same, without a scan of all units.
    const meaning =
      hybrid?.dense && !request.enterpriseId
        ? await meaningEvidence(
            hybrid,
            need.text,
            catalog.units.filter(inPool).map((u) => ({ id: u.id, text: unitText(u), denseText: topicsPassage(u, catalog.topicContext) })),
          )
        : undefined;
    const gate = unitGate(catalog, need.terms, inPool);
    const gated = meaning && new Set(gate.covered);
    const candidates = gated ? catalog.units.filter((u) => inPool(u) && (gated.has(u) || meaning.get(u.id)?.passes)) : gate.covered;
    if (candidates.length === 0) {
      const noMatch = noMatchOf(catalog.units.filter(inPool).length, gate.best, relevanceGate.minTopicCoverage);
      return answer('to-research-units', { items: [], noMatch }, meaning !== undefined);
    }
    return answer(
      'to-research-units',
      await scorePairs(
        similarity,
        vocab,
        candidates.map((unit) => ({ need, unit })),
        request.limit,
        meaning,
        expertIndexOf(catalog),
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
  const topics = unitTopics(unit);
  const unitId = request.researchUnitId ?? null;
  const localOnly = f.localOnly ?? false;
  const pool = readyNeedPool(catalog);
  const needs = pool
    ? keptNeedSides(catalog).sidesOf(retrieveFromPool(pool, topics, unitId, reversePairingDefaults.retrieve, localOnly))
    : await keptNeedSides(catalog).pool(JSON.stringify([topics, unitId, localOnly]), () =>
        enterprisesForTopics(graph, topics, unitId, reversePairingDefaults.retrieve, localOnly),
      );
  const scored = await scorePairs(
    similarity,
    vocab,
    needs.map((need) => ({ need, unit })),
    request.limit,
    undefined,
    expertIndexOf(catalog),
  );
  for (const item of scored.items) {
    item.score = round(item.score);
    if (!request.researchUnitId) item.explanation.paths = item.explanation.paths.filter((p) => !p.nodes.some((n) => n.id === textQueryUnitId));
  }
  return answer('to-enterprises', scored);
}
