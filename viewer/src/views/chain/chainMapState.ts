import type { ChainMap, ChainSummary } from '../../api/types.ts';

type MapSegment = ChainMap['segments'][number];

export interface ChainMapState {
  chainId: string;
  /** Every chain, for the picker (loaded apart from the map, so the picker works when a map fails). */
  chains: ChainSummary[];
  map: ChainMap | null;
}

export function createChainMapState(params: Record<string, string>): ChainMapState {
  return { chainId: params.chainId, chains: [], map: null };
}

/** The one reset: another chain is opened, so the old map goes (the chain list stays: it is the same for every chain). */
export function openChain(state: ChainMapState, chainId: string): void {
  state.chainId = chainId;
  state.map = null;
}

/**
 * The two lists beside the map, each on its own measure: gaps (补链/强链) by the local demand they
 * leave unmet or put at stake, and 延链 opportunities by the local output next to them — never one
 * mixed ranking. Highest priority first, then chain order.
 */
export function gapLists(map: Pick<ChainMap, 'segments'>): { gaps: MapSegment[]; extensions: MapSegment[] } {
  const byPriority = (a: MapSegment, b: MapSegment) => (b.priority ?? 0) - (a.priority ?? 0) || a.order - b.order;
  return {
    gaps: map.segments.filter((s) => s.action === 'fill' || s.action === 'strengthen').sort(byPriority),
    extensions: map.segments.filter((s) => s.action === 'extend').sort(byPriority),
  };
}
