/**
 * How a segment's capacity and the demand on it are estimated from firms' revenue, and what stands in for
 * revenue when it is unknown (docs/matching.md, "Capacity and demand without revenue").
 */
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
