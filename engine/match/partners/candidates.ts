import neo4j from 'neo4j-driver';
import { fullTextIndexName } from '../../graph/schema.ts';
import type { Graph } from '../../graph/graph.ts';
import { anyOf } from '../../text/luceneQuery.ts';

/** What the first, cheap stage knows of a candidate. */
export interface CandidateBasics {
  id: string;
  name: string;
  local: boolean;
  /** null when not known. */
  size: string | null;
  /** 万元; 0 when not known (the prior only orders by it). */
  revenueWan: number;
  tags: string[];
  province: string;
  city: string;
  description: string;
  /** Segments and products of the target chain. */
  segmentIds: string[];
  products: { id: string; name: string }[];
  /** Full-text score when the candidate was found by text, else 0. */
  textHit: number;
  /** Local firms it already SUPPLIES: a 补链 list starts with those (docs/design.md, amended 2026-12). */
  localCustomers: number;
  /** Where the record came from: `synthetic` records are demo data and must say so wherever shown. */
  source: string | null;
}

export interface LocalContact {
  id: string;
  name: string;
}

/** What the second stage adds for the short list: ties and introduction channels. */
export interface CandidateRelations {
  id: string;
  /** SUPPLIES with local firms: the candidate sells to (`sells`) or buys from (`buys`) them. */
  ties: { other: LocalContact; direction: 'sells' | 'buys'; sharePct: number }[];
  alliances: { id: string; name: string; localMember: LocalContact }[];
  pairedOrgs: {
    orgId: string;
    orgName: string;
    partnerOrgId: string;
    partnerOrgName: string;
    owner: LocalContact & { label: string };
    storedFromCandidate: boolean;
  }[];
  commonPartners: { id: string; name: string; label: string; localFirm: LocalContact }[];
}

export interface CandidateQuery {
  chainId: string;
  segmentId: string;
  includeLocal: boolean;
  tags?: string[];
  provinces?: string[];
  sizes?: string[];
  excludeIds?: string[];
  /** Phrases for the full-text stage (segment name, keywords, product names). */
  phrases: string[];
  limit: number;
}

/** Hard filters, the same for both halves of stage one. */
const candidateFilter = `e.kind = 'industrial' AND (e.local = false OR $includeLocal)
       AND (size($tags) = 0 OR any(t IN e.tags WHERE t IN $tags))
       AND (size($provinces) = 0 OR any(p IN $provinces WHERE e.province STARTS WITH p))
       AND (size($sizes) = 0 OR e.size IN $sizes)
       AND NOT e.id IN $excludeIds`;

/**
 * A deterministic prior decides which candidates a large segment keeps: firms already supplying local
 * firms first (they must never be cut from a 补链 list by the retrieval limit), then text match, tiers, size.
 */
// Unknown revenue (null) orders as 0: Cypher would put nulls first in a DESC order.
const localCustomers = 'COUNT { (e)-[:SUPPLIES]->(:Enterprise {local: true}) }';
const priorOrder = `${localCustomers} DESC, size(e.tags) DESC, coalesce(e.revenueWan, 0) DESC, e.id`;

/** The firms of a segment (placed in it, or making what it includes), as `e`: read filtered here and unfiltered in candidateTables.ts. */
export const segmentFirms = `CALL () {
         MATCH (:Segment {id: $segmentId})<-[:IN_SEGMENT]-(e:Enterprise) RETURN e
         UNION
         MATCH (:Segment {id: $segmentId})-[:INCLUDES]->(:Product)<-[:MAKES]-(e:Enterprise) RETURN e
       }`;
/** The firms whose text matches `$text` in the full-text index, as `e` with its `textHit` (a WHERE may follow). */
export const textFirms = `CALL db.index.fulltext.queryNodes($index, $text, {limit: $textLimit}) YIELD node, score
           WITH node AS e, score AS textHit WHERE e:Enterprise`;

export const candidateColumns = `e.id AS id, e.name AS name, e.local AS local, e.size AS size, coalesce(e.revenueWan, 0) AS revenueWan, e.tags AS tags,
       e.province AS province, e.city AS city, e.description AS description, e.source AS source, textHit,
       ${localCustomers} AS localCustomers,
       [(e)-[:IN_SEGMENT]->(s:Segment {chainId: $chainId}) | s.id] AS segmentIds,
       [(e)-[:MAKES]->(p:Product {chainId: $chainId}) | p {.id, .name}] AS products`;

/** The prior as a comparator, for merging the two halves exactly as one ORDER BY would. */
export function byPrior(a: CandidateBasics, b: CandidateBasics): number {
  return (
    b.localCustomers - a.localCustomers ||
    b.textHit - a.textHit ||
    b.tags.length - a.tags.length ||
    b.revenueWan - a.revenueWan ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Stage one: candidates in or near the segment — by IN_SEGMENT, by making a product the segment
 * includes, or by full-text match of the segment's words — with hard filters applied in Cypher.
 *
 * The structural half and the full-text half run as two queries at once, so Neo4j works on both in
 * parallel (at 100k enterprises each takes ~25 ms; as one UNION query they took ~70–90 ms). The merge
 * is exact: every text hit ranks before every structural-only firm, so the structural query's own
 * top `limit` by the prior holds every structural-only firm the combined order would keep.
 */
export async function findCandidates(graph: Graph, q: CandidateQuery): Promise<CandidateBasics[]> {
  const text = anyOf(q.phrases);
  const params = {
    segmentId: q.segmentId,
    chainId: q.chainId,
    includeLocal: q.includeLocal,
    index: fullTextIndexName,
    text: text ?? '',
    textLimit: neo4j.int(200),
    tags: q.tags ?? [],
    provinces: q.provinces ?? [],
    sizes: q.sizes ?? [],
    excludeIds: q.excludeIds ?? [],
    limit: neo4j.int(q.limit),
  };
  const [structural, textual] = await Promise.all([
    graph.query<CandidateBasics>(
      `${segmentFirms}
       WITH e, 0.0 AS textHit WHERE ${candidateFilter}
       WITH e, textHit ORDER BY ${priorOrder} LIMIT $limit
       RETURN ${candidateColumns}`,
      params,
    ),
    text === undefined
      ? Promise.resolve([])
      : graph.query<CandidateBasics>(
          `${textFirms} AND ${candidateFilter}
           RETURN ${candidateColumns}`,
          params,
        ),
  ]);
  const merged = new Map<string, CandidateBasics>(structural.map((c) => [c.id, c]));
  for (const c of textual) merged.set(c.id, c);
  // Pattern comprehensions return storage order; sorted, every answer repeats exactly.
  return [...merged.values()]
    .sort(byPrior)
    .slice(0, q.limit)
    .map((r) => ({ ...r, segmentIds: [...r.segmentIds].sort(), products: [...r.products].sort((a, b) => a.id.localeCompare(b.id)) }));
}

/** Stage two, for the short list only: supply ties with local firms and introduction channels. */
export async function candidateRelations(graph: Graph, ids: string[]): Promise<Map<string, CandidateRelations>> {
  const rows = await graph.query<CandidateRelations>(
    `UNWIND $ids AS id
     MATCH (e:Enterprise {id: id})
     CALL (e) {
       OPTIONAL MATCH (e)-[t:SUPPLIES]-(o:Enterprise {local: true})
       WITH t, o WHERE o IS NOT NULL ORDER BY o.id
       RETURN collect({other: o {.id, .name}, direction: CASE WHEN startNode(t) = e THEN 'sells' ELSE 'buys' END, sharePct: t.sharePct})[..10] AS ties
     }
     CALL (e) {
       OPTIONAL MATCH (e)-[:MEMBER_OF]->(a:Alliance)<-[:MEMBER_OF]-(o:Enterprise {local: true})
       WITH a, o WHERE o IS NOT NULL AND o <> e ORDER BY a.id, o.id
       WITH a, head(collect(o)) AS o
       RETURN collect({id: a.id, name: a.name, localMember: o {.id, .name}})[..5] AS alliances
     }
     CALL (e) {
       OPTIONAL MATCH (e)-[:HAS_PARTY_ORG]->(po:PartyOrg)-[p:PAIRED_WITH]-(po2:PartyOrg)<-[:HAS_PARTY_ORG]-(owner)
       WITH po, p, po2, owner WHERE owner IS NOT NULL AND (owner:University OR owner:ResearchUnit OR (owner:Enterprise AND owner.local))
       ORDER BY po2.id
       RETURN collect({orgId: po.id, orgName: po.name, partnerOrgId: po2.id, partnerOrgName: po2.name,
                       owner: owner {.id, .name, label: head(labels(owner))}, storedFromCandidate: startNode(p) = po})[..3] AS pairedOrgs
     }
     CALL (e) {
       OPTIONAL MATCH (e)-[:COOPERATES_WITH]->(u)<-[:COOPERATES_WITH]-(o:Enterprise {local: true})
       WITH u, o WHERE o IS NOT NULL AND o <> e ORDER BY u.id, o.id
       WITH u, head(collect(o)) AS o
       RETURN collect({id: u.id, name: u.name, label: head(labels(u)), localFirm: o {.id, .name}})[..3] AS commonPartners
     }
     RETURN e.id AS id, ties, alliances, pairedOrgs, commonPartners`,
    { ids },
  );
  return new Map(rows.map((r) => [r.id, r]));
}
