import type { Graph } from '../graph/graph.ts';
import { loadChainSnapshot, type ChainSnapshot } from './snapshot.ts';

/**
 * Chain snapshots change only when data is written, yet every map, gap and partner request reads
 * one; keeping them for a short time turns three Cypher round trips per request into none. Writes
 * through the engine call `invalidate()`; the TTL bounds staleness from writes elsewhere.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { at: number; value: Promise<ChainSnapshot> }>();

  constructor(private readonly graph: Graph, private readonly ttlMs = 30_000) {}

  get(chainId: string): Promise<ChainSnapshot> {
    const hit = this.entries.get(chainId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = loadChainSnapshot(this.graph, chainId);
    this.entries.set(chainId, { at: Date.now(), value });
    // A failed load must not be served from the cache.
    value.catch(() => this.entries.delete(chainId));
    return value;
  }

  invalidate(): void {
    this.entries.clear();
  }
}
