import type { Graph } from '../graph/graph.ts';
import type { MatchStatus } from '../tracking/lifecycle.ts';
import { dayStartIso } from './healthDay.ts';

/** Recommendations of a chain that moved (were recorded or changed status) since a day, by the status they reached. */
export type MatchesMoved = Partial<Record<MatchStatus, number>>;

/**
 * For each chain with a `since` day: its Match nodes (chainId) whose last change (updatedAt) is on or
 * after that day, counted by their status now — the follow-ups the officers moved, shown beside the
 * segments that changed class. One read for all chains.
 */
export async function matchesMovedSince(graph: Graph, since: { chainId: string; day: string }[]): Promise<Map<string, MatchesMoved>> {
  const moved = new Map<string, MatchesMoved>(since.map((s) => [s.chainId, {}]));
  if (since.length === 0) return moved;
  const rows = await graph.query<{ chainId: string; status: MatchStatus; n: number }>(
    `UNWIND $since AS s
     MATCH (m:Match {chainId: s.chainId}) WHERE m.updatedAt >= s.from
     RETURN s.chainId AS chainId, m.status AS status, toFloat(count(m)) AS n`,
    { since: since.map((s) => ({ chainId: s.chainId, from: dayStartIso(s.day) })) },
  );
  for (const r of rows) moved.get(r.chainId)![r.status] = r.n;
  return moved;
}
