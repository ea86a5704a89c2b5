import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, with CRLF, LF or CR line breaks', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, and an empty line as one empty field', () => {
    expect(parseCsv('a,,c\n,\n\nx')).toEqual([['a', '', 'c'], ['', ''], [''], ['x']]);
  });

  it('reads quoted fields with commas, escaped quotes and embedded line breaks', () => {
    const text = 'id,名称,简介\r\n1,"南京某某, 有限公司","他说""好""\r\n第二行"\r\n2,"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', '名称', '简介'],
      ['1', '南京某某, 有限公司', '他说"好"\r\n第二行'],
      ['2', '', 'x'],
    ]);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(parseCsv('\uFEFF统一社会信用代码,企业名称\n1,2')).toEqual([
      ['统一社会信用代码', '企业名称'],
      ['1', '2'],
    ]);
  });

  it('keeps a last record that is a single empty quoted field', () => {
    expect(parseCsv('a\n""')).toEqual([['a'], ['']]);
  });

  it('treats a quote inside an unquoted field as a character', () => {
    expect(parseCsv('5" wafer,x')).toEqual([['5" wafer', 'x']]);
  });

  it('names the record and line of a quote that is never closed, and reads text after a closing quote leniently', () => {
    expect(() => parseCsv('a,b\n1,"open\n\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n\n')).toThrow(/never closed \(record 2, line \d+\)/);
    expect(parseCsv('a\n"x"y\n')).toEqual([['a'], ['"x"y']]);
  });

  // Quoting every field: csv-stringify leaves a lone LF unquoted under CRLF record breaks, which RFC 4180 does not allow.
  it('reads back whatever csv-stringify writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '；'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseCsv(stringify(rows, { quoted: true, quoted_empty: true, record_delimiter: 'windows' }))).toEqual(rows);
      }),
    );
  });
});
