import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, type Graph } from '../../engine/index.ts';
import { healthDay } from '../../engine/history/healthDay.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';
import { hashKey } from '../config.ts';

const example = readFileSync(new URL('../../seed/examples/enterprises.csv', import.meta.url));
const writer = 'import-test-writer-key';

function upload(base: string, entity: string, content: Buffer | string, name: string, key?: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return fetch(`${base}/api/v1/import/${entity}`, { method: 'POST', body: form, headers: key ? { Authorization: `Bearer ${key}` } : {} });
}

describe('POST /api/v1/import/{entity} on a real server and Neo4j', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph, { keys: [{ owner: 'importer', sha256: hashKey(writer), scopes: ['write'] }] });
    // The example firms sit in the example chain template (低空经济), which comes first.
    const chain = readFileSync(new URL('../../seed/examples/chain-low-altitude.json', import.meta.url));
    expect((await upload(api.base, 'chains', chain, 'chain-low-altitude.json', writer)).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
    // Other test files expect the seed's seven chains: take the example data out again.
    await graph.run("MATCH (n) WHERE n.id STARTS WITH 'low-altitude' OR (n:Enterprise AND n.source = 'import') DETACH DELETE n");
    await graph.run("MATCH (h:ChainHealthSnapshot {chainId: 'low-altitude'}) DETACH DELETE h");
    await graph.run("MATCH (j:ImportJob {owner: 'importer'}) DELETE j");
    await graph.close();
  });

  it('keeps the health of every chain as the import left it (the overview history), the new chain included', async () => {
    const today = healthDay(new Date());
    const recorded = async () =>
      (await graph.query<{ chainId: string }>('MATCH (h:ChainHealthSnapshot {day: $today}) RETURN h.chainId AS chainId', { today })).map((r) => r.chainId);
    await expect.poll(recorded, { timeout: 30_000, interval: 500 }).toContain('low-altitude');
    const [{ segments }] = await graph.query<{ segments: number }>("MATCH (:Chain {id: 'low-altitude'})-[:HAS_SEGMENT]->(s) RETURN count(s) AS segments");
    const [snapshot] = await graph.query<{ ids: string[] }>("MATCH (h:ChainHealthSnapshot {chainId: 'low-altitude', day: $today}) RETURN h.segmentIds AS ids", {
      today,
    });
    expect(snapshot.ids).toHaveLength(segments);
  });

  it('needs a write key', async () => {
    expect((await upload(api.base, 'enterprises', example, 'enterprises.csv')).status).toBe(401);
  });

  // The model's nodes and relationships: each import job's own record (:ImportJob) is not data.
  const modelCounts = async () => {
    const { byLabel, byType, relationships } = await graphCounts(graph);
    return { byLabel, byType, relationships };
  };

  it('imports nothing from a file with one bad row in the middle, and names that row and field', async () => {
    const lines = example.toString('utf8').split(/\r?\n/);
    const middle = Math.floor(lines.length / 2);
    lines[middle] = lines[middle].replace(/^[^,]+/, 'NOT A USCC');
    const before = await modelCounts();
    const res = await upload(api.base, 'enterprises', lines.join('\r\n'), 'bad.csv', writer);
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ row: middle, path: expect.stringContaining('id') })]);
    expect(await modelCounts()).toEqual(before);
  });

  it('imports the example file, twice with identical counts', async () => {
    const first = await upload(api.base, 'enterprises', example, 'enterprises.csv', writer);
    expect(first.status).toBe(200);
    const report = await first.json();
    expect(report.rows).toBeGreaterThan(0);
    const after = await modelCounts();
    expect((await upload(api.base, 'enterprises', example, 'enterprises.csv', writer)).status).toBe(200);
    expect(await modelCounts()).toEqual(after);
  });

  it('refuses an unknown entity and a missing file with 400', async () => {
    expect((await upload(api.base, 'planets', example, 'x.csv', writer)).status).toBe(400);
    const none = await fetch(`${api.base}/api/v1/import/enterprises`, { method: 'POST', headers: { Authorization: `Bearer ${writer}` } });
    expect(none.status).toBe(400);
  });
});
