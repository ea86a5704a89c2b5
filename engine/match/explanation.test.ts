import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairingWeights, talentWeights } from '../config/scoring.ts';
import { weighSignals, weightedTotal } from './explanation.ts';

/**
 * Pairing ranks several hundred pairs by weightedTotal and explains the shown ones with weighSignals
 * (scorePairs.ts): the order is only the shown scores' order if both totals are equal to the bit.
 */
describe('weightedTotal', () => {
  it("equals weighSignals' total to the bit, for any values in or out of [0, 1]", () => {
    for (const weights of [pairingWeights, talentWeights] as Record<string, number>[]) {
      const names = Object.keys(weights);
      fc.assert(
        fc.property(fc.array(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { minLength: names.length, maxLength: names.length }), (xs) => {
          const values = Object.fromEntries(names.map((n, i) => [n, xs[i]]));
          const detailed = Object.fromEntries(names.map((n, i) => [n, { value: xs[i], detail: '' }]));
          expect(weightedTotal(values, weights)).toBe(weighSignals(detailed, weights).total);
        }),
        { seed: 11, numRuns: 500 },
      );
    }
  });
});
