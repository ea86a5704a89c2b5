import type { Graph } from '../graph/graph.ts';

/** Every segment of every loaded chain template, with the words that describe it. */
export interface SegmentProfile {
  id: string;
  chainId: string;
  chainName: string;
  name: string;
  description: string;
  keywords: string[];
  products: string[];
}

export async function loadSegmentCatalog(graph: Graph): Promise<SegmentProfile[]> {
  return graph.query<SegmentProfile>(
    `MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment)
     RETURN s.id AS id, c.id AS chainId, c.name AS chainName, s.name AS name, s.description AS description, s.keywords AS keywords,
            [(s)-[:INCLUDES]->(p:Product) | p.name] AS products
     ORDER BY s.id`,
  );
}

export function segmentText(s: SegmentProfile): string {
  return [s.name, s.description, ...s.keywords, ...s.products].join(' ');
}
