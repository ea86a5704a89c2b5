import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.ts';
import { fullTextIndexName } from '../graph/schema.ts';
import { searchableLabels } from '../model/graphModel.ts';
import { escapeLucene } from '../text/luceneQuery.ts';
import type { TextSimilarity } from '../text/textSimilarity.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { demoCypher } from './demoRecords.ts';
import { highlight, type Highlight } from './highlight.ts';

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
}

export interface SearchResponse {
  items: SearchHit[];
  /** The same page grouped by type, in order of each type's best hit. */
  groups: { type: string; items: SearchHit[] }[];
  nextCursor: string | null;
  textProvider: TextSimilarity['provider'];
}

/**
 * Chinese full-text search over every searchable entity through the cjk index (Lucene CJK bigrams).
 * The query is escaped, so Lucene syntax in user input only ever matches as text. With embeddings on,
 * the hits are re-ranked by 0.5 × normalised Lucene score + 0.5 × semantic similarity.
 */
export async function searchEntities(graph: Graph, similarity: TextSimilarity, request: SearchRequest): Promise<SearchResponse> {
  const offset = decodeCursor(request.cursor);
  const types = request.types?.length ? request.types : searchableLabels;
  const escaped = escapeLucene(request.q.trim());
  // Names weigh most: a firm whose name is the query should beat a demand that mentions it.
  const query = `name:(${escaped})^4 OR title:(${escaped})^2 OR description:(${escaped})`;
  const window = similarity.provider === 'embedding' ? (offset + request.limit) * 2 : offset + request.limit;
  const rows = await graph.query<{ id: string; type: string; name: string; description: string; score: number; demo: boolean }>(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WITH node, score, [l IN labels(node) WHERE l IN $types][0] AS type
     WHERE type IS NOT NULL
     RETURN node.id AS id, type, coalesce(node.name, node.title, node.id) AS name, coalesce(node.description, '') AS description, score,
            ${demoCypher('node')} AS demo
     LIMIT $window`,
    { index: fullTextIndexName, query, types, window: neo4j.int(window + 1) },
  );
  let ranked = rows;
  if (similarity.provider === 'embedding' && rows.length > 0) {
    const top = Math.max(...rows.map((r) => r.score));
    const sims = await similarity.scores(request.q, rows.map((r) => `${r.name} ${r.description}`));
    ranked = rows.map((r, i) => ({ ...r, score: 0.5 * (r.score / top) + 0.5 * sims[i] })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
  const page = ranked.slice(offset, offset + request.limit);
  const items = page.map((r) => ({ ...r, score: Math.round(r.score * 1e4) / 1e4, description: r.description.slice(0, 200), highlight: highlight(r.name, request.q) }));
  const groups: SearchResponse['groups'] = [];
  for (const item of items) {
    const group = groups.find((g) => g.type === item.type) ?? (groups.push({ type: item.type, items: [] }), groups[groups.length - 1]);
    group.items.push(item);
  }
  return { items, groups, nextCursor: ranked.length > offset + request.limit ? encodeCursor(offset + request.limit) : null, textProvider: similarity.provider };
}
