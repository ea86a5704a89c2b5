import ExcelJS from 'exceljs';
import { contextLineText, dataSource, exportedAt } from './exportContext.ts';
import { demoColumn, demoRowCount, neutraliseFormula, type Table } from './tables.ts';

/**
 * A list (or several, one sheet each) as a workbook a person can hand on (issue 16): each sheet opens with a title and a context block —
 * what the list is, its scope and filters, where the rows come from, when it was exported (local
 * time) — then the demo-data warning, then the header row, frozen and with an autofilter, repeated on
 * every printed page, all in the table's language (`table.lang`). The header row's number is the sheet's frozen split (`views[0].ySplit`), so a
 * reader finds it without knowing how long the block is.
 */
export async function tableToXlsx(tables: Table | Table[], now: Date = new Date()): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'ChainMatch';
  book.created = now;
  for (const table of Array.isArray(tables) ? tables : [tables]) writeSheet(book, table, now);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const colours = { title: 'FF1F3A5F', context: 'FF555555', warning: 'FF7A4A00', warningFill: 'FFFFF4D6', headerFill: 'FFE8EEF5' } as const;

function writeSheet(book: ExcelJS.Workbook, table: Table, now: Date): void {
  // Excel forbids []:*?/\ in sheet names and caps them at 31 characters.
  const sheet = book.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const width = Math.max(1, table.columns.length);
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width ?? 16 }));
  const spanning = (text: string) => {
    const row = sheet.addRow([text]);
    if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
    return row;
  };

  const title = spanning(table.title);
  title.font = { bold: true, size: 14, color: { argb: colours.title } };
  title.height = 24;
  const lang = table.lang ?? 'zh';
  const demoRows = table.columns.some((c) => c.key === demoColumn.key) ? demoRowCount(table) : 0;
  for (const line of [...(table.context ?? []), dataSource(demoRows, lang), exportedAt(now, lang)]) {
    spanning(contextLineText(line, lang)).font = { color: { argb: colours.context } };
  }
  if (table.note) {
    const note = spanning(table.note);
    note.font = { bold: true, color: { argb: colours.warning } };
    note.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.warningFill } };
  }

  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.headerFill } };
  });
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => neutraliseFormula(row[c.key] ?? null)));

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, activeCell: `A${header.number + 1}` }];
  sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number + table.rows.length, column: width } };
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
}

/** The header row of a sheet written by tableToXlsx (its frozen split), for readers and tests. */
export function headerRowOf(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  return view?.ySplit ?? 1;
}
