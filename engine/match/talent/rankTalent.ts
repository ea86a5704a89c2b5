import { appearanceCaps, confidenceThresholds, relevanceGate, sharedTopicSaturation, talentLevelValues, talentWeights } from '../../config/scoring.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { HybridRelevance } from '../../text/hybridRelevance.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { saturate, weighSignals, weightedTotal, type Explanation, type GraphPath, type PathNode } from '../explanation.ts';
import { takeWithCap } from '../pairing/appearanceCap.ts';
import { meaningEvidence, type MeaningEvidence } from '../pairing/meaningEvidence.ts';
import { noMatchOf, type NoMatch } from '../pairing/noMatch.ts';
import { enterpriseNeed, enterpriseText, meaningParams, textDetail, topicDetail } from '../pairing/pairSignals.ts';
import { say } from '../../i18n/say.ts';
import { reasonOf } from '../../i18n/signalDetail.ts';
import { vocabularyOf } from '../pairing/rankPairs.ts';
import { loadEnterpriseProfiles, type EnterpriseProfile, type Researcher, type ResearchCatalog } from '../pairing/researchCatalog.ts';
import { matchedTerms, needTerms, type TopicMatch } from '../pairing/topicEvidence.ts';
import { oncePer } from '../../core/oncePer.ts';
import { expertisePassage } from '../../text/researchPassage.ts';
import { talentGate } from './talentGate.ts';

export interface TalentRequest {
  enterpriseId?: string;
  text?: string;
  limit: number;
  filters?: { levels?: string[] };
}

export interface TalentMatch {
  talent: Pick<Researcher, 'id' | 'name' | 'title' | 'level' | 'honours' | 'expertise' | 'affiliation' | 'demo'>;
  score: number;
  /** The expertise topic that best matches the need. */
  topic: string | null;
  /** The words of the need that matched the talent's expertise. */
  matchedTerms: string[];
  /** The expertise topics those words matched, best first. */
  matchedTopics: string[];
  /** The talent passed the relevance gate by meaning (dense embedding), with or without matched words. */
  matchedByMeaning: boolean;
  explanation: Explanation;
}

export interface TalentResponse {
  items: TalentMatch[];
  /** 'hybrid': a need in words ranked by words and meaning (lexical + dense); else the provider of `similarity`. */
  textProvider: TextSimilarity['provider'] | 'hybrid';
  /** The need matched: the words typed, or the enterprise's registered needs. */
  need: string;
  relevanceThreshold: number;
  /** Why the list is empty; null when it is not. */
  noMatch: NoMatch | null;
  /** Relevant talents left out because their affiliation already supplies `perAffiliation` of the list. */
  capped: { perAffiliation: number; omitted: { affiliation: string; count: number }[] };
}

/** A talent's text, built once per catalog entry: every request scores all of them (~11k at 100k). */
export const talentText = oncePer((t: Researcher) => [t.title, ...t.expertise, t.description].join(' '));

/** What the dense side reads for each talent: its expertise alone (names and titles say nothing of a need), with the topics' segments. */
const talentPassages = oncePer((catalog: ResearchCatalog) => new Map(catalog.talents.map((t) => [t.id, expertisePassage(t, catalog.topicContext)])));

/** The research units, and those of 仙林 and their universities (the proximity signal), once per catalog. */
const unitSets = oncePer((catalog: ResearchCatalog) => {
  const xianlin = catalog.units.filter((u) => u.university?.inXianlin);
  return {
    unitIds: new Set(catalog.units.map((u) => u.id)),
    xianlinUnits: new Set(xianlin.map((u) => u.id)),
    xianlinUniversities: new Set(xianlin.map((u) => u.university!.id)),
  };
});

/** The talent's best-matching expertise (from the enterprise when it needs that very topic), and its affiliation. */
function talentPaths(e: EnterpriseProfile | null, t: Researcher, match: TopicMatch, catalogUnits: Set<string>): GraphPath[] {
  const tn: PathNode = { id: t.id, label: 'Talent', name: t.name };
  const topicNode: PathNode = { id: `topic:${match.topic}`, label: 'Topic', name: match.topic };
  const en: PathNode | null = e && match.shared ? { id: e.id, label: 'Enterprise', name: e.name } : null;
  const paths: GraphPath[] = [
    {
      signal: 'topics',
      nodes: en ? [en, topicNode, tn] : [topicNode, tn],
      relationships: [...(en ? [{ type: 'NEEDS_TECH', from: en.id, to: topicNode.id }] : []), { type: 'EXPERT_IN', from: tn.id, to: topicNode.id }],
    },
  ];
  if (t.affiliation) {
    const an: PathNode = { id: t.affiliation.id, label: t.affiliation.label, name: t.affiliation.name };
    const cooperates = e && catalogUnits.has(an.id) && e.partners.includes(an.id);
    paths.push(
      cooperates && e
        ? {
            signal: 'cooperation',
            nodes: [tn, an, { id: e.id, label: 'Enterprise', name: e.name }],
            relationships: [
              { type: 'AFFILIATED_WITH', from: tn.id, to: an.id },
              { type: 'COOPERATES_WITH', from: e.id, to: an.id },
            ],
          }
        : { signal: 'level', nodes: [tn, an], relationships: [{ type: 'AFFILIATED_WITH', from: tn.id, to: an.id }] },
    );
  }
  return paths;
}

/**
 * Talents (with affiliation, honours and expertise) ranked for an enterprise's needs or a need in
 * words: only those whose expertise the need matches (the relevance gate), at most
 * `appearanceCaps.talentsPerAffiliation` from one affiliation, ordered by the score shown. With
 * `hybrid`, a need in words may also match an expertise by meaning (as pairing does).
 */
export async function rankTalent(
  graph: Graph,
  catalog: ResearchCatalog,
  similarity: TextSimilarity,
  request: TalentRequest,
  hybrid?: HybridRelevance,
): Promise<TalentResponse> {
  if ((request.enterpriseId === undefined) === (request.text === undefined)) {
    throw new InvalidInputError('give exactly one of enterpriseId or text', [{ path: 'body', message: 'exactly one of enterpriseId, text' }]);
  }
  let profile: EnterpriseProfile | null = null;
  if (request.enterpriseId) {
    [profile] = await loadEnterpriseProfiles(graph, [request.enterpriseId]);
    if (!profile) throw new NotFoundError('Enterprise', request.enterpriseId);
  }
  const needText = profile ? enterpriseText(profile) : request.text!;
  const need = needTerms(needText, profile?.needs ?? []);
  const vocab = vocabularyOf(catalog);
  const threshold = relevanceGate.minTopicCoverage;
  const levels = request.filters?.levels;
  const inPool = (t: Researcher) => (!levels?.length || levels.includes(t.level)) && t.affiliation?.id !== profile?.id;
  // The pool as a list only where every talent of it is weighed by meaning (a need in words, dense up).
  const meaning: Map<string, MeaningEvidence> | undefined =
    hybrid?.dense && !profile
      ? await meaningEvidence(
          hybrid,
          needText,
          catalog.talents.filter(inPool).map((t) => ({ id: t.id, text: talentText(t), denseText: talentPassages(catalog).get(t.id)! })),
        )
      : undefined;
  const base = {
    textProvider: meaning ? ('hybrid' as const) : similarity.provider,
    need: profile ? enterpriseNeed(profile) : needText,
    relevanceThreshold: threshold,
  };
  const cap = appearanceCaps.talentsPerAffiliation;

  // The gate first: level and proximity support a relevant talent; they never bring in an irrelevant one.
  const { covered, best } = talentGate(catalog, need, inPool);
  const gated = meaning && new Set(covered);
  const relevant = gated ? catalog.talents.filter((t) => inPool(t) && (meaning.get(t.id)?.passes || gated.has(t))) : covered;
  if (relevant.length === 0)
    return { ...base, items: [], noMatch: noMatchOf(catalog.talents.filter(inPool).length, best, threshold), capped: { perAffiliation: cap, omitted: [] } };

  // By meaning, the text signal is the rank by meaning score (config/meaning.ts meaningOrder), best talent 1.
  const sims = meaning ? relevant.map((t) => meaning.get(t.id)!.fused) : await similarity.scores(needText, relevant.map(talentText));
  const { unitIds, xianlinUnits, xianlinUniversities } = unitSets(catalog);
  // Talents share expertise lists (113k talents, 22k lists at 1,000,000 firms): match each list once.
  const matchesOf = new Map<string, TopicMatch[]>();
  const expertiseMatches = (t: Researcher) => {
    const key = t.expertise.join('\u0001');
    let m = matchesOf.get(key);
    if (!m) matchesOf.set(key, (m = vocab.matches(need, t.expertise, threshold)));
    return m;
  };

  const scored = relevant.map((t, i) => {
    const matches = expertiseMatches(t);
    // A talent in by meaning alone has no covered topic: its supporting signals count at the text's strength.
    const relevance = matches[0]?.coverage ?? sims[i];
    const near = Boolean(
      t.affiliation &&
      (xianlinUnits.has(t.affiliation.id) || xianlinUniversities.has(t.affiliation.id) || (t.affiliation.label === 'Enterprise' && profile?.local)),
    );
    const cooperates = Boolean(profile && t.affiliation && profile.partners.includes(t.affiliation.id));
    const values = {
      text: sims[i],
      topics: saturate(
        matches.reduce((s, m) => s + m.coverage, 0),
        sharedTopicSaturation,
      ),
      level: (talentLevelValues[t.level] ?? 0) * relevance,
      proximity: near ? relevance : 0,
      cooperation: cooperates ? 1 : 0,
    };
    return { t, matches, near, cooperates, values, total: weightedTotal(values, talentWeights) };
  });
  const { items: shown, dropped } = takeWithCap(scored, {
    limit: request.limit,
    cap,
    compare: (a, b) => b.total - a.total || a.t.id.localeCompare(b.t.id),
    holder: (x) => x.t.affiliation?.id ?? null,
    reassign: () => null,
  });
  const omitted = new Map<string, number>();
  for (const x of dropped) omitted.set(x.t.affiliation!.name, (omitted.get(x.t.affiliation!.name) ?? 0) + 1);

  // Signals with their details, paths and reasons only for the talents shown: thousands at 100k.
  const items = shown.map(({ t, matches, near, cooperates, values }): TalentMatch => {
    const m = meaning?.get(t.id);
    const topic = matches[0]?.topic ?? t.expertise[0] ?? null;
    const relevance = matches[0]?.coverage ?? values.text;
    const scaled = relevance < 1 ? [say('signal.relevanceNote', { relevance: Number(relevance.toFixed(2)) })] : [];
    const { total, signals } = weighSignals(
      {
        text: { value: values.text, detail: textDetail(values.text, m, 'talent.textSimilarity') },
        topics: { value: values.topics, detail: topicDetail(matches, 'talent.topicNeeded') },
        level: {
          value: values.level,
          detail: [say('talent.level', { level: t.level }), ...(t.honours.length ? [say('talent.honoursNote', { honours: t.honours })] : []), ...scaled],
        },
        proximity: { value: values.proximity, detail: near ? [say('talent.near'), ...scaled] : say('talent.far') },
        cooperation: { value: values.cooperation, detail: say(!profile ? 'signal.noData' : cooperates ? 'talent.cooperates' : 'talent.noCooperation') },
      },
      talentWeights,
    );
    const whole = matches[0]?.coverage === 1;
    // Thresholds and their meaning: confidenceThresholds.talent (config/scoring.ts).
    const strong = whole && (cooperates || (talentLevelValues[t.level] ?? 0) >= confidenceThresholds.talent.strong.level);
    const confidence = strong ? 'strong' : whole ? 'medium' : 'weak';
    return {
      talent: { id: t.id, name: t.name, title: t.title, level: t.level, honours: t.honours, expertise: t.expertise, affiliation: t.affiliation, demo: t.demo },
      score: total,
      topic,
      matchedTerms: matchedTerms(matches),
      matchedTopics: matches.map((x) => x.topic),
      matchedByMeaning: m?.passes ?? false,
      explanation: {
        signals,
        paths: topic ? talentPaths(profile, t, matches.find((x) => x.shared) ?? matches[0] ?? { topic, coverage: 0, terms: [], shared: false }, unitIds) : [],
        confidence,
        ...reasonOf([
          t.affiliation
            ? say('talent.head', { talent: t.name, title: t.title, affiliation: t.affiliation.name })
            : say('talent.headNoAffiliation', { talent: t.name, title: t.title }),
          ...(matches[0] && topic ? [say('talent.expertiseHit', { topic, terms: matches[0].terms })] : []),
          ...(m?.passes ? [say('talent.meaning', { expertise: t.expertise.slice(0, 3), ...meaningParams(m) })] : []),
          say('talent.level', { level: t.level }),
        ]),
      },
    };
  });
  return { ...base, items, noMatch: null, capped: { perAffiliation: cap, omitted: [...omitted].map(([affiliation, count]) => ({ affiliation, count })) } };
}
