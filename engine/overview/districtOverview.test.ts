import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { ChainMatchEngine } from '../chainMatchEngine.ts';
import type { Graph } from '../graph/graph.ts';
import { districtOverview, type DistrictOverview } from './districtOverview.ts';

describe('the district overview on the seed', () => {
  let graph: Graph;
  let engine: ChainMatchEngine;
  let overview: DistrictOverview;
  beforeAll(async () => {
    graph = await seededGraph();
    engine = new ChainMatchEngine(graph);
    overview = await districtOverview(engine, new Date('2026-12-06T02:00:00Z'));
  });
  afterAll(() => graph.close());

  it('has every chain, largest 亿元 at stake first, on the district day', async () => {
    expect(overview.day).toBe('2026-12-06');
    const chains = await engine.listChains();
    expect(overview.chains.map((c) => c.chain.id).sort()).toEqual(chains.map((c) => c.id).sort());
    const stakes = overview.chains.map((c) => c.atStake);
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
    expect(stakes[0]).toBeGreaterThan(stakes.at(-1)!);
    expect(overview.demo).toBe(true); // the seed is demo data
  });

  it('agrees with each chain’s gap report: counts, 亿元 at stake by class, unmet demand, 延链 output', async () => {
    for (const row of overview.chains) {
      const report = await engine.gaps(row.chain.id);
      for (const [cls, n] of Object.entries(report.summary)) expect(row.counts[cls as keyof typeof row.counts], `${row.chain.id} ${cls}`).toBe(n);
      const priority = (cls: string) => report.gaps.filter((g) => g.class === cls).reduce((s, g) => s + (g.priority ?? 0), 0);
      expect(row.atStakeByClass.missing).toBeCloseTo(priority('missing'), 3);
      expect(row.atStakeByClass.broken).toBeCloseTo(priority('broken'), 3);
      expect(row.atStakeByClass.weak).toBeCloseTo(priority('weak'), 3);
      expect(row.atStake).toBeCloseTo(
        report.gaps.reduce((s, g) => s + (g.priority ?? 0), 0),
        3,
      );
      expect(row.unmetDemand).toBeCloseTo(
        report.gaps.reduce((s, g) => s + g.metrics.unmetDemand, 0),
        3,
      );
      expect(row.extensionOutput).toBeCloseTo(
        report.extensions.reduce((s, g) => s + (g.priority ?? 0), 0),
        3,
      );
    }
  });

  it('agrees with each chain’s map: local firms, demand-weighted outside dependence; shares within 0–1', async () => {
    for (const row of overview.chains) {
      const map = await engine.chainMap(row.chain.id);
      expect(row.localFirms, row.chain.id).toBe(map.totals.localFirms);
      const demand = map.segments.reduce((s, g) => s + g.metrics.localDemand, 0);
      const outside = map.segments.reduce((s, g) => s + g.metrics.localDemand * g.metrics.outsideDependence, 0);
      expect(row.outsideDependence).toBeCloseTo(outside / demand, 3);
      expect(row.partyCoverage).toBeGreaterThanOrEqual(0);
      expect(row.partyCoverage).toBeLessThanOrEqual(1);
    }
  });

  it('sends the figures of the page, not the segment classes kept for history', () => {
    expect(overview.chains[0]).not.toHaveProperty('segments');
    expect(overview.chains[0].trend.at(-1)).toMatchObject({ day: '2026-12-06', atStake: overview.chains[0].atStake });
  });
});
