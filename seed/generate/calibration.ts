/**
 * The figures the generated district is calibrated to. Each carries the article's wording; where the
 * article gives "约"/"余" the chosen exact value is stated. Counts scale with `--scale`; the
 * calibrated seed is scale 1. The seed test asserts the loaded graph against these numbers.
 */
export const articleFigures = {
  /** 集聚约 300 家生物医药上中下游企业 */
  biomedFirms: 300,
  /** 集聚…人工智能企业 320 余家 → 326 */
  aiFirms: 326,
  /** 影响带动园区 43 家韩资企业 */
  koreanFunded: 43,
  /** 先后培育高新技术企业 314 家、独角兽企业 30 家, 瞪羚企业 47 家 */
  highTech: 314,
  unicorn: 30,
  gazelle: 47,
  /** 10 家企业成功获批国家级专精特新“小巨人” */
  littleGiant: 10,
  /** 新增…2 家省级“智能制造示范工厂” */
  smartFactory: 2,
  /** 新增 12 家省级企业技术中心 */
  techCenter: 12,
  /** 企业党组织覆盖率达到 93% */
  partyCoverage: 0.93,
  /** 累计为 1000 余家企业授信科技贷款 113.8 亿元 → 1,012 firms, 1,138,000 万元 */
  techLoanFirms: 1012,
  techLoanTotalWan: 1_138_000,
  /** 联合 38 家知名高校成立栖霞高校技术转移联盟 */
  allianceUniversities: 38,
  /** 促成产学研合作超 600 项 → 612 projects over COOPERATES_WITH ties */
  cooperationProjects: 612,
  /** 两院院士、高层次创新创业人才等 300 余名 → 312; 其中…国家级人才计划专家 85 人 */
  highLevelTalents: 312,
  nationalOrAbove: 85,
  /** 为近 30 家高端中间体及医药原料企业寻找生产基地 → 30 production-site demands */
  productionSiteDemands: 30,
} as const;

/** Talent honours the article counts, with their published numbers. */
export const talentHonours: Record<string, number> = {
  '江苏省“双创计划”人才': 66,
  '江苏省“333工程”人才': 46,
  '江苏省乡土“三带”人才': 27,
  江苏省科技企业家: 18,
  '南京市科技顶尖专家(高峰计划)': 29,
  南京市创新型企业家: 64,
};

/**
 * Synthetic targets (the article gives no figure): local firms of the other chains, the outside
 * candidate pool, and the size of the resource market.
 */
export const syntheticTargets = {
  localFirmsByChain: {
    biomed: articleFigures.biomedFirms,
    ai: articleFigures.aiFirms,
    electronics: 190,
    equipment: 165,
    nev: 95,
    materials: 85,
    green: 75,
  } as Record<string, number>,
  /** Outside (non-local) firms across China, the 招商 candidate pool. */
  outsidePool: 5200,
  /** Share of the outside pool that is trading/consulting/training firms (to be excluded by default). */
  outsideIntermediaryShare: 0.04,
  /** Researchers without a high-level title (affiliated with research units and firms). */
  otherResearchers: 420,
  banks: 6,
  /** Demands besides the 30 production-site ones, and offers, by kind. */
  demands: { land: 12, loan: 40, equipment: 15, talent: 20, service: 15, policy: 8 } as Record<string, number>,
  offers: { site: 26, land: 8, loan: 20, equipment: 15, talent: 15, service: 15, policy: 6 } as Record<string, number>,
};

/** A count at a scale: the calibrated number at scale 1, proportional (at least 1) otherwise. */
export function scaled(count: number, scale: number): number {
  return scale === 1 ? count : Math.max(1, Math.round(count * scale));
}
