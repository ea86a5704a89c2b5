import { CsvError, parse } from 'csv-parse/sync';
import { importLimits } from '../config/limits.ts';

/**
 * RFC 4180 CSV through csv-parse: commas between fields; CRLF, LF or CR between records; quoted
 * fields may hold commas, line breaks and doubled quotes; a leading byte-order mark is dropped. A
 * quote inside or after a field's text is kept as a character (as Excel does); a quote never closed
 * is an error naming the record (and the line where csv-parse stopped).
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly record: number,
    readonly line: number,
  ) {
    super(`${message} (record ${record}, line ${line})`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Every record as its fields; record 1 is the first (usually the header). Empty lines give `[""]`.
 * A record wider than `maxColumns` or a field longer than `maxCellChars` stops the parse there
 * (issue 15 F3: a 7.9 MB file of 10^6 columns was read whole, then echoed into a 578 MB answer).
 */
export function parseCsv(text: string, limits: { maxColumns: number; maxCellChars: number; maxRecordChars: number } = importLimits): string[][] {
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: limits.maxRecordChars,
      on_record: (record: string[], context) => {
        if (record.length > limits.maxColumns)
          throw new CsvSyntaxError(`${record.length} fields; at most ${limits.maxColumns} columns per import`, context.records, context.lines);
        const long = record.findIndex((cell) => cell.length > limits.maxCellChars);
        if (long >= 0) throw new CsvSyntaxError(`field ${long + 1} is longer than ${limits.maxCellChars} characters`, context.records, context.lines);
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw error;
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
      const e = error as CsvError & { records?: number; lines?: number };
      throw new CsvSyntaxError(
        `a record longer than ${limits.maxRecordChars} characters (at most ${limits.maxColumns} columns of ${limits.maxCellChars} characters)`,
        (e.records ?? 0) + 1,
        e.lines ?? 0,
      );
    }
    if (error instanceof CsvError) {
      const e = error as CsvError & { records?: number; lines?: number };
      const line = Number(/at line (\d+)/.exec(error.message)?.[1] ?? e.lines ?? 0);
      const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error.message;
      throw new CsvSyntaxError(message, (e.records ?? 0) + 1, line);
    }
    throw error;
  }
}
