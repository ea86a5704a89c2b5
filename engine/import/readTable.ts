import ExcelJS from 'exceljs';
import type { FieldIssue } from '../core/errors.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { importLimits } from '../config/limits.ts';
import { decodeText, UndecodableTextError, undecodableIssue, type TextEncoding } from './decodeText.ts';
import { zipBombProblem } from './zipBounds.ts';

export { decodeText } from './decodeText.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'jsonl' | 'json';
export const importFormats: ImportFormat[] = ['csv', 'xlsx', 'jsonl', 'json'];

/** One data record: its 1-based data-row number and its values keyed by header (or JSON key). */
export interface SourceRecord {
  row: number;
  values: [string, unknown][];
}

export interface SourceTable {
  /** The header row of CSV and XLSX; JSON Lines and JSON objects name their own fields. */
  headers?: string[];
  records: SourceRecord[];
  /** Rows that could not be read at all (a JSON line that is not an object, a CSV quote never closed). */
  issues: FieldIssue[];
}

const extensions: Record<string, ImportFormat> = { csv: 'csv', xlsx: 'xlsx', jsonl: 'jsonl', ndjson: 'jsonl', json: 'json' };

/** The format a file name implies (.csv, .xlsx, .jsonl/.ndjson, .json), if any. */
export function formatOfFilename(filename: string): ImportFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(filename)?.[1]?.toLowerCase();
  return ext ? extensions[ext] : undefined;
}

/** Decodes the file's text, or answers the undecodable bytes as a file issue (rowOfLine: the data row a line is). */
function textOr(
  content: Buffer,
  encoding: TextEncoding,
  file: string,
  rowOfLine: (line: number) => number | undefined,
): { text: string } | { issue: FieldIssue } {
  try {
    return { text: decodeText(content, encoding) };
  } catch (error) {
    if (error instanceof UndecodableTextError) return { issue: undecodableIssue(error, file, rowOfLine) };
    throw error;
  }
}

const isEmpty = (values: unknown[]) => values.every((v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));

function fromRows(rows: { row: number; cells: unknown[] }[], file: string): SourceTable {
  const [head, ...data] = rows;
  if (!head) return { headers: [], records: [], issues: [{ file, path: '(file)', message: 'the file is empty: a header row is expected first' }] };
  const headers = head.cells.map((c) => (c === undefined || c === null ? '' : String(c).trim()));
  const issues: FieldIssue[] = [];
  const records: SourceRecord[] = [];
  for (const { row, cells } of data) {
    if (isEmpty(cells)) continue;
    const extra = cells.slice(headers.length).some((c) => !isEmpty([c]));
    if (extra) issues.push({ file, row, path: '(row)', message: `${cells.length} cells but only ${headers.length} columns in the header` });
    records.push({ row, values: headers.map((h, i) => [h, cells[i]] as [string, unknown]).filter(([h]) => h !== '') });
  }
  return { headers: headers.filter((h) => h !== ''), records, issues };
}

function readCsv(content: Buffer, file: string, encoding: TextEncoding): SourceTable {
  // Line n is data row n − 1 unless a quoted cell spans lines; the message names the line itself.
  const decoded = textOr(content, encoding, file, (line) => (line > 1 ? line - 1 : undefined));
  if ('issue' in decoded) return { records: [], issues: [decoded.issue] };
  try {
    // Record 1 is the header, so record k is data row k − 1: the spreadsheet row minus the header.
    return fromRows(
      parseCsv(decoded.text).map((cells, i) => ({ row: i, cells })),
      file,
    );
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records: [], issues: [{ file, row: Math.max(error.record - 1, 0) || undefined, path: '(file)', message: `not valid CSV: ${error.message}` }] };
  }
}

/** A cell as a plain value: formulas give their result, rich text and hyperlinks their text. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value ?? undefined;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return undefined;
}

async function readXlsx(content: Buffer, file: string): Promise<SourceTable> {
  const bomb = zipBombProblem(content);
  if (bomb) return { records: [], issues: [{ file, path: '(file)', message: bomb }] };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    return { records: [], issues: [{ file, path: '(file)', message: `not a readable XLSX workbook: ${(error as Error).message}` }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { records: [], issues: [{ file, path: '(file)', message: 'the workbook has no worksheet' }] };
  // Width and height are known before any cell is read: a sheet over the caps is refused whole.
  if (sheet.actualColumnCount > importLimits.maxColumns) {
    return { records: [], issues: [{ file, path: '(file)', message: `${sheet.actualColumnCount} columns; at most ${importLimits.maxColumns} per import` }] };
  }
  if (sheet.actualRowCount > importLimits.maxRows + 1) {
    return { records: [], issues: [{ file, path: '(file)', message: `${sheet.actualRowCount - 1} rows; at most ${importLimits.maxRows} per import` }] };
  }
  const rows: { row: number; cells: unknown[] }[] = [];
  let longCell: FieldIssue | undefined;
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    const cells: unknown[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      const value = cellValue(cell.value);
      if (typeof value === 'string' && value.length > importLimits.maxCellChars && !longCell) {
        longCell = {
          file,
          row: number - 1 || undefined,
          path: '(file)',
          message: `cell ${cell.address} has ${value.length} characters; at most ${importLimits.maxCellChars}`,
        };
      }
      cells[col - 1] = typeof value === 'string' && value.length > importLimits.maxCellChars ? '' : value;
    });
    // Spreadsheet row r is data row r − 1 (row 1 holds the header).
    rows.push({ row: number - 1, cells });
  });
  if (longCell) return { records: [], issues: [longCell] };
  if (rows[0] && rows[0].row !== 0) {
    return { records: [], issues: [{ file, path: '(file)', message: 'the header must be in row 1 of the first worksheet' }] };
  }
  return fromRows(rows, file);
}

function objectRecord(value: unknown, row: number, file: string, issues: FieldIssue[]): SourceRecord | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, row, path: '(row)', message: 'a JSON object ({"field": value, …}) is expected' });
    return undefined;
  }
  return { row, values: Object.entries(value) };
}

function readJsonLines(content: Buffer, file: string, encoding: TextEncoding): SourceTable {
  const issues: FieldIssue[] = [];
  const records: SourceRecord[] = [];
  const decoded = textOr(content, encoding, file, (line) => line);
  if ('issue' in decoded) return { records: [], issues: [decoded.issue] };
  decoded.text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const record = objectRecord(JSON.parse(line), i + 1, file, issues);
      if (record) records.push(record);
    } catch (error) {
      issues.push({ file, row: i + 1, path: '(row)', message: `not valid JSON: ${(error as Error).message}` });
    }
  });
  return { records, issues };
}

function readJsonArray(value: unknown, file: string): SourceTable {
  if (!Array.isArray(value))
    return { records: [], issues: [{ file, path: '(file)', message: 'a JSON array of objects is expected (or use JSON Lines: one object per line)' }] };
  const issues: FieldIssue[] = [];
  const records = value.map((v, i) => objectRecord(v, i + 1, file, issues)).filter((r): r is SourceRecord => r !== undefined);
  return { records, issues };
}

/** Parses JSON text, turning undecodable bytes and a syntax error into a file-level issue. */
export function parseJson(content: Buffer, file: string, encoding: TextEncoding = 'utf-8'): { value?: unknown; issues: FieldIssue[] } {
  const decoded = textOr(content, encoding, file, () => undefined);
  if ('issue' in decoded) return { issues: [decoded.issue] };
  try {
    return { value: JSON.parse(decoded.text), issues: [] };
  } catch (error) {
    return { issues: [{ file, path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/**
 * Reads a table file into records. Row numbers count data rows from 1, as a spreadsheet user sees
 * them below the header: data row n is spreadsheet row n + 1, JSON Lines line n, JSON array item n.
 */
export async function readTable(format: ImportFormat, content: Buffer, file: string, encoding: TextEncoding = 'utf-8'): Promise<SourceTable> {
  switch (format) {
    case 'csv':
      return readCsv(content, file, encoding);
    case 'xlsx':
      return readXlsx(content, file);
    case 'jsonl':
      return readJsonLines(content, file, encoding);
    case 'json': {
      const { value, issues } = parseJson(content, file, encoding);
      return issues.length > 0 ? { records: [], issues } : readJsonArray(value, file);
    }
  }
}
