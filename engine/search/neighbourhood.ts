import neo4j from 'neo4j-driver';
import { NotFoundError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { nodeLabels } from '../model/graphModel.ts';
import { demoCypher, isDemoSource } from './demoRecords.ts';

export interface EntityNode {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
  /** Demo data (演示数据): the seed generator invented this record (`source: synthetic`). */
  demo: boolean;
}

/** A node as a neighbourhood lists it. */
export interface NeighbourNode {
  id: string;
  label: string;
  name: string;
  /** Demo data (演示数据): the seed generator invented this record. */
  demo: boolean;
}

/** Properties never sent to clients: large vectors and internal bookkeeping. */
const hidden = new Set(['embedding', 'embeddingHash']);

function visible(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !hidden.has(k)));
}

// One index seek per allow-listed label: a label-less MATCH on id would scan every node.
const findById = `CALL () { ${nodeLabels.map((l) => `MATCH (n:${l} {id: $id}) RETURN n`).join(' UNION ')} }`;

export async function getEntity(graph: Graph, id: string): Promise<EntityNode & { degree: number }> {
  const [row] = await graph.query<{ label: string; props: Record<string, unknown>; degree: number }>(
    `${findById} RETURN head(labels(n)) AS label, properties(n) AS props, COUNT { (n)--() } AS degree`,
    { id },
  );
  if (!row) throw new NotFoundError('Entity', id);
  return {
    id,
    label: row.label,
    name: String(row.props.name ?? row.props.title ?? id),
    properties: visible(row.props),
    demo: isDemoSource(row.props.source),
    degree: row.degree,
  };
}

/**
 * A node's neighbourhood to depth 1 or 2, for exploring: at most `limit` neighbours, taking at most
 * `perNode` edges from any one node so a segment with thousands of firms cannot swamp the picture.
 */
export async function getNeighbourhood(graph: Graph, id: string, depth: 1 | 2, limit: number, perNode = 60) {
  const center = await getEntity(graph, id);
  const rows = await graph.query<{ nodes: NeighbourNode[]; rels: { type: string; from: string; to: string }[] }>(
    `${findById}
     CALL (n) {
       MATCH (n)-[r]-(m) WITH r, m LIMIT $perNode
       RETURN collect(DISTINCT m) AS first, collect(DISTINCT r) AS firstRels
     }
     CALL (first) {
       UNWIND CASE WHEN $depth = 2 THEN first ELSE [] END AS m
       CALL (m) { MATCH (m)-[r2]-(x) WITH r2, x LIMIT $perSecond RETURN collect(x) AS xs, collect(r2) AS rs }
       RETURN collect(xs) AS secondNodes, collect(rs) AS secondRels
     }
     WITH n, first + reduce(acc = [], xs IN secondNodes | acc + xs) AS ms, firstRels + reduce(acc = [], rs IN secondRels | acc + rs) AS rs
     UNWIND ms AS m
     WITH n, rs, collect(DISTINCT m)[..$limit] AS kept
     WITH n, kept, [r IN rs WHERE (startNode(r) = n OR startNode(r) IN kept) AND (endNode(r) = n OR endNode(r) IN kept)] AS rels
     RETURN [m IN kept | {id: m.id, label: head(labels(m)), name: coalesce(m.name, m.title, m.id), demo: ${demoCypher('m')}}] AS nodes,
            [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS rels`,
    { id, depth: neo4j.int(depth), limit: neo4j.int(limit), perNode: neo4j.int(perNode), perSecond: neo4j.int(Math.max(5, Math.floor(perNode / 4))) },
  );
  const nodes = rows[0]?.nodes ?? [];
  const seen = new Set<string>();
  const relationships = (rows[0]?.rels ?? []).filter((r) => {
    const key = `${r.type}|${r.from}|${r.to}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const centre: NeighbourNode = { id: center.id, label: center.label, name: center.name, demo: center.demo };
  return {
    center: centre,
    nodes: [centre, ...nodes.filter((m) => m.id !== center.id)],
    relationships,
    truncated: center.degree > perNode || nodes.length >= limit,
  };
}
