import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importLimits, xlsxLimits } from '../config/limits.ts';
import { readTable } from './readTable.ts';
import { zipBombProblem, zipParts } from './zipBounds.ts';

/** Issue 15 F3, XLSX part: a 205 KB workbook whose header was one 200 MB string took 419 MB to answer. */
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('表');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('XLSX within bounds', () => {
  it('refuses a workbook whose header string inflates a thousandfold, before inflating it', async () => {
    const bomb = await workbook([['a'.repeat(8 * 1024 * 1024)]]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(zipParts(bomb)!.some((p) => p.inflated > 8 * 1024 * 1024)).toBe(true);
    const started = process.memoryUsage().rss;
    const table = await readTable('xlsx', bomb, 'bomb.xlsx');
    expect(table.issues).toEqual([
      expect.objectContaining({ path: '(file)', message: expect.stringMatching(new RegExp(`fold; at most ${xlsxLimits.maxRatio}-fold$`)) }),
    ]);
    expect(process.memoryUsage().rss - started).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a workbook whose zip directory understates a part, before the workbook reader inflates it', async () => {
    const bomb = await workbook([['a'.repeat(8 * 1024 * 1024)]]);
    // Every part declares 1 KB inflated, in the directory and the local headers (drill (e)'s "lying bomb").
    const lying = Buffer.from(bomb);
    for (let i = 0; i + 30 < lying.length; i++) {
      const signature = lying.readUInt32LE(i);
      if (signature === 0x02014b50) lying.writeUInt32LE(1024, i + 24);
      else if (signature === 0x04034b50) lying.writeUInt32LE(1024, i + 22);
    }
    expect(zipParts(lying)!.every((p) => p.inflated === 1024)).toBe(true);
    expect(zipBombProblem(lying)).toMatch(/inflates to more than the 1024 bytes its zip directory declares$/);
    const table = await readTable('xlsx', lying, 'lying.xlsx');
    expect(table.issues).toEqual([expect.objectContaining({ path: '(file)', message: expect.stringMatching(/its zip directory declares$/) })]);
  });

  it('refuses a workbook that declares more inflated bytes than the cap', async () => {
    const small = await workbook([
      ['编号', '名称'],
      ['a', '甲'],
    ]);
    expect(zipBombProblem(small)).toBeNull();
    expect(zipBombProblem(small, { ...xlsxLimits, maxInflatedBytes: 1000 })).toMatch(/inflates to 0 MB; at most/);
  });

  it('refuses a sheet wider than the column cap and a cell longer than the cell cap, naming the cell', async () => {
    const wide = await workbook([Array.from({ length: importLimits.maxColumns + 1 }, (_, i) => `c${i}`)]);
    expect((await readTable('xlsx', wide, 'w.xlsx')).issues[0].message).toBe(
      `${importLimits.maxColumns + 1} columns; at most ${importLimits.maxColumns} per import`,
    );
    const long = await workbook([
      ['编号', '名称'],
      ['a', '长'.repeat(importLimits.maxCellChars + 1)],
    ]);
    expect((await readTable('xlsx', long, 'l.xlsx')).issues).toEqual([
      { file: 'l.xlsx', row: 1, path: '(file)', message: `cell B2 has ${importLimits.maxCellChars + 1} characters; at most ${importLimits.maxCellChars}` },
    ]);
  });
});
