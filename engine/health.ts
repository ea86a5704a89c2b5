import { healthCheck } from './config/health.ts';
import type { Graph } from './graph/graph.ts';
import { graphCounts, neo4jVersion, type GraphCounts } from './graph/stats.ts';
import type { TextStatus } from './text/textServices.ts';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  neo4j: { status: 'up' | 'down'; version?: string; edition?: string; error?: string };
  counts?: Pick<GraphCounts, 'nodes' | 'relationships' | 'byLabel'>;
  /** Which text provider scores matches, and whether the dense (embeddings) provider is up. */
  text?: TextStatus;
}

/** Database status, version and counts; never throws (a down database is a report, not an error). */
export async function healthReport(graph: Graph, text?: { status(): TextStatus }): Promise<HealthReport> {
  const textStatus = text ? { text: text.status() } : {};
  try {
    // Fails at once when the server is unreachable, instead of waiting out transaction retries.
    await graph.driver.getServerInfo({ database: graph.database });
    const [{ version, edition }, counts] = await Promise.all([neo4jVersion(graph), sharedCounts(graph)]);
    return { status: 'ok', neo4j: { status: 'up', version, edition }, counts: { nodes: counts.nodes, relationships: counts.relationships, byLabel: counts.byLabel }, ...textStatus };
  } catch (error) {
    return { status: 'unavailable', neo4j: { status: 'down', error: error instanceof Error ? error.message.split('\n')[0] : String(error) }, ...textStatus };
  }
}

/** A count in flight, or finished at `settledAt`: shared by every poll until it is `countsMaxAgeMs` old. */
const lastCounts = new WeakMap<Graph, { value: Promise<GraphCounts>; settledAt?: number }>();

function sharedCounts(graph: Graph): Promise<GraphCounts> {
  const last = lastCounts.get(graph);
  if (last && (last.settledAt === undefined || Date.now() - last.settledAt < healthCheck.countsMaxAgeMs)) return last.value;
  const entry: { value: Promise<GraphCounts>; settledAt?: number } = { value: graphCounts(graph) };
  lastCounts.set(graph, entry);
  entry.value.then(
    () => (entry.settledAt = Date.now()),
    // A failed count is never served again: the next poll counts afresh.
    () => lastCounts.get(graph) === entry && lastCounts.delete(graph),
  );
  return entry.value;
}
