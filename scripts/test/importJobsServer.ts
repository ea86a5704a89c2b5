import { afterAll, beforeAll } from 'vitest';
import { hashKey } from '../../api/config.ts';
import type { Graph } from '../../engine/index.ts';
import { testUscc } from '../../engine/import/testImports.ts';
import { seededGraph } from './seededGraph.ts';
import { startTestServer } from './testServer.ts';

/*
 * What api/routes/importJobs.test.ts and importJobsIdempotency.test.ts share (issue 15 items 2–3 and F4):
 * keys, CSV files of made-up firms, and a real API over the seeded test Neo4j.
 */
export const keys = { a: 'jobs-writer-a', b: 'jobs-writer-b', root: 'jobs-admin' };
const header = '统一社会信用代码,企业名称,是否区内企业,主要产品,所属环节,企业简介,所在园区,企业规模,营业收入（万元）,从业人数,成立年份,企业标签';
// Ids from 9_000_000 on: no other test's firms. A long description makes each row ~400 bytes.
const padding = '该企业为导入任务测试而设，'.repeat(20);
/** Firms with a segment (no attachment step: fast), or without (each firm is classified: slow). */
export const firms = (from: number, count: number, attach = false) =>
  Buffer.from(
    [
      header,
      ...Array.from({ length: count }, (_, i) => {
        const n = from + i;
        return `${testUscc(n)},任务测试企业${n}号有限公司,是,手性中间体;原料药,${attach ? '' : 'biomed.intermediate'},${padding},park.qixia-hi-tech,小型,800,30,2018,高新技术企业`;
      }),
    ].join('\r\n') + '\r\n',
  );

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The API with two writers and an admin, started before the calling file's tests (call it inside its
 * `describe`); after them, the firms and job records the tests wrote are removed. `graph` and `api` are
 * there once beforeAll has run.
 */
export function importJobsServer() {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const post = (content: Buffer, key: string, headers: Record<string, string> = {}, base = api.base) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), 'firms.csv');
    return fetch(`${base}/api/v1/import/enterprises`, { method: 'POST', body: form, headers: { ...auth(key), ...headers } });
  };
  const job = async (id: string, key: string) => fetch(`${api.base}/api/v1/import/jobs/${id}`, { headers: auth(key) });
  const settled = async (id: string, key = keys.a) => {
    for (let i = 0; i < 600; i++) {
      const body = await (await job(id, key)).json();
      if (!['queued', 'running'].includes(body.state)) return body;
      await sleep(500);
    }
    throw new Error(`job ${id} did not end within 5 min`);
  };
  const count = async (from: number, to: number) => {
    const ids = Array.from({ length: to - from }, (_, i) => testUscc(from + i));
    const [{ n }] = await graph.query<{ n: number }>('UNWIND $ids AS id MATCH (e:Enterprise {id: id}) RETURN count(e) AS n', { ids });
    return Number(n);
  };

  // The test Neo4j outlives a run: job records (and with them Idempotency-Keys) of an earlier run go first.
  const forgetJobs = () => graph.run("MATCH (j:ImportJob) WHERE j.owner STARTS WITH 'jobs-' DELETE j");

  beforeAll(async () => {
    graph = await seededGraph();
    await forgetJobs();
    api = await startTestServer(graph, {
      keys: [
        { owner: 'jobs-a', sha256: hashKey(keys.a), scopes: ['write'] },
        { owner: 'jobs-b', sha256: hashKey(keys.b), scopes: ['write'] },
        { owner: 'jobs-root', sha256: hashKey(keys.root), scopes: ['admin'] },
      ],
    });
  });
  afterAll(async () => {
    await api.close();
    await graph.run("MATCH (e:Enterprise) WHERE e.name STARTS WITH '任务测试企业' DETACH DELETE e");
    await forgetJobs();
    await graph.close();
  });

  return {
    get graph() {
      return graph;
    },
    get api() {
      return api;
    },
    post,
    job,
    settled,
    count,
  };
}
