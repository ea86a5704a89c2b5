/**
 * Relevance gate of pairing and talent (docs/design.md, amended 2026-12: free text answers only above a
 * relevance threshold, and says when nothing fits). A candidate is offered only on evidence that its
 * research matches the need: a Topic node shared with the enterprise's needs, or one of its topics
 * (a unit's topics and its own researchers' expertise; a talent's expertise) whose name the need's
 * words cover at `minTopicCoverage` or more — coverage = idf-weighted share of the topic name's
 * character bigrams found in the need (engine/match/pairing/topicEvidence.ts). Relevance = the best
 * coverage (1 for a shared topic); the supporting signals (talent level, proximity, channel) are
 * multiplied by it, and none of them can bring in a candidate below the gate.
 *
 * Measured on the seed (engine/match/pairing/topicEvidence.test.ts prints and checks it): texts of
 * people — segment descriptions and product descriptions of the chain templates, firms' products
 * and descriptions without their need topics — against every research unit. Share of pairs at or
 * above the gate, related (the unit researches a topic of the segment / the firm's need) vs
 * unrelated (the unit has no topic of the same chain), at 0.5: segment descriptions 35.7 % of 538
 * vs 0.26 % of 6,075; product descriptions 35.7 % vs 0.53 %; firms 22.3 % of 2,002 vs 0.05 % of
 * 48,489. At 0.3 the unrelated share rises to 2–8 %: one shared generic word (材料, 工艺, 技术)
 * covers 0.2–0.3 of a topic name. (Related pairs below the gate are mostly texts that never name
 * the unit's topic: that is what a shared Topic node or embeddings are for.) Nonsense
 * ("asdfgh 火星咖啡", "今天天气很好") covers 0. The whole-text cosine does not separate: unrelated
 * pairs reach 0.15 while firms' related pairs have a median of 0.08.
 * With the embedding provider alone the gate stays lexical: e5 cosines of unrelated Chinese phrases
 * are 0.89–0.91 (../shared/FACTS.md), so a raw floor on whole texts means nothing. For a need in words
 * with the dense server up, `maxMeaningRank` below adds a gate by meaning, measured on need-to-topics
 * passages rather than whole texts (docs/evaluation.md, "Through pairing itself").
 */
export const relevanceGate = {
  minTopicCoverage: 0.5,
  /**
   * By meaning (free-text needs with the dense provider up, engine/match/pairing/meaningEvidence.ts):
   * a candidate without topic coverage may still pass when its meaning score reaches the model's
   * threshold (hybridRankingConfig.minMeaningScoreByModel, fit by 5-fold cross-validation on
   * seed/eval/needs.zh.jsonl) and it is among this many best by that score. The rank cap keeps a
   * compressed e5 scale (most units of a real need sit above the cosine threshold) from letting the
   * whole catalog through; 5 is the list the evaluation reads (docs/evaluation.md).
   */
  maxMeaningRank: 5,
};
