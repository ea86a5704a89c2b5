import ExcelJS from 'exceljs';
import type { FieldIssue } from '../errors.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';

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

/**
 * Text of a CSV or JSON file: UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, or —
 * what Excel's plain "CSV" saves on Chinese Windows — GB18030, recognised by not being valid UTF-8.
 */
export function decodeText(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return content.subarray(3).toString('utf8');
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
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

function readCsv(content: Buffer, file: string): SourceTable {
  try {
    // Record 1 is the header, so record k is data row k − 1: the spreadsheet row minus the header.
    return fromRows(parseCsv(decodeText(content)).map((cells, i) => ({ row: i, cells })), file);
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
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    return { records: [], issues: [{ file, path: '(file)', message: `not a readable XLSX workbook: ${(error as Error).message}` }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { records: [], issues: [{ file, path: '(file)', message: 'the workbook has no worksheet' }] };
  const rows: { row: number; cells: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    const cells: unknown[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellValue(cell.value)));
    // Spreadsheet row r is data row r − 1 (row 1 holds the header).
    rows.push({ row: number - 1, cells });
  });
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

function readJsonLines(content: Buffer, file: string): SourceTable {
  const issues: FieldIssue[] = [];
  const records: SourceRecord[] = [];
  decodeText(content)
    .split(/\r\n|\n|\r/)
    .forEach((line, i) => {
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
  if (!Array.isArray(value)) return { records: [], issues: [{ file, path: '(file)', message: 'a JSON array of objects is expected (or use JSON Lines: one object per line)' }] };
  const issues: FieldIssue[] = [];
  const records = value.map((v, i) => objectRecord(v, i + 1, file, issues)).filter((r): r is SourceRecord => r !== undefined);
  return { records, issues };
}

/** Parses JSON text, turning a syntax error into a file-level issue. */
export function parseJson(content: Buffer, file: string): { value?: unknown; issues: FieldIssue[] } {
  try {
    return { value: JSON.parse(decodeText(content)), issues: [] };
  } catch (error) {
    return { issues: [{ file, path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/**
 * Reads a table file into records. Row numbers count data rows from 1, as a spreadsheet user sees
 * them below the header: data row n is spreadsheet row n + 1, JSON Lines line n, JSON array item n.
 */
export async function readTable(format: ImportFormat, content: Buffer, file: string): Promise<SourceTable> {
  switch (format) {
    case 'csv':
      return readCsv(content, file);
    case 'xlsx':
      return readXlsx(content, file);
    case 'jsonl':
      return readJsonLines(content, file);
    case 'json': {
      const { value, issues } = parseJson(content, file);
      return issues.length > 0 ? { records: [], issues } : readJsonArray(value, file);
    }
  }
}
