/**
 * Several API processes over one database (issue 17 item 6, docs/scaling.md): every write bumps a data
 * version kept in Neo4j, and each process reads it at most this often, before serving, dropping its
 * caches when it changed. So a write through one process is seen by every other within this time (plus
 * a follower's replication lag in a cluster). One read of one node each time: ~1 ms.
 */
export const dataVersionCheck = {
  intervalMs: 2_000,
  /**
   * How long a process that watches the version (the API) keeps a chain snapshot or catalog when nothing
   * is written (issue 17 item 3: refreshed on write, not on a timer). Every write through ChainMatch, in
   * any process, drops them within `intervalMs`; this timer only picks up changes made to the database
   * by hand (Cypher outside ChainMatch). Engines without the watch (CLI, scripts) keep their 30 s.
   */
  cacheTtlMs: 10 * 60_000,
};
