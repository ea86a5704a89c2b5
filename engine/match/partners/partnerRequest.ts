import type { GapAction } from '../../chain/gapAnalysis.ts';
import type { Explanation } from '../explanation.ts';
import type { PartnerTarget } from './partnerTargets.ts';

/**
 * What a partner recommendation is asked and what it answers (rankPartners.ts computes it; the API's
 * response schema in engine/contracts/responses/partners.ts describes the same shape to clients).
 */
export const sizeOrder = ['micro', 'small', 'medium', 'large'] as const;

export interface PartnerFilters {
  tags?: string[];
  provinces?: string[];
  minSize?: (typeof sizeOrder)[number];
  excludeIds?: string[];
  /** Added to the default intermediary keywords. */
  excludeKeywords?: string[];
  /** Keep trading/consulting/training firms that are excluded by default. */
  includeIntermediaries?: boolean;
}

export interface PartnerRequest {
  chainId: string;
  segmentId?: string;
  mode: GapAction;
  limit?: number;
  filters?: PartnerFilters;
}

export interface PartnerCandidate {
  id: string;
  name: string;
  local: boolean;
  province: string;
  city: string;
  size: string | null;
  tags: string[];
  /** Demo data (the seeded generator's record, `source: synthetic`): every list and export must say so. */
  demo: boolean;
  /** The gap segment this candidate answers. */
  segmentId: string;
  segmentName: string;
  score: number;
  explanation: Explanation;
}

/** The firm a concentrated segment hangs on: never its own 强链 remedy, named apart as "expand locally". */
export interface DominantFirm {
  segmentId: string;
  id: string;
  name: string;
  /** Demo data (`source: synthetic`). */
  demo: boolean;
  /** Its share of the segment's local capacity. */
  share: number;
  /** Expanding it would cover more demand but deepen the dependence on it. */
  note: string;
}

export interface PartnerResult {
  chainId: string;
  mode: GapAction;
  targets: PartnerTarget[];
  /** Ordered by `score`, highest first: the rank shown is the order of the scores shown. */
  candidates: PartnerCandidate[];
  /** 强链 only: the dominant local firm of each target segment, left out of the candidates. */
  dominantFirms: DominantFirm[];
  /**
   * Diversity (MMR) decides which candidates enter the list, never their order: `leftOut` candidates
   * scored above the lowest one listed were left out as near-copies of a listed one.
   */
  diversity: { lambda: number; leftOut: number };
  /** Candidates dropped by the keyword exclusions (intermediaries), so the filter is visible. */
  excludedByKeyword: number;
  /** Text-only hits dropped as unrelated to the segment (below partnerDefaults.minTextOnlySimilarity). */
  excludedAsUnrelated: number;
  /** Set when the list is empty: why nothing relevant was found. */
  noCandidates?: { reason: 'no-target-segment' | 'no-candidate-in-segment'; message: string };
  textProvider: 'lexical';
}
