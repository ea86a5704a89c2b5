import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.ts';
import { cosineDense, type TextEmbedder } from './embedder.ts';
import { cosine as cosineSparse, LexicalScorer, type SparseVector } from './lexical.ts';

export type TextProvider = 'lexical' | 'embedding';

/**
 * One interface for text similarity with two providers (docs/design.md §3): sentence embeddings from a
 * local model when one is configured, else the lexical scorer. Callers only see scores in [0, 1]
 * and which provider produced them, which the API reports with every answer.
 */
export interface TextSimilarity {
  readonly provider: TextProvider;
  scores(query: string, documents: string[]): Promise<number[]>;
}

export class LexicalSimilarity implements TextSimilarity {
  readonly provider = 'lexical' as const;
  // Catalog texts (segments, units, talents) recur in every request: vectorise each once.
  private readonly vectors = new Map<string, SparseVector>();
  constructor(
    readonly scorer: LexicalScorer,
    private readonly maxCached = 50_000,
  ) {}

  async scores(query: string, documents: string[]): Promise<number[]> {
    const q = this.scorer.vector(query);
    return documents.map((d) => cosineSparse(q, this.vector(d)));
  }

  private vector(text: string): SparseVector {
    let v = this.vectors.get(text);
    if (!v) {
      if (this.vectors.size >= this.maxCached) this.vectors.clear();
      v = this.scorer.vector(text);
      this.vectors.set(text, v);
    }
    return v;
  }
}

/** Embeddings, with document vectors remembered by text so repeated candidates are embedded once. */
export class EmbeddingSimilarity implements TextSimilarity {
  readonly provider = 'embedding' as const;
  private readonly cache = new Map<string, Float32Array>();
  constructor(
    readonly embedder: TextEmbedder,
    private readonly maxCached = 50_000,
  ) {}

  async scores(query: string, documents: string[]): Promise<number[]> {
    const missing = [...new Set(documents.filter((t) => !this.cache.has(t)))];
    if (missing.length > 0) {
      const vectors = await this.embedder.embed(missing, 'passage');
      if (this.cache.size + missing.length > this.maxCached) this.cache.clear();
      missing.forEach((t, i) => this.cache.set(t, vectors[i]));
    }
    // The query is embedded as a query (e5's `query: `), never taken from the passage cache.
    const [q] = await this.embedder.embed([query], 'query');
    return documents.map((d) => Math.max(0, cosineDense(q, this.cache.get(d)!)));
  }
}

/**
 * The texts the lexical scorer's document frequencies come from: the graph's own vocabulary —
 * segments, products, topics, research units, talents and (a deterministic sample of) enterprises.
 */
export async function loadTextCorpus(graph: Graph, enterpriseSample = 20_000): Promise<string[]> {
  const rows = await graph.query<{ text: string }>(
    `CALL () {
       MATCH (n) WHERE n:Segment OR n:Product OR n:Topic OR n:ResearchUnit OR n:Talent
       RETURN coalesce(n.name, '') + ' ' + coalesce(n.description, '') AS text
       UNION ALL
       MATCH (e:Enterprise) WITH e ORDER BY e.id LIMIT $sample
       RETURN e.name + ' ' + coalesce(e.description, '') AS text
     }
     RETURN text`,
    { sample: neo4j.int(enterpriseSample) },
  );
  return rows.map((r) => r.text);
}
