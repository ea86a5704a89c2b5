import type { Graph } from '../../engine/graph/graph.ts';
import type { GraphPath } from '../../engine/match/explanation.ts';

/** Queries a path back, relationship by relationship, in its stored direction. */
export async function pathExists(graph: Graph, path: GraphPath): Promise<boolean> {
  const labels = new Map(path.nodes.map((n) => [n.id, n.label]));
  for (const r of path.relationships) {
    const cypher = `MATCH (a:${labels.get(r.from)} {id: $from})-[:${r.type}]->(b:${labels.get(r.to)} {id: $to}) RETURN count(*) AS n`;
    const [row] = await graph.query<{ n: number }>(cypher, { from: r.from, to: r.to });
    if (row.n === 0) return false;
  }
  return true;
}
