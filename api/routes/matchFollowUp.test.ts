import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourcesEngine, type Explanation, type Graph, type MatchRecord } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { createApp } from '../app.ts';
import { apiConfigFromEnv, hashKey, type ApiConfig } from '../config.ts';

const explanation: Explanation = { signals: [], paths: [], confidence: 'weak', reason: '跟进测试' };
/** 23:59 on 15 March in Beijing is still the 15th; one minute later it is the 16th there, while UTC still says the 15th. */
const lastMinuteOf15th = new Date('2026-03-15T15:59:00Z');
const firstMinuteOf16th = new Date('2026-03-15T16:00:00Z');

/**
 * Follow-ups with an owner and a due date (issue 16 item 7), over real HTTP and Neo4j. The API's clock is
 * the engine's (ResourcesEngine `now`), set here so that "today" is a known district day.
 */
describe('match follow-up: due dates and the overdue list', () => {
  let graph: Graph;
  let server: Server;
  let base = '';
  let clock = lastMinuteOf15th;
  let firms: string[] = [];
  let n = 0;
  const url = (path: string) => `${base}/api/v1${path}`;
  const send = (method: string, path: string, body?: unknown, key: string | null = 'key-owner', headers: Record<string, string> = {}) =>
    fetch(url(path), {
      method,
      headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const record = async (extra: Record<string, unknown> = {}): Promise<MatchRecord> => {
    n++;
    const res = await send('POST', '/matches', {
      kind: 'partner',
      chainId: 'apitest-due',
      subjectId: firms[2 * n],
      candidateId: firms[2 * n + 1],
      score: 0.4,
      explanation,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.json();
  };
  const overdueIds = async (key: string | null = null): Promise<string[]> => {
    const res = await send('GET', '/matches?overdue=true&chainId=apitest-due&limit=200', undefined, key);
    expect(res.status).toBe(200);
    return ((await res.json()).items as MatchRecord[]).map((m) => m.id).sort();
  };

  beforeAll(async () => {
    graph = await seededGraph();
    // From the far end of the id order: api/routes/matches.test.ts takes its pairs from the near end.
    firms = (await graph.query<{ id: string }>('MATCH (e:Enterprise) RETURN e.id AS id ORDER BY e.id DESC LIMIT 60')).map((r) => r.id);
    const keys: ApiConfig['keys'] = [
      { owner: '钱主任', sha256: hashKey('key-owner'), scopes: ['write'] },
      { owner: '孙干事', sha256: hashKey('key-other'), scopes: ['write'] },
    ];
    const resources = new ResourcesEngine(graph, { now: () => clock });
    server = createApp({ graph, graphUri: 'bolt://test', embedded: true, version: '0.0.0-test', config: { ...apiConfigFromEnv({}), keys }, resources }).listen(
      0,
      '127.0.0.1',
    );
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await graph.run("MATCH (m:Match) WHERE m.chainId = 'apitest-due' DELETE m");
    await new Promise((r) => server.close(r));
    await graph.close();
  });

  it('lists open matches due before the district day: a match due on the 15th turns overdue at midnight Beijing time, not UTC', async () => {
    clock = lastMinuteOf15th;
    const due15 = await record({ dueDate: '2026-03-15' });
    const due14 = await record({ dueDate: '2026-03-14' });
    const due16 = await record({ dueDate: '2026-03-16' });
    const undated = await record();
    expect([due15.dueDate, due15.overdue, undated.dueDate, undated.overdue]).toEqual(['2026-03-15', false, null, false]);
    expect(await overdueIds()).toEqual([due14.id]);

    clock = firstMinuteOf16th;
    expect(await overdueIds()).toEqual([due14.id, due15.id].sort());
    const one: MatchRecord = await (await send('GET', `/matches/${due15.id}`)).json();
    expect(one).toMatchObject({ dueDate: '2026-03-15', overdue: true });
    expect((await (await send('GET', `/matches/${due16.id}`)).json()).overdue).toBe(false);

    // Decided matches are no follow-ups: declining one takes it off the list, though its date stays.
    const declined: MatchRecord = await (await send('PATCH', `/matches/${due14.id}`, { status: 'declined', note: '企业无意向' })).json();
    expect(declined).toMatchObject({ status: 'declined', dueDate: '2026-03-14', overdue: false });
    expect(await overdueIds()).toEqual([due15.id]);
    // The filter and the other filters combine; without it, every status of the chain is listed.
    const all: MatchRecord[] = (await (await send('GET', '/matches?chainId=apitest-due&limit=200')).json()).items;
    expect(all.map((m) => m.id).sort()).toEqual([due14.id, due15.id, due16.id, undated.id].sort());
    expect((await (await send('GET', '/matches?overdue=true&chainId=apitest-due&status=contacted')).json()).items).toEqual([]);
  });

  it('sets, moves and clears a due date with PATCH — owner or admin only, If-Match honoured, no history entry for a date', async () => {
    clock = firstMinuteOf16th;
    const m = await record();
    const set = await send('PATCH', `/matches/${m.id}`, { dueDate: '2026-03-10' }, 'key-owner', { 'If-Match': `"${m.version}"` });
    expect(set.status).toBe(200);
    const dated: MatchRecord = await set.json();
    expect(dated).toMatchObject({ status: 'proposed', dueDate: '2026-03-10', overdue: true, version: m.version + 1 });
    expect(dated.history).toHaveLength(1);
    expect(set.headers.get('etag')).toBe(`"${m.version + 1}"`);
    expect(await overdueIds()).toContain(m.id);

    expect((await send('PATCH', `/matches/${m.id}`, { dueDate: '2026-04-01' }, 'key-other')).status).toBe(403);
    expect((await send('PATCH', `/matches/${m.id}`, { dueDate: '2026-04-01' }, 'key-owner', { 'If-Match': `"${m.version}"` })).status).toBe(412);
    expect((await send('PATCH', `/matches/${m.id}`, { dueDate: '2026-04-01' }, null)).status).toBe(401);

    // A status move and a date together: one change, one history entry.
    const both: MatchRecord = await (await send('PATCH', `/matches/${m.id}`, { status: 'contacted', note: '已约下周', dueDate: '2026-03-20' })).json();
    expect(both).toMatchObject({ status: 'contacted', dueDate: '2026-03-20', overdue: false });
    expect(both.history.map((h) => h.to)).toEqual(['proposed', 'contacted']);
    const cleared: MatchRecord = await (await send('PATCH', `/matches/${m.id}`, { dueDate: null })).json();
    expect(cleared).toMatchObject({ status: 'contacted', dueDate: null, overdue: false });
    expect(await overdueIds()).not.toContain(m.id);
  });

  it.each([
    ['POST', { dueDate: '2026-02-30' }, 'body.dueDate'],
    ['POST', { dueDate: '2026/3/1' }, 'body.dueDate'],
    ['POST', { dueDate: '明天' }, 'body.dueDate'],
    ['PATCH', { dueDate: '2025-02-29' }, 'body.dueDate'],
    ['PATCH', {}, 'body.status'],
    ['PATCH', { note: '只有备注' }, 'body.note'],
  ])('%s %j → 400 naming %s, nothing written', async (method, body, path) => {
    const target = method === 'POST' ? null : await record();
    const res = target
      ? await send('PATCH', `/matches/${target.id}`, body)
      : await send('POST', '/matches', {
          kind: 'partner',
          chainId: 'apitest-due',
          subjectId: firms[50],
          candidateId: firms[51],
          score: 0.4,
          explanation,
          ...body,
        });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
    if (target) expect(await (await send('GET', `/matches/${target.id}`)).json()).toMatchObject({ version: target.version, dueDate: null });
    else expect((await graph.query<{ n: number }>('MATCH (m:Match {candidateId: $id}) RETURN count(m) AS n', { id: firms[51] }))[0].n).toBe(0);
  });

  it('refuses an overdue flag that is not true or false', async () => {
    const res = await send('GET', '/matches?overdue=yes');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe('query.overdue');
  });

  it('shows the due date to everyone and the owner only to the owner, on the card data and in the export', async () => {
    clock = firstMinuteOf16th;
    const m = await record({ dueDate: '2026-03-01' });
    const anonymous: MatchRecord = await (await send('GET', `/matches/${m.id}`, undefined, null)).json();
    expect(anonymous).toMatchObject({ dueDate: '2026-03-01', overdue: true });
    expect(anonymous.createdBy).toBeUndefined();
    expect((await (await send('GET', `/matches/${m.id}`, undefined, 'key-other')).json()).createdBy).toBeUndefined();
    expect((await (await send('GET', `/matches/${m.id}`)).json()).createdBy).toBe('钱主任');

    const rowsFor = async (key: string | null) => {
      const text = (await (await send('GET', '/matches?overdue=true&chainId=apitest-due&format=csv', undefined, key)).text()).replace(/^\uFEFF/, '');
      const lines = text.trim().split('\n');
      const header = lines.findIndex((l) => l.includes('推荐对象'));
      return parse(lines.slice(header).join('\n'), { columns: true }) as Record<string, string>[];
    };
    const mine = (await rowsFor('key-owner')).find((r) => r['编号'] === m.id)!;
    expect([mine['负责人'], mine['跟进截止'], mine['逾期']]).toEqual(['钱主任', '2026-03-01', '是']);
    const theirs = (await rowsFor(null)).find((r) => r['编号'] === m.id)!;
    expect([theirs['负责人'], theirs['跟进截止'], theirs['逾期']]).toEqual(['', '2026-03-01', '是']);
    // Only overdue rows in an overdue export.
    for (const r of await rowsFor('key-owner')) expect(r['逾期']).toBe('是');
  });
});
