import { api } from '../../api/client.ts';
import type { ChainMap, GapReport, PartnerResult, SegmentGap } from '../../api/types.ts';
import { briefConfig } from './briefConfig.ts';

export interface BriefTarget {
  gap: SegmentGap;
  /** null when the ranking failed for this gap: the brief says so instead of hiding the gap. */
  result: PartnerResult | null;
}

export interface BriefData {
  map: ChainMap;
  report: GapReport;
  /** The largest gaps, each with its first candidates (补链 for missing/broken, 强链 for weak). */
  targets: BriefTarget[];
  extensions: SegmentGap[];
}

/** Everything the brief shows, from the API's chain map, gap report and partner ranking (one request per gap). */
export async function loadBrief(chainId: string): Promise<BriefData> {
  const [map, report] = await Promise.all([api.chainMap(chainId), api.gaps(chainId)]);
  const gaps = report.gaps.slice(0, briefConfig.gaps);
  const targets = await Promise.all(
    gaps.map(async (gap) => ({
      gap,
      result: gap.action
        ? await api.partners({ chainId, segmentId: gap.segmentId, mode: gap.action, limit: briefConfig.candidatesPerGap, filters: {} }).catch(() => null)
        : null,
    })),
  );
  return { map, report, targets, extensions: report.extensions.slice(0, briefConfig.extensions) };
}
