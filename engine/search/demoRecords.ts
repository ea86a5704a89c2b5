import type { Graph } from '../graph/graph.ts';
import { nodeLabels, nodeSchemas, type NodeLabel } from '../model/graphModel.ts';

/**
 * Demo data (演示数据): a record whose `source` is `synthetic` was invented by the seed generator
 * (engine/model/enterprise.ts `sourceSchema`). Every answer that shows a record says so with
 * `demo: true`, so no officer takes an invented firm or USCC to a director as a real lead.
 */
export const demoSource = 'synthetic';

export function isDemoSource(source: unknown): boolean {
  return source === demoSource;
}

/** Cypher for "this node is demo data", on a node variable; false (never null) when `source` is missing. */
export const demoCypher = (node: string) => `coalesce(${node}.source = '${demoSource}', false)`;

/** Labels whose rows carry a `source` (the allow-list of the graph model: no user string reaches the Cypher). */
export const sourcedLabels: NodeLabel[] = nodeLabels.filter((l) => 'source' in nodeSchemas[l].shape);

// One index seek per label on the id constraint: a label-less MATCH on id would scan every node.
const demoIdsQuery = sourcedLabels.map((l) => `MATCH (x:${l}) WHERE x.id IN $ids AND x.source = '${demoSource}' RETURN x.id AS id`).join(' UNION ');

/** Which of these ids are demo records (ids of no node, or of unsourced nodes, are not). */
export async function demoIdsAmong(graph: Graph, ids: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (unique.length === 0) return new Set();
  const rows = await graph.query<{ id: string }>(demoIdsQuery, { ids: unique });
  return new Set(rows.map((r) => r.id));
}

/** Per segment of a chain, how many of its local firms are demo data (segments with none are absent). */
export async function demoFirmsBySegment(graph: Graph, chainId: string): Promise<Map<string, number>> {
  const rows = await graph.query<{ segmentId: string; n: number }>(
    `MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(s:Segment)<-[:IN_SEGMENT]-(e:Enterprise {local: true})
     WHERE e.source = '${demoSource}'
     RETURN s.id AS segmentId, count(DISTINCT e) AS n`,
    { chainId },
  );
  return new Map(rows.map((r) => [r.segmentId, r.n]));
}
