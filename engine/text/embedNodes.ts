import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.ts';
import type { NodeLabel } from '../model/graphModel.ts';
import type { TextEmbedder } from './embedder.ts';

/** Labels whose text gets a stored vector and a vector index when embeddings are on. */
export const embeddedLabels = ['Segment', 'Product', 'Topic', 'ResearchUnit', 'Talent', 'Enterprise'] as const satisfies readonly NodeLabel[];
export type EmbeddedLabel = (typeof embeddedLabels)[number];

export function vectorIndexName(label: EmbeddedLabel): string {
  return `${label.toLowerCase()}_embedding`;
}

const textExpression = "coalesce(n.name, '') + ' ' + coalesce(n.description, '')";

export interface EmbedReport {
  embedded: number;
  unchanged: number;
  ms: number;
}

/**
 * Embeds the text of every node of the given labels and stores the vector on the node, with a hash
 * of model and text so that a later run embeds only what changed. Keeps one cosine vector index per
 * label, recreated when the model's dimension changes.
 */
export async function embedNodes(
  graph: Graph,
  embedder: TextEmbedder,
  options: { labels?: readonly EmbeddedLabel[]; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<EmbedReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 256;
  let embedded = 0;
  let unchanged = 0;
  for (const label of options.labels ?? embeddedLabels) {
    await ensureVectorIndex(graph, label, embedder.dimensions);
    const rows = await graph.query<{ id: string; text: string; hash: string | null }>(
      `MATCH (n:${label}) RETURN n.id AS id, ${textExpression} AS text, n.embeddingHash AS hash`,
    );
    const stale = rows
      .map((r) => ({ ...r, next: createHash('sha256').update(`${embedder.model}\n${r.text}`).digest('hex').slice(0, 24) }))
      .filter((r) => r.next !== r.hash);
    unchanged += rows.length - stale.length;
    for (let i = 0; i < stale.length; i += batchSize) {
      const chunk = stale.slice(i, i + batchSize);
      const vectors = await embedder.embed(chunk.map((r) => r.text));
      await graph.write((tx) =>
        tx.run(
          `UNWIND $rows AS row MATCH (n:${label} {id: row.id})
           CALL db.create.setNodeVectorProperty(n, 'embedding', row.vector)
           SET n.embeddingHash = row.hash`,
          { rows: chunk.map((r, j) => ({ id: r.id, hash: r.next, vector: Array.from(vectors[j]) })) },
        ),
      );
      embedded += chunk.length;
      options.onProgress?.(embedded, stale.length);
    }
  }
  return { embedded, unchanged, ms: Date.now() - started };
}

async function ensureVectorIndex(graph: Graph, label: EmbeddedLabel, dimensions: number): Promise<void> {
  const name = vectorIndexName(label);
  const [existing] = await graph.query<{ dims: number }>(
    "SHOW VECTOR INDEXES YIELD name, options WHERE name = $name RETURN options.indexConfig['vector.dimensions'] AS dims",
    { name },
  );
  if (existing && existing.dims !== dimensions) {
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

/** Nearest nodes of a label to a vector, through its vector index. */
export async function nearestNodes(graph: Graph, label: EmbeddedLabel, vector: Float32Array, k: number): Promise<{ id: string; name: string; score: number }[]> {
  return graph.query(
    `CALL db.index.vector.queryNodes($index, $k, $vector) YIELD node, score RETURN node.id AS id, node.name AS name, score`,
    { index: vectorIndexName(label), k: neo4j.int(k), vector: Array.from(vector) },
  );
}
