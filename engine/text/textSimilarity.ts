import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph.ts';
import { cosineDense, type TextEmbedder } from './embedder.ts';
import { CompactVectors, type CompactVector } from './compactVectors.ts';
import { LexicalScorer } from './lexical.ts';

export type TextProvider = 'lexical' | 'embedding';

/**
 * One interface for text similarity with two providers (docs/design.md §3): sentence embeddings from a
 * local model when one is configured, else the lexical scorer. Callers only see scores in [0, 1]
 * and which provider produced them, which the API reports with every answer.
 */
export interface TextSimilarity {
  readonly provider: TextProvider;
  scores(query: string, documents: string[]): Promise<number[]>;
  /**
   * Texts every request scores (the research catalog's): prepared now, off the request path, and kept
   * until the next call. Optional: a provider without it prepares each text on first use.
   */
  keep?(texts: readonly string[]): Promise<void>;
}

/** Texts keep() vectorises between two yields to the event loop: a research unit's text at 1M takes ~0.3 ms, so ≤ ~80 ms a slice. */
const keepSlice = 250;

export class LexicalSimilarity implements TextSimilarity {
  readonly provider = 'lexical' as const;
  private compact = new CompactVectors();
  /** The texts of keep(): never evicted. */
  private kept = new Map<string, CompactVector>();
  /** Other texts (firms' needs and descriptions), each vectorised once until `maxCached` of them. */
  private readonly recent = new Map<string, CompactVector>();

  constructor(
    readonly scorer: LexicalScorer,
    private readonly maxCached = 50_000,
    /** Distinct terms of the documents remembered, at most: past it the vectors are computed afresh. */
    private readonly maxTerms = 2_000_000,
  ) {}

  async scores(query: string, documents: string[]): Promise<number[]> {
    // Before, never during, a call: every vector of one call must come from the same term ids.
    if (this.compact.terms >= this.maxTerms) this.startAfresh();
    const vectors = documents.map((d) => this.vector(d));
    return this.compact.cosines(this.scorer.vector(query), vectors);
  }

  /** In slices, yielding between them: at 1,000,000 firms the catalog's texts take seconds to vectorise, and requests go on meanwhile. */
  async keep(texts: readonly string[]): Promise<void> {
    const next = new Map<string, CompactVector>();
    const compact = this.compact;
    for (let i = 0; i < texts.length; i += keepSlice) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      // Started afresh meanwhile: the ids of the vectors made so far are gone with it.
      if (this.compact !== compact) return this.keep(texts);
      for (const text of texts.slice(i, i + keepSlice)) if (!next.has(text)) next.set(text, this.known(text) ?? compact.compact(this.scorer.vector(text)));
    }
    this.kept = next;
  }

  private known(text: string): CompactVector | undefined {
    return this.kept.get(text) ?? this.recent.get(text);
  }

  /** Term ids are never freed one by one: past the bound (checked between calls), every id and vector goes and the kept texts are vectorised again. */
  private startAfresh(): void {
    const texts = [...this.kept.keys()];
    this.compact = new CompactVectors();
    this.recent.clear();
    this.kept = new Map();
    void this.keep(texts);
  }

  private vector(text: string): CompactVector {
    let v = this.known(text);
    if (!v) {
      if (this.recent.size >= this.maxCached) this.recent.clear();
      v = this.compact.compact(this.scorer.vector(text));
      this.recent.set(text, v);
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
