import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import type { Graph } from '../graph/graph.ts';
import { SegmentAttachment } from './segmentAttachment.ts';

const firm = { name: '某某环保', products: ['除尘器'] };

/** When a scope's classifier is kept, reloaded or let go (real Neo4j, the seed; trained on this thread to be quick). */
describe('SegmentAttachment keeps, refreshes and lets go of classifiers', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(async () => {
    await graph.run(`MATCH (n) WHERE n.id STARTS WITH 'test.scopes.' DETACH DELETE n`);
    await graph.close();
  });

  it('old only by its age: answers at once from the classifier there is, and a reload of the same data keeps it', async () => {
    const attachment = new SegmentAttachment(graph, { ttlMs: 0, inWorkers: false });
    const first = await attachment.scope(['green']);
    const second = await attachment.scope(['green']);
    expect(second).toBe(first);
    // The background reload read the same training data: the same model stays, nothing was trained.
    expect(attachment.status().loading).toBe(1);
    await expect.poll(() => attachment.status(), { timeout: 30_000 }).toEqual({ ready: 1, loading: 0, training: 0, thread: 'caller' });
    expect(await attachment.scope(['green'])).toBe(first);
    expect(first.alive()).toBe(true);
  });

  it('after a write: waits for a classifier that has read it, and lets the old one go', async () => {
    const attachment = new SegmentAttachment(graph, { inWorkers: false });
    const before = await attachment.scope(['green']);
    await graph.run(
      `MERGE (e:Enterprise {id: 'test.scopes.a'}) SET e.name = '测试除尘企业', e.kind = 'industrial', e.productNames = ['袋式除尘器']
       WITH e MATCH (s:Segment {chainId: 'green'}) WITH e, s ORDER BY s.id LIMIT 1 MERGE (e)-[:IN_SEGMENT]->(s)`,
    );
    attachment.invalidate();
    const after = await attachment.scope(['green']);
    expect(after).not.toBe(before);
    expect(after.trainedOn).toBe(before.trainedOn + 1);
    expect(before.alive()).toBe(false);
    // A write that changes nothing it learns from keeps the model.
    attachment.invalidate();
    expect(await attachment.scope(['green'])).toBe(after);
  });

  it('keeps at most maxScopes classifiers, the least recently used let go first', async () => {
    const attachment = new SegmentAttachment(graph, { inWorkers: false, maxScopes: 1 });
    const green = await attachment.scope(['green']);
    const nev = await attachment.scope(['nev']);
    expect(green.alive()).toBe(false);
    expect(nev.alive()).toBe(true);
    expect(attachment.status().ready).toBe(1);
    const again = await attachment.scope(['green']);
    expect(again).not.toBe(green);
    expect((await again.suggest(firm, { limit: 1 }))[0].chainId).toBe('green');
  });
});
