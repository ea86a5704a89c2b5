import { saveBlob, safeFilename } from './download.ts';

/** A list the viewer builds itself for download (the API's own lists come as files from the API). */
export interface Table {
  title: string;
  columns: { key: string; header: string }[];
  rows: Record<string, string | number | boolean | null>[];
}

/** One CSV field: quoted when it holds a separator, quote or line break; formula starts neutralised. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; a leading ' keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table (the API's export shape) as CSV: a UTF-8 byte-order mark so Excel reads Chinese, headers,
 * CRLF line ends (RFC 4180). For lists the API has no `?format=` for.
 */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((r) => table.columns.map((c) => csvField(r[c.key])))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

export function downloadCsv(table: Table): void {
  saveBlob(new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }), `${safeFilename(table.title)}.csv`);
}
