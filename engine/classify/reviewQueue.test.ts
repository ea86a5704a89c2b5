import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import type { Graph } from '../graph/graph.ts';
import { reviewBounds, reviewSuggestions } from './reviewEntry.ts';
import { ReviewQueue } from './reviewQueue.ts';
import type { SegmentSuggestion } from './suggestion.ts';

const long = (n: number, s = '字') => s.repeat(n);
const suggestion = (i: number): SegmentSuggestion => ({
  segmentId: `rq.seg${i}`,
  segmentName: long(500),
  chainId: 'rq',
  chainName: '测试链',
  score: 3.2,
  confidence: 1.7 - i,
  decision: 'review',
  signals: [],
  evidence: {
    products: Array.from({ length: 40 }, (_, k) => `产品${k}`),
    words: Array.from({ length: 40 }, (_, k) => `词${k}`),
    similarFirms: Array.from({ length: 20 }, (_, k) => ({ id: `f${k}`, name: long(300), similarity: 0.123456 })),
  },
});

describe('what the review queue stores per firm is bounded', () => {
  it('keeps three suggestions, cuts every list and string, and clamps confidence to a probability', () => {
    const stored = reviewSuggestions([0, 1, 2, 3, 4].map(suggestion));
    expect(stored).toHaveLength(reviewBounds.suggestions);
    for (const s of stored) {
      expect(s.segmentName.length).toBe(reviewBounds.text);
      expect(s.evidence.products).toHaveLength(reviewBounds.products);
      expect(s.evidence.words).toHaveLength(reviewBounds.words);
      expect(s.evidence.similarFirms).toHaveLength(reviewBounds.similarFirms);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s).not.toHaveProperty('signals');
    }
    expect(JSON.stringify(stored).length).toBeLessThan(8_000);
  });
});

describe('ReviewQueue on a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
    await graph.write((tx) =>
      tx.run(`MERGE (c:Chain {id: 'rq'}) SET c.name = '测试链'
              MERGE (s:Segment {id: 'rq.seg0'}) SET s.name = '环节', s.chainId = 'rq' MERGE (c)-[:HAS_SEGMENT]->(s)
              MERGE (a:Enterprise {id: 'rq.firm.a'}) SET a.name = '甲' MERGE (b:Enterprise {id: 'rq.firm.b'}) SET b.name = '乙'`),
    );
  });
  afterAll(async () => {
    await graph.write((tx) => tx.run("MATCH (n) WHERE n.id IN ['rq', 'rq.seg0', 'rq.firm.a', 'rq.firm.b'] DETACH DELETE n"));
    await graph.close();
  });

  it('invalidates the classifier and chain caches only when a person attaches a firm', async () => {
    let invalidated = 0;
    const queue = new ReviewQueue(graph, [{ invalidate: () => invalidated++ }]);
    const suggestions = reviewSuggestions([suggestion(0)]);
    await queue.queue([
      { firmId: 'rq.firm.a', suggestions },
      { firmId: 'rq.firm.b', suggestions },
    ]);
    await queue.decide('rq.firm.a', { action: 'reject' }, 'tester');
    expect(invalidated).toBe(0);
    await queue.decide('rq.firm.b', { action: 'confirm' }, 'tester');
    expect(invalidated).toBe(1);
    await queue.decide('rq.firm.b', { action: 'confirm' }, 'tester'); // the same answer again writes nothing
    expect(invalidated).toBe(1);
    const [lock] = await graph.query<{ locks: number }>(
      "MATCH (e:Enterprise) WHERE e.id STARTS WITH 'rq.firm.' AND e._lock IS NOT NULL RETURN count(e) AS locks",
    );
    expect(lock.locks).toBe(0);
  });
});
