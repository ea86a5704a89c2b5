import { describe, expect, it } from 'vitest';
import { pickByWeight, Random } from './random.ts';
import { WeightedUrn } from './weightedUrn.ts';

/** The generator's tag weights by firm size (enterprises.ts), in tenths. */
const sizeWeights = [0.3, 1, 2.5, 4];

/** The draw assignLocalTags used before the urn: a weighted walk over the pool, then splice the pick out. */
function referenceDraws<T>(items: readonly T[], weight: (item: T) => number, random: Random, count: number): T[] {
  const pool = [...items];
  const picks: T[] = [];
  while (picks.length < count && pool.length > 0) {
    const item = random.weighted(pool, weight);
    pool.splice(pool.indexOf(item), 1);
    picks.push(item);
  }
  return picks;
}

function urnDraws<T>(urn: WeightedUrn<T>, random: Random, count: number): T[] {
  const picks: T[] = [];
  while (picks.length < count && urn.size > 0) picks.push(urn.draw(random));
  return picks;
}

/** A Random whose next() returns the given numbers in turn. */
function fixedDraws(xs: number[]): Random {
  const random = new Random(1);
  let i = 0;
  random.next = () => xs[i++];
  return random;
}

describe('WeightedUrn', () => {
  it('picks exactly what the weighted walk with removal picks, draw for draw, on seeded pools of thousands', () => {
    for (const seed of [1, 2, 201412]) {
      const makeItems = new Random(seed * 7 + 1);
      const items = Array.from({ length: 3000 }, (_, id) => ({ id, weight: sizeWeights[makeItems.int(0, 3)] }));
      const weight = (item: { weight: number }) => item.weight;
      // Every item drawn, so the whole order is compared, down to the last and lightest items.
      const reference = referenceDraws(items, weight, new Random(seed), items.length);
      const random = new Random(seed);
      const urn = new WeightedUrn(items, weight, 10);
      expect(urnDraws(urn, random, items.length).map((i) => i.id)).toEqual(reference.map((i) => i.id));
      // Same number of random numbers consumed: the next one matches too.
      const after = new Random(seed);
      referenceDraws(items, weight, after, items.length);
      expect(random.next()).toBe(after.next());
    }
  });

  it('stops part-way like the tag loop and leaves the rest drawable in the same order', () => {
    const makeItems = new Random(99);
    const items = Array.from({ length: 4000 }, (_, id) => ({ id, weight: sizeWeights[makeItems.int(0, 3)] }));
    const weight = (item: { weight: number }) => item.weight;
    const random = new Random(5);
    const urn = new WeightedUrn(items, weight, 10);
    const first = urnDraws(urn, random, 1000).map((i) => i.id);
    const reference = referenceDraws(items, weight, new Random(5), 1000).map((i) => i.id);
    expect(first).toEqual(reference);
    expect(urn.size).toBe(3000);
  });

  it('agrees with the walk where floating point and exact sums disagree (the walk decides)', () => {
    // Ten items of 0.3: the walk's total is 2.9999999999999996, so x = j/10 lands just below a boundary
    // in floating point and exactly on it in exact arithmetic.
    const items = Array.from({ length: 10 }, (_, id) => ({ id, weight: 0.3 }));
    const weight = (item: { weight: number }) => item.weight;
    const xs = Array.from({ length: 10 }, (_, j) => j / 10);
    let disagreements = 0;
    for (const x of xs) {
      const walk = pickByWeight(items, weight, x).id;
      const exact = items.findIndex((_, k) => 3 * (k + 1) > x * 30);
      if (walk !== exact) disagreements++;
      const urn = new WeightedUrn(items, weight, 10);
      expect(urn.draw(fixedDraws([x])).id).toBe(walk);
      expect(urn.fallbacks).toBe(1);
    }
    // The case is real: exact arithmetic alone would have picked differently.
    expect(disagreements).toBeGreaterThan(0);
  });

  it('handles zero weights and an empty urn the way the walk does', () => {
    const items = [
      { id: 0, weight: 0 },
      { id: 1, weight: 0.3 },
      { id: 2, weight: 0 },
    ];
    const weight = (item: { weight: number }) => item.weight;
    const urn = new WeightedUrn(items, weight, 10);
    expect(urn.draw(fixedDraws([0.5])).id).toBe(1);
    // Only zero weights left: the walk returns the last item.
    expect(urn.draw(fixedDraws([0.5])).id).toBe(pickByWeight([items[0], items[2]], weight, 0.5).id);
    expect(urn.draw(fixedDraws([0.5])).id).toBe(0);
    expect(urn.size).toBe(0);
    expect(() => urn.draw(fixedDraws([0.5]))).toThrow(RangeError);
  });

  it('refuses weights that are not integers over the scale', () => {
    expect(() => new WeightedUrn([0.25], (w) => w, 10)).toThrow(/not an integer/);
    expect(() => new WeightedUrn([-1], (w) => w, 10)).toThrow(RangeError);
  });
});
