import type { Graph } from '../graph/graph.ts';

/** Key of a (subject, candidate) pair, e.g. (demand, offer) or (segment, firm), in sets of pairs. */
export function pairKey(subjectId: string, candidateId: string): string {
  return `${subjectId}\u0000${candidateId}`;
}

export function splitPairKey(key: string): [subjectId: string, candidateId: string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * Pairs somebody declined (docs/design.md §7: "a declined pair is not proposed again unless asked for").
 * Any matcher calls this before it proposes, and drops the pairs unless the request asks to include
 * them. `kind` narrows to one matcher's matches; subject ids narrow further.
 */
export async function declinedPairs(graph: Graph, filter: { kind?: string; subjectIds?: string[] } = {}): Promise<Set<string>> {
  const rows = await graph.query<{ subjectId: string; candidateId: string }>(
    `MATCH (m:Match {status: 'declined'})
     WHERE ($kind IS NULL OR m.kind = $kind) AND ($subjectIds IS NULL OR m.subjectId IN $subjectIds)
     RETURN m.subjectId AS subjectId, m.candidateId AS candidateId`,
    { kind: filter.kind ?? null, subjectIds: filter.subjectIds ?? null },
  );
  return new Set(rows.map((r) => pairKey(r.subjectId, r.candidateId)));
}

/** The items whose (subject, candidate) pair was not declined, and how many were dropped. */
export async function withoutDeclined<T>(
  graph: Graph,
  items: T[],
  pairOf: (item: T) => { subjectId: string; candidateId: string },
  kind?: string,
): Promise<{ items: T[]; hidden: number }> {
  const subjectIds = [...new Set(items.map((i) => pairOf(i).subjectId))];
  if (subjectIds.length === 0) return { items, hidden: 0 };
  const declined = await declinedPairs(graph, { kind, subjectIds });
  const kept = items.filter((i) => {
    const p = pairOf(i);
    return !declined.has(pairKey(p.subjectId, p.candidateId));
  });
  return { items: kept, hidden: items.length - kept.length };
}
