import type { AttachmentDecision, SegmentSuggestion } from './suggestion.ts';

/** What a person reviewing a firm sees of one suggestion: the segment, its probability and why. */
export interface ReviewSuggestion {
  segmentId: string;
  segmentName: string;
  chainId: string;
  chainName: string;
  /** Calibrated probability that this segment is right. */
  confidence: number;
  decision: AttachmentDecision;
  evidence: {
    products: string[];
    words: string[];
    similarFirms: { id: string; name: string; similarity: number }[];
  };
}

/** One firm waiting for a person: the firm and its best suggestions, best first. */
export interface ReviewEntry {
  firmId: string;
  suggestions: ReviewSuggestion[];
}

/**
 * Bounds of what the queue stores per firm. Each firm's suggestions are serialized onto its node, so
 * every list and string is cut here: a queued firm stays a few kilobytes whatever the classifier says.
 */
export const reviewBounds = { suggestions: 3, products: 8, words: 8, similarFirms: 3, text: 120 } as const;

const cut = (s: string) => (s.length > reviewBounds.text ? `${s.slice(0, reviewBounds.text - 1)}…` : s);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The stored form of a firm's suggestions. Depends only on the fields the review shows, so it reads
 * the classifier's answer whatever else a suggestion carries (scores, signals).
 */
export function reviewSuggestions(items: readonly SegmentSuggestion[]): ReviewSuggestion[] {
  return items.slice(0, reviewBounds.suggestions).map((s) => ({
    segmentId: s.segmentId,
    segmentName: cut(s.segmentName),
    chainId: s.chainId,
    chainName: cut(s.chainName),
    confidence: round3(Math.min(1, Math.max(0, s.confidence))),
    decision: s.decision,
    evidence: {
      products: (s.evidence?.products ?? []).slice(0, reviewBounds.products).map(cut),
      words: (s.evidence?.words ?? []).slice(0, reviewBounds.words).map(cut),
      similarFirms: (s.evidence?.similarFirms ?? [])
        .slice(0, reviewBounds.similarFirms)
        .map((f) => ({ id: f.id, name: cut(f.name), similarity: round3(f.similarity) })),
    },
  }));
}
