import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { ChainMatchEngine } from '../chainMatchEngine.ts';
import type { Graph } from '../graph/graph.ts';
import { districtOverview } from '../overview/districtOverview.ts';
import { readHealthHistory, recordChainHealth } from './chainHealthStore.ts';
import { startHealthRecorder } from './healthRecorder.ts';

// Days far from today, so the records never enter another test's trend window; deleted afterwards.
const past = (day: string) => new Date(`${day}T04:00:00Z`);
const cleanUp = (graph: Graph) =>
  graph.write(async (tx) => {
    await tx.run("MATCH (h:ChainHealthSnapshot) WHERE h.day < '2001' DETACH DELETE h");
    await tx.run("MATCH (m:Match) WHERE m.id STARTS WITH 'history-test.' DETACH DELETE m"); // the seed has no matches; others count on that
  });

describe('the chains’ health history in Neo4j', () => {
  let graph: Graph;
  let engine: ChainMatchEngine;
  beforeAll(async () => {
    graph = await seededGraph();
    engine = new ChainMatchEngine(graph);
    await cleanUp(graph);
  });
  afterAll(async () => {
    await cleanUp(graph);
    await graph.close();
  });

  it('keeps one node per chain and day however often it records (MERGE on chainId, day)', async () => {
    const first = await recordChainHealth(engine, past('2000-01-10'));
    await recordChainHealth(engine, past('2000-01-10'));
    expect(first.day).toBe('2000-01-10');
    const [{ n }] = await graph.query<{ n: number }>("MATCH (h:ChainHealthSnapshot {day: '2000-01-10'}) RETURN count(h) AS n");
    expect(Number(n)).toBe(first.chains.length);
    expect(first.chains.length).toBe((await engine.listChains()).length);
  });

  it('reads back the day’s gap table as the overview computed it', async () => {
    const records = (await readHealthHistory(graph, '2000-01-01')).filter((r) => r.day === '2000-01-10');
    const overview = await districtOverview(engine, past('2000-01-10'));
    for (const row of overview.chains) {
      const kept = records.find((r) => r.chainId === row.chain.id)!;
      expect(kept.counts, row.chain.id).toEqual(row.counts);
      expect(kept.atStake).toBeCloseTo(row.atStake, 6);
      expect(kept.localFirms).toBe(row.localFirms);
      expect(kept.segments.length).toBe(Object.values(row.counts).reduce((s, n) => s + n, 0));
    }
  });

  it('shows a class change since the oldest record of the window, by segment name', async () => {
    // A record five days back in which one of biomed's gaps was still healthy.
    await recordChainHealth(engine, past('2000-01-05'));
    const gap = (await engine.gaps('biomed')).gaps[0];
    await graph.write((tx) =>
      tx.run(
        `MATCH (h:ChainHealthSnapshot {chainId: 'biomed', day: '2000-01-05'})
         SET h.segmentClasses = [i IN range(0, size(h.segmentIds) - 1) | CASE h.segmentIds[i] WHEN $id THEN 'healthy' ELSE h.segmentClasses[i] END]`,
        { id: gap.segmentId },
      ),
    );
    // Two follow-ups of biomed: one moved after that day (counted by the status it reached), one before (not counted).
    await graph.write((tx) =>
      tx.run(`UNWIND $rows AS r CREATE (m:Match {id: r.id, chainId: 'biomed', kind: 'partner', status: r.status, updatedAt: r.at})`, {
        rows: [
          { id: 'history-test.1', status: 'contacted', at: '2000-01-07T03:00:00.000Z' },
          { id: 'history-test.2', status: 'agreed', at: '2000-01-04T15:00:00.000Z' },
        ],
      }),
    );
    const biomed = (await districtOverview(engine, past('2000-01-10'))).chains.find((c) => c.chain.id === 'biomed')!;
    expect(biomed.matchesMoved).toEqual({ contacted: 1 });
    expect(biomed.since).toBe('2000-01-05');
    expect(biomed.changes).toEqual([{ segmentId: gap.segmentId, name: gap.name, nameEn: gap.nameEn, from: 'healthy', to: gap.class }]);
    expect(biomed.firmsAdded).toBe(0);
    expect(biomed.trend.map((p) => p.day)).toEqual(['2000-01-05', '2000-01-10']);
  });

  it('records once a day from a timer, not on every tick', async () => {
    let at = past('2000-01-20');
    const errors: unknown[] = [];
    const recorder = startHealthRecorder(engine, { tickMs: 20, now: () => at, onError: (e) => errors.push(e) });
    try {
      await expect.poll(() => recorder.recorded(), { timeout: 10_000 }).toBe('2000-01-20');
      at = past('2000-01-21');
      await expect.poll(() => recorder.recorded(), { timeout: 10_000 }).toBe('2000-01-21');
    } finally {
      recorder.stop();
    }
    expect(errors).toEqual([]);
    const days = await graph.query<{ day: string }>(
      "MATCH (h:ChainHealthSnapshot {chainId: 'biomed'}) WHERE h.day >= '2000-01-20' AND h.day < '2001' RETURN h.day AS day ORDER BY day",
    );
    expect(days.map((d) => d.day)).toEqual(['2000-01-20', '2000-01-21']);
  });
});
