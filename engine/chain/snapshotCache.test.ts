import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/graph.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { loadChainSnapshot } from './snapshot.ts';
import { SnapshotCache } from './snapshotCache.ts';

/** Snapshots kept warm on the seeded graph: a write reloads the chains in use at once, not on the next request. */
describe('chain snapshots refreshed on write', () => {
  let graph: Graph;
  const loads: string[] = [];
  const counting = (g: Graph, chainId: string) => {
    loads.push(chainId);
    return loadChainSnapshot(g, chainId);
  };
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  it('reloads the chains in use when invalidated, before any request, and serves that load', async () => {
    // a lifetime no test reaches: only a write may reload
    const cache = new SnapshotCache(graph, 3_600_000, counting);
    const first = await cache.get('biomed');
    await cache.get('biomed');
    expect(loads).toEqual(['biomed']);

    cache.invalidate();
    // the reload starts with the invalidation (after the write committed), not with the next request
    expect(loads).toEqual(['biomed', 'biomed']);
    await cache.warmed();
    const after = await cache.get('biomed');
    expect(loads).toEqual(['biomed', 'biomed']);
    expect(after).not.toBe(first);
    expect(after.segments.map((s) => s.id).sort()).toEqual(first.segments.map((s) => s.id).sort());
    // a chain nobody asked for is not loaded
    expect(loads).not.toContain('ai');
  });

  it('does not keep a failed warm load: the next request loads again and gets the answer itself', async () => {
    let fail = false;
    const flaky = (g: Graph, chainId: string) => (fail ? Promise.reject(new Error('database gone')) : loadChainSnapshot(g, chainId));
    const cache = new SnapshotCache(graph, 3_600_000, flaky);
    await cache.get('biomed');
    fail = true;
    cache.invalidate();
    await cache.warmed();
    await expect(cache.get('biomed')).rejects.toThrow('database gone');
    fail = false;
    expect((await cache.get('biomed')).chain.id).toBe('biomed');
  });
});
