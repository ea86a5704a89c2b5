import { strengthenRules } from '../../config/scoring.ts';
import type { SegmentMetrics } from '../../chain/segmentMetrics.ts';

/** The figures of a weak segment that a new or expanded supplier would change (亿元 and shares). */
export type ReliefFigures = Pick<SegmentMetrics, 'localDemand' | 'localCapacity' | 'n1Shortfall' | 'outsideDependence'> & {
  /** Capacity of the largest local firm (亿元). */
  topCapacity: number;
};

export interface Relief {
  /** Share of the segment's N−1 shortfall that would be gone: 1 − n1Shortfall' / n1Shortfall (0 when there is none). */
  concentration: number;
  /** Share of the demand now met from outside that the added capacity could supply locally. */
  outside: number;
  /** The segment's N−1 shortfall after the change, for the explanation. */
  n1ShortfallAfter: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * What adding `added` 亿元 of local capacity to a weak segment would do (docs/design.md, amended 2026-12: a
 * 强链 list is ranked by how much each alternative lowers concentration and outside dependence).
 * N−1: with capacity C, largest firm T and demand D, the shortfall if the largest firm fails is
 * clamp(1 − (C − T) / D). The candidate adds capacity c to what it already has locally (`own`: 0 for
 * an outside firm) and may become the largest firm itself.
 */
export function strengthenRelief(segment: ReliefFigures, added: number, own = 0): Relief {
  const { localDemand: D, localCapacity: C, topCapacity: T, n1Shortfall, outsideDependence } = segment;
  if (D <= 0 || added <= 0) return { concentration: 0, outside: 0, n1ShortfallAfter: n1Shortfall };
  const n1After = clamp01(1 - (C + added - Math.max(T, own + added)) / D);
  const concentration = n1Shortfall > 0 ? clamp01(1 - n1After / n1Shortfall) : 0;
  const boughtOutside = outsideDependence * D;
  const outside = boughtOutside > 0 ? clamp01(added / boughtOutside) : 0;
  return { concentration, outside, n1ShortfallAfter: n1After };
}

/** The capacity a candidate would add: an outside firm all of its own; a local one its expansion. */
export function addedCapacity(capacity: number, local: boolean): number {
  return local ? capacity * strengthenRules.localExpansionFactor : capacity;
}
