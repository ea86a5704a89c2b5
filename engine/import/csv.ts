/**
 * An RFC 4180 CSV reader, small on purpose: csv-parse is not a dependency (yet). Fields are separated
 * by commas and records by CRLF, LF or CR; a field in double quotes may hold commas, line breaks and
 * doubled quotes (""). A leading byte-order mark is dropped. A quote inside an unquoted field is kept
 * as a character (as Excel does); text after a closing quote, or a quote never closed, is an error.
 */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly record: number, readonly line: number) {
    super(`${message} (record ${record}, line ${line})`);
    this.name = 'CsvSyntaxError';
  }
}

/** Every record as its fields; record 1 is the first (usually the header). Empty lines give `[""]`. */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** The current field was quoted: it exists even when empty. */
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < input.length) {
    const c = input[i];
    if (c === '"' && field === '' && !quoted) {
      // A quoted field: read to the closing quote, keeping separators and line breaks.
      const startLine = line;
      i++;
      for (;;) {
        const close = input.indexOf('"', i);
        if (close < 0) throw new CsvSyntaxError('a quoted field is never closed', records.length + 1, startLine);
        const chunk = input.slice(i, close);
        line += chunk.match(/\r\n|\r|\n/g)?.length ?? 0;
        field += chunk;
        if (input[close + 1] === '"') {
          field += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(`unexpected "${next}" after a closing quote`, records.length + 1, line);
      }
      quoted = true;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      // Plain text up to the next separator or line break (a quote here is an ordinary character).
      let end = i;
      while (end < input.length && input[end] !== ',' && input[end] !== '\r' && input[end] !== '\n') end++;
      field += input.slice(i, end);
      i = end;
    }
  }
  // A final line break does not start another record.
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}
