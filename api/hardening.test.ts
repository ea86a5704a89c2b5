import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph, type Graph } from '../engine/index.ts';
import { startTestServer } from '../scripts/test/testServer.ts';
import { testGraph } from '../scripts/test/testGraph.ts';
import { hashKey } from './config.ts';

/**
 * Issue 15's findings reproduced the way the probe found them — real HTTP, real Neo4j — and refused:
 * F2 ownership and privacy, F8 overbooking, F9 lost updates and resurrection, F5 bytes, F7 template sizes,
 * F10 formulas in exports.
 */
const firm = 'hard.firm';
const explanation = { signals: [], paths: [], confidence: 'weak', reason: '测试' };
const keys = { a: 'key-a', w: 'key-w', root: 'key-root' } as const;

describe('hardening over HTTP (issue 15)', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let n = 0;
  const call = (method: string, path: string, body?: unknown, who?: keyof typeof keys, headers: Record<string, string> = {}) =>
    fetch(`${api.base}/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(who ? { Authorization: `Bearer ${keys[who]}` } : {}), ...headers },
    });
  const offer = async (capacity = 1) => {
    const res = await call(
      'POST',
      '/offers',
      { id: `hard.o${++n}`, kind: 'site', ownerId: firm, title: `测试厂房${n}`, parkId: 'hard.park', areaM2: 2000, price: 30, capacity },
      'a',
    );
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; version: number };
  };
  const upload = (entity: string, content: Buffer, name: string, query = '') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return fetch(`${api.base}/api/v1/import/${entity}${query}`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${keys.a}` } });
  };

  beforeAll(async () => {
    graph = await testGraph();
    await loadGraph(graph, {
      nodes: [
        { label: 'Park', rows: [{ id: 'hard.park', name: '加固测试园区', sectorId: 'hard.sector', description: '', source: 'synthetic' }] },
        {
          label: 'Enterprise',
          rows: [firm, ...Array.from({ length: 6 }, (_, i) => `hard.f${i}`)].map((id, i) => ({
            id,
            name: `加固测试${i}有限公司`,
            local: true,
            kind: 'industrial',
            province: '江苏省',
            city: '南京市',
            size: 'small',
            revenueWan: 5000,
            employees: 80,
            tags: [],
            description: '测试',
            businessScope: '测试',
            foundedYear: 2015,
            techLoanWan: 0,
            source: 'synthetic',
          })),
        },
      ],
      relationships: [],
    });
    api = await startTestServer(graph, {
      keys: [
        { owner: 'a', sha256: hashKey(keys.a), scopes: ['write'] },
        { owner: 'w', sha256: hashKey(keys.w), scopes: ['write'] },
        { owner: 'root', sha256: hashKey(keys.root), scopes: ['admin'] },
      ],
    });
  });
  afterAll(async () => {
    await graph.run("MATCH (m:Match) WHERE m.candidateId STARTS WITH 'hard.' OR m.subjectId STARTS WITH 'hard.' DELETE m");
    await graph.run("MATCH (n) WHERE n.id STARTS WITH 'hard.' DETACH DELETE n");
    await api.close();
    await graph.close();
  });

  it('F2: key w may not edit, close or delete key a’s offer (403); anonymous readers see no key owners', async () => {
    const { id } = await offer();
    for (const [method, body] of [
      ['PATCH', { price: 1 }],
      ['PATCH', { status: 'closed' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, `/offers/${id}`, body, 'w');
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await (await call('GET', `/offers/${id}`)).json()).price).toBe(30);
    const anonymous = await (await call('GET', `/offers/${id}`)).json();
    expect(anonymous).not.toHaveProperty('createdBy');
    expect(anonymous).not.toHaveProperty('updatedBy');
    expect(await (await call('GET', `/offers/${id}`, undefined, 'a')).json()).toMatchObject({ createdBy: 'a', updatedBy: 'a' });
    expect((await call('PATCH', `/offers/${id}`, { price: 28 }, 'root')).status).toBe(200);
    expect((await call('DELETE', `/offers/${id}`, undefined, 'a')).status).toBe(204);
  });

  it('F2: key w may not decline key a’s match; anonymous GET /matches (JSON and CSV) shows neither notes nor key owners', async () => {
    const res = await call(
      'POST',
      '/matches',
      { kind: 'partner', subjectId: 'hard.f0', candidateId: 'hard.f1', score: 0.4, explanation, note: '内部备注：王总私下' },
      'a',
    );
    expect(res.status).toBe(201);
    const match = await res.json();
    expect((await call('PATCH', `/matches/${match.id}`, { status: 'declined' }, 'w')).status).toBe(403);
    const listed = await (await call('GET', '/matches?limit=200')).json();
    const mine = listed.items.find((m: { id: string }) => m.id === match.id);
    expect(mine).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain('内部备注');
    expect(mine).not.toHaveProperty('createdBy');
    expect(mine.history[0]).not.toHaveProperty('actor');
    expect(await (await call('GET', '/matches?format=csv')).text()).not.toContain('内部备注');
    expect(JSON.stringify(await (await call('GET', '/matches?limit=200', undefined, 'w')).json())).not.toContain('内部备注');
    expect((await (await call('GET', `/matches/${match.id}`, undefined, 'a')).json()).history[0].note).toBe('内部备注：王总私下');
  });

  it("F10: a formula in a match's reason or note comes out neutralised in GET /matches?format=csv and as text in XLSX, with or without a key", async () => {
    const hostile = '=HYPERLINK("http://x","点我")';
    const res = await call(
      'POST',
      '/matches',
      { kind: 'partner', subjectId: 'hard.f4', candidateId: 'hard.f5', score: 0.4, explanation: { ...explanation, reason: hostile }, note: `+${hostile}` },
      'a',
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    // Anonymous (the probe's case: the reason is public) and the owner (who also sees the note).
    for (const who of [undefined, 'a'] as const) {
      const csv = await (await call('GET', '/matches?format=csv&limit=200', undefined, who)).text();
      const line = csv.split(/\r?\n/).find((l) => l.includes(id))!;
      expect(line).toContain("'=HYPERLINK");
      // No cell of the row starts with a formula character, quoted or not.
      expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
      if (who) expect(line).toContain("'+=HYPERLINK");
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await call('GET', '/matches?format=xlsx&limit=200', undefined, 'a')).arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const mine = cells.filter((c) => String(c.value).includes('HYPERLINK'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const cell of mine) {
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
  });

  it('F8: five agreements at once on an offer of capacity 1 → one 200, four 409 naming the capacity', async () => {
    const { id } = await offer(1);
    const matches = [];
    for (let i = 0; i < 5; i++) {
      const m = await (await call('POST', '/matches', { kind: 'resource', subjectId: `hard.f${i}`, candidateId: id, score: 0.5, explanation }, 'a')).json();
      expect((await call('PATCH', `/matches/${m.id}`, { status: 'contacted' }, 'a')).status).toBe(200);
      matches.push(m);
    }
    const answers = await Promise.all(matches.map((m) => call('PATCH', `/matches/${m.id}`, { status: 'agreed' }, 'a')));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const r of answers.filter((x) => x.status === 409)) expect((await r.json()).detail).toMatch(/has 0 of 1 units left/);
  });

  it('F9: four concurrent PATCHes of different fields all survive; ETag and If-Match (412 when stale)', async () => {
    const { id } = await offer();
    const changes = [{ price: 11 }, { areaM2: 2222 }, { floorLoadKnM2: 33 }, { description: '并发修改' }];
    expect((await Promise.all(changes.map((c) => call('PATCH', `/offers/${id}`, c, 'a')))).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const got = await call('GET', `/offers/${id}`, undefined, 'a');
    expect(got.headers.get('etag')).toBe('"5"');
    expect(await got.json()).toMatchObject({ price: 11, areaM2: 2222, floorLoadKnM2: 33, description: '并发修改', version: 5 });
    const stale = await call('PATCH', `/offers/${id}`, { price: 12 }, 'a', { 'If-Match': '"4"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"5"');
    const fresh = await call('PATCH', `/offers/${id}`, { price: 12 }, 'a', { 'If-Match': '"5"' });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"6"');
    expect((await call('DELETE', `/offers/${id}`, undefined, 'a', { 'If-Match': 'nonsense' })).status).toBe(400);
  });

  it('F9: a PATCH racing a DELETE never recreates the offer (30 rounds)', async () => {
    for (let round = 0; round < 30; round++) {
      const { id } = await offer();
      const [patch, del] = await Promise.all([call('PATCH', `/offers/${id}`, { price: round + 1 }, 'a'), call('DELETE', `/offers/${id}`, undefined, 'a')]);
      expect(del.status).toBe(204);
      expect([200, 404]).toContain(patch.status);
      expect((await call('GET', `/offers/${id}`)).status, `round ${round}`).toBe(404);
    }
  });

  it('F5: a stray byte in a UTF-8 CSV is a 400 naming the row and byte; declared GB18030 is read', async () => {
    const csv = Buffer.concat([Buffer.from('id,name\nhard.u1,南京测试大学\nhard.u2,东南测试'), Buffer.from([0xff]), Buffer.from('大学\n')]);
    const res = await upload('universities', csv, 'u.csv');
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringMatching(/^not valid UTF-8: line 3, byte \d+/) })]);
    // "hard.u3,测试" in GB18030, declared.
    const gb = Buffer.concat([Buffer.from('id,name\nhard.u3,'), Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0xb4, 0xf3, 0xd1, 0xa7]), Buffer.from('\n')]);
    expect((await upload('universities', gb, 'g.csv')).status).toBe(400);
    const declared = await upload('universities', gb, 'g.csv', '?encoding=gb18030');
    expect(declared.status).toBe(200);
    const [stored] = await graph.query<{ name: string }>("MATCH (u:University {id: 'hard.u3'}) RETURN u.name AS name");
    expect(stored.name).toBe('测试大学');
  });

  it('F5: NUL and whitespace-only names are 400 naming row and field', async () => {
    const res = await upload('universities', Buffer.from('id,name\nhard.u4,A\u0000B\nhard.u5,\u3000\u3000\n'), 'c.csv');
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toEqual([
      expect.objectContaining({ row: 1, path: 'name', message: expect.stringContaining('U+0000') }),
      expect.objectContaining({ row: 2, path: 'name' }),
    ]);
  });

  it('F5: request bodies too — a blank or NUL-bearing offer title and a control character in a description are 400 naming the field; tabs and line breaks in a description are kept', async () => {
    const base = { kind: 'site', ownerId: firm, parkId: 'hard.park', areaM2: 2000, price: 30 };
    for (const [title, description] of [
      ['\u3000 \u200B', ''],
      ['厂房\u0000', ''],
      ['厂房', '洁净\u0007车间'],
    ]) {
      const res = await call('POST', '/offers', { ...base, id: `hard.text${++n}`, title, description }, 'a');
      expect(res.status, JSON.stringify(title + description)).toBe(400);
      const { errors } = await res.json();
      expect(errors.map((e: { path: string }) => e.path)).toEqual([description ? 'body.description' : 'body.title']);
    }
    const kept = await call('POST', '/offers', { ...base, id: `hard.text${++n}`, title: '  洁净厂房  ', description: '一层：洁净车间\n二层：仓库\t备用' }, 'a');
    expect(kept.status).toBe(201);
    expect(await kept.json()).toMatchObject({ title: '洁净厂房', description: '一层：洁净车间\n二层：仓库\t备用' });
  });

  it('F7: a 20,000-character product name in a chain template is a 400 naming the field, not a 500', async () => {
    const template = {
      id: 'hard-chain',
      name: '加固测试链',
      nameEn: 'Hardening chain',
      assumed: true,
      description: '测试',
      feeds: [],
      inputTo: [],
      segments: [
        {
          id: 'hard-chain.s',
          name: '环节',
          nameEn: 'Segment',
          stage: 'midstream',
          order: 1,
          description: '测试',
          keywords: ['测试'],
          topics: ['测试'],
          products: [{ id: 'hard-chain.s.p', name: '长'.repeat(20_000), nameEn: 'Product' }],
        },
      ],
    };
    const res = await upload('chains', Buffer.from(JSON.stringify(template)), 'chain.json');
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ path: 'segments.0.products.0.name' })]);
  });
});
