import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.ts';
import type { NodeLabel } from '../model/graphModel.ts';

/** Labels whose text gets a stored vector (`embedding`) and a vector index when embeddings are on. */
export const embeddedLabels = ['Segment', 'Product', 'Topic', 'ResearchUnit', 'Talent', 'Enterprise'] as const satisfies readonly NodeLabel[];
export type EmbeddedLabel = (typeof embeddedLabels)[number];

export function vectorIndexName(label: EmbeddedLabel): string {
  return `${label.toLowerCase()}_embedding`;
}

/** One cosine vector index per label (Neo4j 5 vector index), recreated — and its vectors dropped — when the model's width changes. */
export async function ensureVectorIndex(graph: Graph, label: EmbeddedLabel, dimensions: number): Promise<void> {
  const name = vectorIndexName(label);
  const [existing] = await graph.query<{ dims: number }>(
    "SHOW VECTOR INDEXES YIELD name, options WHERE name = $name RETURN options.indexConfig['vector.dimensions'] AS dims",
    { name },
  );
  if (existing && existing.dims === dimensions) return;
  if (existing) {
    // A new model with another width: old vectors are useless, so is their index.
    await graph.run(`DROP INDEX ${name}`);
    await graph.run(`MATCH (n:${label}) REMOVE n.embedding, n.embeddingHash`);
  }
  await graph.run(
    `CREATE VECTOR INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON n.embedding
     OPTIONS { indexConfig: { \`vector.dimensions\`: ${Math.trunc(dimensions)}, \`vector.similarity_function\`: 'cosine' } }`,
  );
  await graph.run('CALL db.awaitIndexes(300)');
}

/** Nearest nodes of a label to a vector, through its vector index (cosine, 1 = same direction). */
export async function nearestNodes(
  graph: Graph,
  label: EmbeddedLabel,
  vector: Float32Array,
  k: number,
): Promise<{ id: string; name: string; score: number }[]> {
  const rows = await graph.query<{ id: string; name: string; score: number }>(
    `CALL db.index.vector.queryNodes($index, $k, $vector) YIELD node, score RETURN node.id AS id, node.name AS name, score`,
    { index: vectorIndexName(label), k: neo4j.int(k), vector: Array.from(vector) },
  );
  // Neo4j reports cosine as (1 + cos) / 2; callers compare with cosines computed in memory.
  return rows.map((r) => ({ ...r, score: 2 * r.score - 1 }));
}
