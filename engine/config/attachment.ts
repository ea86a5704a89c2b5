/**
 * Automatic attachment (挂链): thresholds of the decision and the settings of the classifier.
 * The signal weights are not here on purpose: they are fit on each deployment's own attached firms
 * (engine/classify/attachmentClassifier.ts); `priorSignalWeights` only orders candidates before the
 * fit and stands in when a graph has too few attached firms to fit anything.
 */
export const attachmentDecision = {
  /**
   * Written by an import without a person: a calibrated probability this high. On ../shared/real
   * (5-fold, registered names, docs/evaluation.md) the answers above it were right 92.9 % of the time
   * (7.4 % of firms); the target is 90 % at 30 % coverage, which this classifier does not reach
   * (at most 14.9 % of firms are right ≥ 90 % of the time; 30 % coverage comes at about 80 % right).
   */
  attach: 0.9,
  /** Between this and `attach`: listed in the review queue (GET /attachments/review) for a person.
   * Below it the best suggestion was right 21 % of the time on ../shared/real: not worth a person's time. */
  review: 0.3,
};

export const attachmentModel = {
  /** Nearest attached firms that vote for their segments (per view). */
  neighbours: 10,
  /** Nearest product lines of attached firms each product line of a firm votes with (1: 51.6 %, 3: 52.2 %, 5: 52.0 %, 10: 51.6 % acc@1). */
  productLineNeighbours: 3,
  /**
   * A firm's first product lines (lists put the main business first) count again in two signals of
   * their own (leadingProductLines, leadingGramCentroid). acc@1 on ../shared/real, 5-fold seed 1:
   * without 52.1 %, first 2 lines 54.2 %, 3 54.2 %, 5 53.8 % (with two signals later dropped); as kept 53.9 %.
   */
  leadingProducts: 3,
  /**
   * Segments most like a segment (cosine of n-gram centroids) whose centroid similarity it shares
   * (signal similarSegments). On ../shared/real, 5-fold: L1 acc@1 +0.7 / +0.8 points (seeds 1 / 2),
   * L3 acc@1 unchanged (−0.1 / +0.1), ECE 0.022 → 0.023 / 0.011 → 0.026.
   */
  similarSegments: 5,
  /** Segments re-scored by the fitted model per firm: the rest are too far to matter (acc@40 ≈ 95 %). */
  candidates: 40,
  /** Attached firms scored leave-one-out to fit weights and calibration: a seeded sample above this. */
  fitSample: 2000,
  /** Firms of other chains scored against a chain scope to learn "none of these" (per scope). */
  outsiders: 500,
  /** Below this many attached firms there is nothing to learn from: no firm is attached automatically. */
  minTrainingFirms: 30,
  /**
   * Ridge penalty of the fit. acc@1 on ../shared/real: 1e-2 49.7 %, 1e-3 52.1 %, 1e-4 52.8 %, 1e-6 52.5 %;
   * below 1e-3 a graph whose firms are easy to tell apart (the seed) grows weights so large that vague
   * inputs (电池；材料, a new chain's first firms) are attached with confidence 0.9+: 1e-3 keeps them for a person.
   */
  ridge: 1e-3,
  seed: 20261204,
};

/**
 * Weights used to pick candidates before the fit, and instead of it on a graph with too few attached
 * firms: the means of the weights fit on the five folds of ../shared/real (rounded).
 */
export const priorSignalWeights = {
  gramCentroid: 7.3, wordCentroid: 5.1, nameCentroid: 3.5, gramNeighbours: 0.55, wordNeighbours: 0, productNeighbours: 0.3, segmentText: 5.7, prior: 0, productLines: 4.2, segmentProducts: 3,
  // Not used to pick candidates: measured with the fitted weights only.
  leadingProductLines: 0, leadingGramCentroid: 0, similarSegments: 0, denseCentroid: 0, denseNeighbours: 0,
  nameNeighbours: 0, nameSegmentText: 0,
};
