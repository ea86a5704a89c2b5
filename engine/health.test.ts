import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { graphCounts } from './graph/stats.ts';
import type { Graph } from './graph/graph.ts';
import { healthReport } from './health.ts';

describe('healthReport on the seed in Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(async () => {
    await graph.close();
  });

  it('shares one count among polls that arrive together, with the real figures (a cold database takes seconds per count)', async () => {
    // The same graph, with its count queries counted: the real queries still run against Neo4j.
    let counts = 0;
    const watched = new Proxy(graph, {
      get(target, key) {
        if (key !== 'query') return Reflect.get(target, key);
        return (cypher: string, ...rest: unknown[]) => {
          if (cypher.includes('count(n) AS nodes')) counts++;
          return (target.query as (...a: unknown[]) => unknown).call(target, cypher, ...rest);
        };
      },
    });
    const reports = await Promise.all(Array.from({ length: 20 }, () => healthReport(watched)));
    expect(counts).toBe(1);
    const truth = await graphCounts(graph);
    for (const r of reports) expect(r).toMatchObject({ status: 'ok', counts: { nodes: truth.nodes, relationships: truth.relationships } });
    await healthReport(watched);
    expect(counts).toBe(1); // finished a moment ago: still fresh
  });
});
