import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import { nodeLabels, searchableLabels } from '../model/graphModel.ts';
import type { Graph } from './graph.ts';
import { describeSchema, ensureSchema, fullTextIndexName } from './schema.ts';

describe('schema on a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
  });
  afterAll(() => graph.close());

  it('has a uniqueness constraint on id for every label', async () => {
    const { constraints } = await describeSchema(graph);
    for (const label of nodeLabels) {
      expect(constraints, label).toContainEqual(expect.objectContaining({ labels: [label], properties: ['id'] }));
    }
  });

  it('has an online cjk full-text index over every searchable label', async () => {
    const { indexes } = await describeSchema(graph);
    const fullText = indexes.find((i) => i.name === fullTextIndexName);
    expect(fullText).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE', analyzer: 'cjk' });
    expect([...fullText!.labels].sort()).toEqual([...searchableLabels].sort());
  });

  it('is idempotent: running it again changes nothing', async () => {
    const before = await describeSchema(graph);
    await ensureSchema(graph);
    const after = await describeSchema(graph);
    expect(after.constraints.length).toBe(before.constraints.length);
    expect(after.indexes.map((i) => i.name).sort()).toEqual(before.indexes.map((i) => i.name).sort());
  });

  it('rejects a second node with the same id', async () => {
    await graph.run("MERGE (:Topic {id: 'schema-test-topic', name: '测试'})");
    await expect(graph.run("CREATE (:Topic {id: 'schema-test-topic', name: '重复'})")).rejects.toThrow(/already exists/);
    await graph.run("MATCH (t:Topic {id: 'schema-test-topic'}) DELETE t");
  });
});
