import { Cached } from './core/cached.ts';
import { ResultCache, type ResultCacheStats } from './core/resultCache.ts';
import { chainMap, type ChainMap } from './chain/chainMap.ts';
import { analyseGaps, extensionOpportunities, rankedGaps } from './chain/gapAnalysis.ts';
import { singlePointsOfFailure, type SinglePointOfFailure } from './chain/resilience.ts';
import { listChains, loadFirmsForChain } from './chain/snapshot.ts';
import { SnapshotCache } from './chain/snapshotCache.ts';
import { whatIf, type WhatIfRow } from './chain/whatIf.ts';
import type { GapReport } from './chain/gapReport.ts';
import type { WhatIfRequest } from './contracts/chains.ts';
import type { PartnerRequestBody } from './contracts/partners.ts';
import type { Graph } from './graph/graph.ts';
import { rankPartners, type PartnerResult } from './match/partners/rankPartners.ts';

/**
 * The engine's operations, one method each, over one graph. The API calls these and nothing else;
 * they take validated plain data and return plain data.
 */
export class ChainMatchEngine {
  readonly snapshots: SnapshotCache;
  private readonly chains: Cached<Awaited<ReturnType<typeof listChains>>>;
  private readonly answers: ResultCache;

  constructor(
    readonly graph: Graph,
    options: { snapshotTtlMs?: number; resultCache?: boolean } = {},
  ) {
    this.snapshots = new SnapshotCache(graph, options.snapshotTtlMs);
    this.chains = new Cached(() => listChains(graph), options.snapshotTtlMs);
    this.answers = new ResultCache(options.resultCache);
  }

  listChains() {
    return this.chains.get();
  }

  async chainMap(chainId: string): Promise<ChainMap> {
    return chainMap(await this.snapshots.get(chainId));
  }

  async gaps(chainId: string): Promise<GapReport> {
    const snapshot = await this.snapshots.get(chainId);
    const all = analyseGaps(snapshot);
    const summary: Record<string, number> = {};
    for (const g of all) summary[g.class] = (summary[g.class] ?? 0) + 1;
    return { chain: snapshot.chain, gaps: rankedGaps(all), extensions: extensionOpportunities(all), summary };
  }

  async resilience(chainId: string): Promise<{ chain: GapReport['chain']; singlePointsOfFailure: SinglePointOfFailure[] }> {
    const snapshot = await this.snapshots.get(chainId);
    return { chain: snapshot.chain, singlePointsOfFailure: singlePointsOfFailure(snapshot) };
  }

  /** The gap table before and after attracting or losing firms; nothing is written. */
  async whatIf(chainId: string, request: WhatIfRequest): Promise<{ chain: GapReport['chain']; rows: WhatIfRow[]; added: string[]; removed: string[] }> {
    const snapshot = await this.snapshots.get(chainId);
    const add = request.add.length > 0 ? await loadFirmsForChain(this.graph, chainId, request.add) : [];
    const { rows } = whatIf(snapshot, { add, remove: request.remove });
    return { chain: snapshot.chain, rows, added: add.map((f) => f.id), removed: request.remove };
  }

  async partners(request: PartnerRequestBody): Promise<PartnerResult> {
    const snapshot = await this.snapshots.get(request.chainId);
    // Partner answers are kept per snapshot: a new snapshot (after a write or the TTL) starts afresh.
    return this.answers.get(snapshot, request, () => rankPartners(this.graph, snapshot, request));
  }

  /** Hits and misses of the partner answers kept in memory (read by the load test). */
  resultCacheStats(): ResultCacheStats {
    return this.answers.stats();
  }

  /** Call after any write that changes firms, ties or templates. */
  invalidate(): void {
    this.snapshots.invalidate();
    this.chains.invalidate();
  }
}
