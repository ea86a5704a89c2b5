import type { Graph } from '../graph/graph.ts';
import { NotFoundError } from '../core/errors.ts';
import type { Stage } from '../model/chainTemplate.ts';

/**
 * Everything the chain analysis reads about one chain, fetched in one read transaction: the
 * template (segments, products, FEEDS, INPUT_TO), the chain's local firms, and the supply ties into
 * them. The scoring functions are pure over this, so they are tested without a database.
 */
export interface SnapshotSegment {
  id: string;
  name: string;
  nameEn: string;
  stage: Stage;
  order: number;
  description: string;
  keywords: string[];
  products: { id: string; name: string }[];
}

export interface SnapshotFirm {
  id: string;
  name: string;
  local: boolean;
  /** Scale facts; any may be unknown (null) — capacity.ts estimates revenue from what is known. */
  size: string | null;
  revenueWan: number | null;
  employees: number | null;
  registeredCapitalWan: number | null;
  tags: string[];
  hasPartyOrg: boolean;
  /** Segments and products of this chain only. */
  segmentIds: string[];
  productIds: string[];
  /** Demo data (`source: synthetic`): every figure that names the firm says so. Absent = real. */
  demo?: boolean;
}

export interface SnapshotTie {
  from: string;
  fromName: string;
  fromLocal: boolean;
  /** The supplier's segments in this chain (empty when it sits in none). */
  fromSegmentIds: string[];
  to: string;
  toName: string;
  sharePct: number;
  /** The supplier is demo data (`source: synthetic`). Absent = real. */
  fromDemo?: boolean;
}

export interface ChainSnapshot {
  chain: { id: string; name: string; nameEn: string };
  segments: SnapshotSegment[];
  feeds: [string, string][];
  inputTo: [string, string][];
  /** The chain's local firms. */
  firms: SnapshotFirm[];
  /** SUPPLIES ties whose customer is one of the chain's local firms. */
  ties: SnapshotTie[];
}

const firmProjection = `e.id AS id, e.name AS name, e.local AS local, coalesce(e.source = 'synthetic', false) AS demo, e.size AS size, e.revenueWan AS revenueWan, e.employees AS employees, e.registeredCapitalWan AS registeredCapitalWan, e.tags AS tags,
  EXISTS { (e)-[:HAS_PARTY_ORG]->(:PartyOrg) } AS hasPartyOrg,
  [(e)-[:IN_SEGMENT]->(x:Segment {chainId: $chainId}) | x.id] AS segmentIds,
  [(e)-[:MAKES]->(p:Product {chainId: $chainId}) | p.id] AS productIds`;

const byPair = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);

export async function loadChainSnapshot(graph: Graph, chainId: string): Promise<ChainSnapshot> {
  return graph.read(async (tx) => {
    const head = await tx.run(
      `MATCH (c:Chain {id: $chainId})
       CALL (c) {
         MATCH (c)-[:HAS_SEGMENT]->(s:Segment)
         CALL (s) { OPTIONAL MATCH (s)-[:INCLUDES]->(p:Product) RETURN collect(p {.id, .name}) AS products }
         RETURN collect(s {.id, .name, .nameEn, .stage, .order, .description, .keywords, products: products}) AS segments
       }
       CALL (c) { OPTIONAL MATCH (c)-[:HAS_SEGMENT]->(a:Segment)-[:FEEDS]->(b:Segment) RETURN collect([a.id, b.id]) AS feeds }
       CALL (c) {
         OPTIONAL MATCH (c)-[:HAS_SEGMENT]->(:Segment)-[:INCLUDES]->(p:Product)-[:INPUT_TO]->(q:Product {chainId: $chainId})
         RETURN collect([p.id, q.id]) AS inputTo
       }
       RETURN c {.id, .name, .nameEn} AS chain, segments, feeds, inputTo`,
      { chainId },
    );
    if (head.records.length === 0) throw new NotFoundError('Chain', chainId);
    const firms = await tx.run(
      `MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)<-[:IN_SEGMENT]-(e:Enterprise {local: true})
       WITH DISTINCT e ORDER BY e.id RETURN ${firmProjection}`,
      { chainId },
    );
    const ties = await tx.run(
      `MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)<-[:IN_SEGMENT]-(buyer:Enterprise {local: true})
       WITH DISTINCT buyer
       MATCH (seller:Enterprise)-[t:SUPPLIES]->(buyer)
       WITH seller, buyer, t ORDER BY seller.id, buyer.id
       RETURN seller.id AS from, seller.name AS fromName, seller.local AS fromLocal, coalesce(seller.source = 'synthetic', false) AS fromDemo, buyer.id AS to, buyer.name AS toName, t.sharePct AS sharePct,
              [(seller)-[:IN_SEGMENT]->(x:Segment {chainId: $chainId}) | x.id] AS fromSegmentIds`,
      { chainId },
    );
    const h = head.records[0].toObject();
    const segments = (h.segments as SnapshotSegment[]).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    return {
      chain: h.chain,
      segments: segments.map((seg) => ({ ...seg, products: [...seg.products].sort((a, b) => a.id.localeCompare(b.id)) })),
      feeds: [...h.feeds].sort(byPair),
      inputTo: [...h.inputTo].sort(byPair),
      // Collections from pattern comprehensions come in storage order: sort so answers repeat exactly.
      firms: firms.records.map((r) => {
        const f = r.toObject() as SnapshotFirm;
        return { ...f, segmentIds: [...f.segmentIds].sort(), productIds: [...f.productIds].sort() };
      }),
      ties: ties.records.map((r) => {
        const t = r.toObject() as SnapshotTie;
        return { ...t, fromSegmentIds: [...t.fromSegmentIds].sort() };
      }),
    };
  });
}

/** Firms by id as the chain sees them (any firm, local or not): for what-if additions. */
export async function loadFirmsForChain(graph: Graph, chainId: string, ids: string[]): Promise<SnapshotFirm[]> {
  const rows = await graph.query<SnapshotFirm>(`MATCH (e:Enterprise) WHERE e.id IN $ids RETURN ${firmProjection}`, { chainId, ids });
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new NotFoundError('Enterprise', missing);
  return rows;
}

export async function listChains(
  graph: Graph,
): Promise<{ id: string; name: string; nameEn: string; assumed: boolean; description: string; segments: number; localFirms: number }[]> {
  return graph.query(
    `MATCH (c:Chain)
     RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn, c.assumed AS assumed, c.description AS description,
            COUNT { (c)-[:HAS_SEGMENT]->() } AS segments,
            COUNT { MATCH (c)-[:HAS_SEGMENT]->()<-[:IN_SEGMENT]-(e:Enterprise {local: true}) RETURN DISTINCT e } AS localFirms
     ORDER BY c.assumed, c.id`,
  );
}
