import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.ts';
import { fullTextIndexName } from '../graph/schema.ts';
import { searchableLabels } from '../model/graphModel.ts';
import { escapeLucene } from '../text/luceneQuery.ts';
import type { TextSimilarity } from '../text/textSimilarity.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { demoCypher } from './demoRecords.ts';
import { highlight, type Highlight } from './highlight.ts';
import { hybridRankingConfig } from '../text/embeddingConfig.ts';
import type { MeaningHit } from './meaningSearch.ts';

export interface SearchRequest {
  q: string;
  types?: string[];
  limit: number;
  cursor?: string;
}

export interface SearchHit {
  id: string;
  type: string;
  name: string;
  description: string;
  score: number;
  highlight: Highlight;
  /** Demo data (演示数据): the seed generator invented this record (`source: synthetic`). */
  demo: boolean;
  /** Found by meaning: its stored passage is among the closest to the query (engine/search/meaningSearch.ts). */
  matchedByMeaning: boolean;
}

export interface SearchResponse {
  items: SearchHit[];
  /** The same page grouped by type, in order of each type's best hit. */
  groups: { type: string; items: SearchHit[] }[];
  nextCursor: string | null;
  /** 'hybrid': full-text hits and hits by meaning fused by rank. */
  textProvider: TextSimilarity['provider'] | 'hybrid';
}

/** The nodes closest in meaning to the query among the given types, or undefined when meaning is unavailable. */
export type ByMeaning = (q: string, types: readonly string[], k: number) => Promise<MeaningHit[] | undefined>;

type Row = { id: string; type: string; name: string; description: string; score: number; demo: boolean; matchedByMeaning?: boolean };
const projection = `node.id AS id, type, coalesce(node.name, node.title, node.id) AS name, coalesce(node.description, '') AS description`;

/**
 * Chinese full-text search over every searchable entity through the cjk index (Lucene CJK bigrams).
 * The query is escaped, so Lucene syntax in user input only ever matches as text. With embeddings on,
 * the hits are re-ranked by 0.5 × normalised Lucene score + 0.5 × semantic similarity. With `byMeaning`
 * (stored passage vectors ready), the full-text hits and the nodes closest in meaning are fused by
 * reciprocal rank, so a paraphrase that shares no words still finds its lab or expert.
 */
export async function searchEntities(graph: Graph, similarity: TextSimilarity, request: SearchRequest, byMeaning?: ByMeaning): Promise<SearchResponse> {
  const offset = decodeCursor(request.cursor);
  const types = request.types?.length ? request.types : searchableLabels;
  const escaped = escapeLucene(request.q.trim());
  // Names weigh most: a firm whose name is the query should beat a demand that mentions it.
  const query = `name:(${escaped})^4 OR title:(${escaped})^2 OR description:(${escaped})`;
  const window = similarity.provider === 'embedding' ? (offset + request.limit) * 2 : offset + request.limit;
  const rows = await graph.query<Row>(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WITH node, score, [l IN labels(node) WHERE l IN $types][0] AS type
     WHERE type IS NOT NULL
     RETURN ${projection}, score, ${demoCypher('node')} AS demo
     LIMIT $window`,
    { index: fullTextIndexName, query, types, window: neo4j.int(window + 1) },
  );
  const dense = byMeaning ? await byMeaning(request.q, types, window + 1) : undefined;
  let ranked: Row[] = rows;
  if (similarity.provider === 'embedding' && rows.length > 0) {
    const top = Math.max(...rows.map((r) => r.score));
    const sims = await similarity.scores(
      request.q,
      rows.map((r) => `${r.name} ${r.description}`),
    );
    ranked = rows.map((r, i) => ({ ...r, score: 0.5 * (r.score / top) + 0.5 * sims[i] })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
  if (dense) ranked = await fuseByRank(graph, ranked, dense);
  const page = ranked.slice(offset, offset + request.limit);
  const items = page.map((r) => ({
    ...r,
    matchedByMeaning: r.matchedByMeaning ?? false,
    score: Math.round(r.score * 1e4) / 1e4,
    description: r.description.slice(0, 200),
    highlight: highlight(r.name, request.q),
  }));
  const groups: SearchResponse['groups'] = [];
  for (const item of items) {
    const group = groups.find((g) => g.type === item.type) ?? (groups.push({ type: item.type, items: [] }), groups[groups.length - 1]);
    group.items.push(item);
  }
  return {
    items,
    groups,
    nextCursor: ranked.length > offset + request.limit ? encodeCursor(offset + request.limit) : null,
    textProvider: dense ? 'hybrid' : similarity.provider,
  };
}

/**
 * Reciprocal-rank fusion (as pairing's, engine/text/hybridRelevance.ts) of the full-text list and the
 * list by meaning; the score is Σ k/(k + rank), so 2 for a hit first in both, about 1 for first in one.
 */
async function fuseByRank(graph: Graph, lexical: Row[], dense: MeaningHit[]): Promise<Row[]> {
  const k = hybridRankingConfig.rrfK;
  const known = new Set(lexical.map((r) => r.id));
  const extra: Row[] = [];
  // Labels come from meaningSearchLabels (an allow-list), never from the request.
  for (const label of new Set(dense.map((d) => d.type))) {
    const ids = dense.filter((d) => d.type === label && !known.has(d.id)).map((d) => d.id);
    if (ids.length === 0) continue;
    extra.push(
      ...(await graph.query<Row>(
        `MATCH (node:${label}) WHERE node.id IN $ids WITH node, $label AS type RETURN ${projection}, 0.0 AS score, ${demoCypher('node')} AS demo`,
        { ids, label },
      )),
    );
  }
  const denseRank = new Map(dense.map((d, i) => [d.id, i + 1]));
  return [...lexical.map((r, i) => ({ r, lexicalRank: i + 1 })), ...extra.map((r) => ({ r, lexicalRank: 0 }))]
    .map(({ r, lexicalRank }) => {
      const d = denseRank.get(r.id);
      const score = (lexicalRank > 0 ? 1 / (k + lexicalRank) : 0) + (d ? 1 / (k + d) : 0);
      return { ...r, score: score * k, matchedByMeaning: d !== undefined };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
