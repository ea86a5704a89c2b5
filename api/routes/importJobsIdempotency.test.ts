import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { importJobLimits } from '../../engine/index.ts';
import { testUscc } from '../../engine/import/testImports.ts';
import { auth, firms, importJobsServer, keys } from '../../scripts/test/importJobsServer.ts';

/**
 * Issue 15 item 2 over real HTTP and Neo4j: an import's Idempotency-Key — one job and one import per
 * key and caller, 422 for the key with another request, 409 while its first upload is still arriving —
 * and its declaration in the OpenAPI document. (importJobs.test.ts: the key after a restart.)
 */
describe('Idempotency-Key of imports on a real server and Neo4j', () => {
  const s = importJobsServer();
  const { post, settled, count } = s;

  it("the same Idempotency-Key returns the same job and imports once; another caller's key is their own", { timeout: 300_000 }, async () => {
    const content = firms(9_020_000, 20);
    const first = await post(content, keys.a, { 'Idempotency-Key': 'batch-7' });
    expect(first.status).toBe(200);
    const where = first.headers.get('content-location');
    expect(where).toMatch(/^\/api\/v1\/import\/jobs\//);
    expect(await count(9_020_000, 9_020_020)).toBe(20);
    // Taken out again: were the repeat imported a second time, the firms would be back.
    await s.graph.run('UNWIND $ids AS id MATCH (e:Enterprise {id: id}) DETACH DELETE e', {
      ids: Array.from({ length: 20 }, (_, i) => testUscc(9_020_000 + i)),
    });
    const repeat = await post(content, keys.a, { 'Idempotency-Key': 'batch-7' });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('content-location')).toBe(where);
    expect(await repeat.json()).toMatchObject({ rows: 20 });
    expect(await count(9_020_000, 9_020_020)).toBe(0);
    // The same key from another caller is another job.
    const other = await post(content, keys.b, { 'Idempotency-Key': 'batch-7' });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-location')).not.toBe(where);
    expect(await count(9_020_000, 9_020_020)).toBe(20);
    // Large files: the same job id in 202 answers.
    const big = firms(9_030_000, 700);
    const [x, y] = [await post(big, keys.a, { 'Idempotency-Key': 'big-1' }), await post(big, keys.a, { 'Idempotency-Key': 'big-1' })];
    expect([x.status, y.status]).toEqual([202, 202]);
    const [xj, yj] = [await x.json(), await y.json()];
    expect(yj.id).toBe(xj.id);
    await settled(xj.id);
    expect((await post(big, keys.a, { 'Idempotency-Key': 'x'.repeat(201) })).status).toBe(400);
  });

  it('declares Idempotency-Key in the OpenAPI document, with its 409 and 422', async () => {
    const doc = await (await fetch(`${s.api.base}/api/v1/openapi.json`)).json();
    const operation = doc.paths['/import/{entity}'].post;
    const header = operation.parameters.find((p: { in: string; name: string }) => p.in === 'header' && p.name === 'Idempotency-Key');
    expect(header).toMatchObject({ required: false, schema: { type: 'string', maxLength: importJobLimits.maxIdempotencyKeyChars } });
    expect(header.description).toMatch(/422/);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '202', '409', '422', '429']));
    // Only the route that honours it declares it.
    expect(JSON.stringify(doc.paths['/import/jobs/{id}'])).not.toMatch(/Idempotency-Key/);
  });

  it('the same Idempotency-Key with another file, format or name is 422 naming the header, and imports nothing', { timeout: 300_000 }, async () => {
    const content = firms(9_060_000, 5);
    const first = await post(content, keys.a, { 'Idempotency-Key': 'k-422' });
    expect(first.status).toBe(200);
    const where = first.headers.get('content-location');
    const refusedWith = async (res: Response) => {
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = await res.json();
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'header.Idempotency-Key' })]);
      expect(res.headers.get('content-location')).toBeNull();
    };
    // Another file (other firms) under the key: refused, not answered with the first job, not imported.
    await refusedWith(await post(firms(9_060_100, 5), keys.a, { 'Idempotency-Key': 'k-422' }));
    expect(await count(9_060_100, 9_060_105)).toBe(0);
    // The same bytes asked differently: a declared format, another file name.
    const form = (name: string) => {
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(content)]), name);
      return f;
    };
    await refusedWith(
      await fetch(`${s.api.base}/api/v1/import/enterprises?format=csv`, {
        method: 'POST',
        body: form('firms.csv'),
        headers: { ...auth(keys.a), 'Idempotency-Key': 'k-422' },
      }),
    );
    await refusedWith(
      await fetch(`${s.api.base}/api/v1/import/enterprises`, {
        method: 'POST',
        body: form('other.csv'),
        headers: { ...auth(keys.a), 'Idempotency-Key': 'k-422' },
      }),
    );
    // The same request again (a new multipart boundary): the same job.
    const again = await post(content, keys.a, { 'Idempotency-Key': 'k-422' });
    expect(again.status).toBe(200);
    expect(again.headers.get('content-location')).toBe(where);
  });

  it('a second request with a key whose first upload is still being received is 409, then the key answers its one job', { timeout: 300_000 }, async () => {
    const boundary = 'idempotency-in-flight';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="firms.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const content = firms(9_070_000, 5);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const url = new URL(`${s.api.base}/api/v1/import/enterprises`);
    const headers = {
      ...auth(keys.a),
      'Idempotency-Key': 'k-409',
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': head.length + content.length + tail.length,
    };
    // The slow upload: its head and 100 bytes of the file now, the rest when the test says.
    const startSlow = () => {
      let answered!: (v: { status: number; location?: string }) => void;
      const answer = new Promise<{ status: number; location?: string }>((r) => (answered = r));
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => answered({ status: res.statusCode!, location: res.headers['content-location'] as string | undefined }));
      });
      // Refused early (409), the server may close the connection under the unsent rest: that is expected.
      req.on('error', () => undefined);
      req.write(head);
      req.write(content.subarray(0, 100));
      let early: number | undefined;
      void answer.then((a) => (early = a.status));
      return { req, answer, early: () => early };
    };
    // A probe with the same key and no file tells whether the server has admitted the slow upload (409). A
    // probe that reaches the server first takes the key itself for a moment (then 400, no file): the slow
    // upload is then the one refused with 409, and is sent again, after a pause.
    const probe = async () => (await fetch(url, { method: 'POST', body: new FormData(), headers: { ...auth(keys.a), 'Idempotency-Key': 'k-409' } })).status;
    let slow = startSlow();
    for (let attempt = 1; ; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      let status = 0;
      for (let i = 0; i < 100 && status !== 409 && slow.early() === undefined; i++) {
        status = await probe();
        if (status !== 409) await new Promise((r) => setTimeout(r, 200));
      }
      if (status === 409 && slow.early() === undefined) break;
      expect(slow.early(), `attempt ${attempt}: the slow upload was answered before its file arrived`).toBe(409);
      expect(attempt, 'a probe took the key before the slow upload three times').toBeLessThan(3);
      slow.req.destroy();
      slow = startSlow();
    }
    const problem = await (await post(content, keys.a, { 'Idempotency-Key': 'k-409' })).json();
    expect(problem).toMatchObject({ status: 409, errors: [{ path: 'header.Idempotency-Key' }] });
    expect(await count(9_070_000, 9_070_005)).toBe(0);
    slow.req.end(Buffer.concat([content.subarray(100), tail]));
    const first = await slow.answer;
    expect(first.status).toBe(200);
    const repeat = await post(content, keys.a, { 'Idempotency-Key': 'k-409' });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('content-location')).toBe(first.location);
    expect(await count(9_070_000, 9_070_005)).toBe(5);
  });
});
