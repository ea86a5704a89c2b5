import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gapWeights, partnerModeWeights } from './scoring.ts';
import { markdownTableRows } from '../../scripts/test/markdownTable.ts';

/** docs/matching.md states the weights; this keeps it true to the config (a changed weight fails here). */
const doc = readFileSync(new URL('../../docs/matching.md', import.meta.url), 'utf8');
const modes = ['fill', 'strengthen', 'extend'] as const;

describe('docs/matching.md and engine/config/scoring.ts', () => {
  it('the partner signal table gives every mode’s weights as configured, and no signal the config lacks', () => {
    const section = doc.slice(doc.indexOf('## 2. '), doc.indexOf('## 3. '));
    const rows = markdownTableRows(section).filter((cells) => /^[a-zA-Z]+$/.test(cells[0]) && cells.slice(1, 4).every((c) => /^[\d.–]+$/.test(c)));
    const documented = new Map(rows.map(([signal, ...weights]) => [signal, weights.slice(0, 3)] as const));
    const configured = new Set(modes.flatMap((m) => Object.keys(partnerModeWeights[m])));
    expect(new Set(documented.keys())).toEqual(configured);
    for (const [signal, weights] of documented) {
      modes.forEach((mode, i) => {
        const weight = (partnerModeWeights[mode] as Record<string, number>)[signal];
        expect(weights[i], `${signal} in ${mode}`).toBe(weight === undefined ? '–' : weight.toFixed(2));
      });
    }
    for (const mode of modes)
      expect(
        Object.values(partnerModeWeights[mode]).reduce((s, w) => s + w, 0),
        mode,
      ).toBeCloseTo(1, 10);
  });

  it('the demand-at-stake formula uses the configured gap weights, which sum to 1', () => {
    expect(doc).toContain(
      `localDemand × (${gapWeights.shortfall}·shortfall + ${gapWeights.n1Shortfall.toFixed(2)}·n1Shortfall + ${gapWeights.outsideDependence}·outsideDependence)`,
    );
    expect(gapWeights.shortfall + gapWeights.n1Shortfall + gapWeights.outsideDependence).toBeCloseTo(1, 10);
  });
});
