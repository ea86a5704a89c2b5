import { inject } from 'vitest';
import { Graph } from '../../engine/graph/graph.ts';
import { createDriver, remoteTargetFromEnv } from '../../engine/graph/connection.ts';
import { ensureSchema } from '../../engine/graph/schema.ts';

/** A Graph on the test run's real Neo4j (embedded throwaway, or NEO4J_URI), with the schema in place. */
export async function testGraph(): Promise<Graph> {
  const remote = remoteTargetFromEnv();
  const graph = remote ? new Graph(createDriver(remote), remote.database) : new Graph(createDriver({ uri: inject('neo4jUri') }));
  await ensureSchema(graph);
  return graph;
}
