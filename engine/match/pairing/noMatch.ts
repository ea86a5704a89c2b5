/**
 * Why a pairing or talent list is empty (docs/design.md, amended 2026-12: free text "says when nothing
 * fits"): no candidate reached the relevance gate, or there was no candidate to weigh at all (the
 * filters left none, or no enterprise needs the unit's topics).
 */
export interface NoMatch {
  reason: 'no-relevant-candidate' | 'no-candidate';
  /** The best relevance any candidate reached (topic coverage, 0–1). */
  bestSimilarity: number;
  /** The gate it had to reach. */
  threshold: number;
}

export function noMatchOf(candidates: number, bestSimilarity: number, threshold: number): NoMatch {
  return { reason: candidates === 0 ? 'no-candidate' : 'no-relevant-candidate', bestSimilarity: Math.round(bestSimilarity * 1e4) / 1e4, threshold };
}
