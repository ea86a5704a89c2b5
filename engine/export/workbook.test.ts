import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { localTime } from './exportContext.ts';
import { demoCell, demoColumn, withDemoNote, type Table } from './tables.ts';
import { headerRowOf, tableToXlsx } from './workbook.ts';

const table = (demos: boolean[]): Table =>
  withDemoNote({
    title: '补链候选企业',
    context: [
      { label: '产业链', value: '生物医药' },
      { label: '筛选条件', value: '省份：江苏' },
    ],
    columns: [{ key: 'name', header: '企业名称' }, { key: 'size', header: '企业规模' }, demoColumn],
    rows: demos.map((d, i) => ({ name: `企业${i}`, size: '大型', demo: demoCell(d) })),
  });

async function sheetOf(t: Table, now = new Date('2026-12-06T02:15:00Z')) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await tableToXlsx(t, now)) as unknown as ArrayBuffer);
  return book.worksheets[0];
}

const text = (sheet: ExcelJS.Worksheet, row: number) => String(sheet.getRow(row).getCell(1).value ?? '');

describe('a workbook that stands alone (issue 16)', () => {
  it('opens with the title, the context, the data source and the local export time, then the demo warning', async () => {
    const t = table([true, false, true]);
    const sheet = await sheetOf(t);
    expect(text(sheet, 1)).toBe('补链候选企业');
    expect(text(sheet, 2)).toBe('产业链：生物医药');
    expect(text(sheet, 3)).toBe('筛选条件：省份：江苏');
    expect(text(sheet, 4)).toContain('其中 2 行涉及演示数据');
    // 02:15 UTC is 10:15 in Nanjing: the file says local time and which zone.
    expect(text(sheet, 5)).toBe('导出时间：2026-12-06 10:15（北京时间）');
    expect(text(sheet, 6)).toBe(t.note);
  });

  it('freezes the header row, filters on it, repeats it on printed pages, and puts every row under it', async () => {
    const sheet = await sheetOf(table([false, false]));
    const header = headerRowOf(sheet);
    expect(header).toBe(6); // title, context ×2, data source, time; no warning without demo rows
    expect(sheet.getRow(header).values).toEqual([, '企业名称', '企业规模', '演示数据']);
    expect(sheet.getRow(header + 1).values).toEqual([, '企业0', '大型', '否']);
    expect(sheet.rowCount).toBe(header + 2);
    expect(sheet.autoFilter).toBe(`A${header}:C${header + 2}`); // as the file stores it
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(text(sheet, 4)).toBe('数据来源：ChainMatch 产业链知识图谱（导入或登记的数据）');
  });

  it('writes a text cell that looks like a formula as text, never as a formula', async () => {
    const sheet = await sheetOf({ title: 't', columns: [{ key: 'note', header: '备注' }], rows: [{ note: '=HYPERLINK("http://x")' }] });
    const cell = sheet.getRow(headerRowOf(sheet) + 1).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('local time in exports', () => {
  it('is Beijing time, minutes precision, from a date or an ISO string; nonsense stays as given', () => {
    expect(localTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(localTime(new Date('2026-06-01T00:00:00Z'))).toBe('2026-06-01 08:00');
    expect(localTime('not a date')).toBe('not a date');
  });
});
