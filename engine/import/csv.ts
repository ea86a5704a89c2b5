import { CsvError, parse } from 'csv-parse/sync';

/**
 * RFC 4180 CSV through csv-parse: commas between fields; CRLF, LF or CR between records; quoted
 * fields may hold commas, line breaks and doubled quotes; a leading byte-order mark is dropped. A
 * quote inside or after a field's text is kept as a character (as Excel does); a quote never closed
 * is an error naming the record (and the line where csv-parse stopped).
 */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly record: number, readonly line: number) {
    super(`${message} (record ${record}, line ${line})`);
    this.name = 'CsvSyntaxError';
  }
}

/** Every record as its fields; record 1 is the first (usually the header). Empty lines give `[""]`. */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const e = error as CsvError & { records?: number; lines?: number };
      const line = Number(/at line (\d+)/.exec(error.message)?.[1] ?? e.lines ?? 0);
      const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error.message;
      throw new CsvSyntaxError(message, (e.records ?? 0) + 1, line);
    }
    throw error;
  }
}
