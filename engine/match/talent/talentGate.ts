import { oncePer } from '../../core/oncePer.ts';
import { vocabularyOf } from '../pairing/rankPairs.ts';
import type { Researcher, ResearchCatalog } from '../pairing/researchCatalog.ts';
import type { NeedTerms } from '../pairing/topicEvidence.ts';
import { topicGate, topicHolders } from '../pairing/topicGate.ts';

/** Each expertise topic and the talents holding it, once per catalog: ~11k talents at 100k share a few hundred topics. */
export const talentsByTopic = oncePer((catalog: ResearchCatalog) => topicHolders(catalog.talents, (t) => t.expertise));

/**
 * The relevance gate of talent matching: the talents of the pool whose best expertise topic the need
 * covers at `relevanceGate.minTopicCoverage` or more, in catalog order, and the best coverage of any
 * talent of the pool (pairing/topicGate.ts).
 */
export function talentGate(catalog: ResearchCatalog, need: NeedTerms, inPool: (t: Researcher) => boolean): { covered: Researcher[]; best: number } {
  return topicGate(vocabularyOf(catalog), talentsByTopic(catalog), need, inPool);
}
