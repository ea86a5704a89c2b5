/**
 * Every weight and threshold of the chain analysis and the matchers, with its meaning, in one place.
 * docs/matching.md gives the formulas they enter; change them here and nowhere else.
 */

export const capacityModel = {
  /** Capacity is revenue in 亿元 (revenueWan / 10,000), boosted per tier tag a firm holds. */
  tierBoostPerTag: 0.1,
  /** Share of a firm's output value bought in as inputs: turns downstream capacity into demand. */
  materialShare: 0.6,
};

export const gapWeights = {
  /** Demand not covered by local capacity (1 − capacity / demand, clamped). */
  shortfall: 0.45,
  /** Demand not covered if the largest local firm fails (the N−1 criterion of grid planning). */
  n1Shortfall: 0.3,
  /** Share of local purchases of this segment bought from outside the district. */
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
  /** Demand below this (亿元) counts as none: rounding noise must not create gaps. */
  minDemand: 0.01,
};

export const partnerWeights = {
  /** Segment and product fit: membership, products the segment includes, text similarity. */
  fit: 0.3,
  /** Local firms that would buy from or sell to the candidate along INPUT_TO paths or existing ties. */
  connectivity: 0.2,
  /** Existing SUPPLIES ties with local firms. */
  ties: 0.15,
  /** Tier tags (上市, 小巨人, 独角兽, 瞪羚, 高新). */
  tier: 0.1,
  /** Size fit. */
  scale: 0.1,
  /** An introduction channel: shared alliance, paired party organisation, common university partner. */
  channel: 0.15,
};

export const fitWeights = { membership: 0.5, products: 0.3, text: 0.2 };

export const tierValues: Record<string, number> = {
  listed: 1, 'little-giant': 0.9, unicorn: 0.9, gazelle: 0.7, 'high-tech': 0.5, 'tech-center': 0.5, 'smart-factory': 0.5, 'korean-funded': 0,
};

export const sizeValues: Record<string, number> = { micro: 0.1, small: 0.4, medium: 0.8, large: 1 };

export const channelValues = { alliance: 1, pairedPartyOrg: 0.9, commonUniversityPartner: 0.7, existingTie: 0.5 };

/** Saturation constants: a count n becomes 1 − exp(−n / k). */
export const saturation = { connectivity: 5, ties: 3 };

export const partnerDefaults = {
  limit: 10,
  /** Candidates retrieved per target segment before scoring. */
  retrieve: 400,
  /** MMR trade-off between relevance (1) and novelty (0). */
  mmrLambda: 0.7,
  /** Segments a mode targets when no segment is given. */
  targetSegments: 3,
  /** Officers do not want intermediaries in candidate lists; matched in name and description. */
  excludedKeywords: ['贸易', '商贸', '咨询', '培训', '商务服务', '进出口代理'],
};
