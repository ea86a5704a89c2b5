/**
 * `/health` and `/ready`. Counting every label and relationship type is cheap on a warm database but
 * takes seconds on a cold one (just restarted: issue 15's "database gone" drill), and monitors poll
 * several times a second: uncounted, each poll held a pooled connection until the pool was full and
 * every API request waited behind them. So concurrent polls share one count, kept this long and then
 * recounted behind the last one; whether Neo4j is up is still asked on every poll.
 */
export const healthCheck = {
  countsMaxAgeMs: 5_000,
};
