import type { ChainMap, GapReport, MapSegment, PartnerCandidate, PartnerMode, PartnerResult, ResilienceReport } from '../../api/types.ts';
import { emptyFilters, type FilterState } from '../../segment/partnerQuery.ts';
import { provinces as knownProvinces } from '../../segment/provinces.ts';

/** What the segment page loads once per segment: the chain's map, gaps and resilience, and the segment in it. */
export interface SegmentData {
  map: ChainMap;
  gaps: GapReport;
  resilience: ResilienceReport;
  segment: MapSegment;
}

export interface SegmentState {
  chainId: string;
  segmentId: string;
  data: SegmentData | null;
  mode: PartnerMode;
  filters: FilterState;
  result: PartnerResult | null;
  selected: PartnerCandidate | null;
  /** Province suggestions: the known list plus every province a result named. */
  provinces: string[];
}

/** Route parameters of `#/chain/:chainId/segment/:segmentId`. */
type SegmentParams = Record<string, string>;

export function createSegmentState(params: SegmentParams): SegmentState {
  return {
    chainId: params.chainId,
    segmentId: params.segmentId,
    data: null,
    mode: 'fill',
    filters: emptyFilters(),
    result: null,
    selected: null,
    provinces: [...knownProvinces],
  };
}

/**
 * The one reset: another segment is opened (or the same one reloaded), so what was loaded for the
 * old one goes; the filters go too when the segment really changes, as a new question starts.
 */
export function resetSegment(state: SegmentState, next: SegmentParams): void {
  const moved = next.chainId !== state.chainId || next.segmentId !== state.segmentId;
  state.chainId = next.chainId;
  state.segmentId = next.segmentId;
  state.data = null;
  state.result = null;
  state.selected = null;
  if (moved) state.filters = emptyFilters();
}

/** A candidate list arrived: keep the selected firm when it is still listed (else the first), learn its provinces. */
export function storeCandidates(state: SegmentState, result: PartnerResult): void {
  state.result = result;
  state.provinces = [...new Set([...state.provinces, ...result.candidates.map((c) => c.province).filter(Boolean)])];
  state.selected = result.candidates.find((c) => c.id === state.selected?.id) ?? result.candidates[0] ?? null;
}
