import type { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import { Availability, isConnectionLoss } from './availability.ts';
import { bumpDataVersion } from './dataVersion.ts';

/** Backoff before each retry of a transient error (deadlock, lock timeout, database starting). */
const transientBackoffMs = [20, 80, 250];

/**
 * The engine's handle on Neo4j: a driver plus the database name. Every query goes through
 * `read`/`write` with parameters. Transient errors are retried here with a short backoff (the
 * driver's own retry is off: it would hold a request for seconds when the server is gone), so
 * the work passed in must be idempotent. A lost server opens the circuit breaker (`availability`).
 */
export class Graph {
  readonly availability: Availability;

  constructor(
    readonly driver: Driver,
    readonly database?: string,
  ) {
    this.availability = new Availability(() => this.session('READ', (s) => s.executeRead((tx) => tx.run('RETURN 1'))));
  }

  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.guarded(() => this.session('READ', (s) => s.executeRead(work)));
  }

  /**
   * Every write also bumps the data version in the same transaction, last (so its lock is the last one
   * taken and held only until the commit): other API processes over this database drop their caches
   * when they see it change (dataVersion.ts, docs/scaling.md).
   */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.guarded(() =>
      this.session('WRITE', (s) =>
        s.executeWrite(async (tx) => {
          const result = await work(tx);
          await bumpDataVersion(tx);
          return result;
        }),
      ),
    );
  }

  /**
   * A write of records no process keeps in memory (import job records, the daily chain-health records):
   * no data-version bump, so it neither makes every process drop its caches nor waits for the version
   * node's lock behind the data writes. Anything a snapshot, catalog or cached answer reads goes
   * through `write`.
   */
  writeRecords<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.guarded(() => this.session('WRITE', (s) => s.executeWrite(work)));
  }

  /** One read query, records as plain objects. */
  async query<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<R[]> {
    const result = await this.read((tx) => tx.run<R>(cypher, params));
    return result.records.map((r) => r.toObject());
  }

  /** Schema commands and other auto-commit statements that cannot run in a managed transaction. */
  async run(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    return this.availability.guard(() => this.session('WRITE', (s) => s.run(cypher, params)));
  }

  close(): Promise<void> {
    this.availability.close();
    return this.driver.close();
  }

  /**
   * Retries transient errors a few times, and a lost connection once at once: after a server
   * restart the pool's first connection is stale, and in a cluster the leader may have moved.
   */
  private guarded<T>(call: () => Promise<T>): Promise<T> {
    return this.availability.guard(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call();
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (isConnectionLoss(error) && attempt === 0) continue;
          if (!code.startsWith('Neo.TransientError') || attempt >= transientBackoffMs.length) throw error;
          await new Promise((r) => setTimeout(r, transientBackoffMs[attempt]));
        }
      }
    });
  }

  private async session<T>(mode: 'READ' | 'WRITE', fn: (s: ReturnType<Driver['session']>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    try {
      return await fn(session);
    } finally {
      await session.close();
    }
  }
}
