import { relevanceGate } from '../../config/scoring.ts';
import type { HybridRelevance } from '../../text/hybridRelevance.ts';
import type { DenseDocument } from '../../text/meaningScorer.ts';

/**
 * Relevance by meaning for a free-text need: where each candidate stands for the need by words and by
 * dense embedding, fused by reciprocal rank (engine/text/hybridRelevance.ts). It widens the relevance
 * gate — a candidate may pass on topic coverage *or* by meaning — and gives the text signal its value.
 */
export interface MeaningEvidence {
  /** Meaning score of the need (as an e5 query) and the candidate's passage and topics (engine/text/meaningScorer.ts). */
  dense: number;
  /** 1-based rank of `dense` among all candidates. */
  denseRank: number;
  /** Reciprocal-rank fusion of the lexical and dense ranks, divided by the best candidate's: 1 for the best. */
  fused: number;
  /** Passes the gate by meaning: score at the model's threshold and rank ≤ relevanceGate.maxMeaningRank. */
  passes: boolean;
}

export interface MeaningCandidate {
  id: string;
  /** What the lexical scorer reads (the text pairing always used). */
  text: string;
  /** What the dense side reads: a passage, or a passage and its topics one by one. */
  denseText: string | DenseDocument;
}

/**
 * Each candidate's evidence by id, or undefined when the dense provider did not answer (the caller
 * then ranks lexically, as before, and says so).
 */
export async function meaningEvidence(
  hybrid: HybridRelevance, need: string, candidates: MeaningCandidate[],
): Promise<Map<string, MeaningEvidence> | undefined> {
  if (candidates.length === 0) return undefined;
  const answer = await hybrid.rank(need, candidates.map((c) => c.text), candidates.map((c) => c.denseText));
  if (answer.provider !== 'hybrid') return undefined;
  const best = answer.items[0].fused || 1;
  return new Map(
    answer.items.map((x) => [
      candidates[x.index].id,
      { dense: x.dense!, denseRank: x.denseRank!, fused: x.fused / best, passes: x.byMeaning && x.denseRank! <= relevanceGate.maxMeaningRank },
    ]),
  );
}

/** The explanation's words for a match by meaning. */
export function meaningDetail(m: MeaningEvidence): string {
  return `语义相似度 ${m.dense.toFixed(3)}（第 ${m.denseRank} 名）`;
}
