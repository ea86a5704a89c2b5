import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revenueProxies } from '../config/scoring.ts';
import { firmRevenueWan } from './capacity.ts';
import { analyseGaps, rankedGaps } from './gapAnalysis.ts';
import { fixtureSnapshot, randomChain } from './testFixtures.ts';

const bySegment = (gaps: ReturnType<typeof analyseGaps>) => Object.fromEntries(gaps.map((g) => [g.segmentId, g]));
const facts = { revenueWan: null, size: null, employees: null, registeredCapitalWan: null, tags: [] };

describe('a firm’s revenue: measured, or estimated from the first proxy it has', () => {
  it('tries revenue, size class, employees, registered capital, then counts the firm as a typical one', () => {
    expect(firmRevenueWan({ ...facts, revenueWan: 5000, size: 'large', employees: 10 })).toEqual({ wan: 5000, basis: 'revenue' });
    expect(firmRevenueWan({ ...facts, size: 'small', employees: 1000 })).toEqual({ wan: revenueProxies.typicalRevenueWanBySize.small, basis: 'size' });
    expect(firmRevenueWan({ ...facts, employees: 200, registeredCapitalWan: 1 })).toEqual({
      wan: 200 * revenueProxies.revenueWanPerEmployee,
      basis: 'employees',
    });
    expect(firmRevenueWan({ ...facts, registeredCapitalWan: 3000 })).toEqual({
      wan: 3000 * revenueProxies.revenuePerRegisteredCapital,
      basis: 'registeredCapital',
    });
    expect(firmRevenueWan(facts)).toEqual({ wan: revenueProxies.typicalFirmRevenueWan, basis: 'firmCount' });
    // A blank that an older import stored as 0 is unknown, not a firm without sales.
    expect(firmRevenueWan({ ...facts, revenueWan: 0, employees: 0 }).basis).toBe('firmCount');
  });
});

describe('gap analysis without revenue', () => {
  const withoutRevenue = (size: string | null) => {
    const snapshot = fixtureSnapshot();
    snapshot.firms = snapshot.firms.map((f) => ({ ...f, revenueWan: null, size }));
    return snapshot;
  };

  it('still finds the missing segment, with a non-zero score, flagged estimated and the proxy named', () => {
    const gaps = bySegment(analyseGaps(withoutRevenue('medium')));
    expect(gaps.s1).toMatchObject({ class: 'missing', action: 'fill', reasons: ['no-local-firm', '按企业规模估算'] });
    expect(gaps.s1.score).toBeGreaterThan(0);
    expect(gaps.s1.metrics).toMatchObject({ estimated: true, estimatedBy: ['size'] });
    expect(gaps.s1.metrics.evidence.demandFrom.every((f) => f.basis === 'size')).toBe(true);
    expect(gaps.s3.metrics.localCapacity).toBeCloseTo(2 * 0.9, 6);
  });

  it('falls back to firm counts when nothing is known, and says so', () => {
    const gaps = bySegment(analyseGaps(withoutRevenue(null)));
    expect(gaps.s1).toMatchObject({ class: 'missing', reasons: ['no-local-firm', '按企业数量估算'] });
    expect(gaps.s1.score).toBeGreaterThan(0);
    // Four local firms downstream, each one typical firm: capacity is a firm count in 亿元 of a typical firm.
    expect(gaps.s2.metrics.localCapacity).toBeCloseTo((2 * revenueProxies.typicalFirmRevenueWan) / 10_000, 6);
  });

  it('mixes measured and estimated firms, and flags only the segments an estimate enters', () => {
    const snapshot = fixtureSnapshot();
    snapshot.firms = snapshot.firms.map((f) => (f.id === 'a3' ? { ...f, revenueWan: null, size: null, employees: 400 } : f));
    const gaps = bySegment(analyseGaps(snapshot));
    expect(gaps.s3.metrics.estimatedBy).toEqual(['employees']);
    expect(gaps.s3.reasons).toContain('按从业人数估算');
    expect(gaps.s1.metrics.estimatedBy).toEqual(['employees']);
    const untouched = fixtureSnapshot([], []);
    expect(bySegment(analyseGaps(untouched)).s3.metrics.estimated).toBe(false);
  });

  it('on a template without INPUT_TO, a segment feeding local segments is a 补链 gap ranked by unmet demand', () => {
    const snapshot = withoutRevenue(null);
    snapshot.inputTo = [];
    const gaps = bySegment(analyseGaps(snapshot));
    expect(gaps.s1.class).toBe('missing');
    expect(gaps.s1.score).toBeGreaterThan(0);
    expect(gaps.s1.metrics.unmetDemand).toBeGreaterThan(0);
  });
});

describe('every segment with no local firm that feeds a local one is missing or broken, score > 0; 补链 ranks by unmet demand', () => {
  it('holds on random chains, with or without revenue and INPUT_TO', () => {
    fc.assert(
      fc.property(randomChain(), (snapshot) => {
        const feeds = snapshot.feeds;
        const gaps = analyseGaps(snapshot);
        const present = new Set(snapshot.firms.flatMap((f) => f.segmentIds));
        for (const g of gaps) {
          const feedsLocal = feeds.some(([from, to]) => from === g.segmentId && present.has(to));
          if (!present.has(g.segmentId) && feedsLocal) {
            expect(['missing', 'broken']).toContain(g.class);
            expect(g.score).toBeGreaterThan(0);
          }
          expect(g.score).toBeGreaterThanOrEqual(0);
          expect(g.score).toBeLessThanOrEqual(1);
        }
        const ranked = rankedGaps(gaps).filter((g) => g.action === 'fill');
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].metrics.unmetDemand).toBeGreaterThanOrEqual(ranked[i].metrics.unmetDemand);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
