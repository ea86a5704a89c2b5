import type { Graph } from '../graph/graph.ts';
import { graphCounts, type GraphCounts } from '../graph/stats.ts';
import type { NodeLabel } from '../model/graphModel.ts';
import { usccCheckCharacter } from '../model/uscc.ts';

/** A valid USCC no seed firm can have: region code 999901 does not exist. */
export function testUscc(n: number): string {
  const body = `91999901TQ${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

/**
 * What an import test leaves behind is removed by id (and topics by what did not exist before), and
 * the counts are then compared with those before the test: the shared test graph stays the seed.
 */
export async function graphState(graph: Graph): Promise<{ counts: GraphCounts; topics: Set<string> }> {
  const topics = await graph.query<{ id: string }>('MATCH (t:Topic) RETURN t.id AS id');
  return { counts: await graphCounts(graph), topics: new Set(topics.map((t) => t.id)) };
}

export async function removeImported(graph: Graph, before: { topics: Set<string> }, ids: { label: NodeLabel; prefixes: string[] }[]): Promise<void> {
  for (const { label, prefixes } of ids) {
    for (const prefix of prefixes) await graph.run(`MATCH (n:${label}) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix });
  }
  const topics = await graph.query<{ id: string }>('MATCH (t:Topic) RETURN t.id AS id');
  const added = topics.map((t) => t.id).filter((id) => !before.topics.has(id));
  if (added.length > 0) await graph.run('UNWIND $ids AS id MATCH (t:Topic {id: id}) DETACH DELETE t', { ids: added });
}
