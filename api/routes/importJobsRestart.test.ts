import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { remoteTargetFromEnv, type Graph } from '../../engine/index.ts';
import { testUscc } from '../../engine/import/testImports.ts';
import { startApiProcess, type ApiProcess } from '../../scripts/bench/apiProcess.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';

/**
 * Issue 15 item 3: an import job outlives a killed API process. The API runs as a real child process
 * (scripts/bench/apiChild.ts) over the test Neo4j; with one job finished, one killed in the middle of
 * its write transaction and one waiting behind it, the process is SIGKILLed — no shutdown code runs —
 * and a new process over the same database must answer for all three from their records in Neo4j.
 * (importJobs.test.ts covers the same records with a second server in one process, nothing killed.)
 */
const keys = { a: 'restart-writer-a', b: 'restart-writer-b' };
const header = '统一社会信用代码,企业名称,是否区内企业,主要产品,所属环节,企业简介,所在园区,企业规模,营业收入（万元）,从业人数,成立年份,企业标签';
// Ids from 9_100_000 on: no other test's firms (importJobs.test.ts uses 9_000_000–9_081_700).
const ranges = { finished: 9_100_000, killed: 9_110_000, queued: 9_140_000, again: 9_150_000 };
/** The killed job's size: the most rows one import takes (config/limits.ts), so its write lasts long enough to be caught. */
const killedRows = 20_000;
const firms = (from: number, count: number, padding = '') =>
  Buffer.from(
    [
      header,
      ...Array.from({ length: count }, (_, i) => {
        const n = from + i;
        return `${testUscc(n)},重启测试企业${n}号有限公司,是,手性中间体;原料药,biomed.intermediate,${padding}重启测试,park.qixia-hi-tech,小型,800,30,2018,高新技术企业`;
      }),
    ].join('\r\n') + '\r\n',
  );
// ~400 bytes a row: 700 rows pass the size answered at once (config/importJobs.ts syncMaxBytes), so the upload gets 202.
const padding = '该企业为重启测试而设，'.repeat(20);

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type JobView = Record<string, any>;
/** expect.poll for beforeAll (vitest allows it inside tests only): `read` until `wanted`, or throws naming `what`. */
async function waitFor<T>(what: string, read: () => Promise<T>, wanted: (v: T) => boolean, timeoutMs: number, intervalMs = 100): Promise<T> {
  let value = await read();
  for (const until = Date.now() + timeoutMs; !wanted(value); value = await read()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs / 1000} s (last ${JSON.stringify(value)})`);
    await sleep(intervalMs);
  }
  return value;
}

describe('import jobs after the API process is killed (SIGKILL) and started again on the same Neo4j', () => {
  let graph: Graph;
  let first: ApiProcess | undefined;
  let second: ApiProcess | undefined;
  const ids = { finished: '', killed: '', queued: '' };
  /** What the first process said about the killed job last before the kill. */
  let lastSeen: JobView = {};

  const neo4jUri = remoteTargetFromEnv()?.uri ?? inject('neo4jUri');
  const start = () => startApiProcess(neo4jUri, { CHAINMATCH_API_KEYS: `restart-a:${keys.a}:write,restart-b:${keys.b}:write` }, { startTimeoutMs: 120_000 });
  const post = (api: ApiProcess, content: Buffer, key: string, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), 'firms.csv');
    return fetch(`${api.base}/api/v1/import/enterprises`, { method: 'POST', body: form, headers: { ...auth(key), ...headers } });
  };
  const job = async (api: ApiProcess, id: string, key = keys.a) => {
    const res = await fetch(`${api.base}/api/v1/import/jobs/${id}`, { headers: auth(key) });
    return { status: res.status, body: (await res.json()) as JobView };
  };
  /** The job's record as Neo4j holds it (the test waits for the writes the API makes after answering). */
  const recordState = async (id: string) => (await graph.query<{ state: string }>('MATCH (j:ImportJob {id: $id}) RETURN j.state AS state', { id }))[0]?.state;
  const count = async (from: number, n: number) => {
    const [{ c }] = await graph.query<{ c: number }>('UNWIND $ids AS id MATCH (e:Enterprise {id: id}) RETURN count(e) AS c', {
      ids: Array.from({ length: n }, (_, i) => testUscc(from + i)),
    });
    return Number(c);
  };
  const cleanUp = async () => {
    await graph.run("MATCH (e:Enterprise) WHERE e.name STARTS WITH '重启测试企业' DETACH DELETE e");
    await graph.run("MATCH (j:ImportJob) WHERE j.owner STARTS WITH 'restart-' DELETE j");
  };

  beforeAll(async () => {
    graph = await seededGraph();
    // The test Neo4j outlives a run: firms and job records (with their Idempotency-Keys) of an earlier run go first.
    await cleanUp();
    first = await start();

    // 1. A job that finishes before the kill: a small file, answered 200 with where its job lives.
    const small = await post(first, firms(ranges.finished, 5), keys.a);
    expect(small.status).toBe(200);
    ids.finished = small.headers.get('content-location')!.split('/').pop()!;
    // Its end is recorded just after the answer; a kill before that is the running case below.
    await waitFor(
      'the finished job recorded',
      () => recordState(ids.finished),
      (s) => s === 'succeeded',
      30_000,
    );

    // 2. A job killed inside its one write transaction, and 3. one queued behind it (one job runs at a time).
    const big = await post(first, firms(ranges.killed, killedRows), keys.a);
    expect(big.status).toBe(202);
    ids.killed = ((await big.json()) as JobView).id;
    const waiting = await post(first, firms(ranges.queued, 700, padding), keys.a, { 'Idempotency-Key': 'restart-queued' });
    expect(waiting.status).toBe(202);
    ids.queued = ((await waiting.json()) as JobView).id;
    await waitFor(
      'the queued job recorded',
      () => recordState(ids.queued),
      (s) => s === 'queued',
      30_000,
    );

    // Kill at the first sight of the write phase with statements still to run: rows are being written
    // in a transaction that has not committed.
    for (const until = Date.now() + 240_000; Date.now() < until; await sleep(20)) {
      lastSeen = (await job(first, ids.killed)).body;
      if (lastSeen.state !== 'running' && lastSeen.state !== 'queued') break;
      if (lastSeen.state === 'running' && lastSeen.progress.phase === 'write' && lastSeen.progress.done < lastSeen.progress.total) break;
    }
    process.kill(first.pid, 'SIGKILL');
    await waitFor(
      'the first process gone',
      async () => first!.exited()?.signal,
      (s) => s === 'SIGKILL',
      10_000,
      50,
    );
    expect(lastSeen, 'the big job was still writing when the process was killed').toMatchObject({ state: 'running', progress: { phase: 'write' } });

    // The killed client's transaction is rolled back by Neo4j once it sees the connection gone: wait
    // until no transaction is left open (other than this query), so the counts below are final.
    const open = async () => {
      const [{ n }] = await graph.query<{ n: number }>(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n",
      );
      return Number(n);
    };
    await waitFor('no transaction left open on the server', open, (n) => n === 0, 60_000);

    // A new API process on the same database: nothing of the first one's queue in memory.
    second = await start();
  }, 300_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await cleanUp();
    await graph?.close();
  });

  it('a job that finished before the kill reads succeeded, with its report', async () => {
    const { status, body } = await job(second!, ids.finished);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ids.finished, state: 'succeeded', progress: { phase: 'done' }, problem: null });
    expect(body.report).toMatchObject({ entity: 'enterprises', rows: 5 });
    expect(await count(ranges.finished, 5)).toBe(5);
    // Still its submitter's alone.
    expect((await job(second!, ids.finished, keys.b)).status).toBe(404);
  });

  it('the job killed while writing reads failed, interrupted; its rows are all there or none are', async () => {
    const { status, body } = await job(second!, ids.killed);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ids.killed, state: 'failed', report: null, problem: { status: 503, title: expect.stringMatching(/Import interrupted/) } });
    expect(body.problem.detail).toMatch(/restarted while this job was running/);
    // Settled once, it stays failed (the record is rewritten as such).
    expect(await recordState(ids.killed)).toBe('failed');
    expect((await job(second!, ids.killed)).body.state).toBe('failed');
    // One transaction: none of it (killed with statements still to run, so in practice this), or all of
    // it had its commit gone out between the last look and the kill — never part.
    expect([0, killedRows]).toContain(await count(ranges.killed, killedRows));
  });

  it('the job waiting behind it reads failed, interrupted while queued; its Idempotency-Key may run again and imports', { timeout: 300_000 }, async () => {
    const { status, body } = await job(second!, ids.queued);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ids.queued, state: 'failed', report: null, problem: { status: 503 } });
    expect(body.problem.detail).toMatch(/restarted while this job was queued/);
    expect(await count(ranges.queued, 700)).toBe(0);
    // The interrupted job wrote nothing the client was told of: the same key is a new job, which imports.
    const again = await post(second!, firms(ranges.queued, 700, padding), keys.a, { 'Idempotency-Key': 'restart-queued' });
    expect(again.status).toBe(202);
    const id = ((await again.json()) as JobView).id;
    expect(id).not.toBe(ids.queued);
    let done: JobView = {};
    await expect.poll(async () => (done = (await job(second!, id)).body).state, { timeout: 240_000, interval: 500 }).toBe('succeeded');
    expect(done.report).toMatchObject({ rows: 700 });
    expect(await count(ranges.queued, 700)).toBe(700);
  });
});
