import type { GapClass } from '../api/types.ts';

/**
 * How each health class looks. Colours are the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies), and every class also has its own fill pattern, border dash and symbol, so the class
 * never rests on colour alone (WCAG 1.4.1). `ink` is the text colour on the solid colour (≥ 4.5:1).
 */
export type PatternKind = 'diagonal' | 'cross' | 'dots' | 'horizontal' | 'solid' | 'none';

export interface HealthStyle {
  colour: string;
  /** A light tint for large areas, so dark text on it stays readable. */
  tint: string;
  ink: string;
  pattern: PatternKind;
  /** stroke-dasharray of the box border; null = solid. */
  dash: string | null;
  /** A glyph that reads the same in both languages. */
  symbol: string;
}

/** Display order: the gaps first, most urgent kind first. */
export const healthClasses: readonly GapClass[] = ['missing', 'broken', 'weak', 'extension', 'healthy', 'absent'];

export const healthStyles: Record<GapClass, HealthStyle> = {
  missing: { colour: '#D55E00', tint: '#FBE3D3', ink: '#000000', pattern: 'diagonal', dash: '6 3', symbol: '✕' },
  broken: { colour: '#CC79A7', tint: '#F6E4EE', ink: '#000000', pattern: 'cross', dash: '2 3', symbol: '‖' },
  weak: { colour: '#E69F00', tint: '#FCF0D4', ink: '#000000', pattern: 'dots', dash: null, symbol: '!' },
  extension: { colour: '#0072B2', tint: '#DCEBF5', ink: '#FFFFFF', pattern: 'horizontal', dash: '8 3 2 3', symbol: '+' },
  healthy: { colour: '#009E73', tint: '#D9F0E9', ink: '#000000', pattern: 'solid', dash: null, symbol: '✓' },
  absent: { colour: '#999999', tint: '#F2F2F2', ink: '#000000', pattern: 'none', dash: '1 3', symbol: '–' },
};

export function healthStyle(cls: string): HealthStyle {
  return healthStyles[cls as GapClass] ?? healthStyles.absent;
}

/** The id of the SVG <pattern> for a class, unique per drawing (several SVGs may share a page). */
export function patternId(prefix: string, cls: string): string {
  return `${prefix}-pattern-${cls}`;
}

/** CSS class names a segment box carries: one per health class, for styling and for tests. */
export function healthClassNames(cls: string): string {
  return `segment health-${healthStyles[cls as GapClass] ? cls : 'absent'} pattern-${healthStyle(cls).pattern}`;
}

/**
 * The shapes of each pattern tile (size × size), as plain data the renderer turns into SVG.
 * Kept here so the tests can check that no two classes share a texture.
 */
export function patternShapes(kind: PatternKind, size = 8): { tag: 'path' | 'circle' | 'rect'; attrs: Record<string, string | number> }[] {
  switch (kind) {
    case 'diagonal':
      return [{ tag: 'path', attrs: { d: `M-1,1 l2,-2 M0,${size} l${size},-${size} M${size - 1},${size + 1} l2,-2`, 'stroke-width': 1.6 } }];
    case 'cross':
      return [{ tag: 'path', attrs: { d: `M0,0 L${size},${size} M${size},0 L0,${size}`, 'stroke-width': 1.1 } }];
    case 'dots':
      return [{ tag: 'circle', attrs: { cx: size / 2, cy: size / 2, r: size / 5 } }];
    case 'horizontal':
      return [{ tag: 'path', attrs: { d: `M0,${size / 2} H${size}`, 'stroke-width': 1.8 } }];
    case 'solid':
      return [{ tag: 'rect', attrs: { x: 0, y: 0, width: size, height: size } }];
    case 'none':
      return [];
  }
}
