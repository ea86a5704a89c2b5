import type { GraphPath } from '../api/types.ts';

/** The explanation paths of one candidate merged into one small graph (nodes and links unique). */
export interface PathGraphNode {
  id: string;
  label: string;
  name: string;
  /** The English name where the data has one (segments): shown instead of `name` in English. */
  nameEn?: string;
  /** candidate: the recommended firm; local: another enterprise (a local firm); else the node label. */
  role: 'candidate' | 'local' | 'other';
  signals: string[];
}

export interface PathGraphLink {
  source: string;
  target: string;
  type: string;
  signals: string[];
}

export function mergePaths(paths: readonly GraphPath[], candidateId: string): { nodes: PathGraphNode[]; links: PathGraphLink[] } {
  const nodes = new Map<string, PathGraphNode>();
  const links = new Map<string, PathGraphLink>();
  for (const path of paths) {
    for (const n of path.nodes) {
      const node = nodes.get(n.id) ?? {
        id: n.id,
        label: n.label,
        name: n.name,
        ...(n.nameEn ? { nameEn: n.nameEn } : {}),
        role: n.id === candidateId ? 'candidate' : n.label === 'Enterprise' ? 'local' : 'other',
        signals: [],
      };
      if (!node.signals.includes(path.signal)) node.signals.push(path.signal);
      nodes.set(n.id, node);
    }
    for (const r of path.relationships) {
      if (!nodes.has(r.from) || !nodes.has(r.to)) continue; // a path names every node it passes through
      const key = `${r.type}\u0000${r.from}\u0000${r.to}`;
      const link = links.get(key) ?? { source: r.from, target: r.to, type: r.type, signals: [] };
      if (!link.signals.includes(path.signal)) link.signals.push(path.signal);
      links.set(key, link);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}

/**
 * Steps from the candidate to each node, ignoring direction (breadth-first). The picture puts each
 * depth in its own column, so paths read left to right from the candidate; unreachable nodes go last.
 */
export function depthFromCandidate(graph: { nodes: PathGraphNode[]; links: PathGraphLink[] }, candidateId: string): Map<string, number> {
  const neighbours = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const l of graph.links) {
    neighbours.get(l.source)?.push(l.target);
    neighbours.get(l.target)?.push(l.source);
  }
  const depth = new Map<string, number>();
  if (neighbours.has(candidateId)) {
    depth.set(candidateId, 0);
    const queue = [candidateId];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const next of neighbours.get(id)!) {
        if (depth.has(next)) continue;
        depth.set(next, depth.get(id)! + 1);
        queue.push(next);
      }
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  for (const n of graph.nodes) if (!depth.has(n.id)) depth.set(n.id, last);
  return depth;
}

/** A firm's name without its legal form (有限公司 …), for labels in a small picture; titles keep the full name. */
export function shortName(name: string): string {
  const short = name.replace(/(股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|Co\.,? Ltd\.?|Ltd\.?|Inc\.?)$/i, '').trim();
  return short.length >= 2 ? short : name;
}
