/**
 * An expert's checks of gap analysis and 强链/补链/延链 recommendation on the seed, through the public
 * HTTP API (issue 13, items 1, 2, 7): planted gaps rank as their demand says and every figure agrees
 * with the others; a 补链 list starts with the outside firms local firms already rely on; a 强链 list
 * never offers the firm the segment hangs on; a mode that does not fit is refused with the one that
 * does; every candidate belongs to its segment; ranks follow the scores shown.
 * The pairing and resource checks are in expertChecks.pairing.test.ts and expertChecks.resources.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapReport, Graph, PartnerResult } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../scripts/test/testServer.ts';
import { plantedGaps } from './generate/plantedGaps.ts';

describe('expert checks: gaps and partner recommendations on the seed', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const gaps = async (chainId: string): Promise<GapReport> => {
    const res = await fetch(`${api.base}/api/v1/chains/${chainId}/gaps`);
    expect(res.status, chainId).toBe(200);
    return res.json();
  };
  const partners = async (body: object): Promise<PartnerResult> => {
    const res = await postJson(`${api.base}/api/v1/match/partners`, body);
    expect(res.status, JSON.stringify(body)).toBe(200);
    return res.json();
  };
  const signal = (c: PartnerResult['candidates'][number], name: string) => c.explanation.signals.find((s) => s.signal === name)?.value ?? 0;
  let chainIds: string[] = [];

  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
    chainIds = (await (await fetch(`${api.base}/api/v1/chains`)).json()).items.map((c: { id: string }) => c.id);
    expect(chainIds.length).toBe(7);
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  it('every chain: gaps rank by priority in 亿元, 补链 gaps by their unmet demand, weak never 0, extensions never among gaps', async () => {
    for (const chainId of chainIds) {
      const report = await gaps(chainId);
      for (let i = 1; i < report.gaps.length; i++) expect(report.gaps[i - 1].priority!, chainId).toBeGreaterThanOrEqual(report.gaps[i].priority!);
      for (const g of report.gaps) {
        expect(['missing', 'broken', 'weak'], g.segmentId).toContain(g.class);
        expect(g.priority!, g.segmentId).toBeGreaterThan(0);
        if (g.action === 'fill') expect(g.priority, g.segmentId).toBe(g.metrics.unmetDemand);
      }
      for (const e of report.extensions) {
        expect(e.class).toBe('extension');
        expect(e.metrics.localDemand, e.segmentId).toBe(0);
      }
    }
  });

  it('the planted gaps: missing ones are 补链 with their demand, the dominant ones weak with single-supplier risk, the end segments 延链 opportunities', async () => {
    for (const [chainId, planted] of Object.entries(plantedGaps)) {
      const report = await gaps(chainId);
      const gap = (id: string) => report.gaps.find((g) => g.segmentId === id);
      for (const id of planted.missing) {
        expect(gap(id)?.action, id).toBe('fill');
        expect(gap(id)!.metrics.localDemand, id).toBeGreaterThan(0);
      }
      for (const id of planted.dominant) {
        expect(gap(id)?.class, id).toBe('weak');
        expect(gap(id)!.reasons).toContain('single-supplier');
      }
      for (const id of planted.beyondEnds)
        expect(
          report.extensions.map((e) => e.segmentId),
          id,
        ).toContain(id);
    }
  });

  it('every segment’s figures agree: unmet = demand − capacity, outside dependence ≥ shortfall, N−1 ≥ shortfall', async () => {
    for (const chainId of chainIds) {
      const map = await (await fetch(`${api.base}/api/v1/chains/${chainId}/map`)).json();
      for (const s of map.segments) {
        const m = s.metrics;
        expect(Math.abs(m.unmetDemand - Math.max(0, m.localDemand - m.localCapacity)), s.segmentId).toBeLessThanOrEqual(2e-4);
        expect(m.outsideDependence, s.segmentId).toBeGreaterThanOrEqual(m.shortfall);
        expect(m.n1Shortfall, s.segmentId).toBeGreaterThanOrEqual(m.shortfall);
        if (m.localFirmCount === 0 && m.localDemand > 0) expect(m.outsideDependence, s.segmentId).toBe(1);
      }
    }
  });

  it('补链 for the CDMO gap starts with the outside firms local firms already rely on for CDMO', async () => {
    const report = await gaps('biomed');
    const cdmo = report.gaps.find((g) => g.segmentId === 'biomed.cdmo')!;
    const reliedOn = cdmo.metrics.evidence.outsideSuppliers.filter((s) => s.sharePct >= 80).map((s) => s.id);
    expect(reliedOn.length).toBeGreaterThan(0);
    const result = await partners({ chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 10 });
    expect(result.candidates.length).toBe(10);
    // The seed has dozens of such suppliers: the whole top 10 already supplies local firms' CDMO needs.
    for (const c of result.candidates) expect(signal(c, 'ties'), c.name).toBeGreaterThan(0);
    const longer = (await partners({ chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 50 })).candidates.map((c) => c.id);
    for (const id of reliedOn) expect(longer, id).toContain(id);
  });

  it('强链 on each planted single-supplier segment never offers the dominant firm, names it apart, and ranks by relief', async () => {
    for (const [chainId, planted] of Object.entries(plantedGaps)) {
      for (const segmentId of planted.dominant) {
        const report = await gaps(chainId);
        const dominant = report.gaps.find((g) => g.segmentId === segmentId)!.metrics.evidence.topFirms[0];
        const result = await partners({ chainId, segmentId, mode: 'strengthen', limit: 10 });
        expect(
          result.dominantFirms.map((d) => d.id),
          segmentId,
        ).toEqual([dominant.id]);
        expect(
          result.candidates.map((c) => c.id),
          segmentId,
        ).not.toContain(dominant.id);
        expect(result.candidates.length, segmentId).toBeGreaterThan(0);
        for (const c of result.candidates) expect(signal(c, 'concentrationRelief'), c.name).toBeGreaterThan(0);
        // The first alternative relieves the concentration at least as much as the median one.
        const reliefs = result.candidates.map((c) => signal(c, 'concentrationRelief')).sort((a, b) => a - b);
        expect(signal(result.candidates[0], 'concentrationRelief')).toBeGreaterThanOrEqual(reliefs[Math.floor(reliefs.length / 2)]);
      }
    }
  });

  it('强链 on a segment with no local firm is refused with a pointer to 补链, not answered with the 补链 list', async () => {
    const res = await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'strengthen' });
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.suggestion).toEqual({ mode: 'fill' });
    expect(problem.errors[0].path).toBe('body.mode');
    expect(problem.detail).toContain('补链');
    const extend = await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'extend' });
    expect(extend.status).toBe(409);
    expect((await extend.json()).suggestion).toEqual({ mode: 'fill' });
  });

  it('every candidate of every mode belongs to its segment by the graph, and ranks follow the scores shown', async () => {
    for (const [chainId, planted] of Object.entries(plantedGaps)) {
      const requests = [
        ...planted.missing.map((segmentId) => ({ chainId, segmentId, mode: 'fill' })),
        ...planted.dominant.map((segmentId) => ({ chainId, segmentId, mode: 'strengthen' })),
        ...planted.beyondEnds.map((segmentId) => ({ chainId, segmentId, mode: 'extend' })),
      ];
      for (const body of requests) {
        const result = await partners({ ...body, limit: 10 });
        for (let i = 1; i < result.candidates.length; i++) {
          expect(result.candidates[i - 1].score, body.segmentId).toBeGreaterThanOrEqual(result.candidates[i].score);
        }
        for (const c of result.candidates) {
          // A fit path is membership (IN_SEGMENT) or a product the segment includes (MAKES → INCLUDES).
          const fitPaths = c.explanation.paths.filter((p) => p.signal === 'fit');
          expect(fitPaths.length, `${c.name} in ${body.segmentId}`).toBeGreaterThan(0);
          expect(
            fitPaths.some((p) => p.nodes.some((n) => n.id === body.segmentId)),
            c.name,
          ).toBe(true);
        }
      }
    }
  });
});
