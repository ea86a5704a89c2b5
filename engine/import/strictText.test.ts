import { describe, expect, it } from 'vitest';
import { calendarDate, calendarParts } from '../core/calendarDate.ts';
import { coerceCell, type Column } from './columns.ts';
import { decodeText, firstInvalidUtf8 } from './decodeText.ts';
import { readTable } from './readTable.ts';
import { tableSpecs } from './importFile.ts';
import { validateRows } from './validateRows.ts';

/** Issue 15 F5, as the probe found it: bytes guessed, control characters stored, impossible dates accepted. */
const column = (type: Column['type'], multiline = false): Column => ({ field: 'f', zh: '字段', type, required: false, example: '', note: '', multiline });
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('honest bytes in imports', () => {
  it('finds the first byte that is not UTF-8, overlongs and surrogates included', () => {
    expect(firstInvalidUtf8(utf8('南京化学工业园区'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.concat([utf8('ab'), Buffer.from([0xc0, 0xaf])]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xe5, 0x8d]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });

  it('refuses one stray byte in a UTF-8 CSV, naming its data row and byte, instead of reading the file as GB18030', async () => {
    const csv = Buffer.concat([utf8('id,name\nu1,南京大学\nu2,东南'), Buffer.from([0xff]), utf8('大学\n')]);
    const table = await readTable('csv', csv, 'u.csv');
    expect(table.records).toEqual([]);
    expect(table.issues).toEqual([
      { file: 'u.csv', row: 2, path: '(file)', message: expect.stringMatching(/^not valid UTF-8: line 3, byte 33; .*encoding=gb18030/) },
    ]);
    // Declared, the same bytes are read as GB18030 only if every byte is GB18030.
    const gb = await readTable('csv', Buffer.from([0x69, 0x64, 0x0a, 0xc6, 0xf3, 0xd2, 0xb5, 0x0a]), 'g.csv', 'gb18030');
    expect(gb.records).toEqual([{ row: 1, values: [['id', '企业']] }]);
    expect((await readTable('csv', Buffer.from([0x69, 0x64, 0x0a, 0x81, 0x20, 0x0a]), 'g.csv', 'gb18030')).issues[0].message).toMatch(
      /^not valid GB18030: line 2/,
    );
  });

  it('refuses invalid bytes in JSON and JSON Lines instead of turning them into U+FFFD', async () => {
    const json = Buffer.concat([utf8('[{"id":"u1","name":"南'), Buffer.from([0xfe]), utf8('"}]')]);
    expect((await readTable('json', json, 'u.json')).issues).toEqual([
      expect.objectContaining({ path: '(file)', message: expect.stringMatching(/^not valid UTF-8: line 1, byte 23/) }),
    ]);
    const lines = Buffer.concat([utf8('{"id":"a"}\n{"id":"'), Buffer.from([0x80]), utf8('"}\n')]);
    expect((await readTable('jsonl', lines, 'u.jsonl')).issues).toEqual([expect.objectContaining({ row: 2 })]);
  });

  it('still reads UTF-8 with a byte-order mark and UTF-16 with one', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('名称')]))).toBe('名称');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称', 'utf16le')]))).toBe('名称');
  });
});

describe('text, dates and years that hold', () => {
  it('refuses NUL and control characters; tab and line breaks only where a field is long text', () => {
    expect(coerceCell(column('text'), 'A\u0000B')).toEqual({ ok: false, message: expect.stringContaining('U+0000 at character 2') });
    expect(coerceCell(column('text'), '甲\u001b[31m乙')).toMatchObject({ ok: false });
    expect(coerceCell(column('text'), '第一行\n第二行')).toMatchObject({ ok: false });
    expect(coerceCell(column('text', true), '第一行\n第二行\t续')).toEqual({ ok: true, value: '第一行\n第二行\t续' });
    expect(coerceCell(column('text', true), '说明\u0007')).toMatchObject({ ok: false });
    expect(coerceCell(column('list'), '手性合成;连续\u0000流')).toMatchObject({ ok: false });
  });

  it('reads a whitespace-only required name as missing, ideographic and zero-width spaces included', () => {
    const spec = tableSpecs.universities;
    for (const blank of ['   ', '\u3000\u3000', '\u200B', '\t ']) {
      const { rows, issues } = validateRows(
        spec,
        {
          headers: ['id', 'name'],
          records: [
            {
              row: 1,
              values: [
                ['id', 'u.blank'],
                ['name', blank],
              ],
            },
          ],
          issues: [],
        },
        'u.csv',
      );
      expect(rows).toEqual([]);
      expect(issues).toContainEqual(expect.objectContaining({ row: 1, path: 'name' }));
    }
  });

  it('accepts only real calendar dates and months', () => {
    expect(calendarDate('2016-02-29')).toBe('2016-02-29');
    expect(calendarDate('2016/2/9')).toBe('2016-02-09');
    expect(calendarDate('2016年2月9日')).toBe('2016-02-09');
    for (const bad of ['2016-02-30', '2015-02-29', '2016-13-01', '2016-00-10', '2016-04-31', '2016-1-1x']) expect(calendarDate(bad), bad).toBeNull();
    expect(calendarParts('2016年13月')).toBeNull();
    expect(calendarParts('2016年12月')).toEqual({ year: 2016, month: 12, day: undefined });
    expect(coerceCell(column('year'), '2016-02-30')).toMatchObject({ ok: false });
    expect(coerceCell(column('year'), '2016年13月')).toMatchObject({ ok: false });
    expect(coerceCell(column('year'), '2016年')).toEqual({ ok: true, value: 2016 });
    expect(coerceCell(column('year'), '2016-05-12')).toEqual({ ok: true, value: 2016 });
    expect(coerceCell(column('date'), '2026-02-30')).toMatchObject({ ok: false, message: expect.stringContaining('real calendar date') });
    expect(coerceCell(column('date'), '2026/3/1')).toEqual({ ok: true, value: '2026-03-01' });
  });
});
