import { describe, expect, it } from 'vitest';
import { healthClasses, healthClassNames, healthStyle, healthStyles, patternId, patternShapes } from './healthStyle.ts';

/** WCAG relative luminance and contrast, to check the badge text on each colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('health styles', () => {
  it('covers every class the engine emits', () => {
    expect([...healthClasses].sort()).toEqual(['absent', 'broken', 'extension', 'healthy', 'missing', 'weak']);
    for (const c of healthClasses) expect(healthStyles[c]).toBeDefined();
  });

  it('gives each class its own colour, pattern and symbol, so none rests on colour alone', () => {
    const distinct = (pick: (c: (typeof healthClasses)[number]) => string) => new Set(healthClasses.map(pick)).size;
    expect(distinct((c) => healthStyles[c].colour)).toBe(healthClasses.length);
    expect(distinct((c) => healthStyles[c].pattern)).toBe(healthClasses.length);
    expect(distinct((c) => healthStyles[c].symbol)).toBe(healthClasses.length);
    // the pattern tiles really differ (not just their names)
    expect(distinct((c) => JSON.stringify(patternShapes(healthStyles[c].pattern)))).toBe(healthClasses.length);
  });

  it('uses the Okabe–Ito palette and never red with green as the only pair', () => {
    const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000', '#999999'];
    for (const c of healthClasses) expect(okabeIto).toContain(healthStyles[c].colour);
  });

  it('keeps badge text readable on the class colour (≥ 4.5:1)', () => {
    for (const c of healthClasses) expect(contrast(healthStyles[c].colour, healthStyles[c].ink)).toBeGreaterThanOrEqual(4.5);
  });

  it('names CSS classes and pattern ids per class, with unknown classes drawn as absent', () => {
    expect(healthClassNames('missing')).toBe('segment health-missing pattern-diagonal');
    expect(healthClassNames('weak')).toBe('segment health-weak pattern-dots');
    expect(healthClassNames('nonsense')).toBe('segment health-absent pattern-none');
    expect(healthStyle('nonsense')).toBe(healthStyles.absent);
    expect(patternId('map', 'broken')).toBe('map-pattern-broken');
  });
});
