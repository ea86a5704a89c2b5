import type { Response } from 'express';
import { tableToCsv, tableToXlsx, type Table } from '../engine/index.ts';

/** Sends a list as a CSV or XLSX download, named after its (Chinese) title. */
export async function sendTable(res: Response, table: Table, format: 'csv' | 'xlsx'): Promise<void> {
  const filename = encodeURIComponent(`${table.title}.${format}`);
  res.set('Content-Disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${filename}`);
  if (format === 'csv') res.type('text/csv; charset=utf-8').send(tableToCsv(table));
  else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableToXlsx(table));
}
