import { attachmentService } from '../config/attachment.ts';
import type { Graph } from '../graph/graph.ts';
import type { VectorRefreshState } from '../text/vectorRefresh.ts';
import { loadAttachmentTraining } from './attachmentTraining.ts';
import { inProcessScope, type ScopeServer } from './scopeServer.ts';
import { workerScope } from './scopeWorker.ts';

interface ScopeEntry {
  chainIds: string[] | undefined;
  /** The embedding model whose stored firm vectors it reads (undefined: lexical only). */
  embeddingModel: string | undefined;
  /** The classifier answering now: undefined until the first training ends. */
  ready?: ScopeServer;
  /** The engine's write count when the training data of `ready` was read, and when. */
  writesSeen: number;
  loadedAt: number;
  lastUsed: number;
  /** The load in flight (the first, or a reload) and the write count it started at. */
  loading?: { server: Promise<ScopeServer>; writesSeen: number };
}

/** What `/health` says of the classifiers: how many scopes are ready, and how many train right now. */
export interface ClassifierStatus {
  ready: number;
  /** Scopes whose training data is being read or trained on (a first load or a reload). */
  loading: number;
  training: number;
  /** Where they train: a worker thread, or the thread that asked (`CHAINMATCH_CLASSIFY_WORKERS=off`). */
  thread: 'worker' | 'caller';
  /** The training firms' stored vectors (classification by meaning): present once a classification asked for them. */
  firmVectors?: VectorRefreshState;
}

export interface SegmentAttachmentOptions {
  /** After this long a scope is reloaded in the background (writes by another process). */
  ttlMs?: number;
  inWorkers?: boolean;
  maxScopes?: number;
}

/** A chain scope as asked for, in one form whatever the order or repeats: its chain ids (undefined: all chains) and a key. */
export function chainScope(chainIds?: string[]): { ids: string[] | undefined; key: string } {
  const ids = chainIds?.length ? [...new Set(chainIds)].sort() : undefined;
  return { ids, key: (ids ?? []).join('\u0000') };
}

/** Whether classifiers train in worker threads: `CHAINMATCH_CLASSIFY_WORKERS=off` keeps them on the calling thread. */
export function classifyWorkersEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.CHAINMATCH_CLASSIFY_WORKERS ?? 'on') !== 'off';
}

/**
 * Automatic attachment (挂链) for the graph it serves: one classifier per chain scope, trained on that
 * scope's attached firms, off the request thread (scopeWorker.ts), one training at a time.
 *
 * Freshness: after a write through this engine a request waits for the reloaded classifier, so an
 * import's firms are ranked by a model that knows them (read your writes). Without a write, a scope
 * older than the TTL (writes by another process) is reloaded in the background while the current
 * classifier keeps answering. A reload that finds the same fingerprint keeps the trained model. The
 * least recently used scopes beyond `attachmentService.maxScopes` are let go.
 */
export class SegmentAttachment {
  private readonly scopes = new Map<string, ScopeEntry>();
  private writes = 0;
  private trainings: Promise<unknown> = Promise.resolve();
  private training = 0;
  private readonly ttlMs: number;
  private readonly inWorkers: boolean;
  private readonly maxScopes: number;

  constructor(
    private readonly graph: Graph,
    options: SegmentAttachmentOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.inWorkers = options.inWorkers ?? classifyWorkersEnabled();
    this.maxScopes = options.maxScopes ?? attachmentService.maxScopes;
  }

  /**
   * `embeddingModel`: learn from the firms' stored vectors of this model too (firmVectors.ts); the scope
   * reads meaning only if every firm it learns from has one (`ScopeServer.dense`), else it is lexical.
   */
  scope(chainIds?: string[], embeddingModel?: string): Promise<ScopeServer> {
    const { ids, key: scopeKey } = chainScope(chainIds);
    const key = `${scopeKey}\u0001${embeddingModel ?? ''}`;
    const now = Date.now();
    let entry = this.scopes.get(key);
    if (entry?.ready && !entry.ready.alive()) entry = this.forget(key, entry);
    if (!entry) this.keep(key, (entry = { chainIds: ids, embeddingModel, writesSeen: -1, loadedAt: 0, lastUsed: now }));
    entry.lastUsed = now;
    const upToDate = entry.ready !== undefined && entry.writesSeen === this.writes;
    if ((!upToDate || now - entry.loadedAt >= this.ttlMs) && entry.loading?.writesSeen !== this.writes) this.load(key, entry);
    // Old only by the TTL: answer from the classifier there is. After a write: wait for the one that read it.
    return upToDate ? Promise.resolve(entry.ready!) : entry.loading!.server;
  }

  /** After a write: the next request reloads (and retrains only if the training data changed). */
  invalidate(): void {
    this.writes++;
  }

  /**
   * New firm vectors are stored (not a write of the data): each scope is reloaded in the background on its
   * next use, as when its TTL runs out, while the classifier there is keeps answering.
   */
  refresh(): void {
    for (const entry of this.scopes.values()) entry.loadedAt = 0;
  }

  status(): ClassifierStatus {
    const ready = [...this.scopes.values()].filter((e) => e.ready?.alive()).length;
    const loading = [...this.scopes.values()].filter((e) => e.loading).length;
    return { ready, loading, training: this.training, thread: this.inWorkers ? 'worker' : 'caller' };
  }

  /** Lets every classifier go (the engine is closing). */
  close(): void {
    for (const [key, entry] of this.scopes) this.forget(key, entry);
  }

  private keep(key: string, entry: ScopeEntry): void {
    this.scopes.set(key, entry);
    const byLastUse = [...this.scopes.entries()].sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [k, e] of byLastUse.slice(0, Math.max(0, this.scopes.size - this.maxScopes))) this.forget(k, e);
  }

  private forget(key: string, entry: ScopeEntry): undefined {
    if (this.scopes.get(key) === entry) this.scopes.delete(key);
    entry.ready?.retire();
    return undefined;
  }

  private load(key: string, entry: ScopeEntry): void {
    const loading = { server: this.train(entry, entry.ready), writesSeen: this.writes };
    entry.loading = loading;
    loading.server.then(
      (fresh) => {
        const current = entry.loading === loading && this.scopes.get(key) === entry;
        if (!current) return fresh !== entry.ready && fresh.retire();
        entry.loading = undefined;
        if (entry.ready !== fresh) entry.ready?.retire();
        Object.assign(entry, { ready: fresh, writesSeen: loading.writesSeen, loadedAt: Date.now() });
      },
      // A failed reload keeps the classifier there was (the request that waited for it gets the error).
      () => {
        if (entry.loading === loading) entry.loading = undefined;
        if (!entry.ready) this.forget(key, entry);
      },
    );
  }

  /** Reads the training data and trains on it, unless `previous` learned from the very same data. */
  private async train({ chainIds, embeddingModel }: ScopeEntry, previous: ScopeServer | undefined): Promise<ScopeServer> {
    const training = await loadAttachmentTraining(this.graph, chainIds, embeddingModel);
    if (previous?.alive() && previous.fingerprint === training.fingerprint) return previous;
    const trained = this.trainings.then(() => {
      // Counted while it trains. On the calling thread that is one synchronous stretch that nothing else
      // can observe: no request is answered meanwhile (the reason for workers).
      this.training++;
      if (!this.inWorkers)
        try {
          return inProcessScope(training);
        } finally {
          this.training--;
        }
      return workerScope(training).finally(() => this.training--);
    });
    this.trainings = trained.catch(() => undefined);
    return trained;
  }
}
