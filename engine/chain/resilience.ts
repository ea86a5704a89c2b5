import { gapThresholds } from '../config/scoring.ts';
import { segmentMetrics } from './segmentMetrics.ts';
import type { ChainSnapshot } from './snapshot.ts';

/** A local firm whose loss would hurt the local chain, and how. */
export interface SinglePointOfFailure {
  id: string;
  name: string;
  /** Demo data (`source: synthetic`). */
  demo: boolean;
  segmentIds: string[];
  /** Segments with local demand where it is the only local firm: losing it makes them missing. */
  wouldEmpty: string[];
  /** Local customers for which it is the only local supplier of a segment: their local supply path is cut. */
  soleSourceCustomers: string[];
  /** Demand-weighted loss of coverage, Σ over its segments of local demand it alone covers (亿元). */
  uncoveredDemand: number;
}

/**
 * Single points of failure (docs/design.md §1, resilience): firms whose removal turns a segment missing, or
 * leaves at least two local customers without any local supplier of that segment.
 */
export function singlePointsOfFailure(snapshot: ChainSnapshot): SinglePointOfFailure[] {
  const metrics = new Map(segmentMetrics(snapshot).map((m) => [m.segmentId, m]));
  const localIds = new Set(snapshot.firms.map((f) => f.id));
  // customer → segment → its local suppliers in that segment
  const suppliers = new Map<string, Map<string, Set<string>>>();
  for (const t of snapshot.ties) {
    if (!t.fromLocal || !localIds.has(t.from)) continue;
    const bySegment = suppliers.get(t.to) ?? suppliers.set(t.to, new Map()).get(t.to)!;
    for (const s of t.fromSegmentIds) (bySegment.get(s) ?? bySegment.set(s, new Set()).get(s)!).add(t.from);
  }
  const result: SinglePointOfFailure[] = [];
  for (const f of snapshot.firms) {
    const wouldEmpty = f.segmentIds.filter((s) => {
      const m = metrics.get(s)!;
      return m.localFirmCount === 1 && m.localDemand > gapThresholds.minDemand;
    });
    const soleSourceCustomers: string[] = [];
    for (const [customer, bySegment] of suppliers) {
      if ([...bySegment.values()].some((set) => set.size === 1 && set.has(f.id))) soleSourceCustomers.push(customer);
    }
    if (wouldEmpty.length === 0 && soleSourceCustomers.length < 2) continue;
    const uncoveredDemand = f.segmentIds.reduce((sum, s) => {
      const m = metrics.get(s)!;
      const others = m.localCapacity - (m.evidence.topFirms.find((x) => x.id === f.id)?.value ?? 0);
      return sum + Math.max(0, Math.min(m.localDemand, m.localCapacity) - others);
    }, 0);
    result.push({
      id: f.id,
      name: f.name,
      demo: f.demo ?? false,
      segmentIds: f.segmentIds,
      wouldEmpty,
      soleSourceCustomers,
      uncoveredDemand: Math.round(uncoveredDemand * 1e4) / 1e4,
    });
  }
  return result.sort(
    (a, b) => b.wouldEmpty.length - a.wouldEmpty.length || b.uncoveredDemand - a.uncoveredDemand || b.soleSourceCustomers.length - a.soleSourceCustomers.length,
  );
}
