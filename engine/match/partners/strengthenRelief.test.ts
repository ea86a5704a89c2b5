import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relianceSignal } from './signals.ts';
import { strengthenRelief } from './strengthenRelief.ts';

// A segment that hangs on one firm: 20 亿元 of local demand, 21 亿元 of capacity of which 20 in one firm.
const singleSupplier = { localDemand: 20, localCapacity: 21, topCapacity: 20, n1Shortfall: 0.95, outsideDependence: 0 };

describe('强链 relief: what a new or expanded supplier does to a weak segment', () => {
  it('an outside firm as large as the demand removes the N−1 shortfall; a small one a proportional part', () => {
    expect(strengthenRelief(singleSupplier, 20).concentration).toBe(1);
    const small = strengthenRelief(singleSupplier, 5);
    // N−1 after: 1 − (26 − 20) / 20 = 0.7, from 0.95: 26 % of it gone.
    expect(small.n1ShortfallAfter).toBeCloseTo(0.7, 6);
    expect(small.concentration).toBeCloseTo(1 - 0.7 / 0.95, 6);
  });

  it('a firm larger than the dominant one becomes the new largest: the N−1 test then removes it instead', () => {
    // 21 + 40 − 40 = 21 ≥ 20: losing the newcomer still leaves the demand covered.
    expect(strengthenRelief(singleSupplier, 40).concentration).toBe(1);
  });

  it('outside relief: the share of outside-bought demand the new capacity could supply locally', () => {
    const dependent = { localDemand: 10, localCapacity: 4, topCapacity: 2, n1Shortfall: 0.8, outsideDependence: 0.6 };
    expect(strengthenRelief(dependent, 3).outside).toBeCloseTo(3 / 6, 6);
    expect(strengthenRelief(dependent, 9).outside).toBe(1);
  });

  it('never negative, never above 1, never less for more capacity; nothing without demand', () => {
    expect(strengthenRelief({ ...singleSupplier, localDemand: 0 }, 10)).toMatchObject({ concentration: 0, outside: 0 });
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (D, C, od, c) => {
          const T = C * 0.7;
          const n1 = Math.min(1, Math.max(0, 1 - (C - T) / D));
          const figures = { localDemand: D, localCapacity: C, topCapacity: T, n1Shortfall: n1, outsideDependence: od };
          const a = strengthenRelief(figures, c);
          const b = strengthenRelief(figures, c + 1);
          for (const v of [a.concentration, a.outside]) expect(v >= 0 && v <= 1).toBe(true);
          expect(b.concentration).toBeGreaterThanOrEqual(a.concentration - 1e-12);
          expect(b.outside).toBeGreaterThanOrEqual(a.outside - 1e-12);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('reliance on a supplier', () => {
  it('one tie covering 80 % of a local firm’s needs outweighs several marginal ones', () => {
    expect(relianceSignal([])).toBe(0);
    expect(relianceSignal([80])).toBeCloseTo(0.8, 10);
    expect(relianceSignal([80, 80])).toBeCloseTo(0.96, 10);
    expect(relianceSignal([20, 20, 20, 20])).toBeCloseTo(1 - 0.8 ** 4, 10);
    expect(relianceSignal([80])).toBeGreaterThan(relianceSignal([20, 20, 20, 20]));
  });
});
