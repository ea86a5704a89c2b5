import { healthCheck } from './config/health.ts';
import { Cached } from './core/cached.ts';
import type { Graph } from './graph/graph.ts';
import { graphCounts, neo4jVersion, type GraphCounts } from './graph/stats.ts';
import type { TextStatus } from './text/textServices.ts';
import type { ClassifierStatus } from './classify/segmentAttachment.ts';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  neo4j: { status: 'up' | 'down'; version?: string; edition?: string; error?: string };
  counts?: Pick<GraphCounts, 'nodes' | 'relationships' | 'byLabel'>;
  /** Which text provider scores matches, and whether the dense (embeddings) provider is up. */
  text?: TextStatus;
  /** The attachment classifiers: scopes ready, trainings under way, and on which thread they run. */
  classifiers?: ClassifierStatus;
}

/** Database status, version and counts; never throws (a down database is a report, not an error). */
export async function healthReport(graph: Graph, knowledge?: { text: { status(): TextStatus }; classifierStatus(): ClassifierStatus }): Promise<HealthReport> {
  const textStatus = knowledge ? { text: knowledge.text.status(), classifiers: knowledge.classifierStatus() } : {};
  try {
    // Fails at once when the server is unreachable, instead of waiting out transaction retries.
    await graph.driver.getServerInfo({ database: graph.database });
    const [{ version, edition }, counts] = await Promise.all([neo4jVersion(graph), sharedCounts(graph)]);
    return {
      status: 'ok',
      neo4j: { status: 'up', version, edition },
      counts: { nodes: counts.nodes, relationships: counts.relationships, byLabel: counts.byLabel },
      ...textStatus,
    };
  } catch (error) {
    return { status: 'unavailable', neo4j: { status: 'down', error: error instanceof Error ? error.message.split('\n')[0] : String(error) }, ...textStatus };
  }
}

/**
 * One count per graph, shared by every poll (`Cached`: one load in flight at a time, a failed one never
 * kept); after `countsMaxAgeMs` the next poll still gets the last count while one recount runs behind it.
 */
const counts = new WeakMap<Graph, Cached<GraphCounts>>();

function sharedCounts(graph: Graph): Promise<GraphCounts> {
  let cached = counts.get(graph);
  if (!cached) counts.set(graph, (cached = new Cached(() => graphCounts(graph), healthCheck.countsMaxAgeMs)));
  return cached.get();
}
