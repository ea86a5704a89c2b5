import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import type { Graph } from '../graph/graph.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { evaluateAttachment } from './evaluateAttachment.ts';

describe('automatic attachment on held-out seed firms', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  it('puts a true segment in the top three for firms described by name and products', async () => {
    const rows = await evaluateAttachment(graph, new KnowledgeEngine(graph), { max: 30 });
    const withProducts = rows.find((r) => r.variant === 'name + products')!;
    expect(withProducts.evaluated).toBe(30);
    expect(withProducts.accuracyAt3).toBeGreaterThanOrEqual(0.9);
    // A name alone names the chain at best, rarely the segment: the measurement must show that.
    expect(rows.find((r) => r.variant === 'name only')!.accuracyAt1).toBeLessThan(withProducts.accuracyAt1);
  });
});
