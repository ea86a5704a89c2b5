import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobLimits, type Graph } from '../../engine/index.ts';
import { testUscc } from '../../engine/import/testImports.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';
import { hashKey } from '../config.ts';

/**
 * Issue 15 item 3: an import's record in Neo4j says what its answer said before the answer goes out, so an
 * API process killed right after answering leaves a record a restarted one reads back (the restart itself
 * is api/routes/importJobsRestart.test.ts): a 200 finds it `succeeded`, a 202 finds it at all.
 */
const key = 'recorded-first-writer';
const header = '统一社会信用代码,企业名称,是否区内企业,主要产品,所属环节,企业简介';
const padding = '该企业为导入记录测试而设，'.repeat(20);
const firms = (from: number, count: number) =>
  Buffer.from(
    [
      header,
      ...Array.from({ length: count }, (_, i) => {
        const n = from + i;
        return `${testUscc(n)},记录测试企业${n}号有限公司,是,手性中间体,biomed.intermediate,${padding}`;
      }),
    ].join('\r\n') + '\r\n',
  );

describe('an import job is recorded before it is answered', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const post = (content: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), 'firms.csv');
    return fetch(`${api.base}/api/v1/import/enterprises`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${key}` } });
  };
  /** The record as Neo4j holds it the moment the answer arrived (no polling). */
  const recordOf = async (id: string) =>
    (await graph.query<{ state: string }>('MATCH (j:ImportJob {id: $id}) RETURN j.state AS state', { id }))[0]?.state ?? null;
  const clean = async () => {
    await graph.run("MATCH (j:ImportJob) WHERE j.owner = 'recorded-first' DELETE j");
    await graph.run("MATCH (e:Enterprise) WHERE e.name STARTS WITH '记录测试企业' DETACH DELETE e");
  };

  beforeAll(async () => {
    graph = await seededGraph();
    await clean();
    api = await startTestServer(graph, { keys: [{ owner: 'recorded-first', sha256: hashKey(key), scopes: ['write'] }] });
  });
  afterAll(async () => {
    await api.close();
    await clean();
    await graph.close();
  });

  it('a 200 finds its record succeeded, a 202 finds its record queued or running', { timeout: 300_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const small = await post(firms(9_100_000 + round * 10, 3));
      expect(small.status).toBe(200);
      const id = small.headers.get('content-location')!.split('/').pop()!;
      expect(await recordOf(id), `round ${round}`).toBe('succeeded');
    }
    const content = firms(9_100_100, 800);
    expect(content.length).toBeGreaterThan(importJobLimits.syncMaxBytes);
    const large = await post(content);
    expect(large.status).toBe(202);
    const { id } = await large.json();
    expect(['queued', 'running', 'succeeded']).toContain(await recordOf(id));
    for (let i = 0; i < 600 && (await recordOf(id)) !== 'succeeded'; i++) await new Promise((r) => setTimeout(r, 500));
  });
});
