import type { SegmentGap } from './gapAnalysis.ts';

/** A chain's gaps as GET /chains/{id}/gaps answers them (ChainMatchEngine.gaps), read by the exports too. */
export interface GapReport {
  chain: { id: string; name: string; nameEn: string };
  /** Gaps (补链 missing/broken, 强链 weak) by priority in 亿元, largest first, each with its evidence. */
  gaps: SegmentGap[];
  /** 延链 opportunities, a separate list on their own measure (adjacent local output), largest first. */
  extensions: SegmentGap[];
  summary: Record<string, number>;
}
