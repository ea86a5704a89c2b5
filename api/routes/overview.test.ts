import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtOverviewResponse, type DistrictOverview, type Graph } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';

describe('GET /overview over HTTP on the seed', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let overview: DistrictOverview;
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
    const response = await fetch(`${api.base}/api/v1/overview`);
    expect(response.status).toBe(200);
    overview = await response.json();
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('answers every chain, largest 亿元 at stake first, in its documented shape, marked as demo data', async () => {
    expect(districtOverviewResponse.safeParse(overview).success).toBe(true);
    const chains = (await (await fetch(`${api.base}/api/v1/chains`)).json()).items as { id: string; localFirms: number }[];
    expect(overview.chains.map((c) => c.chain.id).sort()).toEqual(chains.map((c) => c.id).sort());
    const stakes = overview.chains.map((c) => c.atStake);
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
    expect(overview.demo).toBe(true);
    for (const row of overview.chains) expect(row.localFirms, row.chain.id).toBe(chains.find((c) => c.id === row.chain.id)!.localFirms);
  });

  it('agrees with GET /chains/{id}/gaps for every chain: counts by class and 亿元 at stake', async () => {
    for (const row of overview.chains) {
      const report = await (await fetch(`${api.base}/api/v1/chains/${row.chain.id}/gaps`)).json();
      for (const [cls, n] of Object.entries(report.summary as Record<string, number>))
        expect(row.counts[cls as keyof typeof row.counts], `${row.chain.id} ${cls}`).toBe(n);
      const stake = (report.gaps as { priority: number }[]).reduce((s, g) => s + g.priority, 0);
      expect(row.atStake, row.chain.id).toBeCloseTo(stake, 3);
    }
  });

  it('refuses an unknown parameter with a problem naming it', async () => {
    const response = await fetch(`${api.base}/api/v1/overview?chain=biomed`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(await response.json())).toContain('chain');
  });
});
