import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoCell, demoColumn, tableToCsv, withDemoNote, type Table } from './tables.ts';
import { headerRowOf, tableToXlsx } from './workbook.ts';

const table = (demos: boolean[]): Table => ({
  title: '测试',
  columns: [{ key: 'name', header: '企业名称' }, demoColumn],
  rows: demos.map((d, i) => ({ name: `企业${i}`, demo: demoCell(d) })),
});

describe('demo data in exports', () => {
  it('warns on the first line, counting the rows marked 是, only when there are any', () => {
    expect(withDemoNote(table([false, false])).note).toBeUndefined();
    const marked = withDemoNote(table([true, false, true]));
    expect(marked.note).toContain('本表含 2 条演示数据');
    expect(
      tableToCsv(marked)
        .split('\n')
        .slice(0, 3)
        .map((l) => l.replace(/\r$/, '')),
    ).toEqual([`\uFEFF${marked.note}`, '企业名称,演示数据', '企业0,是']);
    expect(tableToCsv(table([false])).split('\n')[0]).toBe('\uFEFF企业名称,演示数据');
  });

  it('puts the warning above the headers of the XLSX sheet, and none when there is no demo row', async () => {
    const read = async (t: Table) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await tableToXlsx(t)) as unknown as ArrayBuffer);
      return book.worksheets[0];
    };
    const marked = withDemoNote(table([true]));
    const sheet = await read(marked);
    const header = headerRowOf(sheet);
    expect(sheet.getRow(header - 1).getCell(1).value).toBe(marked.note);
    expect(sheet.getRow(header).values).toEqual([, '企业名称', '演示数据']);
    expect(sheet.getRow(header + 1).values).toEqual([, '企业0', '是']);
    const plain = await read(table([false]));
    expect(plain.getRow(headerRowOf(plain)).values).toEqual([, '企业名称', '演示数据']);
    expect(String(plain.getRow(headerRowOf(plain) - 1).getCell(1).value)).toMatch(/^导出时间：/);
  });
});

describe('exports never carry a formula a spreadsheet would run (CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
  const rows: Table = {
    title: '测试',
    columns: [
      { key: 'note', header: '备注' },
      { key: 'n', header: '数' },
    ],
    rows: [...hostile.map((note) => ({ note, n: -3 })), { note: '正常文字', n: 1 }],
  };

  it('CSV: every cell that starts like a formula is prefixed with an apostrophe; numbers stay numbers', () => {
    const [, ...parsed] = parse(tableToCsv(rows).replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    expect(parsed.map((r) => r[0])).toEqual([...hostile.map((h) => `'${h}`), '正常文字']);
    expect(parsed.map((r) => r[1])).toEqual([...hostile.map(() => '-3'), '1']);
  });

  it('XLSX: the same text is stored as a string cell, never as a formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableToXlsx(rows)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    hostile.forEach((h, i) => {
      const cell = sheet.getRow(headerRowOf(sheet) + 1 + i).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    });
  });
});
