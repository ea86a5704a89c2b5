/**
 * Every weight and threshold of the chain analysis and the matchers, with its meaning, in one place.
 * docs/matching.md gives the formulas they enter; change them here and nowhere else.
 * Tables keyed by a domain enum (tier tags, size classes, talent levels, confidence labels) are checked
 * against it with `satisfies`, so a tag, size or level added to the model fails to compile until it is
 * given its value here.
 */
import type { Confidence } from './scoring/confidence.ts';
import type { EnterpriseSize, EnterpriseTag } from '../model/enterprise.ts';
import type { z } from 'zod';
import type { talentLevelSchema } from '../model/nodes.ts';

type TalentLevel = z.infer<typeof talentLevelSchema>;

export const capacityModel = {
  /** Capacity is revenue in 亿元 (revenueWan / 10,000), boosted per tier tag a firm holds. */
  tierBoostPerTag: 0.1,
  /** Share of a firm's output value bought in as inputs: turns downstream capacity into demand. */
  materialShare: 0.6,
  /**
   * Share of a firm's input needs spread over the segments that FEED its own (the rest follows the
   * product INPUT_TO paths). The template states those dependences even where the product graph does
   * not trace them, so every segment feeding a local one carries some local demand (docs/design.md, amended
   * 2026-12: a supplier segment the district lacks is a 补链 gap, not an extension). A firm whose
   * products have no traced inputs (a chain template without INPUT_TO, as real ones often are) spreads
   * all of its needs along FEEDS.
   */
  feedsShareOfDemand: 0.2,
};

/**
 * When a firm's revenue is unknown (null, or 0 as older imports stored a blank), its revenue is
 * estimated from the first of these it has, in this order, and every figure it enters is flagged
 * `estimated` with the proxy named (docs/matching.md, "Capacity and demand without revenue").
 */
export const revenueProxies = {
  /**
   * 1. Size class → a typical revenue (万元) inside the class's revenue band of the national standard
   * for industry (统计上大中小微型企业划分办法 2017: micro < 300, small 300–2,000, medium 2,000–40,000,
   * large ≥ 40,000 万元): about the geometric middle of each band (small √(300·2,000) ≈ 800, medium
   * √(2,000·40,000) ≈ 9,000); micro a third of its ceiling; large, open above, 2.5 × its floor
   * (10 亿元) — conservative, below the revenue of a typical listed firm. The class comes first: it is
   * defined on revenue itself, while revenue per head varies tenfold between industries.
   */
  typicalRevenueWanBySize: { micro: 100, small: 800, medium: 9_000, large: 100_000 } as Record<string, number>,
  /**
   * 2. Employees × revenue per head (万元). China's industrial firms above designated size made about
   * 1.7 million yuan of revenue per employee in 2021 (营业收入 ≈ 128 万亿元 over ≈ 7,500 万 employees);
   * rounded down to 150 because smaller firms sell less per head.
   */
  revenueWanPerEmployee: 150,
  /**
   * 3. Registered capital (注册资本) × this. Industrial firms turn their assets over about once a year
   * and registered capital is of the order of their equity, so revenue ≈ registered capital: a weak
   * proxy (capital is subscribed, not paid in), used only when nothing better is known.
   */
  revenuePerRegisteredCapital: 1,
  /**
   * 4. Nothing known: the firm counts as one typical firm (the medium class's revenue), so demand and
   * capacity become firm counts — a segment's capacity is its number of firms, the demand on it the
   * number of firms downstream that need it, in the same unit.
   */
  typicalFirmRevenueWan: 9_000,
};

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
  listed: 1, 'little-giant': 0.9, unicorn: 0.9, gazelle: 0.7, 'high-tech': 0.5, 'tech-center': 0.5, 'smart-factory': 0.5, 'korean-funded': 0,
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

/** School–enterprise pairing (docs/design.md §3). */
export const pairingWeights = {
  /** Text similarity of the enterprise's needs and products to the unit's topics and researchers' expertise. */
  text: 0.3,
  /** Shared Topic nodes: the enterprise needs what the unit researches or its researchers know. */
  topics: 0.25,
  /** Past cooperation with this unit (1) or another unit of its university (0.5). */
  cooperation: 0.1,
  /** The best level among the researchers who carry the pair. */
  talent: 0.15,
  /** Same park 1; unit in 仙林大学城 and a local enterprise 0.7. */
  proximity: 0.1,
  /** A shared alliance (1) or paired party organisations (0.9). */
  channel: 0.1,
};

/** Reverse pairing (a research unit or a free text → enterprises). */
export const reversePairingDefaults = {
  /** Enterprises retrieved by shared or covered topics before scoring. */
  retrieve: 400,
  /** A free-text query stands for at most this many of the catalog's topics it covers best. */
  textTopics: 6,
};

/** Talent matching for an enterprise's needs. */
export const talentWeights = { text: 0.35, topics: 0.3, level: 0.2, proximity: 0.1, cooperation: 0.05 };

/** Talent levels as a 0–1 value: Nobel/Turing laureate … other researchers. */
export const talentLevelValues: Record<string, number> = {
  laureate: 1, academician: 0.95, national: 0.8, provincial: 0.6, municipal: 0.45, district: 0.3, other: 0.15,
} satisfies Record<TalentLevel, number>;

/**
 * How much evidence stands behind a match (Explanation.confidence), per matcher; below `medium` a match
 * is weak. Signal values are the 0–1 values of the signals named (docs/matching.md).
 * - 强链/补链/延链 partner: strong when it sits in the segment by the graph (fit ≥ strong.fit) and already
 *   supplies local firms or has an introduction channel (channel ≥ strong.channel: a shared alliance or a
 *   paired party organisation, not only a common university partner); medium when it fits at least
 *   partially (fit ≥ medium.fit) and supplies local firms or has a measured role for them (buyers,
 *   adjacency, concentration or outside relief ≥ medium.role).
 * - School–enterprise pair: strong when one of the need's topics is covered whole and the pair has past
 *   cooperation, a channel, or a researcher of national level or above (talent ≥ strong.talent); medium
 *   when a topic is covered whole.
 * - Talent: strong when a topic is covered whole and the talent's unit already cooperates with the firm or
 *   the talent is of provincial level or above (level value ≥ strong.level); medium when a topic is covered whole.
 */
export const confidenceThresholds = {
  partner: { strong: { fit: 0.5, channel: 0.7 }, medium: { fit: 0.3, role: 0.5 } },
  pairing: { strong: { talent: talentLevelValues.national } },
  talent: { strong: { level: talentLevelValues.provincial } },
} satisfies Record<string, Partial<Record<Exclude<Confidence, 'weak'>, Record<string, number>>>>;

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

/**
 * How often one holder may appear in one list: a researcher carries at most this many pairs (the
 * next pairs go to the unit's next relevant researcher, and the explanation says so), and one
 * affiliation supplies at most this many talents (the others are listed as left out).
 */
export const appearanceCaps = { pairsPerResearcher: 2, talentsPerAffiliation: 3 };

/** Shared-topic saturation: 1 − exp(−n / k). */
export const sharedTopicSaturation = 1.5;

/**
 * Resource supply–demand matching (docs/design.md §4, docs/resources.md). Hard constraints are not weighed:
 * they are predicates in engine/match/resources/hardConstraints.ts. These weigh the soft preferences.
 */
export const resourceWeights = {
  /** Closeness to the ideal area (sites, land) or how much of a loan product's ceiling the ask uses. */
  size: 0.25,
  /** Below the demand's ceiling: price (sites, land, equipment, services) or rate (loans). */
  price: 0.2,
  /** Same park as the demanding organisation 1, same sector 0.6. */
  location: 0.15,
  /** Supply-chain proximity: the offerer trades with the firm, hosts its trade partners, or shares one. */
  proximity: 0.15,
  /** Tier of the offerer (an enterprise's tier tags; a fixed value for parks and universities). */
  tier: 0.1,
  /** An introduction channel: shared alliance, paired party organisations, past cooperation. */
  channel: 0.15,
};

export const resourceSignalValues = {
  /** What a signal scores when the demand states no preference or the offer cannot be compared on it. */
  neutral: 0.5,
  /** With only a minimum area stated, the ideal is taken as this multiple of it. */
  idealOverMinArea: 1.25,
  /** The price signal at the ceiling (free scores 1): `1 − priceAtCeiling·price/ceiling` … */
  priceAtCeilingDrop: 0.5,
  /** … with this rate ceiling (%) for loan demands that state none. */
  referenceMaxRatePct: 6,
  samePark: 1,
  sameSector: 0.6,
  /** Proximity: the offerer already trades with the demanding firm / the offering park hosts its trade partners / they share a trade partner. */
  directTie: 1,
  partnersInPark: 0.6,
  sharedPartner: 0.5,
  /** Channel: shared alliance / paired party organisations / past cooperation (with the unit or its university). */
  alliance: 1,
  pairedPartyOrg: 0.9,
  cooperation: 0.7,
  /** A park offers its own resources directly: no introduction is needed, nor is one evidence of fit. */
  parkChannel: 0.5,
  /** Tier of offerers without tier tags. */
  ownerTier: { Park: 0.6, University: 0.7, ResearchUnit: 0.6 } as Record<string, number>,
};

/** Confidence labels of a resource match: strong ≥ 0.7 with a relationship behind it, medium ≥ 0.5. */
export const resourceConfidence = { strong: 0.7, medium: 0.5 };

export const resourceDefaults = { limit: 10, maxLimit: 100 };

/**
 * Quantity capacities of offers (docs/resources.md §4.1), beside the count capacity (`capacity`:
 * demands served at once). Per kind: the offer attribute that holds the quantity, the demand
 * attribute that one unit of demand takes of it, and the unit. `perCountUnit`: the offer's figure is
 * a per-borrower ceiling, so what the offer holds in all is figure × capacity (a 2,000 万元 科技贷 for
 * 10 firms lends up to 20,000 万元); otherwise the figure is the whole (a 4,900 m² building shared by
 * 2 tenants holds 4,900 m², not 9,800). A demand takes its stated minimum (`minAreaM2`: the ideal
 * area is a preference, the minimum is what it must get) or its ask (`amountWan`). Kinds not listed
 * (equipment, talent — headcount/seats —, services) have only the count capacity.
 */
export const resourceCapacities = {
  site: { offer: 'areaM2', demand: 'minAreaM2', unit: 'm²', perCountUnit: false },
  land: { offer: 'areaM2', demand: 'minAreaM2', unit: 'm²', perCountUnit: false },
  loan: { offer: 'amountWan', demand: 'amountWan', unit: '万元', perCountUnit: true },
  policy: { offer: 'amountWan', demand: 'amountWan', unit: '万元', perCountUnit: true },
} as const;

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

/** Matchmaking events (对接会). */
export const eventDefaults = {
  /** Pairs below this fit are not scheduled: an empty slot beats a pointless meeting. */
  minFit: 0.05,
  maxParticipants: 500,
};
