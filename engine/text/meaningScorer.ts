import { closestTopics } from '../config/meaning.ts';
import { UnavailableError } from '../core/errors.ts';
import { meaningScoreWeights } from './embeddingConfig.ts';
import type { TextEmbedder } from './embedder.ts';
import type { PassageVectors } from './passageVectors.ts';

/**
 * What the dense side reads for a candidate: one passage (a research unit's "研究方向：<topics>") and,
 * optionally, its topic names, each embedded on its own — a unit with ten topics is as close to a need
 * as its closest topic, which one passage of ten topics blurs (docs/evaluation.md).
 */
export interface DenseDocument {
  passage: string;
  topics?: readonly string[];
}

/** The dense side of the hybrid: one meaning score per document for a need. */
export interface DenseScorer {
  readonly model: string;
  scores(query: string, documents: readonly DenseDocument[]): Promise<number[]>;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * The weighted mean of cos(need, passage) and the mean cos(need, topic) over the document's
 * `closestTopics` best topics (config/meaning.ts; embeddingConfig.meaningScoreWeights), so it reads on
 * the cosine scale; the passage's cosine alone when the document lists no topics. Topics are embedded
 * as e5 queries, like the need: both are short phrases, and query–query cosines ranked the right topic
 * higher than query–passage ones.
 */
export function meaningScore(need: Float32Array, passage: Float32Array, topics: readonly Float32Array[]): number {
  const byPassage = dot(need, passage);
  if (topics.length === 0) return byPassage;
  const best = topics
    .map((t) => dot(need, t))
    .sort((a, b) => b - a)
    .slice(0, closestTopics);
  const byTopics = best.reduce((a, b) => a + b, 0) / best.length;
  const { passage: wp, topic: wt } = meaningScoreWeights;
  return (wp * byPassage + wt * byTopics) / (wp + wt);
}

/** Scores by embedding every text on the spot (cached by the embedder): the evaluation and tests. */
export function embedderScorer(embedder: TextEmbedder): DenseScorer {
  return {
    model: embedder.model,
    async scores(query, documents) {
      const [q] = await embedder.embed([query], 'query');
      const passages = [...new Set(documents.map((d) => d.passage))];
      const topics = [...new Set(documents.flatMap((d) => d.topics ?? []))];
      const byPassage = new Map((await embedder.embed(passages, 'passage')).map((v, i) => [passages[i], v]));
      const byTopic = new Map((topics.length > 0 ? await embedder.embed(topics, 'query') : []).map((v, i) => [topics[i], v]));
      return documents.map((d) =>
        meaningScore(
          q,
          byPassage.get(d.passage)!,
          (d.topics ?? []).map((t) => byTopic.get(t)!),
        ),
      );
    },
  };
}

/**
 * Scores from the vectors stored in Neo4j (engine/text/passageVectors.ts): only the need is embedded on
 * the request path. A document whose vector is not stored yet — before the first refresh after start, or
 * between an import and its refresh — makes the whole answer lexical (UnavailableError, with the reason),
 * rather than embedding hundreds of passages while the user waits.
 */
export function storedScorer(vectors: PassageVectors): DenseScorer {
  return {
    model: vectors.embedder.model,
    async scores(query, documents) {
      const missing = (role: 'query' | 'passage', text: string): never => {
        const state = vectors.status();
        const why = state.state === 'failed' ? `storing them failed: ${state.reason}` : 'they are being computed in the background';
        throw new UnavailableError(`meaning vectors are not ready (no stored vector for the ${role} "${text.slice(0, 40)}"): ${why}`);
      };
      const lookup = (role: 'query' | 'passage', text: string) => vectors.get(role, text) ?? missing(role, text);
      const resolved = documents.map((d) => ({ passage: lookup('passage', d.passage), topics: (d.topics ?? []).map((t) => lookup('query', t)) }));
      const [q] = await vectors.embedder.embed([query], 'query');
      return resolved.map((d) => meaningScore(q, d.passage, d.topics));
    },
  };
}

export function isDenseScorer(x: TextEmbedder | DenseScorer): x is DenseScorer {
  return typeof (x as DenseScorer).scores === 'function';
}
