// What Neo4j is busy with, for a drill to print when the API it drives is slow: the open transactions
// (other than the asking one), grouped by the start of their current query, and the oldest one's age.
import type { Graph } from '../../engine/index.ts';

export interface ServerActivity {
  open: number;
  oldestMs: number;
  /** "query start × count", the most frequent first. */
  byQuery: string[];
}

export async function serverActivity(graph: Graph): Promise<ServerActivity> {
  const rows = await graph.query<{ q: string; ms: number }>(
    `SHOW TRANSACTIONS YIELD currentQuery, elapsedTime WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
     RETURN currentQuery AS q, elapsedTime.milliseconds AS ms`,
  );
  const counts = new Map<string, number>();
  for (const { q } of rows) {
    const shape = q.replace(/\s+/g, ' ').trim().slice(0, 60) || '(between statements)';
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return {
    open: rows.length,
    oldestMs: rows.reduce((m, r) => Math.max(m, Number(r.ms)), 0),
    byQuery: [...counts].sort((a, b) => b[1] - a[1]).map(([q, n]) => `${q} × ${n}`),
  };
}

/** Samples `serverActivity` every `everyMs` until `stop()`; a failed sample (server still away) is skipped. */
export function sampleActivity(graph: Graph, everyMs: number): { stop: () => Promise<{ atMs: number; activity: ServerActivity }[]> } {
  const started = Date.now();
  const samples: { atMs: number; activity: ServerActivity }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        samples.push({ atMs: Date.now() - started, activity: await serverActivity(graph) });
      } catch {
        // Neo4j not answering yet: nothing to report for this moment.
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}
