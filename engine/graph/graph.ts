import type { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';

/**
 * The engine's handle on Neo4j: a driver plus the database name. Every query goes through
 * `read`/`write` with parameters; the transaction functions are retried by the driver on
 * transient errors, so the work passed in must be idempotent.
 */
export class Graph {
  constructor(readonly driver: Driver, readonly database?: string) {}

  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.session('READ', (s) => s.executeRead(work));
  }

  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.session('WRITE', (s) => s.executeWrite(work));
  }

  /** One read query, records as plain objects. */
  async query<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<R[]> {
    const result = await this.read((tx) => tx.run<R>(cypher, params));
    return result.records.map((r) => r.toObject());
  }

  /** Schema commands and other auto-commit statements that cannot run in a managed transaction. */
  async run(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    return this.session('WRITE', (s) => s.run(cypher, params));
  }

  close(): Promise<void> {
    return this.driver.close();
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
