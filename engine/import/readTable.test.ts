import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { coerceCell, columnIndex, type Column } from './columns.ts';
import { decodeText, readTable } from './readTable.ts';

const column = (type: Column['type'], values?: Column['values']): Column => ({ field: 'f', zh: '字段', type, required: false, example: '', note: '', values });

describe('reading import files', () => {
  it('numbers CSV data rows from 1 below the header, skipping blank rows but not their numbers', async () => {
    const table = await readTable('csv', Buffer.from('\uFEFFid,名称\r\n1,甲\r\n\r\n3,"丙\r\n续"\r\n'), 'x.csv');
    expect(table.headers).toEqual(['id', '名称']);
    expect(table.records).toEqual([
      {
        row: 1,
        values: [
          ['id', '1'],
          ['名称', '甲'],
        ],
      },
      {
        row: 3,
        values: [
          ['id', '3'],
          ['名称', '丙\r\n续'],
        ],
      },
    ]);
  });

  it('reads GB18030 text, as Excel saves plain CSV on Chinese Windows, when the client declares it — never by guessing', () => {
    // "企业名称" in GB18030.
    const gb = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6]);
    expect(decodeText(gb, 'gb18030')).toBe('企业名称');
    expect(() => decodeText(gb)).toThrow('not valid UTF-8: line 1, byte 0');
  });

  it('reports a row with more cells than the header, and a CSV quote never closed', async () => {
    expect((await readTable('csv', Buffer.from('a,b\n1,2,3\n'), 'x.csv')).issues).toEqual([expect.objectContaining({ row: 1, path: '(row)' })]);
    expect((await readTable('csv', Buffer.from('a\n"open\n'), 'x.csv')).issues).toEqual([
      expect.objectContaining({ row: 1, message: expect.stringContaining('never closed') }),
    ]);
  });

  it('reads the first XLSX sheet with typed cells; spreadsheet row n + 1 is data row n', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.addRow(['编号', '面积（平方米）', '可用起始日期']);
    sheet.addRow(['a', 2400, new Date(Date.UTC(2026, 2, 1))]);
    sheet.addRow([]);
    sheet.addRow(['c', { formula: '1+1', result: 2 }, null]);
    const table = await readTable('xlsx', Buffer.from(await book.xlsx.writeBuffer()), 'x.xlsx');
    expect(table.records.map((r) => r.row)).toEqual([1, 3]);
    expect(table.records[0].values).toEqual([
      ['编号', 'a'],
      ['面积（平方米）', 2400],
      ['可用起始日期', new Date(Date.UTC(2026, 2, 1))],
    ]);
    expect(table.records[1].values[1]).toEqual(['面积（平方米）', 2]);
    expect(coerceCell(column('date'), table.records[0].values[2][1])).toEqual({ ok: true, value: '2026-03-01' });
  });

  it('reads JSON Lines by line number, reporting a line that is not an object', async () => {
    const table = await readTable('jsonl', Buffer.from('{"id":"a"}\n\n[1]\n{bad\n{"id":"e"}\n'), 'x.jsonl');
    expect(table.records.map((r) => r.row)).toEqual([1, 5]);
    expect(table.issues.map((i) => i.row)).toEqual([3, 4]);
  });
});

describe('reading cells and headers', () => {
  it('reads numbers, yes/no words, lists split on ; or ；, and years from dates', () => {
    expect(coerceCell(column('number'), ' 3.45 ')).toEqual({ ok: true, value: 3.45 });
    expect(coerceCell(column('number'), '1,200')).toMatchObject({ ok: false });
    expect(coerceCell(column('integer'), 2.5)).toMatchObject({ ok: false });
    expect(coerceCell(column('boolean', { 区外: false }), '区外')).toEqual({ ok: true, value: false });
    expect(coerceCell(column('boolean'), '是')).toEqual({ ok: true, value: true });
    expect(coerceCell(column('list', { 瞪羚: 'gazelle' }), '瞪羚； 上市;;')).toEqual({ ok: true, value: ['gazelle', '上市'] });
    expect(coerceCell(column('year'), '2016-05-12')).toEqual({ ok: true, value: 2016 });
    expect(coerceCell(column('year'), '2016年5月')).toEqual({ ok: true, value: 2016 });
    expect(coerceCell(column('text'), '   ')).toEqual({ ok: true, value: undefined });
  });

  it('matches a header by field name or Chinese header, ignoring case, "*" and a bracketed unit', () => {
    const find = columnIndex([{ ...column('number'), field: 'revenueWan', zh: '营业收入（万元）' }]);
    for (const h of ['revenueWan', 'RevenueWan', '营业收入', '营业收入(万元)', '营业收入（万元）*', ' 营业收入 ']) expect(find(h)?.field).toBe('revenueWan');
    expect(find('营收')).toBeUndefined();
  });
});
