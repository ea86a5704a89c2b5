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
   * (7.9 % of firms); the target is 90 % at 30 % coverage, which this classifier does not reach
   * (at most 16.0 % of firms are right ≥ 90 % of the time; 30 % coverage comes at about 82 % right).
   */
  attach: 0.9,
  /** Between this and `attach`: listed in the review queue (GET /attachments/review) for a person.
   * Below it the best suggestion was right 21 % of the time on ../shared/real: not worth a person's time. */
  review: 0.3,
};

/** How the trained classifiers are kept (engine/classify/segmentAttachment.ts). */
export const attachmentService = {
  /**
   * Chain scopes whose classifier is kept (each its own worker thread and model; the least recently used
   * beyond this are let go). Seven chains give 7 one-chain and 21 two-chain scopes; each model holds at most
   * ~51 MB of weights at 11k firms (docs/evaluation.md).
   */
  maxScopes: 8,
  /** A classifier replaced or let go keeps answering this long for requests already handed it. */
  retireGraceMs: 2_000,
  /**
   * How long `POST /classify/segments` may wait for its classifier to train before a 503 (the API's other
   * requests keep 30 s). Training on ../shared/real's 2,277 firms of a fold took 33 s on a quiet machine and
   * 205 s on a loaded one (docs/evaluation.md); at 11k firms 25–34 s quiet.
   */
  trainingWaitMs: 10 * 60_000,
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
  /**
   * Product lines of a firm its embedding reads (classification by meaning, firmTerms.ts `embeddingText`).
   * On ../shared/real, 5-fold, seeds 1 / 2, with embeddings: every line 55.5 / 55.6 % acc@1, 77.9 / 77.3 %
   * acc@3; the first 8 55.9 / 55.9 %, 78.2 / 77.4 %; the first 5 55.8 / 55.4 %, 78.1 / 77.9 % — the same
   * within noise, and embedding a firm on the request costs p50 31 / 21 ms (p95 64 / 29 ms) for every line /
   * the first 8 on these 2 cores, less for 5 (docs/evaluation.md).
   */
  embeddedProducts: 5,
  /** Segments re-scored by the fitted model per firm: the rest are too far to matter (acc@40 ≈ 95 %). */
  candidates: 40,
  /**
   * Attached firms a segment contributes to a scope's training, at most (the first by id; the frequency
   * prior still counts them all). Real lists hold tens of firms per segment (../shared/real: under 85 a
   * class; the seed: at most 156), so this changes nothing there; it bounds training time and memory as
   * the graph grows: at 100,000 generated firms (~2,400 a segment) an uncapped all-chains training held
   * the API process at 2.3 GB and kept classifications waiting past the load test's 10 s timeout.
   */
  maxFirmsPerSegment: 200,
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
  gramCentroid: 7.3,
  wordCentroid: 5.1,
  nameCentroid: 3.5,
  gramNeighbours: 0.55,
  wordNeighbours: 0,
  productNeighbours: 0.3,
  segmentText: 5.7,
  prior: 0,
  productLines: 4.2,
  segmentProducts: 3,
  // Not used to pick candidates: measured with the fitted weights only.
  leadingProductLines: 0,
  leadingGramCentroid: 0,
  similarSegments: 0,
  denseCentroid: 0,
  denseNeighbours: 0,
  nameNeighbours: 0,
  nameSegmentText: 0,
  termLogit: 0,
};

/**
 * The signal termLogit (engine/classify/termLogitSignal.ts): a linear model over the firm's terms (the
 * four TF-IDF views side by side) that starts at the segments' centroids and is trained by seeded SGD
 * to tell them apart; cross-fitted on the logit's fit sample. On ../shared/real (5-fold, seeds 1 / 2):
 * acc@1 54.7 → 55.6 % / 55.1 → 55.3 %, coverage at ≥ 90 % right 14.9 → 16.0 % / 14.2 → 14.5 %
 * (docs/evaluation.md). Trained from zero weights instead (8 epochs, rate 2, weight decay 3e-5):
 * 54.6 % / 55.3 %, coverage 17.1 % / 13.6 %; alone it ranked 36 % of a fold's firms first, the
 * centroid start 47 %, the n-gram centroid 50 % (≈ 7 firms a segment: a free linear model memorises).
 */
export const termLogit = {
  /**
   * Models trained without one K-th of the fit sample each, so no sample firm is scored by a model that
   * saw it (plus one on every firm, for new firms). 3 folds and 2 epochs: 55.6 / 55.3 %; 5 and 3: 55.5 / 55.4 %
   * at 2.2 times the cost.
   */
  folds: 3,
  epochs: 2,
  /** SGD step of the first epoch (rate / (1 + epoch) after). */
  rate: 0.5,
  /**
   * The weights start as each segment's centroid (all views, L2-normalised) times this: SGD corrects a
   * centroid classifier where it errs. 10: alone 46.0 % first; 20: 47.0 %.
   */
  centroidStart: 20,
  /** Segments a training firm's softmax is taken over: the nearest by n-gram centroid (and its own). 15: alone 21 %, 30: 38 % (from zero). */
  contrast: 30,
  /** Terms with a weight row (segments × 4 bytes each): the most frequent, at most this many. */
  maxFeatures: 40000,
  /** Log-probabilities below this are this: a segment the model rules out need not be ruled out harder. */
  floor: -15,
  viewWeights: { grams: 1, words: 1, products: 1, name: 1 },
  seed: 20261206,
};
