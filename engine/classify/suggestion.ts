import type { SignalScore } from '../match/explanation.ts';

/**
 * What the attachment classifier says about one segment for one firm. `confidence` is a calibrated
 * probability that this segment is the firm's segment (fit on the graph's own attached firms), and
 * `decision` follows the documented thresholds in `config/attachment.ts`: `attach` is written by an
 * import, `review` goes to the review queue, `reject` is neither.
 */
export type AttachmentDecision = 'attach' | 'review' | 'reject';

export interface SuggestionEvidence {
  /** The firm's products that decided it: made by firms of the segment or included by the segment. */
  products: string[];
  /** Words (jieba) and character n-grams shared with the segment's firms, strongest first. */
  words: string[];
  /** The attached firms most like this one that sit in the segment. */
  similarFirms: { id: string; name: string; similarity: number }[];
}

export interface SegmentSuggestion {
  segmentId: string;
  segmentName: string;
  chainId: string;
  chainName: string;
  /** The model's combined score (ordering only; not a probability). */
  score: number;
  /** Calibrated probability (0–1) that this segment is right. */
  confidence: number;
  decision: AttachmentDecision;
  signals: SignalScore[];
  evidence: SuggestionEvidence;
}

export interface ClassifyInput {
  name: string;
  products?: string[];
  description?: string;
}

export interface ClassifyOptions {
  limit?: number;
  /** Rank only these chains' segments; an unknown id is an UnknownReferenceError (404). */
  chainIds?: string[];
  /** Firms hidden from training and from the neighbour vote (the rows of the import being classified). */
  excludeFirmIds?: string[];
}

export interface Classification {
  items: SegmentSuggestion[];
  /** `hybrid`: the scope's classifier read meaning too (the firm's embedding); `lexical`: words, products and neighbours only. */
  textProvider: 'lexical' | 'hybrid';
  /** Attached firms the model learned from; 0 means it could only compare with segment words. */
  trainedOn: number;
}
