import { Cached } from '../core/cached.ts';
import type { Graph } from '../graph/graph.ts';
import { loadChainSnapshot, type ChainSnapshot } from './snapshot.ts';

/**
 * Chain snapshots change only when data is written, yet every map, gap and partner request reads
 * one: kept per chain (see Cached for the refresh rule), they turn three Cypher round trips per
 * request into none.
 */
export class SnapshotCache {
  private readonly chains = new Map<string, Cached<ChainSnapshot>>();

  constructor(
    private readonly graph: Graph,
    private readonly ttlMs = 30_000,
  ) {}

  get(chainId: string): Promise<ChainSnapshot> {
    let entry = this.chains.get(chainId);
    if (!entry) {
      entry = new Cached(() => loadChainSnapshot(this.graph, chainId), this.ttlMs);
      this.chains.set(chainId, entry);
    }
    return entry.get();
  }

  invalidate(): void {
    this.chains.clear();
  }
}
