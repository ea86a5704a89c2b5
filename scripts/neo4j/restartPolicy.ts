/**
 * Restarting the embedded Neo4j after it dies (issue 15: kill -9 left the API answering 503 for good).
 * Waits 1 s, then doubles up to 30 s between failed attempts; a successful start resets the wait.
 */
export const neo4jRestartPolicy = {
  firstDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 30_000,
};
