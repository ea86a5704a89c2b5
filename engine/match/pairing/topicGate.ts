import { relevanceGate } from '../../config/scoring.ts';
import type { NeedTerms, TopicVocabulary } from './topicEvidence.ts';

/** Candidates by the topics that make them relevant, and each candidate's place in the catalog. */
export interface TopicHolders<T> {
  byTopic: Map<string, T[]>;
  order: Map<T, number>;
}

/** Each topic and the candidates holding it (each candidate once per topic), in the candidates' order. */
export function groupByTopic<T>(candidates: readonly T[], topicsOf: (candidate: T) => Iterable<string>): Map<string, T[]> {
  const byTopic = new Map<string, T[]>();
  for (const c of candidates) for (const topic of new Set(topicsOf(c))) (byTopic.get(topic) ?? byTopic.set(topic, []).get(topic)!).push(c);
  return byTopic;
}

export function topicHolders<T>(candidates: readonly T[], topicsOf: (candidate: T) => Iterable<string>): TopicHolders<T> {
  return { byTopic: groupByTopic(candidates, topicsOf), order: new Map(candidates.map((c, i) => [c, i])) };
}

/**
 * The relevance gate on topic evidence, by index: the candidates of the pool (those `inPool` accepts)
 * holding a topic the need covers at `relevanceGate.minTopicCoverage` or more, in catalog order, and
 * the best coverage any candidate of the pool reached (what an empty answer reports). A candidate's
 * relevance is its best topic's coverage, so each distinct topic is weighed once and only the holders
 * of a covered topic are visited; the pool is a test, never a list (issue 17: at 1,000,000 firms the
 * catalog holds 113k talents and 11.8k research units, and scanning them was most of a request).
 * Equal to vocabulary.relevance per candidate (talentGate.test, unitGate.test).
 */
export function topicGate<T>(
  vocab: TopicVocabulary,
  holders: TopicHolders<T>,
  need: NeedTerms,
  inPool: (candidate: T) => boolean,
): { covered: T[]; best: number } {
  const threshold = relevanceGate.minTopicCoverage;
  const covered = new Set<T>();
  let best = 0;
  for (const [topic, held] of holders.byTopic) {
    const coverage = vocab.coverage(need, topic);
    if (coverage <= best && coverage < threshold) continue;
    if (coverage < threshold) {
      if (held.some(inPool)) best = coverage;
      continue;
    }
    let any = false;
    for (const c of held)
      if (inPool(c)) {
        any = true;
        covered.add(c);
      }
    if (any) best = Math.max(best, coverage);
  }
  return { covered: [...covered].sort((a, b) => holders.order.get(a)! - holders.order.get(b)!), best };
}
