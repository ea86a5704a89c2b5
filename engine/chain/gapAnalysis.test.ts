import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseGaps, extensionOpportunities, rankedGaps } from './gapAnalysis.ts';
import { singlePointsOfFailure } from './resilience.ts';
import { firm, fixtureSnapshot } from './testFixtures.ts';
import { whatIf } from './whatIf.ts';

const bySegment = (gaps: ReturnType<typeof analyseGaps>) => Object.fromEntries(gaps.map((g) => [g.segmentId, g]));

describe('gap analysis on a hand-made chain', () => {
  const gaps = bySegment(analyseGaps(fixtureSnapshot()));

  it('finds the missing segment, the single-supplier segment, the healthy one and the extension', () => {
    expect(gaps.s1).toMatchObject({ class: 'missing', action: 'fill', reasons: ['no-local-firm'] });
    expect(gaps.s2).toMatchObject({ class: 'weak', action: 'strengthen' });
    expect(gaps.s2.reasons).toContain('single-supplier');
    expect(gaps.s3).toMatchObject({ class: 'healthy', action: null });
    expect(gaps.s4).toMatchObject({ class: 'extension', action: 'extend', reasons: ['no-local-firm', 'downstream-of-local'] });
  });

  it('traces local demand to the firms that need the segment', () => {
    // s1's product is an input of p2 (s2 firms) and of p3 (s3 firms, split with p2); s3's firms spread
    // β = 0.2 of their needs along FEEDS, which reaches s2 only: 0.6 × (20 + 0.01 + 0.8·(½·5 + ½·5))
    expect(gaps.s1.metrics.localDemand).toBeCloseTo(0.6 * (20 + 0.01 + 0.8 * (2.5 + 2.5)), 3);
    expect(gaps.s1.metrics.unmetDemand).toBeCloseTo(gaps.s1.metrics.localDemand, 3);
    expect(gaps.s1.metrics.estimated).toBe(false);
    expect(gaps.s1.metrics.evidence.demandFrom[0]).toMatchObject({ id: 'big2' });
    expect(gaps.s1.metrics.outsideDependence).toBe(1);
    expect(gaps.s2.metrics.topFirmShare).toBeGreaterThan(0.99);
    expect(gaps.s3.metrics.partyCoverage).toBe(0.5);
  });

  it('classes a missing segment between local ones as broken', () => {
    const snapshot = fixtureSnapshot([firm('only1', 's1', 10_000)]);
    snapshot.firms = snapshot.firms.filter((f) => !f.segmentIds.includes('s2'));
    const g = bySegment(analyseGaps(snapshot));
    expect(g.s2).toMatchObject({ class: 'broken', action: 'fill' });
    expect(g.s2.reasons).toContain('local-chain-cut');
  });

  it('what-if: attracting a firm into the missing segment removes that gap, and writes nothing', () => {
    const before = fixtureSnapshot();
    const { rows } = whatIf(before, { add: [{ ...firm('new1', 's1', 80_000), local: false }], remove: [] });
    const s1 = rows.find((r) => r.segmentId === 's1')!;
    expect(s1.before.class).toBe('missing');
    expect(s1.after.class).not.toBe('missing');
    expect(s1.after.demandAtStake).toBeLessThan(s1.before.demandAtStake);
    expect(before.firms.map((f) => f.id)).not.toContain('new1');
  });

  it('names the dominant firm as a single point of failure', () => {
    const spof = singlePointsOfFailure(fixtureSnapshot());
    expect(spof[0]).toMatchObject({ id: 'big2', soleSourceCustomers: ['a3', 'b3'] });
    expect(spof.map((s) => s.id)).not.toContain('micro2');
  });
});

describe('gap priority properties', () => {
  const segments = ['s1', 's2', 's3', 's4'];
  const firmArb = fc.record({ seg: fc.constantFrom(...segments), revenue: fc.integer({ min: 1, max: 500_000 }) });

  it('adding local capacity to a segment never raises the demand it has at stake', () => {
    fc.assert(
      fc.property(fc.array(firmArb, { maxLength: 12 }), firmArb, (firms, extra) => {
        const base = fixtureSnapshot(firms.map((f, i) => firm(`r${i}`, f.seg, f.revenue)));
        const before = bySegment(analyseGaps(base));
        const after = bySegment(
          analyseGaps(fixtureSnapshot([...firms.map((f, i) => firm(`r${i}`, f.seg, f.revenue)), firm('added', extra.seg, extra.revenue)])),
        );
        expect(after[extra.seg].metrics.demandAtStake).toBeLessThanOrEqual(before[extra.seg].metrics.demandAtStake + 1e-9);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('the planted gaps of the fixture: missing s1 ranks by its unmet demand, weak s2 never scores 0, the extension is listed apart', () => {
    const all = analyseGaps(fixtureSnapshot());
    const g = bySegment(all);
    expect(g.s1.priority).toBe(g.s1.metrics.unmetDemand);
    expect(g.s2.priority!).toBeGreaterThan(0);
    expect(rankedGaps(all).map((x) => x.segmentId)).not.toContain('s4');
    expect(extensionOpportunities(all).map((x) => x.segmentId)).toEqual(['s4']);
    // s4 is fed by s3's 10 亿元 of local output: that is its measure, not a gap's.
    expect(g.s4.priority).toBeCloseTo(g.s3.metrics.localCapacity, 4);
  });
});
