import type { EntityDetail, SearchResponse } from '../api/types.ts';
import { emptyGraph, visibleGraph, type ExGraph } from './graphModel.ts';
import type { DrawLink, DrawNode } from './nodeStyle.ts';

/** Neighbourhood sizes a person can ask for (the API caps each expansion at this many nodes). */
export const exploreLimits = [50, 150, 500] as const;
const defaultLimit = 150;
/** The stress view's ceiling: beyond it the page spends seconds laying out a picture no one can read. */
export const maxSynthetic = 20_000;

/**
 * Everything the explorer knows, in one object: the search, the graph loaded so far and what the
 * person did to it (filter, pins, selection), and the options of the next expansion. The layout's
 * positions and the renderer live with the picture (graphStage.ts), not here.
 */
export interface ExploreState {
  q: string;
  /** One searchable label, or '' for all. */
  types: string;
  search: SearchResponse | null;
  /** The result groups shown, every page loaded so far merged. */
  groups: SearchResponse['groups'];
  graph: ExGraph;
  /** Labels unticked in the filter. */
  hidden: Set<string>;
  pinned: Set<string>;
  selected: string | null;
  detail: EntityDetail | null;
  depth: 1 | 2;
  limit: number;
  /** Nodes of the synthetic stress graph, 0 when exploring real data. */
  synthetic: number;
  /** What is being loaded, said to the person; null when idle. */
  loading: string | null;
  /** Bumped whenever the graph is replaced, so a late neighbourhood for an older graph is dropped. */
  generation: number;
}

export function createExploreState(query: URLSearchParams): ExploreState {
  return {
    q: query.get('q') ?? '',
    types: query.get('types') ?? '',
    search: null,
    groups: [],
    graph: emptyGraph(),
    hidden: new Set(),
    pinned: new Set(),
    selected: null,
    detail: null,
    depth: 1,
    limit: defaultLimit,
    synthetic: 0,
    loading: null,
    generation: 0,
  };
}

/**
 * The one reset: a new exploration starts (from an entity, a synthetic graph, or nothing), so every
 * field that belonged to the old graph goes. The search, the label filter, depth and limit stay —
 * they are the person's choices, not the graph's.
 */
export function resetExploration(state: ExploreState, start: { graph?: ExGraph; synthetic?: number; selected?: string | null } = {}): void {
  state.generation++;
  state.loading = null;
  state.synthetic = start.synthetic ?? 0;
  state.graph = start.graph ?? emptyGraph();
  state.pinned = new Set();
  state.selected = start.selected ?? null;
  state.detail = null;
}

/** The address of what is on screen (the search and the opened node), so a reload or a shared link comes back. */
export function exploreHash(state: Pick<ExploreState, 'q' | 'types' | 'synthetic' | 'graph'>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.types) params.set('types', state.types);
  if (state.synthetic) params.set('synthetic', String(state.synthetic));
  else if (state.graph.root) params.set('id', state.graph.root);
  const text = params.toString();
  return `#/explore${text ? `?${text}` : ''}`;
}

/** `?synthetic=n` as a node count within bounds, or 0 when absent or not a positive number. */
export function syntheticWanted(query: URLSearchParams): number {
  const n = Number(query.get('synthetic'));
  return Number.isFinite(n) && n > 0 ? Math.min(maxSynthetic, Math.round(n)) : 0;
}

/**
 * What the renderers draw: the visible nodes (root first, then expanded ones, then by label and
 * name, so the node list reads in a stable order) with their layout index and state, and the links.
 */
export function drawData(
  state: Pick<ExploreState, 'graph' | 'hidden' | 'pinned'>,
  indexOf: ReadonlyMap<string, number>,
): { nodes: DrawNode[]; links: DrawLink[] } {
  const { graph } = state;
  const visible = visibleGraph(graph, state.hidden);
  const rank = (id: string) => (id === graph.root ? 0 : graph.expanded.has(id) ? 1 : 2);
  visible.nodes.sort((a, b) => rank(a.id) - rank(b.id) || a.label.localeCompare(b.label) || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    nodes: visible.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      name: n.name,
      demo: n.demo,
      index: indexOf.get(n.id)!,
      root: n.id === graph.root,
      expanded: graph.expanded.has(n.id),
      pinned: state.pinned.has(n.id),
      truncated: graph.truncated.has(n.id),
    })),
    links: visible.links.map((l) => ({ key: l.key, type: l.type, source: indexOf.get(l.source)!, target: indexOf.get(l.target)! })),
  };
}

/** The name of the opened node, or null. */
export function rootName(state: Pick<ExploreState, 'graph'>): string | null {
  return state.graph.root ? (state.graph.nodes.get(state.graph.root)?.name ?? null) : null;
}
