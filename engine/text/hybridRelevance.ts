import { UnavailableError } from '../core/errors.ts';
import { hybridRankingConfig } from './embeddingConfig.ts';
import type { TextEmbedder } from './embedder.ts';
import { embedderScorer, isDenseScorer, type DenseDocument, type DenseScorer } from './meaningScorer.ts';
import type { TextSimilarity } from './textSimilarity.ts';

/** One document's standing for a query, from each provider and fused. */
export interface RankedText {
  /** Position in the `documents` given. */
  index: number;
  /** Lexical TF-IDF cosine in [0, 1]: shared characters and words. */
  lexical: number;
  /** Meaning score (engine/text/meaningScorer.ts: dense cosines of passage and best topic); null when the dense provider did not answer. */
  dense: number | null;
  /** 1-based rank of `dense` among the documents given (ties share the best rank); null without dense. */
  denseRank: number | null;
  /** How far `dense` stands above this query's similarities to all documents given, in standard deviations. */
  denseZ: number | null;
  /** Reciprocal-rank fusion of the lexical and dense ranks (lexical rank alone when dense is absent). */
  fused: number;
  /** Relevant by meaning: meaning score ≥ the model's measured threshold, or denseZ ≥ minDenseZ for other models. */
  byMeaning: boolean;
}

export interface HybridAnswer {
  /** Which providers answered: 'hybrid' (lexical + dense) or 'lexical' (dense absent or failed). */
  provider: 'hybrid' | 'lexical';
  /** Every document, best first by `fused`. */
  items: RankedText[];
  /** Why dense is missing from this answer, when it is. */
  fallbackReason?: string;
}

/**
 * Free text against a set of documents (a need against the research units), ranked by lexical and dense
 * similarity fused by reciprocal rank: score = Σ 1/(k + rank) over the lists that retrieved the
 * document (Cormack et al. 2009). Ranks, not raw scores, because e5 cosines are compressed and TF-IDF
 * cosines are not: their scales do not add. `denseZ` is meaningful when `documents` is the whole
 * catalog (tens of texts or more), since it is measured against their spread.
 * A dense failure (server gone) never fails the call: the answer is lexical and says so.
 */
export class HybridRelevance {
  private readonly scorer: DenseScorer | undefined;

  /** `dense`: an embedder (every text embedded on the spot) or a scorer over stored vectors (the request path). */
  constructor(
    private readonly lexical: TextSimilarity,
    readonly dense: TextEmbedder | DenseScorer | undefined,
    private readonly config: { rrfK: number; minDenseZ: number; minMeaningScoreByModel: Record<string, number> } = hybridRankingConfig,
  ) {
    this.scorer = dense === undefined ? undefined : isDenseScorer(dense) ? dense : embedderScorer(dense);
  }

  /**
   * `denseDocuments` (same order and length as `documents`) is what the dense side reads when it
   * should differ from the lexical text: a research unit's passage of its topics, and its topics one by
   * one, read better to e5 than its provenance-laden description (docs/evaluation.md).
   */
  async rank(query: string, documents: string[], denseDocuments: readonly (string | DenseDocument)[] = documents): Promise<HybridAnswer> {
    const lexical = await this.lexical.scores(query, documents);
    let dense: number[] | undefined;
    let fallbackReason: string | undefined = this.scorer ? undefined : 'no dense provider is configured';
    if (this.scorer) {
      try {
        dense = await this.scorer.scores(
          query,
          denseDocuments.map((d) => (typeof d === 'string' ? { passage: d } : d)),
        );
      } catch (error) {
        if (!(error instanceof UnavailableError)) throw error;
        fallbackReason = error.message;
      }
    }
    const z = dense ? zScores(dense) : undefined;
    const lexicalRanks = competitionRanks(lexical);
    const denseRanks = dense ? competitionRanks(dense) : undefined;
    const k = this.config.rrfK;
    const minScore = this.scorer ? this.config.minMeaningScoreByModel[this.scorer.model] : undefined;
    const items = documents.map((_, i): RankedText => ({
      index: i,
      lexical: lexical[i],
      dense: dense ? dense[i] : null,
      denseRank: denseRanks ? denseRanks[i] : null,
      denseZ: z ? z[i] : null,
      // A document that shares nothing with the query is not in the lexical list at all.
      fused: (lexical[i] > 0 ? 1 / (k + lexicalRanks[i]) : 0) + (denseRanks ? 1 / (k + denseRanks[i]) : 0),
      byMeaning: dense && z ? (minScore !== undefined ? dense[i] >= minScore : z[i] >= this.config.minDenseZ) : false,
    }));
    items.sort((a, b) => b.fused - a.fused || (b.dense ?? 0) - (a.dense ?? 0) || b.lexical - a.lexical || a.index - b.index);
    return dense ? { provider: 'hybrid', items } : { provider: 'lexical', items, fallbackReason };
  }
}

/** Cosines of the query (embedded as a query) to each document (embedded as a passage). */
export async function denseScores(embedder: TextEmbedder, query: string, documents: string[]): Promise<number[]> {
  const [q] = await embedder.embed([query], 'query');
  // Candidates often share a passage (talents with the same expertise): embed each text once.
  const distinct = [...new Set(documents)];
  const byText = new Map((await embedder.embed(distinct, 'passage')).map((v, i) => [distinct[i], v]));
  return documents
    .map((d) => byText.get(d)!)
    .map((v) => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * q[i];
      return dot;
    });
}

/** 1-based ranks, highest score first; equal scores share the best rank ("1224" ranking). */
export function competitionRanks(scores: number[]): number[] {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const ranks = new Array<number>(scores.length);
  order.forEach(([s, i], position) => {
    ranks[i] = position > 0 && order[position - 1][0] === s ? ranks[order[position - 1][1]] : position + 1;
  });
  return ranks;
}

/** (x − mean) / standard deviation over the given scores; all 0 when they do not vary. */
export function zScores(scores: number[]): number[] {
  const n = scores.length;
  if (n === 0) return [];
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return scores.map((s) => (sd > 0 ? (s - mean) / sd : 0));
}
