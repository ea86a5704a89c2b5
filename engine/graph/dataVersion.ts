import type { ManagedTransaction } from 'neo4j-driver';
import { dataVersionCheck } from '../config/dataVersion.ts';

/**
 * The version of the data, shared by every process over one database (docs/scaling.md). Each process
 * keeps snapshots, catalogs and answers in memory; a write through another process is invisible to
 * them until this version, bumped in the same transaction as every write (Graph.write), says so.
 *
 * The value is a random token, not a counter: a wiped database (the node gone) followed by as many
 * writes as before would bring a counter back to a value already seen. The schema's unique constraint on
 * DataVersion.id keeps it one node (two first writes at once would otherwise MERGE two); the reader
 * still joins every value it finds, so a database written before the constraint existed reads right.
 */
export async function bumpDataVersion(tx: ManagedTransaction): Promise<void> {
  await tx.run("MERGE (v:DataVersion {id: 'data'}) SET v.value = randomUUID(), v.at = datetime()");
}

/** The current version, or '' while nothing was ever written through the engine. */
export async function readDataVersion(tx: ManagedTransaction): Promise<string> {
  const result = await tx.run<{ values: string[] }>("MATCH (v:DataVersion {id: 'data'}) RETURN collect(v.value) AS values");
  return [...(result.records[0]?.get('values') ?? [])].sort().join(',');
}

type ReadTransaction = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

/**
 * Checks the data version at most every `intervalMs` and calls `onChange` (drop the caches) when it
 * differs from the one seen last. `fresh()` resolves when the version was read by a check that started
 * less than `intervalMs` ago, so whatever is served after it reflects every write committed before
 * then: a write committed at t is seen by every request that starts at t + intervalMs or later.
 */
export class DataVersionWatch {
  private seen?: { start: number; version: string };
  private pending?: { start: number; done: Promise<void> };

  constructor(
    private readonly read: ReadTransaction,
    private readonly onChange: () => void,
    readonly intervalMs = dataVersionCheck.intervalMs,
    private readonly now: () => number = Date.now,
  ) {}

  fresh(): Promise<void> {
    const now = this.now();
    if (this.seen && now - this.seen.start < this.intervalMs) return Promise.resolve();
    if (this.pending && now - this.pending.start < this.intervalMs) return this.pending.done;
    const start = now;
    const done = this.read(readDataVersion).then((version) => {
      // An older check that ends after a newer one has nothing to add.
      if (this.seen && this.seen.start > start) return;
      // The first check drops too: anything loaded before it (a warm-up) came from an unknown version.
      const changed = this.seen === undefined || this.seen.version !== version;
      this.seen = { start, version };
      if (changed) this.onChange();
    });
    const entry = { start, done };
    this.pending = entry;
    // A failed check (database unreachable) is not remembered: the next request checks again.
    void done.finally(() => this.pending === entry && (this.pending = undefined)).catch(() => undefined);
    return done;
  }
}
