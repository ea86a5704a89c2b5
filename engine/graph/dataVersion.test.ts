import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../scripts/test/testGraph.ts';
import { DataVersionWatch, readDataVersion } from './dataVersion.ts';
import type { Graph } from './graph.ts';

describe('data version (docs/scaling.md)', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
  });
  afterAll(() => graph.close());

  it('every Graph.write bumps it, in the same transaction', async () => {
    await graph.write((tx) => tx.run('RETURN 1'));
    const before = await graph.read(readDataVersion);
    expect(before).not.toBe('');
    await graph.write((tx) => tx.run('RETURN 1'));
    expect(await graph.read(readDataVersion)).not.toBe(before);
    // A write that fails bumps nothing: the bump rolls back with it.
    const settled = await graph.read(readDataVersion);
    await expect(
      graph.write(async (tx) => {
        await tx.run('RETURN 1');
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await graph.read(readDataVersion)).toBe(settled);
  });

  it('a write of records no cache holds (job and health records) leaves it alone, and still writes', async () => {
    await graph.write((tx) => tx.run('RETURN 1'));
    const before = await graph.read(readDataVersion);
    await graph.writeRecords((tx) => tx.run("MERGE (r:DataVersionTestRecord {id: 'r'}) SET r.at = datetime()"));
    expect(await graph.read(readDataVersion)).toBe(before);
    expect(await graph.query("MATCH (r:DataVersionTestRecord {id: 'r'}) RETURN r.at AS at")).toHaveLength(1);
    await graph.run('MATCH (r:DataVersionTestRecord) DELETE r');
  });

  it('a watch reads it at most once per interval and reports a change after the interval', async () => {
    let now = 1_000_000;
    let reads = 0;
    let changes = 0;
    const watch = new DataVersionWatch(
      (work) => {
        reads++;
        return graph.read(work);
      },
      () => changes++,
      2_000,
      () => now,
    );
    await watch.fresh();
    expect([reads, changes]).toEqual([1, 1]); // the first check drops whatever was loaded before it
    await Promise.all([watch.fresh(), watch.fresh()]);
    expect(reads).toBe(1);

    await graph.write((tx) => tx.run('RETURN 1'));
    now += 1_999;
    await watch.fresh();
    expect([reads, changes]).toEqual([1, 1]); // within the interval: not read yet
    now += 1;
    await Promise.all([watch.fresh(), watch.fresh()]);
    expect(reads).toBe(2); // two requests at once share one check
    expect(changes).toBe(2);
  });
});
