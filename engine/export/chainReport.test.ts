import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { ChainMatchEngine } from '../chainMatchEngine.ts';
import type { Graph } from '../graph/graph.ts';
import { chainReport } from './chainReport.ts';
import { headerRowOf, tableToXlsx } from './workbook.ts';

describe('the chain report', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  it('has the map, the gaps and the top candidates of each kind of gap, one XLSX sheet each', async () => {
    const tables = await chainReport(new ChainMatchEngine(graph), 'biomed', { limit: 3 });
    expect(tables.map((t) => t.title)).toEqual(['生物医药产业链图谱', '生物医药缺口清单', '生物医药候选企业']);
    const [map, gaps, candidates] = tables;
    expect(map.rows).toHaveLength(14);
    expect(map.rows.map((r) => r.order)).toEqual([...map.rows.map((r) => r.order as number)].sort((a, b) => a - b));
    expect(gaps.rows.find((r) => r.id === 'biomed.cdmo')).toMatchObject({ list: '缺口', class: '断链', action: '补链', basis: '未满足的本地需求' });
    // 延链 opportunities follow the gaps as a list of their own, ranked on their own measure.
    expect(gaps.rows.find((r) => r.id === 'biomed.medical-service')).toMatchObject({ list: '延链机会', rank: 1, basis: '相邻的本地产出' });
    // 补链 for the CDMO gap, 强链 for the weak segments, 延链 for the extension: at most 3 of each.
    expect(new Set(candidates.rows.map((r) => r.mode))).toEqual(new Set(['补链', '强链', '延链']));
    expect(candidates.rows.length).toBeLessThanOrEqual(9);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableToXlsx(tables)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.title));
    // Each sheet names its chain above the headers, which are frozen and filtered.
    const gapSheet = book.worksheets[1];
    expect(gapSheet.getRow(1).getCell(1).value).toBe('生物医药缺口清单');
    expect(gapSheet.getRow(2).getCell(1).value).toBe('产业链：生物医药');
    expect(gapSheet.getRow(headerRowOf(gapSheet)).getCell(1).value).toBe('清单');
    expect(gapSheet.rowCount).toBe(headerRowOf(gapSheet) + gaps.rows.length);
  });

  it('marks demo data in every sheet: a warning line above the headers, a 演示数据 column, and generated firms named as such', async () => {
    const tables = await chainReport(new ChainMatchEngine(graph), 'biomed', { limit: 3 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableToXlsx(tables)) as unknown as ArrayBuffer);
    for (const [i, table] of tables.entries()) {
      expect(table.note, table.title).toMatch(/^注意：本表含 \d+ 条演示数据/);
      const header = headerRowOf(book.worksheets[i]);
      expect(book.worksheets[i].getRow(header - 1).getCell(1).value).toBe(table.note);
      expect(book.worksheets[i].getRow(header).values).toContain('演示数据');
    }
    const [map, gaps, candidates] = tables;
    // A segment row is demo data when it counts a generated local firm; CDMO (planted missing) has none.
    const [{ n }] = await graph.query<{ n: number }>(
      "MATCH (:Segment {id: 'biomed.api'})<-[:IN_SEGMENT]-(e:Enterprise {local: true, source: 'synthetic'}) RETURN count(e) AS n",
    );
    expect(map.rows.find((r) => r.id === 'biomed.api')).toMatchObject({ demoFirms: n, demo: n > 0 ? '是' : '否' });
    expect(map.rows.find((r) => r.id === 'biomed.cdmo')).toMatchObject({ demoFirms: 0, demo: '否' });
    expect(gaps.rows.filter((r) => r.demo === '是').every((r) => `${r.topFirms}${r.outsideSuppliers}`.includes('（演示数据）'))).toBe(true);
    expect(candidates.rows.every((r) => r.demo === '是' || r.demo === '否')).toBe(true);
  });
});
