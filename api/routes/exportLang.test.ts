import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph, PartnerResult } from '../../engine/index.ts';
import { headerRowOf } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';
import { hashKey } from '../config.ts';
// Segment, product and alliance names are data and stay as recorded: an English reason is checked without them.
import { cjk, withoutNames } from '../../scripts/test/englishText.ts';

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
/** The header row and the rows under it, found by the header's first cell (a demo-data note may come first). */
function csvTable(text: string, firstHeader: string) {
  const rows = csvRows(text);
  const at = rows.findIndex((r) => r[0] === firstHeader);
  expect(at, `a header row starting with ${firstHeader}`).toBeGreaterThanOrEqual(0);
  const header = rows[at]!;
  return { header, rows: rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** Exports in the user's language (issue 16 item 4/5): `?lang=en` on every CSV/XLSX route, Chinese by default. */
describe('exports in English and Chinese (?lang=)', { timeout: 300_000 }, () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const url = (path: string) => `${api.base}/api/v1${path}`;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(url(path), {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer key-lang' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const fill = { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 5 };

  beforeAll(async () => {
    graph = await seededGraph();
    // A first partner list or chain report is computed cold; on a loaded shared machine that can pass the 30 s default deadline.
    api = await startTestServer(graph, { keys: [{ owner: '导出测试', sha256: hashKey('key-lang'), scopes: ['write', 'match'] }], requestTimeoutMs: 240_000 });
  });
  afterAll(async () => {
    await graph.run("MATCH (m:Match) WHERE m.createdBy = '导出测试' DELETE m");
    await api?.close();
    await graph?.close();
  });

  it('a 补链 candidate list in English: English headers, words and reasons, the same rows as in Chinese', async () => {
    const en = await send('POST', '/match/partners?format=csv&lang=en', fill);
    expect(en.status).toBe(200);
    const english = csvTable(await en.text(), 'Rank');
    expect(english.header).toEqual(expect.arrayContaining(['Firm', 'Demo data', 'Size', 'Tags', 'Evidence', 'Reason']));
    expect(english.header.join(' ')).not.toMatch(cjk);
    expect(english.rows.length).toBeGreaterThan(0);
    for (const row of english.rows) {
      expect(row.Reason, row.Firm).toMatch(/in the segment “/);
      expect(withoutNames(row.Reason!), row.Reason).not.toMatch(cjk);
      expect(['Yes', 'No']).toContain(row['Demo data']);
      expect(['Strong', 'Medium', 'Weak']).toContain(row.Evidence);
      expect(row.Size).not.toMatch(cjk);
    }
    const zh = csvTable(await (await send('POST', '/match/partners?format=csv', fill)).text(), '排名');
    expect(zh.rows.map((r) => r['企业名称'])).toEqual(english.rows.map((r) => r.Firm));
    expect(zh.rows[0]!['推荐理由']).toMatch(/^属于「/);
  });

  it('the gap list and the three-sheet chain report in English, with the context block and local time in English', async () => {
    const gaps = csvTable(await (await send('GET', '/chains/biomed/gaps?format=csv&lang=en')).text(), 'List');
    const cdmo = gaps.rows.find((r) => r['Segment id'] === 'biomed.cdmo')!;
    expect(cdmo).toMatchObject({
      List: 'Gap',
      Segment: 'Contract Development & Manufacturing (CDMO)',
      'Gap class': 'Broken',
      Action: 'Fill',
      'Priority measure': 'local demand left unmet',
    });
    expect(cdmo.Reasons).not.toMatch(cjk);

    const res = await send('GET', '/chains/biomed/report?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('chain-report-biomed.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Chain map — Biomedicine', 'Gap list — Biomedicine', 'Candidates — Biomedicine']);
    const candidates = book.worksheets[2]!;
    const header = headerRowOf(candidates);
    const lines = Array.from({ length: header - 1 }, (_, i) => String(candidates.getRow(i + 1).getCell(1).value));
    expect(lines).toEqual(expect.arrayContaining(['Chain: Biomedicine']));
    expect(lines.find((l) => l.startsWith('Exported: '))).toMatch(/^Exported: \d{4}-\d\d-\d\d \d\d:\d\d \(Beijing time\)$/);
    const headers = (candidates.getRow(header).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 3)).toEqual(['Mode', 'Rank', 'Firm']);
    const reasonColumn = headers.indexOf('Reason') + 1;
    const modes = new Set<string>();
    for (let r = header + 1; r <= candidates.rowCount; r++) {
      modes.add(String(candidates.getRow(r).getCell(1).value));
      const reason = String(candidates.getRow(r).getCell(reasonColumn).value);
      expect(withoutNames(reason), reason).not.toMatch(cjk);
    }
    expect([...modes].every((m) => ['Fill', 'Strengthen', 'Extend'].includes(m))).toBe(true);
  });

  it('a tracked match recorded with its messages exports its reason in English; without them the Chinese reason stays', async () => {
    const answer = (await (await send('POST', '/match/partners', fill)).json()) as PartnerResult;
    const [first, second] = answer.candidates;
    const record = (c: typeof first, explanation: unknown) =>
      send('POST', '/matches', {
        kind: 'partner',
        subjectId: 'biomed.cdmo',
        candidateId: c!.id,
        candidateName: c!.name,
        chainId: 'biomed',
        score: c!.score,
        explanation,
      });
    const { signals, paths, confidence, reason, reasonParts } = first!.explanation;
    // As the viewer records it now: the reason and details with their messages.
    expect((await record(first, { signals, paths: paths.slice(0, 40), confidence, reason, reasonParts })).status).toBe(201);
    // As an older client did: text only.
    const old = second!.explanation;
    const textOnly = { signals: old.signals.map(({ detailParts: _, ...s }) => s), paths: [], confidence: old.confidence, reason: old.reason };
    expect((await record(second, textOnly)).status).toBe(201);

    const en = csvTable(await (await send('GET', '/matches?format=csv&lang=en&chainId=biomed')).text(), 'Id');
    expect(en.header).toEqual(expect.arrayContaining(['Kind', 'Status', 'Reason', 'Owner', 'Recorded (Beijing time)']));
    const row = (name: string) => en.rows.find((r) => r.Recommended!.startsWith(name))!;
    expect(row(first!.name)).toMatchObject({ Kind: 'Fill/strengthen/extend', Status: 'Proposed', Owner: '导出测试' });
    expect(withoutNames(row(first!.name).Reason!)).not.toMatch(cjk);
    expect(row(second!.name).Reason).toBe(old.reason);

    const zh = csvTable(await (await send('GET', '/matches?format=csv&chainId=biomed')).text(), '编号');
    expect(zh.rows.find((r) => r['推荐对象']!.startsWith(first!.name))).toMatchObject({ 状态: '待联系', 推荐理由: reason });
  });

  it('refuses a language it does not have, naming `lang`', async () => {
    for (const [method, path] of [
      ['GET', '/chains/biomed/gaps?format=csv&lang=fr'],
      ['GET', '/chains/biomed/report?lang=de'],
      ['GET', '/matches?format=csv&lang=EN'],
      ['POST', '/match/partners?format=csv&lang=zh-CN'],
    ]) {
      const res = await send(method!, path!, method === 'POST' ? fill : undefined);
      expect(res.status, path).toBe(400);
      expect(
        (await res.json()).errors.map((e: { path: string }) => e.path),
        path,
      ).toContain('query.lang');
    }
  });
});
