import { meaningOrder } from '../../config/meaning.ts';
import { relevanceGate } from '../../config/scoring.ts';
import { competitionRanks, type HybridRelevance, type RankedText } from '../../text/hybridRelevance.ts';
import type { DenseDocument } from '../../text/meaningScorer.ts';

/**
 * Relevance by meaning for a free-text need: where each candidate stands for the need by dense
 * embedding (and by words, as config/meaning.ts weighs them; engine/text/hybridRelevance.ts). It widens
 * the relevance gate — a candidate may pass on topic coverage *or* by meaning — and gives the text
 * signal its value, which orders the candidates that passed.
 */
export interface MeaningEvidence {
  /** Meaning score of the need (as an e5 query) and the candidate's passage and topics (engine/text/meaningScorer.ts). */
  dense: number;
  /** 1-based rank of `dense` among all candidates. */
  denseRank: number;
  /**
   * The text signal's value: the candidate's meaning and lexical ranks fused as config/meaning.ts
   * weighs them (meaningOrder), divided by the best candidate's: 1 for the best.
   */
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
  hybrid: HybridRelevance,
  need: string,
  candidates: MeaningCandidate[],
): Promise<Map<string, MeaningEvidence> | undefined> {
  // Without a dense provider there is no meaning to weigh: the caller scores lexically, as it would after
  // this ranking, which would score every candidate lexically once more for nothing (at 100k talents,
  // two thirds of a talent search by text).
  if (candidates.length === 0 || hybrid.dense === undefined) return undefined;
  const answer = await hybrid.rank(
    need,
    candidates.map((c) => c.text),
    candidates.map((c) => c.denseText),
  );
  if (answer.provider !== 'hybrid') return undefined;
  const value = textValues(answer.items);
  return new Map(
    answer.items.map((x, i) => [
      candidates[x.index].id,
      { dense: x.dense!, denseRank: x.denseRank!, fused: value[i], passes: x.byMeaning && x.denseRank! <= relevanceGate.maxMeaningRank },
    ]),
  );
}

/** Σ w/(k + rank) over the meaning rank and (when the candidate shares a term) the lexical rank, best 1. */
function textValues(items: RankedText[]): number[] {
  const { weights, rrfK: k } = meaningOrder;
  const lexicalRanks = competitionRanks(items.map((x) => x.lexical));
  const raw = items.map((x, i) => weights.dense / (k + x.denseRank!) + (x.lexical > 0 ? weights.lexical / (k + lexicalRanks[i]) : 0));
  const best = Math.max(...raw) || 1;
  return raw.map((v) => v / best);
}

/** The explanation's words for a match by meaning. */
export function meaningDetail(m: MeaningEvidence): string {
  return `语义相似度 ${m.dense.toFixed(3)}（第 ${m.denseRank} 名）`;
}
