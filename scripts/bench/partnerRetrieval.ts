import { type CandidateQuery, ChainMatchEngine, findCandidates, type Graph, partnerDefaults, targetSegments } from '../../engine/index.ts';

/**
 * The retrieval-only baseline of 强链/补链 recommendation: the same stage-one Cypher
 * (engine/match/partners/candidates.ts findCandidates) with the same parameters rankPartners passes,
 * once per target segment, and nothing else — no second-stage relations query, no scoring, no MMR,
 * no explanation, no HTTP. rankPartners can only be slower; the ratio says by how much.
 */
export async function partnerRetrievalQueries(graph: Graph, chainId: string, mode: 'fill' | 'strengthen'): Promise<CandidateQuery[]> {
  const snapshot = await new ChainMatchEngine(graph).snapshots.get(chainId);
  return targetSegments(snapshot, { mode }).targets.map((t) => {
    const target = snapshot.segments.find((s) => s.id === t.segmentId)!;
    return {
      chainId,
      segmentId: target.id,
      includeLocal: mode === 'strengthen',
      tags: [],
      provinces: [],
      sizes: [],
      excludeIds: [],
      phrases: [target.name, ...target.keywords, ...target.products.map((p) => p.name)],
      limit: partnerDefaults.retrieve,
    };
  });
}

/** Runs the queries one after another, as rankPartners does; returns the retrieved ids. */
export async function retrieveCandidates(graph: Graph, queries: CandidateQuery[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const q of queries) for (const c of await findCandidates(graph, q)) ids.add(c.id);
  return ids;
}
