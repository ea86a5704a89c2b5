import type { TextSimilarity } from '../../text/textSimilarity.ts';
import type { Explanation } from '../explanation.ts';
import type { NoMatch } from './noMatch.ts';
import type { PairCarrier } from './pairSignals.ts';

/** What school–enterprise pairing is asked and what it answers (rankPairs.ts computes it). */
export interface PairingRequest {
  enterpriseId?: string;
  researchUnitId?: string;
  text?: string;
  /** For free text: a need (→ research units, the default) or a capability (→ enterprises). */
  textRole?: 'need' | 'capability';
  limit: number;
  filters?: { inXianlin?: boolean; universityIds?: string[]; localOnly?: boolean };
}

export interface PairResult {
  /** `needs`: the Topic names it registered as technical needs (NEEDS_TECH). */
  enterprise: { id: string; name: string; demo: boolean; needs: string[] } | null;
  researchUnit: { id: string; name: string; university: string | null; demo: boolean };
  score: number;
  /** The researcher and topic that carry the pair. */
  carriedBy: PairCarrier;
  /** The need the pair answers: the words typed, or the enterprise's registered needs. */
  need: string;
  /** The words of the need that matched the unit's topics or its researchers' expertise. */
  matchedTerms: string[];
  /** The unit's topics those words matched, best first. */
  matchedTopics: string[];
  /** The pair passed the relevance gate by meaning (dense embedding), with or without matched words. */
  matchedByMeaning: boolean;
  explanation: Explanation;
}

export interface PairingResponse {
  direction: 'to-research-units' | 'to-enterprises';
  items: PairResult[];
  /** 'hybrid': a free-text need ranked by words and meaning (lexical + dense); else the provider of `similarity`. */
  textProvider: TextSimilarity['provider'] | 'hybrid';
  /** The relevance gate the candidates passed (topic coverage, engine/config/scoring.ts). */
  relevanceThreshold: number;
  /** Why the list is empty; null when it is not. */
  noMatch: NoMatch | null;
}
