import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandMatches, Explanation, Graph, MatchRecord } from '../../engine/index.ts';
import { headerRowOf } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';
import { hashKey } from '../config.ts';

const explanation: Explanation = {
  signals: [
    { signal: 'size', value: 0.8, weight: 0.25, contribution: 0.2, detail: '面积合适' },
    { signal: 'price', value: 0.6, weight: 0.2, contribution: 0.12, detail: '价格适中' },
  ],
  paths: [],
  confidence: 'medium',
  reason: '测试推荐',
};
type Status = MatchRecord['status'];
const statuses: Status[] = ['proposed', 'contacted', 'agreed', 'declined'];
/** Every move the lifecycle refuses (proposed → contacted → agreed | declined; a proposal may be declined). */
const invalid: [Status, Status][] = [
  ['proposed', 'proposed'],
  ['proposed', 'agreed'],
  ['contacted', 'proposed'],
  ['contacted', 'contacted'],
  ...statuses.map((to) => ['agreed', to] as [Status, Status]),
  ...statuses.map((to) => ['declined', to] as [Status, Status]),
];
const pathTo: Record<Status, Status[]> = { proposed: [], contacted: ['contacted'], agreed: ['contacted', 'agreed'], declined: ['contacted', 'declined'] };

describe('match tracking API', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let n = 0;
  const url = (path: string) => `${api.base}/api/v1${path}`;
  const send = (method: string, path: string, body?: unknown, key = 'key-officer') =>
    fetch(url(path), {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // Matches name things that exist (a 404 otherwise): each test's pair is two seed firms of its own.
  let firms: string[] = [];
  const record = async (extra: Record<string, unknown> = {}): Promise<MatchRecord> => {
    n++;
    const res = await send('POST', '/matches', {
      kind: 'resource',
      subjectId: firms[2 * n],
      candidateId: firms[2 * n + 1],
      score: 0.32,
      explanation,
      note: '系统推荐',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.json();
  };
  const moveTo = async (status: Status): Promise<MatchRecord> => {
    let m = await record();
    for (const s of pathTo[status]) m = await (await send('PATCH', `/matches/${m.id}`, { status: s })).json();
    expect(m.status).toBe(status);
    return m;
  };

  beforeAll(async () => {
    graph = await seededGraph();
    firms = (await graph.query<{ id: string }>('MATCH (e:Enterprise) RETURN e.id AS id ORDER BY e.id LIMIT 400')).map((r) => r.id);
    api = await startTestServer(graph, {
      keys: [
        { owner: '王处长', sha256: hashKey('key-officer'), scopes: ['write'] },
        { owner: '赵科员', sha256: hashKey('key-clerk'), scopes: ['write'] },
      ],
    });
  });
  afterAll(async () => {
    await graph.run("MATCH (m:Match) WHERE m.subjectId STARTS WITH 'apitest.' OR m.createdBy IN ['王处长', '赵科员'] DELETE m");
    await api.close();
    await graph.close();
  });

  it('refuses a match between ids that name nothing with 404 naming each field, and writes nothing', async () => {
    const res = await send('POST', '/matches', { kind: 'partner', subjectId: 'apitest.nothing', candidateId: firms[0], score: 0.3, explanation });
    expect(res.status).toBe(404);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(['body.subjectId']);
    const both = await send('POST', '/matches', {
      kind: 'partner',
      subjectId: 'apitest.nothing',
      candidateId: 'apitest.nothing.either',
      score: 0.3,
      explanation,
    });
    expect((await both.json()).errors.map((e: { path: string }) => e.path)).toEqual(['body.subjectId', 'body.candidateId']);
    const [{ count }] = await graph.query<{ count: number }>("MATCH (m:Match) WHERE m.subjectId = 'apitest.nothing' RETURN count(m) AS count");
    expect(count).toBe(0);
    // A need typed in words has no node of its own (`text.<hash>`): only its candidate must exist.
    expect((await send('POST', '/matches', { kind: 'pairing', subjectId: 'text.0badc0de', candidateId: firms[1], score: 0.3, explanation })).status).toBe(201);
    expect(
      (await send('POST', '/matches', { kind: 'pairing', subjectId: 'text.0badc0de', candidateId: 'apitest.nothing', score: 0.3, explanation })).status,
    ).toBe(404);
  });

  it.each(invalid)('refuses %s → %s with 409 and leaves the match as it was', async (from, to) => {
    const m = await moveTo(from);
    const res = await send('PATCH', `/matches/${m.id}`, { status: to, note: '不应生效' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toContain(from);
    const after: MatchRecord = await (await fetch(url(`/matches/${m.id}`))).json();
    expect(after.status).toBe(from);
    expect(after.history).toHaveLength(m.history.length);
  });

  it('moves a match through its lifecycle, keeping who, when and why', async () => {
    const m = await record();
    expect(m).toMatchObject({ status: 'proposed', createdBy: '王处长', score: 0.32, explanation });
    // Only the owner (or an admin) moves a match: another write key is 403 (issue 15 F2).
    expect((await send('PATCH', `/matches/${m.id}`, { status: 'contacted', note: '已电话联系' }, 'key-clerk')).status).toBe(403);
    const contacted = await (await send('PATCH', `/matches/${m.id}`, { status: 'contacted', note: '已电话联系' })).json();
    const agreed: MatchRecord = await (await send('PATCH', `/matches/${m.id}`, { status: 'agreed', note: '签约入驻' })).json();
    expect(contacted.status).toBe('contacted');
    expect(agreed.history.map((h) => [h.from, h.to, h.actor, h.note])).toEqual([
      [null, 'proposed', '王处长', '系统推荐'],
      ['proposed', 'contacted', '王处长', '已电话联系'],
      ['contacted', 'agreed', '王处长', '签约入驻'],
    ]);
    for (const h of agreed.history) expect(Date.parse(h.at)).not.toBeNaN();
    const declinedEarly = await record();
    expect((await send('PATCH', `/matches/${declinedEarly.id}`, { status: 'declined', note: '企业无意向' })).status).toBe(200);
  });

  it('answers unknown ids with 404, bad bodies with 400, duplicates with 409 and writes without a key with 401', async () => {
    expect((await send('PATCH', '/matches/match.nope', { status: 'contacted' })).status).toBe(404);
    const bad = await send('PATCH', '/matches/match.nope', { status: 'done' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('body.status');
    const m = await record();
    const again = await send('POST', '/matches', { kind: 'resource', subjectId: m.subjectId, candidateId: m.candidateId, score: 0.3, explanation });
    expect(again.status).toBe(409);
    expect((await postJson(url('/matches'), { kind: 'resource', subjectId: 'apitest.x', candidateId: 'apitest.y', score: 0.3, explanation })).status).toBe(401);
    // A declined pair may be proposed again, as a new match.
    await send('PATCH', `/matches/${m.id}`, { status: 'declined' });
    const retry = await send('POST', '/matches', { kind: 'resource', subjectId: m.subjectId, candidateId: m.candidateId, score: 0.3, explanation });
    expect(retry.status).toBe(201);
    expect((await retry.json()).id).not.toBe(m.id);
  });

  it('lists with filters and cursor pages, and exports CSV and XLSX', async () => {
    for (let i = 0; i < 3; i++) await record({ kind: 'partner', chainId: 'biomed' });
    const pages: MatchRecord[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: MatchRecord[]; nextCursor: string | null } = await (
        await fetch(url(`/matches?kind=partner&chainId=biomed&limit=2${cursor ? `&cursor=${cursor}` : ''}`))
      ).json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      pages.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pages.map((m) => m.id)).size).toBe(pages.length);
    for (const m of pages) expect(m).toMatchObject({ kind: 'partner', chainId: 'biomed' });
    for (let i = 1; i < pages.length; i++) expect(pages[i - 1].createdAt >= pages[i].createdAt).toBe(true);
    const proposed: { items: MatchRecord[] } = await (await fetch(url('/matches?status=declined&limit=200'))).json();
    for (const m of proposed.items) expect(m.status).toBe('declined');
    expect((await fetch(url('/matches?cursor=not%20a%20cursor!'))).status).toBe(400);

    const csv = await fetch(url('/matches?kind=partner&chainId=biomed&format=csv'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // Other journeys may have recorded demo firms under partner/biomed: then a warning line comes first.
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const header = lines.findIndex((l) => l.includes('推荐对象'));
    expect(header).toBe(pages.some((m) => m.demo) ? 1 : 0);
    expect(lines.length).toBe(header + pages.length + 1);
    // The board's words, the chain by name and local time: the file reads like the screen it came from.
    const columns = parse(lines.slice(header).join('\n'), { columns: true }) as Record<string, string>[];
    const statusWords = { proposed: '待联系', contacted: '已联系', agreed: '已达成', declined: '已放弃' } as const;
    expect(columns.map((r) => r['状态'])).toEqual(pages.map((m) => statusWords[m.status]));
    expect(new Set(columns.map((r) => r['产业链']))).toEqual(new Set(['生物医药']));
    for (const r of columns) expect(r['记录时间（北京时间）']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const xlsx = await fetch(url('/matches?format=xlsx&kind=partner'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(headerRowOf(sheet)).getCell(3).value).toBe('状态');
  });

  it('says when either side of a tracked match is demo data, in JSON and in the CSV/XLSX export', async () => {
    const [fake] = await graph.query<{ id: string; name: string }>(
      "MATCH (e:Enterprise {source: 'synthetic', local: false}) RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1",
    );
    const [real] = await graph.query<{ id: string; name: string }>(
      "MATCH (e:Enterprise {source: 'article'}) WHERE e.name CONTAINS '正大天晴' RETURN e.id AS id, e.name AS name",
    );
    const chainId = 'apitest-demo';
    const demoRes = await send('POST', '/matches', {
      kind: 'partner',
      subjectId: 'biomed.cdmo',
      candidateId: fake.id,
      candidateName: fake.name,
      chainId,
      score: 0.5,
      explanation,
    });
    const demo: MatchRecord = await demoRes.json();
    expect(demo).toMatchObject({ subjectDemo: false, candidateDemo: true, demo: true });
    const realMatch: MatchRecord = await (
      await send('POST', '/matches', {
        kind: 'partner',
        subjectId: 'biomed.api',
        candidateId: real.id,
        candidateName: real.name,
        chainId,
        score: 0.5,
        explanation,
      })
    ).json();
    expect(realMatch).toMatchObject({ subjectDemo: false, candidateDemo: false, demo: false });
    // A demo firm as the subject (a pairing for a generated enterprise) marks the match too.
    const [university] = await graph.query<{ id: string }>("MATCH (u:ResearchUnit {source: 'article'}) RETURN u.id AS id ORDER BY u.id LIMIT 1");
    const subject: MatchRecord = await (
      await send('POST', '/matches', { kind: 'pairing', subjectId: fake.id, candidateId: university.id, chainId, score: 0.4, explanation })
    ).json();
    expect(subject).toMatchObject({ subjectDemo: true, candidateDemo: false, demo: true });

    expect(await (await fetch(url(`/matches/${demo.id}`))).json()).toMatchObject({ demo: true, candidateDemo: true });
    expect(await (await send('PATCH', `/matches/${realMatch.id}`, { status: 'contacted' })).json()).toMatchObject({ status: 'contacted', demo: false });
    const listed: { items: MatchRecord[] } = await (await fetch(url(`/matches?chainId=${chainId}&kind=partner`))).json();
    expect(Object.fromEntries(listed.items.map((m) => [m.candidateId, m.demo]))).toEqual({ [fake.id]: true, [real.id]: false });

    const lines = (await (await fetch(url(`/matches?chainId=${chainId}&format=csv`))).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('本表含 2 条演示数据');
    const demoAt = lines[1].split(',').indexOf('演示数据');
    expect(demoAt).toBeGreaterThan(0);
    const byId = Object.fromEntries(lines.slice(2).map((l) => [l.split(',')[0], l.split(',')[demoAt]]));
    expect(byId).toEqual({ [demo.id]: '是', [realMatch.id]: '否', [subject.id]: '是' });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(url(`/matches?chainId=${chainId}&format=xlsx`))).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = headerRowOf(sheet);
    expect(String(sheet.getRow(header - 1).getCell(1).value)).toContain('演示数据');
    const col = (sheet.getRow(header).values as unknown[]).indexOf('演示数据');
    const cells = Object.fromEntries([1, 2, 3].map((r) => [sheet.getRow(header + r).getCell(1).value, sheet.getRow(header + r).getCell(col).value]));
    expect(cells).toEqual({ [demo.id]: '是', [realMatch.id]: '否', [subject.id]: '是' });
  });

  it('reports per-signal acceptance and bounded weight suggestions', async () => {
    const stats = await (await fetch(url('/matches/stats?kind=resource'))).json();
    const [resource] = stats.kinds;
    expect(resource.kind).toBe('resource');
    expect(resource.byStatus.agreed).toBeGreaterThanOrEqual(1);
    expect(resource.byStatus.declined).toBeGreaterThanOrEqual(1);
    const size = resource.signals.find((s: { signal: string }) => s.signal === 'size');
    expect(size).toMatchObject({ weight: 0.25, agreed: { mean: 0.8 } });
    expect(Object.values(resource.weights as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('does not propose a declined resource pair again unless asked', async () => {
    const sites: { id: string }[] = (await (await fetch(url('/demands?kind=site&limit=100'))).json()).items;
    let demandId = '';
    let top = '';
    for (const d of sites) {
      const r = (await (await postJson(url('/match/resources'), { demandId: d.id, limit: 3 })).json()) as DemandMatches;
      if (r.candidates.length > 0) {
        demandId = d.id;
        top = r.candidates[0].offer.id;
        break;
      }
    }
    expect(top).not.toBe('');
    const m = await record({ subjectId: demandId, candidateId: top });
    await send('PATCH', `/matches/${m.id}`, { status: 'declined', note: '园区不合适' });
    const hidden = (await (await postJson(url('/match/resources'), { demandId, limit: 10 })).json()) as DemandMatches;
    expect(hidden.candidates.map((c) => c.offer.id)).not.toContain(top);
    expect(hidden.declinedHidden).toBe(1);
    const shown = (await (await postJson(url('/match/resources'), { demandId, limit: 10, includeDeclined: true })).json()) as DemandMatches;
    expect(shown.candidates.map((c) => c.offer.id)).toContain(top);
  });
});
