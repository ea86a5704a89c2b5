import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeLearning } from '../config/scoring.ts';
import { acceptanceStats, adjustWeights, type MatchOutcome } from './acceptanceStats.ts';
import { canTransition, matchTransitions, type MatchStatus } from './lifecycle.ts';

const outcome = (status: MatchStatus, values: Record<string, number>): MatchOutcome => ({
  kind: 'resource',
  status,
  signals: Object.entries(values).map(([signal, value]) => ({ signal, value, weight: 0.5 })),
});

describe('match lifecycle', () => {
  it('allows exactly proposed → contacted → agreed | declined, and declining a proposal', () => {
    const all: MatchStatus[] = ['proposed', 'contacted', 'agreed', 'declined'];
    const allowed = all.flatMap((from) => all.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['contacted→agreed', 'contacted→declined', 'proposed→contacted', 'proposed→declined']);
    expect(matchTransitions.agreed).toEqual([]);
  });
});

describe('acceptance statistics and the weight rule', () => {
  it('reports per-signal means, lift and acceptance when high or low', () => {
    const stats = acceptanceStats(
      [
        outcome('agreed', { a: 0.9, b: 0.2 }),
        outcome('agreed', { a: 0.7, b: 0.4 }),
        outcome('declined', { a: 0.1, b: 0.6 }),
        outcome('proposed', { a: 0.5, b: 0.5 }),
      ],
      { resource: { a: 0.5, b: 0.5 } },
    );
    const [r] = stats;
    expect(r.byStatus).toEqual({ proposed: 1, contacted: 0, agreed: 2, declined: 1 });
    expect(r.acceptanceRate).toBeCloseTo(2 / 3);
    const a = r.signals.find((s) => s.signal === 'a')!;
    expect(a).toMatchObject({ agreed: { n: 2, mean: 0.8 }, declined: { n: 1, mean: 0.1 }, acceptanceWhenHigh: 1, acceptanceWhenLow: 0 });
    expect(a.lift).toBeCloseTo(0.7);
    expect(r.adjusted).toBe(false);
    expect(r.weights).toEqual({ a: 0.5, b: 0.5 });
  });

  it('shifts weight towards signals accepted matches had more of, once there are enough outcomes', () => {
    const many = [
      ...Array.from({ length: 6 }, () => outcome('agreed', { a: 0.9, b: 0.3 })),
      ...Array.from({ length: 6 }, () => outcome('declined', { a: 0.2, b: 0.3 })),
    ];
    const [r] = acceptanceStats(many, { resource: { a: 0.5, b: 0.5 } });
    expect(r.adjusted).toBe(true);
    expect(r.weights.a).toBeGreaterThan(0.5);
    expect(r.weights.b).toBeLessThan(0.5);
    expect(r.weights.a + r.weights.b).toBeCloseTo(1, 3);
  });

  it('never moves a weight by more than (1 + rate) / (1 − rate), keeps the sum, and keeps every weight positive', () => {
    const { rate } = outcomeLearning;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('s1', 's2', 's3', 's4', 's5'), fc.double({ min: 0.01, max: 1, noNaN: true }), { minKeys: 1 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (base, lifts, agreed, declined) => {
          const names = Object.keys(base);
          const { weights } = adjustWeights(base, Object.fromEntries(names.map((s, i) => [s, lifts[i]])), agreed, declined);
          const sum = (w: Record<string, number>) => Object.values(w).reduce((x, y) => x + y, 0);
          expect(sum(weights)).toBeCloseTo(sum(base), 3);
          for (const s of names) {
            expect(weights[s]).toBeGreaterThan(0);
            expect(weights[s] / base[s]).toBeLessThanOrEqual((1 + rate) / (1 - rate) + 1e-3);
            expect(weights[s] / base[s]).toBeGreaterThanOrEqual((1 - rate) / (1 + rate) - 1e-3);
          }
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});
