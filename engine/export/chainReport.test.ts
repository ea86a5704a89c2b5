import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { ChainMatchEngine } from '../chainMatchEngine.ts';
import type { Graph } from '../graph/graph.ts';
import { chainReport } from './chainReport.ts';
import { tableToXlsx } from './tables.ts';

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
    expect(gaps.rows.find((r) => r.id === 'biomed.cdmo')).toMatchObject({ class: '断链', action: '补链' });
    // 补链 for the CDMO gap, 强链 for the weak segments, 延链 for the extension: at most 3 of each.
    expect(new Set(candidates.rows.map((r) => r.mode))).toEqual(new Set(['补链', '强链', '延链']));
    expect(candidates.rows.length).toBeLessThanOrEqual(9);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableToXlsx(tables)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.title));
    expect(book.worksheets[1].getRow(1).getCell(1).value).toBe('排名');
  });
});
