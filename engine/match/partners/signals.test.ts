import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../chain/testFixtures.ts';
import { maximalMarginalRelevance, jaccard } from '../mmr.ts';
import { ChainTradeIndex, channelSignal, connectivitySignal, fitSignal, relianceSignal, tierSignal } from './signals.ts';

describe('partner signals', () => {
  it('counts the local firms a candidate would trade with along INPUT_TO', () => {
    const index = new ChainTradeIndex(fixtureSnapshot());
    // p1 is an input of p2 (big2, micro2) and p3 (a3, b3).
    const trade = index.trade({ id: 'cand', products: [{ id: 'p1', name: '产品1' }], segmentIds: ['s1'] });
    expect([...trade.buyers.keys()].sort()).toEqual(['a3', 'b3', 'big2', 'micro2']);
    expect(trade.sellers.size).toBe(0);
    expect(trade.buyers.get('a3')).toEqual({ kind: 'product', candidateProductId: 'p1', localProductId: 'p3' });
    expect([...trade.partners].sort()).toEqual(['a3', 'b3', 'big2', 'micro2']);
  });

  it('shares the trade of a product set between candidates, but never counts a local firm as its own partner', () => {
    const index = new ChainTradeIndex(fixtureSnapshot());
    const outsider = index.trade({ id: 'cand', products: [{ id: 'p1', name: '产品1' }], segmentIds: ['s1'] });
    // a3 makes p3, which takes p1 as input: as a candidate offering p1 it must not be its own buyer.
    const local = index.trade({ id: 'a3', products: [{ id: 'p1', name: '产品1' }], segmentIds: ['s1'] });
    expect([...local.buyers.keys()].sort()).toEqual(['b3', 'big2', 'micro2']);
    expect(local.partners.has('a3')).toBe(false);
    expect(index.trade({ id: 'other', products: [{ id: 'p1', name: '产品1' }], segmentIds: [] })).toBe(outsider);
    expect(outsider.partners.has('a3')).toBe(true);
  });

  it('adding a supply tie never lowers connectivity or reliance; every signal stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 4 }),
        (partners, newTie) => {
          const before = connectivitySignal(new Set(partners));
          const after = connectivitySignal(new Set([...partners, newTie]));
          expect(after).toBeGreaterThanOrEqual(before);
          const shares = partners.map((p) => (p.length * 23) % 101);
          expect(relianceSignal([...shares, 40])).toBeGreaterThanOrEqual(relianceSignal(shares));
          for (const v of [before, after, relianceSignal(shares)]) expect(v >= 0 && v <= 1).toBe(true);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
    fc.assert(
      fc.property(fc.boolean(), fc.nat(10), fc.nat(10), fc.double({ min: 0, max: 1, noNaN: true }), (member, matching, total, text) => {
        const v = fitSignal({ member, matchingProducts: matching, segmentProducts: total, textSimilarity: text });
        expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('ranks tiers and channels as documented', () => {
    expect(tierSignal(['listed', 'high-tech'])).toBeCloseTo(1);
    expect(tierSignal(['high-tech'])).toBe(0.5);
    expect(tierSignal(['korean-funded'])).toBe(0);
    const none = { alliances: [], pairedOrgs: [], commonPartners: [] };
    // An existing supply tie is counted once, in `ties`: it is no introduction channel.
    expect(channelSignal(none)).toBe(0);
    expect(channelSignal({ ...none, alliances: [{ id: 'a', name: 'a', localMember: { id: 'x', name: 'x' } }] })).toBe(1);
  });
});

describe('maximal marginal relevance', () => {
  it('diversifies a list of near-duplicates', () => {
    // Five near-copies of one firm score highest; two different firms score a little lower.
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `copy${i}`, score: 0.9 - i * 0.001, products: ['p1', 'p2'] })),
      { id: 'other1', score: 0.8, products: ['p7'] },
      { id: 'other2', score: 0.78, products: ['p8'] },
    ];
    const top3 = maximalMarginalRelevance(
      items,
      (x) => x.score,
      (a, b) => jaccard(a.products, b.products),
      3,
      0.7,
    );
    expect(top3.map((x) => x.id)).toEqual(['copy0', 'other1', 'other2']);
    const byScore = maximalMarginalRelevance(
      items,
      (x) => x.score,
      () => 0,
      3,
      0.7,
    );
    expect(byScore.map((x) => x.id)).toEqual(['copy0', 'copy1', 'copy2']);
  });
});
