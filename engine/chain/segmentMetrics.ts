import { capacityModel } from '../config/scoring.ts';
import { firmCapacity, segmentShareOfCapacity } from './capacity.ts';
import type { ChainSnapshot, SnapshotFirm } from './snapshot.ts';

export interface FirmFigure {
  id: string;
  name: string;
  /** 亿元 */
  value: number;
}

/** The measured figures of one segment (DESIGN §1); every one traces to firms and ties in `evidence`. */
export interface SegmentMetrics {
  segmentId: string;
  localFirmCount: number;
  /** Σ local firms' capacity in this segment, 亿元. */
  localCapacity: number;
  /** What the chain's local firms in other segments need of this segment's output, 亿元. */
  localDemand: number;
  /** Demand local capacity does not cover: clamp(1 − capacity / demand). */
  shortfall: number;
  /** Shortfall if the largest local firm failed (N−1). */
  n1Shortfall: number;
  /** Share (by sharePct) of local firms' purchases from this segment bought outside the district; null without ties. */
  outsideDependence: number | null;
  /** Herfindahl–Hirschman index of local capacity shares (0–1); null without local firms. */
  hhi: number | null;
  topFirmShare: number | null;
  /** Share of the segment's local firms with a party organisation; null without local firms. */
  partyCoverage: number | null;
  /** Capacity relative to the median capacity of the chain's segments that have local firms. */
  capacityVsChainMedian: number | null;
  evidence: {
    topFirms: FirmFigure[];
    demandFrom: (FirmFigure & { segmentId: string })[];
    outsideSuppliers: { id: string; name: string; to: string; toName: string; sharePct: number }[];
  };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** For each product, the segments its inputs come from (via INPUT_TO), within the chain. */
function inputSegmentsByProduct(snapshot: ChainSnapshot): Map<string, Set<string>> {
  const segmentOf = new Map(snapshot.segments.flatMap((s) => s.products.map((p) => [p.id, s.id] as const)));
  const inputs = new Map<string, Set<string>>();
  for (const [from, to] of snapshot.inputTo) {
    const seg = segmentOf.get(from);
    if (seg) (inputs.get(to) ?? inputs.set(to, new Set()).get(to)!).add(seg);
  }
  return inputs;
}

/**
 * weight(f, S): the share of firm f's output that needs inputs from segment S. Each of f's products
 * splits its inputs equally among the segments they come from; a firm without known products uses
 * its segments' upstream neighbours along FEEDS instead.
 */
export function demandWeights(snapshot: ChainSnapshot, firm: SnapshotFirm, inputs = inputSegmentsByProduct(snapshot)): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (seg: string, w: number) => weights.set(seg, (weights.get(seg) ?? 0) + w);
  if (firm.productIds.length > 0) {
    for (const p of firm.productIds) {
      const sources = inputs.get(p);
      if (!sources) continue;
      for (const s of sources) add(s, 1 / sources.size / firm.productIds.length);
    }
  } else {
    for (const own of firm.segmentIds) {
      const upstream = snapshot.feeds.filter(([, to]) => to === own).map(([from]) => from);
      for (const s of upstream) add(s, 1 / upstream.length / firm.segmentIds.length);
    }
  }
  for (const own of firm.segmentIds) weights.delete(own);
  return weights;
}

export function segmentMetrics(snapshot: ChainSnapshot): SegmentMetrics[] {
  const inputs = inputSegmentsByProduct(snapshot);
  const firmsBySegment = new Map<string, SnapshotFirm[]>();
  const demandFrom = new Map<string, (FirmFigure & { segmentId: string })[]>();
  for (const f of snapshot.firms) {
    for (const s of f.segmentIds) (firmsBySegment.get(s) ?? firmsBySegment.set(s, []).get(s)!).push(f);
    const need = firmCapacity(f) * capacityModel.materialShare;
    for (const [s, w] of demandWeights(snapshot, f, inputs)) {
      (demandFrom.get(s) ?? demandFrom.set(s, []).get(s)!).push({ id: f.id, name: f.name, value: need * w, segmentId: f.segmentIds[0] });
    }
  }

  const rows = snapshot.segments.map((segment) => {
    const firms = firmsBySegment.get(segment.id) ?? [];
    const capacities = firms.map((f) => ({ id: f.id, name: f.name, value: segmentShareOfCapacity(f) })).sort((a, b) => b.value - a.value);
    const capacity = capacities.reduce((s, f) => s + f.value, 0);
    const top = capacities[0]?.value ?? 0;
    const needs = (demandFrom.get(segment.id) ?? []).sort((a, b) => b.value - a.value);
    const localDemand = needs.reduce((s, f) => s + f.value, 0);
    const ties = snapshot.ties.filter((t) => t.fromSegmentIds.includes(segment.id));
    const tieTotal = ties.reduce((s, t) => s + t.sharePct, 0);
    const outsideTies = ties.filter((t) => !t.fromLocal);
    const outsideTotal = outsideTies.reduce((s, t) => s + t.sharePct, 0);
    return {
      segmentId: segment.id,
      localFirmCount: firms.length,
      localCapacity: round(capacity),
      localDemand: round(localDemand),
      shortfall: localDemand > 0 ? round(clamp01(1 - capacity / localDemand)) : 0,
      n1Shortfall: localDemand > 0 ? round(clamp01(1 - (capacity - top) / localDemand)) : 0,
      outsideDependence: tieTotal > 0 ? round(outsideTotal / tieTotal) : null,
      hhi: capacity > 0 ? round(capacities.reduce((s, f) => s + (f.value / capacity) ** 2, 0)) : null,
      topFirmShare: capacity > 0 ? round(top / capacity) : null,
      partyCoverage: firms.length > 0 ? round(firms.filter((f) => f.hasPartyOrg).length / firms.length) : null,
      capacityVsChainMedian: null as number | null,
      evidence: {
        topFirms: capacities.slice(0, 5).map((f) => ({ ...f, value: round(f.value) })),
        demandFrom: needs.slice(0, 5).map((f) => ({ ...f, value: round(f.value) })),
        outsideSuppliers: outsideTies.sort((a, b) => b.sharePct - a.sharePct).slice(0, 5).map((t) => ({ id: t.from, name: t.fromName, to: t.to, toName: t.toName, sharePct: t.sharePct })),
      },
    };
  });
  const present = rows.filter((r) => r.localCapacity > 0).map((r) => r.localCapacity).sort((a, b) => a - b);
  const median = present.length > 0 ? present[Math.floor((present.length - 1) / 2)] : 0;
  for (const r of rows) r.capacityVsChainMedian = median > 0 ? round(r.localCapacity / median) : null;
  return rows;
}
