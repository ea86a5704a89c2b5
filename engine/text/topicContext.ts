import neo4j from 'neo4j-driver';
import { topicContext } from '../config/meaning.ts';
import type { Graph } from '../graph/graph.ts';

/** Topic name → the segments whose firms need it (NEEDS_TECH), most firms first (config/meaning.ts topicContext). */
export type TopicContext = ReadonlyMap<string, readonly string[]>;

/** One read over the firms' needs: the segments each topic is needed in, most firms first, ties by name. */
export async function loadTopicContext(graph: Graph): Promise<TopicContext> {
  const rows = await graph.query<{ topic: string; segments: string[] }>(
    `MATCH (t:Topic)<-[:NEEDS_TECH]-(:Enterprise)-[:IN_SEGMENT]->(s:Segment)
     WITH t.name AS topic, s.name AS segment, count(*) AS firms
     ORDER BY firms DESC, segment
     WITH topic, collect(segment) AS segments
     RETURN topic, segments[..$n] AS segments`,
    { n: neo4j.int(topicContext.segments) },
  );
  return new Map(rows.map((r) => [r.topic, r.segments]));
}

/**
 * What the dense side reads for a topic: its name with the segments it is needed in,
 * "连续流反应（化学原料药、合同研发生产（CDMO））", or the bare name when no firm needs it
 * (docs/evaluation.md, "Topics with their industry").
 */
export function topicText(topic: string, context: TopicContext | undefined): string {
  const segments = context?.get(topic) ?? [];
  return segments.length > 0 ? `${topic}（${segments.join('、')}）` : topic;
}
