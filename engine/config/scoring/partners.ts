/**
 * 强链/补链/延链 partner recommendation: signal weights per mode, the values of tier tags, size classes and
 * introduction channels, and the list's defaults (docs/matching.md §2).
 */
import type { EnterpriseSize, EnterpriseTag } from '../../model/enterprise.ts';

/**
 * 强链/补链/延链 partner recommendation: each mode answers a different question, so each has its own
 * signals and weights (docs/matching.md §2). Every set sums to 1.
 */
export const partnerModeWeights = {
  /**
   * 补链 (missing/broken): a firm of the missing segment; first those already supplying local firms,
   * then those whose output local firms' products take as input.
   */
  fill: {
    /** Segment and product fit: membership, products the segment includes, text similarity. */
    fit: 0.3,
    /** Local firms it already SUPPLIES (the outside suppliers local demand relies on today). */
    ties: 0.25,
    /** Local firms whose products take its products as inputs (INPUT_TO), or whose segments it FEEDS. */
    buyers: 0.2,
    /** Tier tags (上市, 小巨人, 独角兽, 瞪羚, 高新). */
    tier: 0.1,
    /** Size class. */
    scale: 0.05,
    /** An introduction channel: shared alliance, paired party organisation, common university partner. */
    channel: 0.1,
  },
  /**
   * 强链 (weak): alternatives to the firm the segment hangs on, ranked by how much they would lower its
   * concentration (N−1 shortfall) and its dependence on outside supply.
   */
  strengthen: {
    fit: 0.2,
    /** Share of the segment's N−1 shortfall the candidate's capacity would remove (docs/matching.md). */
    concentrationRelief: 0.25,
    /** Share of the demand now met from outside that the candidate's capacity could supply locally. */
    outsideRelief: 0.2,
    ties: 0.1,
    tier: 0.1,
    scale: 0.05,
    channel: 0.1,
  },
  /** 延链 (extension): firms next to local output — they would buy it, or supply local firms. */
  extend: {
    fit: 0.3,
    /** Local firms it would trade with along INPUT_TO (or FEEDS without products). */
    adjacency: 0.3,
    tier: 0.15,
    scale: 0.1,
    channel: 0.15,
  },
};

export const strengthenRules = {
  /**
   * A local firm holding at least this share of a segment's local capacity is the firm the segment hangs
   * on: never its own remedy in a 强链 list (it is named apart, as "expand locally"). Half the capacity:
   * losing it removes more than all the others supply together.
   */
  dominantShare: 0.5,
  /**
   * A local candidate's relief is counted as if it doubled its capacity (expanding what it has): its
   * own capacity is already in the figures, and no plan of its expansion is known.
   */
  localExpansionFactor: 1,
};

export const fitWeights = { membership: 0.5, products: 0.3, text: 0.2 };

export const tierValues: Record<string, number> = {
  listed: 1,
  'little-giant': 0.9,
  unicorn: 0.9,
  gazelle: 0.7,
  'high-tech': 0.5,
  'tech-center': 0.5,
  'smart-factory': 0.5,
  'korean-funded': 0,
} satisfies Record<EnterpriseTag, number>;

export const sizeValues: Record<string, number> = { micro: 0.1, small: 0.4, medium: 0.8, large: 1 } satisfies Record<EnterpriseSize, number>;

/** Introduction channels (an existing supply tie is not one: it counts in `ties`, once). */
export const channelValues = { alliance: 1, pairedPartyOrg: 0.9, commonUniversityPartner: 0.7 };

/** Saturation constants: a count n becomes 1 − exp(−n / k). */
export const saturation = { connectivity: 5, buyers: 5 };

export const partnerDefaults = {
  limit: 10,
  /** Candidates retrieved per target segment before scoring. */
  retrieve: 400,
  /**
   * MMR trade-off between relevance (1) and novelty (0). MMR only chooses who enters the list (it is
   * shown in score order). At 0.7 with province in the similarity, two of the five outside firms that
   * supply 80 % of local firms' CDMO needs on the seed were left out of a 补链 top 10 for being
   * "similar" to others of their province; at 0.85 without province, near-copies still go.
   */
  mmrLambda: 0.85,
  /** What makes two candidates near-copies for MMR: name similarity (one group's firms) and shared segments and products. */
  diversity: { name: 0.6, segmentsAndProducts: 0.4 },
  /**
   * Stage two of ranking (relations: supply ties, channels) is fetched only for the best of stage one's
   * cheap score per target segment: `perListed` × the list's limit, and at least `min`, so MMR has
   * alternatives to choose from when it drops near-copies.
   */
  shortList: { min: 40, perListed: 4 },
  /** Segments a mode targets when no segment is given. */
  targetSegments: 3,
  /** Officers do not want intermediaries in candidate lists; matched in name and description. */
  excludedKeywords: ['贸易', '商贸', '咨询', '培训', '商务服务', '进出口代理'],
  /**
   * A candidate found only by full text (not in the segment, making none of its products) is offered
   * only at this text similarity to the segment or above (docs/design.md, amended: free-text matching answers
   * only above a relevance threshold). Measured on the real 申万 chain (engine/chain/realChainGaps.test.ts):
   * unrelated text hits 0.12–0.15, firms of the segment with its products 0.44–0.53. Without the gate a
   * tier tag and a size outweighed membership, and firms of other industries filled the 补链 list.
   */
  minTextOnlySimilarity: 0.3,
};
