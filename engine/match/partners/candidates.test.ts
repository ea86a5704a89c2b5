import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import type { Graph } from '../../graph/graph.ts';
import { fullTextIndexName } from '../../graph/schema.ts';
import { anyOf } from '../../text/luceneQuery.ts';
import { findCandidates, type CandidateQuery } from './candidates.ts';

/**
 * findCandidates runs its structural and full-text halves as two queries and merges them. This holds
 * the merge to the single query it replaced: one UNION, one ORDER BY, one LIMIT, on the seed graph.
 */
async function referenceIds(graph: Graph, q: CandidateQuery): Promise<string[]> {
  const rows = await graph.query<{ id: string }>(
    `CALL () {
       MATCH (:Segment {id: $segmentId})<-[:IN_SEGMENT]-(e:Enterprise) RETURN e, 0.0 AS textHit
       UNION
       MATCH (:Segment {id: $segmentId})-[:INCLUDES]->(:Product)<-[:MAKES]-(e:Enterprise) RETURN e, 0.0 AS textHit
       UNION
       CALL db.index.fulltext.queryNodes($index, $text, {limit: 200}) YIELD node, score
       WITH node AS e, score WHERE e:Enterprise
       RETURN e, score AS textHit
     }
     WITH e, max(textHit) AS textHit
     WHERE e.kind = 'industrial' AND (e.local = false OR $includeLocal) AND (size($sizes) = 0 OR e.size IN $sizes)
     RETURN e.id AS id ORDER BY COUNT { (e)-[:SUPPLIES]->(:Enterprise {local: true}) } DESC, textHit DESC, size(e.tags) DESC, e.revenueWan DESC, e.id LIMIT $limit`,
    { segmentId: q.segmentId, index: fullTextIndexName, text: anyOf(q.phrases), includeLocal: q.includeLocal, sizes: q.sizes ?? [], limit: neo4j.int(q.limit) },
  );
  return rows.map((r) => r.id);
}

describe('findCandidates', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  const cases: (Omit<CandidateQuery, 'chainId' | 'phrases'> & { phrases: string[] })[] = [
    { segmentId: 'biomed.cdmo', includeLocal: false, phrases: ['CDMO', '委托生产', '工艺开发'], limit: 25 },
    { segmentId: 'biomed.excipient', includeLocal: true, phrases: ['药用辅料', '辅料'], limit: 40 },
    { segmentId: 'ai.chip', includeLocal: false, phrases: ['芯片', 'AI芯片'], limit: 400, sizes: ['medium', 'large'] },
  ];
  for (const c of cases) {
    it(`returns what one UNION … ORDER BY … LIMIT would, in that order: ${c.segmentId}, limit ${c.limit}`, async () => {
      const q: CandidateQuery = { chainId: c.segmentId.split('.')[0], ...c };
      const expected = await referenceIds(graph, q);
      const found = await findCandidates(graph, q);
      expect(expected.length).toBeGreaterThan(0);
      expect(found.map((f) => f.id)).toEqual(expected);
      // Text hits carry their score; structural-only candidates carry 0.
      expect(found.some((f) => f.textHit > 0)).toBe(true);
    });
  }
});
