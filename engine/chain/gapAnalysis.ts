import { gapThresholds, gapWeights } from '../config/scoring.ts';
import { proxyOrder, proxyReasons } from './capacity.ts';
import { segmentMetrics, type SegmentMetrics } from './segmentMetrics.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { oncePer } from '../oncePer.ts';

/**
 * missing  — no local firm, local firms downstream need its output (补链)
 * broken   — missing, and a local upstream segment feeds it: the local chain is cut mid-way (断点, 补链)
 * weak     — local firms exist but fall short, depend on outside suppliers, or hang on one firm (强链)
 * extension — no local firm and no local demand, but next to the local chain along FEEDS (延链)
 * healthy / absent — no gap; absent segments are neither needed nor adjacent locally.
 */
export type GapClass = 'missing' | 'broken' | 'weak' | 'extension' | 'healthy' | 'absent';
export type GapAction = 'fill' | 'strengthen' | 'extend';

export const actionOf: Record<GapClass, GapAction | null> = {
  missing: 'fill', broken: 'fill', weak: 'strengthen', extension: 'extend', healthy: null, absent: null,
};

export type GapReason =
  | 'no-local-firm' | 'local-chain-cut' | 'shortfall' | 'outside-dependence' | 'single-supplier' | 'below-chain-norm' | 'downstream-of-local' | 'upstream-of-local'
  /** The figures rest on a proxy, named in Chinese (按企业规模估算 …): revenue was missing. */
  | (typeof proxyReasons)[keyof typeof proxyReasons];

export interface SegmentGap {
  segmentId: string;
  name: string;
  stage: string;
  order: number;
  class: GapClass;
  action: GapAction | null;
  /** 0–1, higher = more urgent; see docs/matching.md for the formula. */
  score: number;
  /** The parts of the score: importance × Σ weight × term (or the extension opportunity). */
  scoreParts: { importance: number; shortfall: number; n1Shortfall: number; outsideDependence: number; extensionOpportunity: number };
  reasons: GapReason[];
  metrics: SegmentMetrics;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Classifies every segment of the chain and scores its gap. Pure: the same snapshot, the same answer —
 * so it is computed once per snapshot (snapshots are never changed after they are built; a what-if
 * builds a new one). At 100k enterprises this saves ~30 ms on every gaps and partners request.
 */
export function analyseGaps(snapshot: ChainSnapshot): SegmentGap[] {
  return [...gapsOnce(snapshot)];
}

const gapsOnce = oncePer(computeGaps);

function computeGaps(snapshot: ChainSnapshot): SegmentGap[] {
  const metrics = segmentMetrics(snapshot);
  const byId = new Map(metrics.map((m) => [m.segmentId, m]));
  const present = (id: string) => (byId.get(id)?.localFirmCount ?? 0) > 0;
  const maxDemand = Math.max(0, ...metrics.map((m) => m.localDemand));
  const maxCapacity = Math.max(0, ...metrics.map((m) => m.localCapacity));

  return snapshot.segments.map((segment) => {
    const m = byId.get(segment.id)!;
    const upstream = snapshot.feeds.filter(([, to]) => to === segment.id).map(([from]) => from);
    const downstream = snapshot.feeds.filter(([from]) => from === segment.id).map(([, to]) => to);
    const hasDemand = m.localDemand >= gapThresholds.minDemand;
    const outside = m.outsideDependence ?? (m.localFirmCount === 0 ? 1 : 0);
    const importance = maxDemand > 0 ? m.localDemand / maxDemand : 0;
    const reasons: GapReason[] = [];
    let cls: GapClass;
    let extensionOpportunity = 0;

    if (m.localFirmCount === 0) {
      reasons.push('no-local-firm');
      if (hasDemand) {
        cls = upstream.some(present) ? 'broken' : 'missing';
        if (cls === 'broken') reasons.push('local-chain-cut');
      } else if (upstream.some(present) || downstream.some(present)) {
        cls = 'extension';
        reasons.push(upstream.some(present) ? 'downstream-of-local' : 'upstream-of-local');
        // The local output that could flow into it (downstream) or the local firms it would serve (upstream).
        const neighbours = upstream.some(present) ? upstream : downstream;
        const adjacent = neighbours.reduce((s, id) => s + (byId.get(id)?.localCapacity ?? 0), 0);
        extensionOpportunity = maxCapacity > 0 ? Math.min(1, adjacent / maxCapacity) : 0;
      } else {
        cls = 'absent';
      }
    } else {
      if (hasDemand && m.shortfall >= gapThresholds.weakShortfall) reasons.push('shortfall');
      if (m.outsideDependence !== null && m.outsideDependence >= gapThresholds.weakOutsideDependence) reasons.push('outside-dependence');
      if ((m.topFirmShare ?? 0) >= gapThresholds.singleSupplierTopShare && m.n1Shortfall >= gapThresholds.singleSupplierN1) reasons.push('single-supplier');
      if (hasDemand && m.capacityVsChainMedian !== null && m.capacityVsChainMedian < gapThresholds.weakVsChainMedian) reasons.push('below-chain-norm');
      cls = reasons.length > 0 ? 'weak' : 'healthy';
    }

    const pressure = gapWeights.shortfall * m.shortfall + gapWeights.n1Shortfall * m.n1Shortfall + gapWeights.outsideDependence * outside;
    const score = cls === 'extension' ? extensionOpportunity : cls === 'absent' ? 0 : importance * pressure;
    // Said last, after the class is settled: an estimate qualifies the figures, it is no gap itself.
    // An extension's opportunity is its local neighbours' capacity: their estimates are its own.
    const estimatedBy = cls === 'extension' ? [...new Set([...upstream, ...downstream].flatMap((id) => byId.get(id)?.estimatedBy ?? []))] : m.estimatedBy;
    if (cls !== 'absent') for (const proxy of proxyOrder.filter((p) => estimatedBy.includes(p))) reasons.push(proxyReasons[proxy]);
    return {
      segmentId: segment.id, name: segment.name, stage: segment.stage, order: segment.order,
      class: cls, action: actionOf[cls], score: round(score),
      scoreParts: { importance: round(importance), shortfall: m.shortfall, n1Shortfall: m.n1Shortfall, outsideDependence: round(outside), extensionOpportunity: round(extensionOpportunity) },
      reasons, metrics: m,
    };
  });
}

/** The gaps only (no healthy or absent segments), most urgent first. */
export function rankedGaps(gaps: SegmentGap[]): SegmentGap[] {
  return gaps.filter((g) => g.action !== null).sort((a, b) => b.score - a.score || a.order - b.order);
}
