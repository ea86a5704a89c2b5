/**
 * Outcome learning (docs/resources.md §5): a signal's lift = mean value among agreed matches − mean
 * among declined ones, shrunk by n / (n + shrinkage); weight × (1 + rate · clamp(lift / liftScale, −1, 1)),
 * renormalised to the original sum. Each factor lies in [1 − rate, 1 + rate] before renormalising.
 */
export const outcomeLearning = {
  rate: 0.2,
  liftScale: 0.5,
  shrinkage: 20,
  /** No adjustment before this many agreed and this many declined matches of a kind. */
  minEach: 5,
  /** A signal counts as "high" in a match at or above this value (acceptance when high vs low). */
  highSignal: 0.5,
};
