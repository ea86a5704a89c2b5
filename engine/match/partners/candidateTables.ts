import neo4j from 'neo4j-driver';
import type { ChainSnapshot } from '../../chain/snapshot.ts';
import { oncePer } from '../../core/oncePer.ts';
import { fullTextIndexName } from '../../graph/schema.ts';
import type { Graph } from '../../graph/graph.ts';
import { anyOf } from '../../text/luceneQuery.ts';
import {
  byPrior,
  candidateColumns,
  candidateRelations,
  segmentFirms,
  textFirms,
  type CandidateBasics,
  type CandidateQuery,
  type CandidateRelations,
} from './candidates.ts';

/** A retrieved firm, and the fields the hard filters read as stored (null where the graph has none). */
interface TableRow {
  c: CandidateBasics;
  kind: string | null;
  tags: string[] | null;
  local: boolean | null;
  province: string | null;
  size: string | null;
}

/** Everything stage one can return for one segment, before any filter of a request. */
interface SegmentTable {
  /** In or making a product of the segment, in prior order (textHit 0). */
  structural: TableRow[];
  /** The full-text index's first 200 hits for the segment's phrases that are enterprises, with their score. */
  textual: TableRow[];
}

/**
 * Per chain snapshot, what partner requests read from Neo4j that no request changes: each segment's
 * candidates (structural and full-text, unfiltered) and each candidate's relations. Stage one as two
 * queries per target and request took most of an uncached partners request (seed, realistic traffic:
 * ~75 ms of Neo4j time per request under load); the filters are cheap to apply here. A new snapshot
 * (after a write through the engine, or its TTL) starts empty, as the result cache does.
 */
class CandidateTables {
  private readonly segments = new Map<string, Promise<SegmentTable>>();
  private readonly relations = new Map<string, CandidateRelations>();

  constructor(private readonly chainId: string) {}

  /** What findCandidates would return for `q` (same rows, same order; a test holds them equal). */
  async find(graph: Graph, q: Omit<CandidateQuery, 'chainId'>): Promise<CandidateBasics[]> {
    let table = this.segments.get(q.segmentId);
    if (!table) {
      table = segmentTable(graph, this.chainId, q.segmentId, q.phrases);
      this.segments.set(q.segmentId, table);
      // A failed read is not kept: the next request tries again.
      table.catch(() => this.segments.get(q.segmentId) === table && this.segments.delete(q.segmentId));
    }
    const { structural, textual } = await table;
    const keep = hardFilter(q);
    // The structural half's own top `limit` by the prior, then merged with the text hits as findCandidates does.
    const merged = new Map<string, CandidateBasics>();
    for (const row of structural) {
      if (merged.size === q.limit) break;
      if (keep(row)) merged.set(row.c.id, row.c);
    }
    for (const row of textual) if (keep(row)) merged.set(row.c.id, row.c);
    return [...merged.values()].sort(byPrior).slice(0, q.limit);
  }

  /** candidateRelations, each candidate read once per snapshot. */
  async relationsOf(graph: Graph, ids: string[]): Promise<Map<string, CandidateRelations>> {
    const missing = ids.filter((id) => !this.relations.has(id));
    if (missing.length > 0) for (const [id, r] of await candidateRelations(graph, missing)) this.relations.set(id, r);
    const out = new Map<string, CandidateRelations>();
    for (const id of ids) if (this.relations.has(id)) out.set(id, this.relations.get(id)!);
    return out;
  }
}

export const candidateTables = oncePer((snapshot: ChainSnapshot) => new CandidateTables(snapshot.chain.id));

/**
 * The Cypher filter of candidates.ts, with its null semantics: a missing kind, local flag (unless
 * locals are allowed), tag list, province or size fails the condition that reads it.
 */
function hardFilter(q: Omit<CandidateQuery, 'chainId'>): (c: TableRow) => boolean {
  const tags = q.tags ?? [];
  const provinces = q.provinces ?? [];
  const sizes = q.sizes ?? [];
  const excluded = new Set(q.excludeIds ?? []);
  return (r) =>
    r.kind === 'industrial' &&
    (r.local === false || q.includeLocal) &&
    (tags.length === 0 || (r.tags ?? []).some((t) => tags.includes(t))) &&
    (provinces.length === 0 || (r.province !== null && provinces.some((p) => r.province!.startsWith(p)))) &&
    (sizes.length === 0 || (r.size !== null && sizes.includes(r.size))) &&
    !excluded.has(r.c.id);
}

const tableColumns = `${candidateColumns}, e.kind AS kind, e.tags AS rawTags`;

type Row = CandidateBasics & { kind: string | null; rawTags: string[] | null };

async function segmentTable(graph: Graph, chainId: string, segmentId: string, phrases: string[]): Promise<SegmentTable> {
  const text = anyOf(phrases);
  const params = { segmentId, chainId, index: fullTextIndexName, text: text ?? '', textLimit: neo4j.int(200) };
  const [structural, textual] = await Promise.all([
    graph.query<Row>(
      `${segmentFirms}
       WITH e, 0.0 AS textHit
       RETURN ${tableColumns}`,
      params,
    ),
    text === undefined
      ? Promise.resolve([])
      : graph.query<Row>(
          `${textFirms}
           RETURN ${tableColumns}`,
          params,
        ),
  ]);
  // Pattern comprehensions return storage order; sorted, every answer repeats exactly.
  const tidy = ({ kind, rawTags, ...c }: Row): TableRow => ({
    c: { ...c, segmentIds: [...c.segmentIds].sort(), products: [...c.products].sort((a, b) => a.id.localeCompare(b.id)) },
    kind: kind ?? null,
    tags: rawTags ?? null,
    local: c.local ?? null,
    province: c.province ?? null,
    size: c.size ?? null,
  });
  return { structural: structural.map(tidy).sort((a, b) => byPrior(a.c, b.c)), textual: textual.map(tidy) };
}
