import { relevanceGate } from '../../config/scoring.ts';
import { oncePer } from '../../core/oncePer.ts';
import { vocabularyOf } from '../pairing/rankPairs.ts';
import type { Researcher, ResearchCatalog } from '../pairing/researchCatalog.ts';
import type { NeedTerms } from '../pairing/topicEvidence.ts';

/** Each expertise topic and the talents holding it, once per catalog: ~11k talents at 100k share a few hundred topics. */
const talentsByTopic = oncePer((catalog: ResearchCatalog) => {
  const holders = new Map<string, Researcher[]>();
  for (const t of catalog.talents) for (const topic of new Set(t.expertise)) (holders.get(topic) ?? holders.set(topic, []).get(topic)!).push(t);
  return holders;
});

/**
 * The relevance gate of talent matching on topic evidence: the talents of `pool` whose best expertise
 * topic the need covers at `relevanceGate.minTopicCoverage` or more, and the best coverage of any
 * talent of the pool (what an empty answer reports). A talent's relevance is its best topic's coverage,
 * so each distinct topic is weighed once, not once per talent holding it (issue 17: the per-talent
 * scan was most of a talent request at 100k). Equal to vocabulary.relevance per talent (talentGate.test).
 */
export function talentGate(catalog: ResearchCatalog, need: NeedTerms, pool: readonly Researcher[]): { covered: Set<Researcher>; best: number } {
  const vocab = vocabularyOf(catalog);
  const threshold = relevanceGate.minTopicCoverage;
  const inPool = new Set(pool);
  const covered = new Set<Researcher>();
  let best = 0;
  for (const [topic, holders] of talentsByTopic(catalog)) {
    const coverage = vocab.coverage(need, topic);
    if (coverage <= best && coverage < threshold) continue;
    const held = holders.filter((t) => inPool.has(t));
    if (held.length === 0) continue;
    best = Math.max(best, coverage);
    if (coverage >= threshold) for (const t of held) covered.add(t);
  }
  return { covered, best };
}
