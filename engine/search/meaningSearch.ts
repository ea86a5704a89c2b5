import type { Graph } from '../graph/graph.ts';
import { UnavailableError } from '../core/errors.ts';
import { hybridRankingConfig } from '../text/embeddingConfig.ts';
import { storedScorer, type DenseDocument } from '../text/meaningScorer.ts';
import type { PassageVectors } from '../text/passageVectors.ts';
import { expertisePassage, topicsPassage } from '../text/researchPassage.ts';
import { loadTopicContext, type TopicContext } from '../text/topicContext.ts';

/** Labels search reaches by meaning: those with a stored passage of what they research or know, and their topics. */
export const meaningSearchLabels = ['ResearchUnit', 'Talent'] as const;

export interface MeaningHit {
  id: string;
  type: (typeof meaningSearchLabels)[number];
  /** The meaning score pairing uses (engine/text/meaningScorer.ts): passage and closest topic. */
  score: number;
}

const documentsOf: Record<MeaningHit['type'], { cypher: string; document: (topics: string[], context: TopicContext) => DenseDocument }> = {
  ResearchUnit: {
    cypher: 'MATCH (n:ResearchUnit) RETURN n.id AS id, [(n)-[:RESEARCHES]->(t:Topic) | t.name] AS topics',
    document: (topics, c) => topicsPassage({ topics }, c),
  },
  Talent: {
    cypher: 'MATCH (n:Talent) RETURN n.id AS id, [(n)-[:EXPERT_IN]->(t:Topic) | t.name] AS topics',
    document: (expertise, c) => expertisePassage({ expertise }, c),
  },
};

/** The topics' segments as of the stored vectors' version: read once per refresh, not once per search. */
let contextCache: { vectors: PassageVectors; version: number; context: Promise<TopicContext> } | undefined;
function topicContextFor(graph: Graph, vectors: PassageVectors): Promise<TopicContext> {
  if (contextCache?.vectors !== vectors || contextCache.version !== vectors.version) {
    contextCache = { vectors, version: vectors.version, context: loadTopicContext(graph) };
  }
  return contextCache.context;
}

/**
 * The research units and talents closest in meaning to a search query, by the same meaning score and
 * threshold as pairing's gate (fit on seed/eval/needs.zh.jsonl), from the stored vectors in memory:
 * the score needs a candidate's passage and its closest topic, which one vector-index query cannot
 * give (the passage alone at the same threshold missed paraphrases — the test's first run).
 * Undefined while the stored vectors are not ready: the search then stays lexical rather than wait.
 */
export async function nearestByMeaning(
  graph: Graph,
  vectors: PassageVectors | undefined,
  q: string,
  types: readonly string[],
  k: number,
): Promise<MeaningHit[] | undefined> {
  if (!vectors || vectors.status().state !== 'ready') return undefined;
  const threshold = hybridRankingConfig.minMeaningScoreByModel[vectors.embedder.model];
  if (threshold === undefined) return undefined;
  const hits: MeaningHit[] = [];
  const context = await topicContextFor(graph, vectors);
  for (const type of meaningSearchLabels.filter((l) => types.includes(l))) {
    const rows = await graph.query<{ id: string; topics: string[] }>(documentsOf[type].cypher);
    let scores: number[];
    try {
      scores = await storedScorer(vectors).scores(
        q,
        rows.map((r) => documentsOf[type].document(r.topics, context)),
      );
    } catch (error) {
      // A node imported after the last refresh has no vector yet: lexical search until it has.
      if (error instanceof UnavailableError) return undefined;
      throw error;
    }
    rows.forEach((r, i) => scores[i] >= threshold && hits.push({ id: r.id, type, score: scores[i] }));
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, k);
}
