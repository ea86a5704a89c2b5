import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, truncate } from './textTable.ts';

describe('text tables for the terminal', () => {
  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('biomed')).toBe(6);
    expect(displayWidth('生物医药')).toBe(8);
    expect(displayWidth('CDMO（合同生产）')).toBe(16);
  });

  it('aligns mixed Chinese and Latin cells, numbers to the right', () => {
    const text = formatTable(
      [{ header: '环节' }, { header: '得分', align: 'right' }],
      [
        ['研发外包与合同生产', 0.61],
        ['CDMO', 1],
      ],
    );
    expect(text.split('\n')).toEqual(['环节                得分', '──────────────────  ────', '研发外包与合同生产  0.61', 'CDMO                   1']);
  });

  it('cuts long cells at a display width, and shows empty ones as a dash', () => {
    expect(truncate('南京示例医药科技有限公司', 9)).toBe('南京示例…');
    expect(formatTable([{ header: 'a' }, { header: 'b' }], [[null, 'x\ny']]).split('\n')[2]).toBe('—  x y');
  });
});
