import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph, PartnerResult } from '../../engine/index.ts';
import { headerRowOf } from '../../engine/index.ts';
import { pathExists } from '../../scripts/test/pathExists.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';
import { plantedGaps } from '../../seed/generate/plantedGaps.ts';

describe('chain intelligence API on the seed', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('lists the seven chains with their local firm counts', async () => {
    const body = await (await fetch(`${api.base}/api/v1/chains`)).json();
    expect(body.items).toHaveLength(7);
    expect(body.items.find((c: { id: string }) => c.id === 'biomed')).toMatchObject({ name: '生物医药', localFirms: 300 });
  });

  it('draws the chain map with every segment, its figures and the FEEDS flows', async () => {
    const map = await (await fetch(`${api.base}/api/v1/chains/biomed/map`)).json();
    expect(map.segments).toHaveLength(14);
    expect(map.feeds.length).toBe(32);
    const cdmo = map.segments.find((s: { segmentId: string }) => s.segmentId === 'biomed.cdmo');
    expect(cdmo.metrics.localFirmCount).toBe(0);
    expect(cdmo.metrics.localDemand).toBeGreaterThan(0);
    expect(map.totals.localFirms).toBe(300);
    expect(map.feeds.some((f: { localDemand: number }) => f.localDemand > 0)).toBe(true);
  });

  it.each(Object.entries(plantedGaps))('reports the planted gaps of %s', async (chainId, planted) => {
    const report = await (await fetch(`${api.base}/api/v1/chains/${chainId}/gaps`)).json();
    const gap = (id: string) => report.gaps.find((g: { segmentId: string }) => g.segmentId === id);
    for (const id of planted.missing) expect(gap(id)?.action, id).toBe('fill');
    for (const id of planted.dominant) {
      expect(gap(id)?.class, id).toBe('weak');
      expect(gap(id).reasons).toContain('single-supplier');
    }
    // 延链 opportunities are a list of their own, never in the gap ranking.
    const extension = (id: string) => report.extensions.find((g: { segmentId: string }) => g.segmentId === id);
    for (const id of planted.beyondEnds) {
      expect(extension(id)?.class, id).toBe('extension');
      expect(gap(id), id).toBeUndefined();
    }
    for (const g of report.gaps) expect(g.score >= 0 && g.score <= 1).toBe(true);
    for (let i = 1; i < report.gaps.length; i++) expect(report.gaps[i - 1].priority).toBeGreaterThanOrEqual(report.gaps[i].priority);
  });

  it('lists the dominant supplier among the single points of failure', async () => {
    const body = await (await fetch(`${api.base}/api/v1/chains/biomed/resilience`)).json();
    const [dominant] = await graph.query<{ id: string }>(
      "MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(:Segment {id: 'biomed.excipient'}) RETURN e.id AS id ORDER BY e.revenueWan DESC LIMIT 1",
    );
    expect(body.singlePointsOfFailure.map((s: { id: string }) => s.id)).toContain(dominant.id);
  });

  it('recommends ≥ 5 candidates for a planted gap, each with signals and paths that exist in the graph', async () => {
    const res = await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 8 });
    expect(res.status).toBe(200);
    const result = (await res.json()) as PartnerResult;
    expect(result.candidates.length).toBeGreaterThanOrEqual(5);
    for (const c of result.candidates) {
      expect(c.local).toBe(false);
      expect(c.explanation.signals.map((s) => s.signal).sort()).toEqual(['buyers', 'channel', 'fit', 'scale', 'ties', 'tier'].sort()); // the 补链 signals (config partnerModeWeights.fill)
      expect(c.score).toBeCloseTo(
        c.explanation.signals.reduce((s, x) => s + x.contribution, 0),
        2,
      );
      expect(c.explanation.reason.length).toBeGreaterThan(4);
      expect(c.explanation.paths.length).toBeGreaterThan(0);
      for (const p of c.explanation.paths) expect(await pathExists(graph, p), JSON.stringify(p)).toBe(true);
    }
  });

  it('exports the candidate list as CSV and XLSX with Chinese headers, a 演示数据 column and a first line warning of demo rows', async () => {
    const body = { chainId: 'ai', mode: 'fill', limit: 6 };
    const json = (await (await postJson(`${api.base}/api/v1/match/partners`, body)).json()) as PartnerResult;
    const demoRows = json.candidates.filter((c) => c.demo).length;
    expect(demoRows).toBeGreaterThan(0); // the seed's outside pool is generated
    const csv = await (await postJson(`${api.base}/api/v1/match/partners?format=csv`, body)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain(`本表含 ${demoRows} 条演示数据`);
    const header = lines[1].split(',');
    expect(header).toContain('企业名称');
    const demoAt = header.indexOf('演示数据');
    expect(lines.slice(2).map((l) => l.split(',')[demoAt])).toEqual(json.candidates.map((c) => (c.demo ? '是' : '否')));
    expect(lines).toHaveLength(8);

    const xlsx = await postJson(`${api.base}/api/v1/match/partners?format=xlsx`, body);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headerAt = headerRowOf(sheet);
    // The block above the headerAts says which chain, mode and target the list answers, and warns of demo data.
    expect(sheet.getRow(1).getCell(1).value).toBe('补链候选企业');
    const block = Array.from({ length: headerAt - 1 }, (_, i) => String(sheet.getRow(i + 1).getCell(1).value));
    expect(block).toEqual(expect.arrayContaining(['产业链：人工智能', '链策：补链', '目标环节：智能芯片', '筛选条件：无']));
    expect(block.at(-1)).toContain('演示数据');
    expect(sheet.getRow(headerAt).getCell(2).value).toBe('企业名称');
    expect(sheet.getRow(headerAt).getCell(3).value).toBe('演示数据');
    expect(json.candidates.map((_, i) => sheet.getRow(headerAt + 1 + i).getCell(3).value)).toEqual(json.candidates.map((c) => (c.demo ? '是' : '否')));
    expect(sheet.rowCount).toBe(headerAt + json.candidates.length);
  });

  it('marks partner candidates that are demo data: generated firms are, the article’s 南京高光半导体 is not', async () => {
    const lists = await Promise.all(
      [
        postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 10 }),
        // 强链 lists local firms too; 高光 (source: article) sits in this weak segment.
        postJson(`${api.base}/api/v1/match/partners`, { chainId: 'electronics', segmentId: 'electronics.display-materials', mode: 'strengthen', limit: 100 }),
      ].map(async (r) => ((await (await r).json()) as PartnerResult).candidates),
    );
    const candidates = lists.flat();
    const sources = new Map(
      (
        await graph.query<{ id: string; source: string }>('MATCH (e:Enterprise) WHERE e.id IN $ids RETURN e.id AS id, e.source AS source', {
          ids: candidates.map((c) => c.id),
        })
      ).map((r) => [r.id, r.source]),
    );
    for (const c of candidates) expect(c.demo, c.name).toBe(sources.get(c.id) === 'synthetic');
    expect(lists[0].every((c) => c.demo)).toBe(true);
    expect(lists[1].find((c) => c.name === '南京高光半导体')?.demo).toBe(false);
  });

  it('exports the gap list as CSV and the chain report as an XLSX with one sheet per part', async () => {
    const csv = await (await fetch(`${api.base}/api/v1/chains/biomed/gaps?format=csv`)).text();
    expect(csv.split('\n').length).toBeGreaterThan(3);
    expect(csv).toContain('合同研发生产（CDMO）');
    // The gap rows name generated firms: the file says so first, the column and the names too.
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^注意：本表含 \d+ 条演示数据/);
    expect(lines[1].split(',').at(-1)).toBe('演示数据');
    expect(lines.slice(2).some((l) => l.endsWith(',是'))).toBe(true);
    expect(csv).toContain('（演示数据）');
    const res = await fetch(`${api.base}/api/v1/chains/biomed/report`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(3);
    expect(book.worksheets[0].rowCount).toBe(headerRowOf(book.worksheets[0]) + 14); // title block, header, 14 segments
    for (const sheet of book.worksheets) {
      expect(String(sheet.getRow(headerRowOf(sheet) - 1).getCell(1).value), sheet.name).toContain('演示数据');
      expect(sheet.getRow(headerRowOf(sheet)).values, sheet.name).toContain('演示数据');
    }
  });

  it('what-if: attracting a recommended CDMO removes the missing segment, without writing', async () => {
    const before = await graph.query<{ n: number }>('MATCH (e:Enterprise {local: true}) RETURN count(e) AS n');
    const rec = (await (
      await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 1 })
    ).json()) as PartnerResult;
    const res = await postJson(`${api.base}/api/v1/chains/biomed/what-if`, { add: [rec.candidates[0].id] });
    const body = await res.json();
    const row = body.rows.find((r: { segmentId: string }) => r.segmentId === 'biomed.cdmo');
    expect(['missing', 'broken']).toContain(row.before.class);
    expect(['missing', 'broken']).not.toContain(row.after.class);
    expect(await graph.query('MATCH (e:Enterprise {local: true}) RETURN count(e) AS n')).toEqual(before);
  });

  it('answers bad input with problem+json naming the field, and unknown chains with 404', async () => {
    const bad = await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', mode: 'grow', limit: 1000, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const paths = (await bad.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.mode', 'body.limit']));
    const missing = await fetch(`${api.base}/api/v1/chains/nope/gaps`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toContain('nope');
    const seg = await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', segmentId: 'ai.chip', mode: 'fill' });
    expect(seg.status).toBe(404);
  });
});
