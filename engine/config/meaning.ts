/**
 * How a free-text need is ordered by meaning once its candidates passed the relevance gate
 * (engine/match/pairing/meaningEvidence.ts; pairing and talent). Measured on seed/eval/needs.zh.jsonl
 * through rankPairs (`npm run eval:needs`, docs/evaluation.md, "Free-text needs").
 */
export const meaningOrder = {
  /**
   * The text signal's value for a need in words is a reciprocal-rank fusion Σ w/(k + rank) of the
   * candidate's rank by meaning score and by lexical cosine (a candidate sharing no term gets no
   * lexical term), divided by the best candidate's. Equal weights (the earlier ordering) let a weak
   * lexical rank of the whole unit text reorder the units closest in meaning; lexical evidence still
   * counts through the topic-coverage signal and the gate.
   */
  weights: { dense: 1, lexical: 0 },
  /** Reciprocal-rank fusion constant (Cormack et al. 2009). */
  rrfK: 60,
};

/**
 * A topic is embedded with the industry it serves: "<topic>（<segment>、<segment>）", the segments
 * whose firms register it as a technical need (NEEDS_TECH), most firms first, at most this many. A bare
 * name ("连续流反应") is a short technical term that e5-small places loosely; the firms' segments say
 * where it is used in the words a firm writes. A topic no firm needs keeps its bare name.
 */
export const topicContext = { segments: 2 };

/**
 * A candidate's topic part of the meaning score is the mean of its this-many closest topics (one when
 * it has one): a lab is close to a need when more than one of its topics is, and a single near topic
 * of an unrelated lab weighs less (engine/text/meaningScorer.ts; docs/evaluation.md).
 */
export const closestTopics = 2;
