import { describe, expect, it } from 'vitest';
import { textWidth, wrapLabel } from './wrapLabel.ts';

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('化学原料药', 100, 13)).toEqual(['化学原料药']);
  });

  it('breaks Chinese text between characters and never exceeds the width', () => {
    const lines = wrapLabel('合同研发生产（CDMO）', 80, 13);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(80);
    expect(lines.join('')).toBe('合同研发生产（CDMO）');
  });

  it('breaks English at spaces', () => {
    expect(wrapLabel('Contract Research Organization', 120, 12)).toEqual(['Contract Research', 'Organization']);
  });

  it('ends with an ellipsis when the text needs more lines than allowed', () => {
    const lines = wrapLabel('Contract Development & Manufacturing (CDMO) services and more', 110, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(110);
  });
});
