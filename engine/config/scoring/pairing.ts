/** School–enterprise pairing, both ways, and how often one researcher or affiliation may appear in a list. */

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
  /**
   * Kept between writes (engine/match/pairing/keptNeedSides.ts), least recently used dropped first: the
   * need sides of this many firms (their measured size is in keptNeedSides.ts), and the firm ids
   * retrieved per unit or text and `localOnly` for this many (≤ `retrieve` ids each; at 100k ~1,200 units).
   */
  kept: { firms: 20_000, pools: 3_000 },
  /**
   * Every retrievable firm's profile read once per catalog (engine/match/pairing/needPool.ts) when there
   * are at most this many: ~16,000 at 100k firms; at 1M (~160,000) requests read from Neo4j instead.
   */
  pool: { maxFirms: 50_000 },
};

/**
 * How often one holder may appear in one list: a researcher carries at most this many pairs (the
 * next pairs go to the unit's next relevant researcher, and the explanation says so), and one
 * affiliation supplies at most this many talents (the others are listed as left out).
 */
export const appearanceCaps = { pairsPerResearcher: 2, talentsPerAffiliation: 3 };

/** Shared-topic saturation: 1 − exp(−n / k). */
export const sharedTopicSaturation = 1.5;
