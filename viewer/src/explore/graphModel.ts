import type { Neighbourhood, SearchResponse } from '../api/types.ts';

/**
 * The explorer's graph as loaded so far: every neighbourhood opened, merged (nodes and relationships
 * unique). Pure data and pure functions, so merging, filtering and the renderer choice are tested
 * without a browser.
 */
export interface ExNode {
  id: string;
  label: string;
  name: string;
  /** Demo data (演示数据): the seed generator invented this record; its label and tooltip say so. */
  demo: boolean;
}

export interface ExLink {
  key: string;
  source: string;
  target: string;
  type: string;
}

export interface ExGraph {
  nodes: Map<string, ExNode>;
  links: Map<string, ExLink>;
  /** Nodes whose neighbourhood has been merged in. */
  expanded: Set<string>;
  /** Expanded nodes whose neighbourhood the API cut short (`truncated`). */
  truncated: Set<string>;
  /** The node the exploration started from. */
  root: string | null;
}

type HoodLike = Pick<Neighbourhood, 'center' | 'nodes' | 'relationships' | 'truncated'>;

export const emptyGraph = (): ExGraph => ({ nodes: new Map(), links: new Map(), expanded: new Set(), truncated: new Set(), root: null });

export const linkKeyOf = (r: { type: string; from: string; to: string }) => `${r.type}|${r.from}|${r.to}`;

/**
 * Adds a neighbourhood to the graph, returning a new graph (the old one is untouched) and the ids of
 * the nodes it added. A relationship whose ends are not both among the nodes is dropped (the API
 * already limits them; this keeps the picture free of dangling lines).
 */
export function mergeNeighbourhood(graph: ExGraph, hood: HoodLike): { graph: ExGraph; added: string[]; addedLinks: number } {
  const nodes = new Map(graph.nodes);
  const links = new Map(graph.links);
  const added: string[] = [];
  for (const n of [hood.center, ...hood.nodes]) {
    if (nodes.has(n.id)) continue;
    nodes.set(n.id, { id: n.id, label: n.label, name: n.name, demo: n.demo });
    added.push(n.id);
  }
  let addedLinks = 0;
  for (const r of hood.relationships) {
    if (!nodes.has(r.from) || !nodes.has(r.to)) continue;
    const key = linkKeyOf(r);
    if (links.has(key)) continue;
    links.set(key, { key, source: r.from, target: r.to, type: r.type });
    addedLinks++;
  }
  const expanded = new Set(graph.expanded).add(hood.center.id);
  const truncated = new Set(graph.truncated);
  if (hood.truncated) truncated.add(hood.center.id);
  return { graph: { nodes, links, expanded, truncated, root: graph.root ?? hood.center.id }, added, addedLinks };
}

/** How many loaded nodes carry each label, most first (the filter's checkboxes and counts). */
export function labelCounts(graph: Pick<ExGraph, 'nodes'>): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of graph.nodes.values()) counts.set(n.label, (counts.get(n.label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The nodes whose label is not hidden, and the links between two of them. */
export function visibleGraph(graph: Pick<ExGraph, 'nodes' | 'links'>, hidden: ReadonlySet<string>): { nodes: ExNode[]; links: ExLink[] } {
  const nodes = [...graph.nodes.values()].filter((n) => !hidden.has(n.label));
  if (hidden.size === 0) return { nodes, links: [...graph.links.values()] };
  const shown = new Set(nodes.map((n) => n.id));
  return { nodes, links: [...graph.links.values()].filter((l) => shown.has(l.source) && shown.has(l.target)) };
}

/** Links per node among the given links. */
export function degrees(links: readonly Pick<ExLink, 'source' | 'target'>[]): Map<string, number> {
  const d = new Map<string, number>();
  for (const l of links) {
    d.set(l.source, (d.get(l.source) ?? 0) + 1);
    d.set(l.target, (d.get(l.target) ?? 0) + 1);
  }
  return d;
}

/** Above this many visible nodes the picture is drawn on a Canvas; below, as SVG (each node a focusable element). */
export const canvasThreshold = 1500;
/** Above this many loaded nodes the force layout runs in a Web Worker, so the page stays responsive. */
export const workerThreshold = 3000;

export function chooseRenderer(visibleNodes: number, threshold = canvasThreshold): 'svg' | 'canvas' {
  return visibleNodes > threshold ? 'canvas' : 'svg';
}

export function chooseLayoutHost(nodes: number, options: { threshold?: number; workerAvailable?: boolean } = {}): 'main' | 'worker' {
  return nodes > (options.threshold ?? workerThreshold) && (options.workerAvailable ?? true) ? 'worker' : 'main';
}

type Group = SearchResponse['groups'][number];

/** Adds a further page of search results to the groups shown: same type, same group; new types last. */
export function mergeGroups(groups: readonly Group[], page: readonly Group[]): Group[] {
  const merged = groups.map((g) => ({ type: g.type, items: [...g.items] }));
  for (const g of page) {
    const into = merged.find((m) => m.type === g.type);
    const seen = new Set(into?.items.map((i) => i.id) ?? []);
    const fresh = g.items.filter((i) => !seen.has(i.id));
    if (into) into.items.push(...fresh);
    else merged.push({ type: g.type, items: fresh });
  }
  return merged;
}

/**
 * A synthetic graph of `n` nodes (a random tree plus extra edges, labels cycling), for the
 * explorer's stress view (`#/explore?synthetic=5000`) and the layout tests. Deterministic per seed.
 */
export function syntheticGraph(n: number, seed = 1): ExGraph {
  let s = seed >>> 0 || 1;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const labels = ['Enterprise', 'Product', 'Segment', 'Talent', 'Topic', 'ResearchUnit', 'Demand', 'Offer'];
  const nodes = new Map<string, ExNode>();
  const links = new Map<string, ExLink>();
  const add = (from: string, to: string, type: string) => {
    const key = linkKeyOf({ type, from, to });
    links.set(key, { key, source: from, target: to, type });
  };
  for (let i = 0; i < n; i++) {
    const id = `syn.${i}`;
    nodes.set(id, { id, label: labels[i % labels.length], name: `合成节点 ${i}`, demo: false });
    if (i > 0) add(id, `syn.${Math.floor(random() * i)}`, 'LINKS');
  }
  for (let i = 0; i < Math.floor(n / 4); i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b) add(`syn.${a}`, `syn.${b}`, 'RELATED');
  }
  return { nodes, links, expanded: new Set(n > 0 ? ['syn.0'] : []), truncated: new Set(), root: n > 0 ? 'syn.0' : null };
}
