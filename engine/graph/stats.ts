import type { Graph } from './graph.ts';
import { nodeLabels, relationshipTypes } from '../model/graphModel.ts';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

/**
 * Counts from the count store (constant time, no scans), for /health and the tests. One
 * `count` per allow-listed label and type, so the planner answers each from the count store.
 */
export async function graphCounts(graph: Graph): Promise<GraphCounts> {
  const parts = [
    'CALL () { MATCH (n) RETURN count(n) AS nodes }',
    'CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }',
    ...nodeLabels.map((l, i) => `CALL () { MATCH (n:${l}) RETURN count(n) AS l${i} }`),
    ...relationshipTypes.map((t, i) => `CALL () { MATCH ()-[r:${t}]->() RETURN count(r) AS t${i} }`),
  ];
  const [row] = await graph.query<Record<string, number>>(`${parts.join('\n')} RETURN *`);
  return {
    nodes: row.nodes,
    relationships: row.relationships,
    byLabel: Object.fromEntries(nodeLabels.map((l, i) => [l, row[`l${i}`]])),
    byType: Object.fromEntries(relationshipTypes.map((t, i) => [t, row[`t${i}`]])),
  };
}

export async function neo4jVersion(graph: Graph): Promise<{ version: string; edition: string }> {
  const [row] = await graph.query<{ version: string; edition: string }>(
    'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
  );
  return row;
}

/** Empties the database in batches (schema stays). For the dev database and tests only. */
export async function deleteAllData(graph: Graph): Promise<void> {
  await graph.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}
