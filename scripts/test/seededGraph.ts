import type { Graph } from '../../engine/graph/graph.ts';
import { ensureSeeded } from '../../seed/seedGraph.ts';
import { testGraph } from './testGraph.ts';

/** The test Neo4j with the calibrated seed loaded (once per run; later calls find it complete). */
export async function seededGraph(): Promise<Graph> {
  const graph = await testGraph();
  await ensureSeeded(graph);
  return graph;
}
