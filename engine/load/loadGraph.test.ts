import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import type { GraphBatch } from './graphBatch.ts';
import { loadGraph } from './loadGraph.ts';

const prefix = 'load-test-';
const topics = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}t${i}`, name: `主题${i}` }));
const unit = (i: number) => ({ id: `${prefix}u${i}`, name: `实验室${i}`, description: '', source: 'synthetic' });

function fixture(): GraphBatch {
  return {
    nodes: [
      { label: 'Topic', rows: topics(25) },
      { label: 'ResearchUnit', rows: [unit(0), unit(1)] },
    ],
    relationships: [{ type: 'RESEARCHES', from: 'ResearchUnit', to: 'Topic', rows: topics(25).map((t, i) => ({ from: `${prefix}u${i % 2}`, to: t.id })) }],
  };
}

async function counts(graph: Graph) {
  const [row] = await graph.query<{ nodes: number; rels: number }>(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels`,
    { prefix },
  );
  return row;
}

describe('loadGraph on a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
    await graph.run('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  });
  afterAll(async () => {
    await graph.run('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    await graph.close();
  });

  it('writes every node and relationship, in small batches', async () => {
    const report = await loadGraph(graph, fixture(), { batchSize: 7 });
    expect(report).toMatchObject({ nodes: 27, relationships: 25 });
    expect(await counts(graph)).toEqual({ nodes: 27, rels: 25 });
  });

  it('is idempotent: loading the same rows again gives identical counts', async () => {
    await loadGraph(graph, fixture(), { batchSize: 7 });
    await loadGraph(graph, fixture(), { batchSize: 1000 });
    expect(await counts(graph)).toEqual({ nodes: 27, rels: 25 });
  });

  it('updates only the properties a row names: others stay, null removes', async () => {
    const id = `${prefix}alliance`;
    await graph.run("CREATE (:Alliance {id: $id, name: '旧名', founded: '2014', vector: [0.5, 0.25]})", { id });
    const row = { id, name: '新名', kind: 'industry', founded: null, description: '', publishedFigures: '{}', roles: [], source: 'synthetic' };
    await loadGraph(graph, { nodes: [{ label: 'Alliance', rows: [row] }], relationships: [] });
    const [props] = await graph.query<{ p: Record<string, unknown> }>('MATCH (n:Alliance {id: $id}) RETURN properties(n) AS p', { id });
    expect(props.p).toEqual({
      id,
      name: '新名',
      kind: 'industry',
      description: '',
      publishedFigures: '{}',
      roles: [],
      source: 'synthetic',
      vector: [0.5, 0.25],
    });
    await graph.run('MATCH (n:Alliance {id: $id}) DELETE n', { id });
  });

  it('names the file, row and field of a bad row and writes nothing', async () => {
    await graph.run('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    const bad = fixture();
    bad.nodes[0].file = 'topics.csv';
    (bad.nodes[0].rows[12] as Record<string, unknown>).name = 42;
    const error = await loadGraph(graph, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([expect.objectContaining({ file: 'topics.csv', row: 13, path: 'name' })]);
    expect(await counts(graph)).toEqual({ nodes: 0, rels: 0 });
  });

  it('rejects a relationship to a node that exists neither in the batch nor in the graph', async () => {
    const bad = fixture();
    bad.relationships[0].rows.push({ from: `${prefix}u0`, to: `${prefix}missing` });
    const error = (await loadGraph(graph, bad).catch((e: unknown) => e)) as InvalidInputError;
    expect(error.issues).toEqual([expect.objectContaining({ row: 26, path: 'to', message: expect.stringContaining(`${prefix}missing`) })]);
    expect(await counts(graph)).toEqual({ nodes: 0, rels: 0 });
  });

  it('rejects a relationship type between labels the model does not allow', async () => {
    const bad: GraphBatch = { nodes: [], relationships: [{ type: 'FEEDS', from: 'Topic', to: 'Topic', rows: [] }] };
    await expect(loadGraph(graph, bad)).rejects.toThrow(InvalidInputError);
  });

  it('in atomic mode leaves nothing behind when a write fails part-way', async () => {
    await graph.run('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    await graph.run("CREATE (:ResearchUnit {id: $id, name: '既有实验室', description: '', source: 'synthetic'})", { id: `${prefix}u9` });
    const batch = fixture();
    batch.relationships[0].rows.push({ from: `${prefix}u9`, to: `${prefix}t0` });
    // The end exists when the batch is validated and vanishes before the relationships are written.
    const vanish = async (done: number) => {
      if (done === 0) await graph.run('MATCH (n:ResearchUnit {id: $id}) DELETE n', { id: `${prefix}u9` });
    };
    await expect(loadGraph(graph, batch, { atomic: true, batchSize: 5, onProgress: vanish })).rejects.toThrow(/lost an end node/);
    expect(await counts(graph)).toEqual({ nodes: 0, rels: 0 });
  });
});
