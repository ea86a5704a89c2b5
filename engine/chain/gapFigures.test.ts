import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapWeights } from '../config/scoring.ts';
import { analyseGaps, extensionOpportunities, rankedGaps } from './gapAnalysis.ts';
import { randomChain } from './testFixtures.ts';

/**
 * The identities docs/matching.md states between a segment's figures ("Gap figures and their
 * identities"): whatever the chain, every figure shown agrees with the others. Figures are kept to
 * 1万元 (0.0001 亿元), so sums of rounded parts may differ from their rounded whole by a few of those.
 */
const close = (a: number, b: number, tolerance = 5e-4) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance);

describe('gap figures agree with each other on random chains', () => {
  it('unmet demand, shortfall, N−1 shortfall, outside dependence and demand at stake', () => {
    fc.assert(
      fc.property(randomChain(), (snapshot) => {
        for (const { metrics: m } of analyseGaps(snapshot)) {
          close(m.unmetDemand, Math.max(0, m.localDemand - m.localCapacity));
          if (m.localDemand > 0) close(m.shortfall, m.unmetDemand / m.localDemand, 1e-3 + 1e-4 / m.localDemand);
          else expect(m.shortfall).toBe(0);
          expect(m.n1Shortfall).toBeGreaterThanOrEqual(m.shortfall);
          // What local capacity cannot cover is bought outside: dependence is never below the shortfall.
          expect(m.outsideDependence).toBeGreaterThanOrEqual(m.shortfall);
          if (m.observedOutsideShare !== null) expect(m.outsideDependence).toBeGreaterThanOrEqual(m.observedOutsideShare);
          const exposure = gapWeights.shortfall * m.shortfall + gapWeights.n1Shortfall * m.n1Shortfall + gapWeights.outsideDependence * m.outsideDependence;
          close(m.demandAtStake, m.localDemand * exposure, 1e-3 * Math.max(1, m.localDemand));
          expect(m.demandAtStake).toBeLessThanOrEqual(m.localDemand + 1e-4);
          if (m.localFirmCount > 0) {
            expect(m.topFirmShare!).toBeGreaterThanOrEqual(1 / m.localFirmCount - 1e-4);
            expect(m.hhi!).toBeLessThanOrEqual(m.topFirmShare! + 1e-4);
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('each class has the priority its list ranks on, and the lists never mix', () => {
    fc.assert(
      fc.property(randomChain(), (snapshot) => {
        const gaps = analyseGaps(snapshot);
        for (const g of gaps) {
          const m = g.metrics;
          if (g.class === 'missing' || g.class === 'broken') {
            // 补链: no local firm, so the whole local demand is unmet, and that is the priority.
            expect(m.localCapacity).toBe(0);
            expect(g.priorityBasis).toBe('unmetDemand');
            close(g.priority!, m.unmetDemand);
            close(m.unmetDemand, m.localDemand);
            expect(m.outsideDependence).toBe(1);
          }
          if (g.class === 'weak') {
            expect(g.priorityBasis).toBe('demandAtStake');
            expect(g.priority!).toBeGreaterThan(0);
            expect(g.priority).toBe(m.demandAtStake);
          }
          if (g.class === 'missing' || g.class === 'broken' || g.class === 'weak') {
            const p = g.priorityParts;
            close(p.shortfall + p.n1Shortfall + p.outsideDependence, g.priority!, 1e-3);
          }
          if (g.class === 'extension') {
            expect(m.localDemand).toBeLessThan(1e-4);
            expect(g.priorityBasis).toBe('adjacentLocalOutput');
            expect(g.priority).toBe(g.priorityParts.adjacentLocalOutput);
          }
          if (g.class === 'healthy' || g.class === 'absent') {
            expect(g.priority).toBeNull();
            expect(g.score).toBe(0);
          }
          expect(g.score).toBeGreaterThanOrEqual(0);
          expect(g.score).toBeLessThanOrEqual(1);
        }
        const ranked = rankedGaps(gaps);
        expect(ranked.every((g) => g.class !== 'extension')).toBe(true);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].priority!).toBeGreaterThanOrEqual(ranked[i].priority!);
        const extensions = extensionOpportunities(gaps);
        expect(extensions.every((g) => g.class === 'extension')).toBe(true);
        for (let i = 1; i < extensions.length; i++) expect(extensions[i - 1].priority!).toBeGreaterThanOrEqual(extensions[i].priority!);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
