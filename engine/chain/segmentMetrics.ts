import { capacityModel, gapWeights } from '../config/scoring.ts';
import { firmScale, proxyOrder, type ScaleBasis, type ScaleProxy } from './capacity.ts';
import type { ChainSnapshot, SnapshotFirm } from './snapshot.ts';

export interface FirmFigure {
  id: string;
  name: string;
  /** 亿元 */
  value: number;
  /** What the value rests on: the firm's revenue, or the proxy it was estimated from. */
  basis: ScaleBasis;
  /** Demo data (`source: synthetic`): shown with the 演示数据 mark. */
  demo: boolean;
}

/** The measured figures of one segment (docs/design.md §1); every one traces to firms and ties in `evidence`. */
export interface SegmentMetrics {
  segmentId: string;
  localFirmCount: number;
  /** Σ local firms' capacity in this segment, 亿元. */
  localCapacity: number;
  /** What the chain's local firms in other segments need of this segment's output, 亿元. */
  localDemand: number;
  /** Local demand left unmet, 亿元: max(0, demand − capacity). The priority of a 补链 gap (docs/design.md, amended). */
  unmetDemand: number;
  /** Demand local capacity does not cover: clamp(1 − capacity / demand). */
  shortfall: number;
  /** Shortfall if the largest local firm failed (N−1). */
  n1Shortfall: number;
  /**
   * Share of local demand for this segment met from outside the district: the observed outside share
   * of SUPPLIES ties, but never below `shortfall` — what local capacity cannot cover is bought outside
   * (or not at all), whatever the few recorded ties say. 1 for a segment with local demand and no
   * local firm; 0 without demand or ties.
   */
  outsideDependence: number;
  /** The outside share (by sharePct) of recorded SUPPLIES ties from this segment to local firms; null without ties. */
  observedOutsideShare: number | null;
  /**
   * Local demand exposed to this segment's weakness, 亿元: localDemand × (shortfall, N−1 shortfall and
   * outside dependence weighted by gapWeights). Equals `unmetDemand` for a segment with no local firm.
   * The priority of a gap (docs/matching.md, "Gap priority").
   */
  demandAtStake: number;
  /** Herfindahl–Hirschman index of local capacity shares (0–1); null without local firms. */
  hhi: number | null;
  topFirmShare: number | null;
  /** Share of the segment's local firms with a party organisation; null without local firms. */
  partyCoverage: number | null;
  /** Capacity relative to the median capacity of the chain's segments that have local firms. */
  capacityVsChainMedian: number | null;
  /** true when capacity or demand rests, for some firm, on a proxy instead of revenue. */
  estimated: boolean;
  /** The proxies used, in the order they are tried (size, employees, registeredCapital, firmCount). */
  estimatedBy: ScaleProxy[];
  evidence: {
    topFirms: FirmFigure[];
    demandFrom: (FirmFigure & { segmentId: string })[];
    outsideSuppliers: { id: string; name: string; demo: boolean; to: string; toName: string; sharePct: number }[];
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

/** For each segment, the segments that FEED it. */
function upstreamBySegment(snapshot: ChainSnapshot): Map<string, string[]> {
  const upstream = new Map<string, string[]>();
  for (const [from, to] of snapshot.feeds) (upstream.get(to) ?? upstream.set(to, []).get(to)!).push(from);
  return upstream;
}

export interface DemandIndex {
  inputs: Map<string, Set<string>>;
  upstream: Map<string, string[]>;
}

export function demandIndex(snapshot: ChainSnapshot): DemandIndex {
  return { inputs: inputSegmentsByProduct(snapshot), upstream: upstreamBySegment(snapshot) };
}

/**
 * weight(f, S): the share of firm f's input needs that falls on segment S. Traced: each of f's
 * products splits its inputs equally among the segments they come from (INPUT_TO). Stated: f's
 * segments split their needs equally among the segments that FEED them. A firm with traced inputs
 * takes (1 − β) of the traced weights and β of the stated ones (β = capacityModel.feedsShareOfDemand),
 * so every segment feeding a local one carries some demand; a firm without traced inputs (no products,
 * or a template without INPUT_TO) takes the stated weights alone. Its own segments are left out.
 */
export function demandWeights(snapshot: ChainSnapshot, firm: SnapshotFirm, index: DemandIndex = demandIndex(snapshot)): Map<string, number> {
  const traced = new Map<string, number>();
  for (const p of firm.productIds) {
    const sources = index.inputs.get(p);
    if (!sources) continue;
    for (const s of sources) traced.set(s, (traced.get(s) ?? 0) + 1 / sources.size / firm.productIds.length);
  }
  const stated = new Map<string, number>();
  for (const own of firm.segmentIds) {
    const upstream = index.upstream.get(own) ?? [];
    for (const s of upstream) stated.set(s, (stated.get(s) ?? 0) + 1 / upstream.length / firm.segmentIds.length);
  }
  const beta = traced.size > 0 ? capacityModel.feedsShareOfDemand : 1;
  const weights = new Map<string, number>();
  for (const [s, w] of traced) weights.set(s, (1 - beta) * w);
  for (const [s, w] of stated) weights.set(s, (weights.get(s) ?? 0) + beta * w);
  for (const own of firm.segmentIds) weights.delete(own);
  return weights;
}

export function segmentMetrics(snapshot: ChainSnapshot): SegmentMetrics[] {
  const index = demandIndex(snapshot);
  const firmsBySegment = new Map<string, SnapshotFirm[]>();
  const demandFrom = new Map<string, (FirmFigure & { segmentId: string })[]>();
  const scaleOf = new Map<string, ReturnType<typeof firmScale>>();
  for (const f of snapshot.firms) {
    for (const s of f.segmentIds) (firmsBySegment.get(s) ?? firmsBySegment.set(s, []).get(s)!).push(f);
    const scale = firmScale(f);
    scaleOf.set(f.id, scale);
    const need = scale.value * capacityModel.materialShare;
    for (const [s, w] of demandWeights(snapshot, f, index)) {
      (demandFrom.get(s) ?? demandFrom.set(s, []).get(s)!).push({
        id: f.id,
        name: f.name,
        value: need * w,
        basis: scale.basis,
        demo: f.demo ?? false,
        segmentId: f.segmentIds[0],
      });
    }
  }

  const rows = snapshot.segments.map((segment) => {
    const firms = firmsBySegment.get(segment.id) ?? [];
    const capacities = firms
      .map((f) => ({
        id: f.id,
        name: f.name,
        value: scaleOf.get(f.id)!.value / Math.max(1, f.segmentIds.length),
        basis: scaleOf.get(f.id)!.basis,
        demo: f.demo ?? false,
      }))
      .sort((a, b) => b.value - a.value);
    const capacity = capacities.reduce((s, f) => s + f.value, 0);
    const top = capacities[0]?.value ?? 0;
    const needs = (demandFrom.get(segment.id) ?? []).sort((a, b) => b.value - a.value);
    const localDemand = needs.reduce((s, f) => s + f.value, 0);
    const ties = snapshot.ties.filter((t) => t.fromSegmentIds.includes(segment.id));
    const tieTotal = ties.reduce((s, t) => s + t.sharePct, 0);
    const outsideTies = ties.filter((t) => !t.fromLocal);
    const outsideTotal = outsideTies.reduce((s, t) => s + t.sharePct, 0);
    const bases = new Set<ScaleBasis>([...capacities, ...needs].map((f) => f.basis));
    const estimatedBy = proxyOrder.filter((p) => bases.has(p));
    const shortfall = localDemand > 0 ? clamp01(1 - capacity / localDemand) : 0;
    const n1Shortfall = localDemand > 0 ? clamp01(1 - (capacity - top) / localDemand) : 0;
    const observedOutsideShare = tieTotal > 0 ? outsideTotal / tieTotal : null;
    const outsideDependence = Math.max(shortfall, observedOutsideShare ?? 0);
    const exposure = gapWeights.shortfall * shortfall + gapWeights.n1Shortfall * n1Shortfall + gapWeights.outsideDependence * outsideDependence;
    return {
      segmentId: segment.id,
      localFirmCount: firms.length,
      localCapacity: round(capacity),
      localDemand: round(localDemand),
      unmetDemand: round(Math.max(0, localDemand - capacity)),
      shortfall: round(shortfall),
      n1Shortfall: round(n1Shortfall),
      outsideDependence: round(outsideDependence),
      observedOutsideShare: observedOutsideShare === null ? null : round(observedOutsideShare),
      demandAtStake: round(localDemand * exposure),
      hhi: capacity > 0 ? round(capacities.reduce((s, f) => s + (f.value / capacity) ** 2, 0)) : null,
      topFirmShare: capacity > 0 ? round(top / capacity) : null,
      partyCoverage: firms.length > 0 ? round(firms.filter((f) => f.hasPartyOrg).length / firms.length) : null,
      capacityVsChainMedian: null as number | null,
      estimated: estimatedBy.length > 0,
      estimatedBy,
      evidence: {
        topFirms: capacities.slice(0, 5).map((f) => ({ ...f, value: round(f.value) })),
        demandFrom: needs.slice(0, 5).map((f) => ({ ...f, value: round(f.value) })),
        outsideSuppliers: outsideTies
          .sort((a, b) => b.sharePct - a.sharePct)
          .slice(0, 5)
          .map((t) => ({ id: t.from, name: t.fromName, demo: t.fromDemo ?? false, to: t.to, toName: t.toName, sharePct: t.sharePct })),
      },
    };
  });
  const present = rows
    .filter((r) => r.localCapacity > 0)
    .map((r) => r.localCapacity)
    .sort((a, b) => a - b);
  const median = present.length > 0 ? present[Math.floor((present.length - 1) / 2)] : 0;
  for (const r of rows) r.capacityVsChainMedian = median > 0 ? round(r.localCapacity / median) : null;
  return rows;
}
