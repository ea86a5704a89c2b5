import { describe, expect, it } from 'vitest';
import { csvField, tableToCsv } from './csv.ts';

describe('client-side CSV', () => {
  it('quotes separators, quotes and line breaks, and neutralises formula starts', () => {
    expect(csvField('南京正大天晴制药有限公司')).toBe('南京正大天晴制药有限公司');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('writes a BOM, the headers and CRLF rows in column order', () => {
    const csv = tableToCsv({
      title: 't',
      columns: [
        { key: 'b', header: '名称' },
        { key: 'a', header: '得分' },
      ],
      rows: [
        { a: 0.5, b: '甲' },
        { a: null, b: 'x,y' },
      ],
    });
    expect(csv).toBe('\uFEFF名称,得分\r\n甲,0.5\r\n"x,y",\r\n');
  });
});
