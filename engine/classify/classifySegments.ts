import neo4j from 'neo4j-driver';
import { classifyWeights } from '../config/scoring.ts';
import type { Graph } from '../graph/graph.ts';
import { fullTextIndexName } from '../graph/schema.ts';
import { round, weighSignals, type SignalScore } from '../match/explanation.ts';
import { anyOf } from '../text/luceneQuery.ts';
import type { TextSimilarity } from '../text/textSimilarity.ts';
import { segmentText, type SegmentProfile } from './segmentCatalog.ts';

export interface ClassifyInput {
  name: string;
  products?: string[];
  description?: string;
}

export interface SegmentSuggestion {
  segmentId: string;
  segmentName: string;
  chainId: string;
  chainName: string;
  score: number;
  /** 0–1: the score, discounted when the runner-up is close (an ambiguous attachment). */
  confidence: number;
  signals: SignalScore[];
  /** Firms already in the segment whose names and descriptions resemble the input. */
  similarFirms: { id: string; name: string }[];
}

/** A product name matches a segment product when one contains the other (after trimming). */
function productMatch(products: string[], segmentProducts: string[]): { value: number; matched: string[] } {
  if (products.length === 0) return { value: 0, matched: [] };
  const matched = products.filter((p) => segmentProducts.some((s) => s.includes(p) || p.includes(s)));
  return { value: matched.length / products.length, matched };
}

/**
 * Automatic attachment (挂链): ranks the segments of every loaded chain for a firm described by
 * name, products and business text, from three signals — product overlap with the segment's
 * products, text similarity to the segment, and the segments of firms the full-text index finds
 * most alike (a k-nearest-neighbour vote from the graph).
 */
export async function classifySegments(
  graph: Graph,
  catalog: SegmentProfile[],
  similarity: TextSimilarity,
  input: ClassifyInput,
  options: { limit?: number; excludeFirmIds?: string[]; neighbours?: number } = {},
): Promise<SegmentSuggestion[]> {
  const products = (input.products ?? []).map((p) => p.trim()).filter(Boolean);
  const text = [input.name, ...products, input.description ?? ''].join(' ');
  const query = anyOf([input.name, ...products, ...(input.description ? [input.description.slice(0, 200)] : [])]);
  const neighbours = query
    ? await graph.query<{ id: string; name: string; score: number; segments: string[] }>(
        `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
         WITH node, score WHERE node:Enterprise AND NOT node.id IN $exclude
         WITH node, score LIMIT $k
         RETURN node.id AS id, node.name AS name, score,
                [(node)-[r:IN_SEGMENT]->(s:Segment) WHERE NOT coalesce(r.inferred, false) | s.id] AS segments`,
        { index: fullTextIndexName, query, exclude: options.excludeFirmIds ?? [], limit: neo4j.int(200), k: neo4j.int(options.neighbours ?? 25) },
      )
    : [];
  const votes = new Map<string, { weight: number; firms: { id: string; name: string }[] }>();
  let totalVotes = 0;
  for (const n of neighbours) {
    for (const s of n.segments) {
      const v = votes.get(s) ?? votes.set(s, { weight: 0, firms: [] }).get(s)!;
      v.weight += n.score / n.segments.length;
      if (v.firms.length < 3) v.firms.push({ id: n.id, name: n.name });
      totalVotes += n.score / n.segments.length;
    }
  }
  const sims = await similarity.scores(text, catalog.map(segmentText));
  const scored = catalog.map((s, i) => {
    const products = productMatch(input.products ?? [], s.products);
    const vote = votes.get(s.id);
    const { total, signals } = weighSignals(
      {
        products: { value: products.value, detail: products.matched.length ? `产品匹配：${products.matched.join('、')}` : '无产品直接匹配' },
        text: { value: sims[i], detail: `与环节描述的文本相似度 ${sims[i].toFixed(3)}` },
        graph: { value: totalVotes > 0 ? (vote?.weight ?? 0) / totalVotes : 0, detail: vote ? `相似企业 ${vote.firms.map((f) => f.name).join('、')} 在此环节` : '相似企业不在此环节' },
      },
      classifyWeights,
    );
    return { s, total, signals, similarFirms: vote?.firms ?? [] };
  });
  scored.sort((a, b) => b.total - a.total || a.s.id.localeCompare(b.s.id));
  const runnerUp = scored[1]?.total ?? 0;
  return scored.slice(0, options.limit ?? 5).map((x, rank) => ({
    segmentId: x.s.id, segmentName: x.s.name, chainId: x.s.chainId, chainName: x.s.chainName,
    score: x.total,
    confidence: round(rank === 0 && x.total > 0 ? x.total * Math.min(1, 0.5 + (x.total - runnerUp) / x.total) : x.total * 0.5),
    signals: x.signals,
    similarFirms: x.similarFirms,
  }));
}
