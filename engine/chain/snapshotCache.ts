import { Cached } from '../core/cached.ts';
import type { Graph } from '../graph/graph.ts';
import { loadChainSnapshot, type ChainSnapshot } from './snapshot.ts';

type LoadSnapshot = (graph: Graph, chainId: string) => Promise<ChainSnapshot>;

/**
 * Chain snapshots change only when data is written, yet every map, gap and partner request reads
 * one: kept per chain (see Cached for the refresh rule), they turn three Cypher round trips per
 * request into none.
 *
 * Kept warm (issue 17 item 3): a write drops them all (`invalidate`, after the write committed), and the
 * chains that were in use start loading again at once, in the background, so the first request after an
 * import waits for a load already under way (or finished) instead of starting a cold one; a request
 * never gets a snapshot older than the write.
 */
export class SnapshotCache {
  private readonly chains = new Map<string, Cached<ChainSnapshot>>();
  private warming: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly graph: Graph,
    private readonly ttlMs = 30_000,
    private readonly load: LoadSnapshot = loadChainSnapshot,
  ) {}

  get(chainId: string): Promise<ChainSnapshot> {
    let entry = this.chains.get(chainId);
    if (!entry) {
      entry = new Cached(() => this.load(this.graph, chainId), this.ttlMs);
      this.chains.set(chainId, entry);
    }
    return entry.get();
  }

  invalidate(): void {
    const inUse = [...this.chains.keys()];
    this.chains.clear();
    // A failed warm load is not kept (Cached): the next request loads again and gets the error itself.
    this.warming = Promise.allSettled(inUse.map((chainId) => this.get(chainId)));
  }

  /** Resolves when the loads started by the last `invalidate` have ended (for tests and benchmarks). */
  warmed(): Promise<unknown> {
    return this.warming;
  }
}
