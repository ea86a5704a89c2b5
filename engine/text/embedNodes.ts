import type { Graph } from '../graph/graph.ts';
import type { TextEmbedder } from './embedder.ts';
import { storePassages, type StoreReport } from './passageVectors.ts';
import { embeddedLabels, type EmbeddedLabel } from './vectorIndex.ts';

export { embeddedLabels, nearestNodes, vectorIndexName, type EmbeddedLabel } from './vectorIndex.ts';
export type EmbedReport = StoreReport;

/**
 * `npm run embed`: the name and description of every node of the given labels, stored as its vector
 * (only what changed since the last run, by text hash). The matchers' own passages (topics, research
 * units, talents) are kept by engine/match/pairing/meaningPassages.ts instead, after start and each import.
 */
export async function embedNodes(
  graph: Graph,
  embedder: TextEmbedder,
  options: { labels?: readonly EmbeddedLabel[]; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<EmbedReport> {
  const passages = [];
  for (const label of options.labels ?? embeddedLabels) {
    const rows = await graph.query<{ id: string; text: string }>(
      `MATCH (n:${label}) RETURN n.id AS id, coalesce(n.name, '') + ' ' + coalesce(n.description, '') AS text`,
    );
    passages.push(...rows.map((r) => ({ label, id: r.id, text: r.text, role: 'passage' as const })));
  }
  return storePassages(graph, embedder, passages, options);
}
