/** Gap analysis of a chain: how a segment's demand at stake is weighed, and when a segment counts as weak. */

/**
 * How the three exposures of a segment's local demand weigh in its demand at stake (亿元):
 * demandAtStake = localDemand × (Σ weight × share). They sum to 1, so for a segment with no local firm
 * (every share 1) the demand at stake is the whole unmet demand: a 补链 gap ranks by the local demand it
 * leaves unmet, and a 强链 gap by the demand its shortfall, concentration and outside dependence expose.
 */
export const gapWeights = {
  /** Demand not covered by local capacity (1 − capacity / demand, clamped). */
  shortfall: 0.45,
  /** Demand not covered if the largest local firm fails (N−1, the criterion of grid planning): concentration. */
  n1Shortfall: 0.3,
  /** Share of local demand met from outside the district (observed ties, at least the shortfall). */
  outsideDependence: 0.25,
};

export const gapThresholds = {
  /** weak when local capacity covers less than this share of local demand … */
  weakShortfall: 0.4,
  /** … or when more than this share of local purchases comes from outside … */
  weakOutsideDependence: 0.6,
  /** … or when one firm holds more than this share of local capacity and its loss leaves a shortfall. */
  singleSupplierTopShare: 0.8,
  singleSupplierN1: 0.3,
  /** weak when capacity is below this fraction of the chain's median segment capacity. */
  weakVsChainMedian: 0.15,
  /**
   * Demand below this (亿元) counts as none: rounding noise must not create gaps. Figures are kept to
   * 1万元 (0.0001 亿元), so any demand that survives rounding is real: a segment feeding local firms
   * must not pass for an extension because their needs are small (was 0.01 = 100万元).
   */
  minDemand: 0.0001,
};
