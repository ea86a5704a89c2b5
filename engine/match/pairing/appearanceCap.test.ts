import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeWithCap } from './appearanceCap.ts';

interface Pair {
  id: string;
  by: string | null;
  score: number;
  /** Who else could carry it, best first, with the score it would then have. */
  others: { by: string; score: number }[];
  movedFrom?: string;
}

const options = (limit: number, cap: number) => ({
  limit,
  cap,
  holder: (p: Pair) => p.by,
  compare: (a: Pair, b: Pair) => b.score - a.score || a.id.localeCompare(b.id),
  reassign: (p: Pair, full: ReadonlySet<string>): Pair => {
    const next = p.others.find((o) => !full.has(o.by));
    // nobody else: the pair stays, carried by no one, at the score without a carrier
    return next
      ? { ...p, by: next.by, score: Math.min(p.score, next.score), movedFrom: p.by! }
      : { ...p, by: null, score: Math.min(p.score, 0.1), movedFrom: p.by! };
  },
});

describe('takeWithCap', () => {
  it('moves the third pair of a researcher to the next one, and orders by the score after the move', () => {
    const pairs: Pair[] = [
      { id: 'a', by: '院士', score: 0.9, others: [] },
      { id: 'b', by: '院士', score: 0.8, others: [] },
      { id: 'c', by: '院士', score: 0.7, others: [{ by: '教授', score: 0.5 }] },
      { id: 'd', by: '讲师', score: 0.6, others: [] },
    ];
    const { items } = takeWithCap(pairs, options(10, 2));
    expect(items.map((p) => [p.id, p.by, p.score])).toEqual([
      ['a', '院士', 0.9],
      ['b', '院士', 0.8],
      ['d', '讲师', 0.6],
      ['c', '教授', 0.5],
    ]);
    expect(items.find((p) => p.id === 'c')?.movedFrom).toBe('院士');
  });

  it('drops an item no one else can take when reassign says so', () => {
    const pairs = [
      { id: 'x', by: 'u1', score: 3 },
      { id: 'y', by: 'u1', score: 2 },
      { id: 'z', by: 'u2', score: 1 },
    ];
    const { items, dropped } = takeWithCap(pairs, { limit: 10, cap: 1, holder: (p) => p.by, compare: (a, b) => b.score - a.score, reassign: () => null });
    expect(items.map((p) => p.id)).toEqual(['x', 'z']);
    expect(dropped.map((p) => p.id)).toEqual(['y']);
  });

  it('never lets a holder exceed the cap, and the list always follows the scores it shows', () => {
    const pair = fc.record({
      by: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      others: fc.array(fc.record({ by: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'), score: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), (raw, limit, cap) => {
        const pairs: Pair[] = raw.map((p, i) => ({ ...p, id: String(i).padStart(3, '0') }));
        const { items } = takeWithCap(pairs, options(limit, cap));
        const counts = new Map<string, number>();
        for (const p of items) if (p.by) counts.set(p.by, (counts.get(p.by) ?? 0) + 1);
        expect(Math.max(0, ...counts.values())).toBeLessThanOrEqual(cap);
        for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score);
        expect(items.length).toBe(Math.min(limit, pairs.length));
        expect(new Set(items.map((p) => p.id)).size).toBe(items.length);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
