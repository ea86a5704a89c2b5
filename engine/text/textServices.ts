import type { Graph } from '../graph/graph.ts';
import { ChainMatchError } from '../core/errors.ts';
import { embedderConfigFromEnv, loadEmbedder, type TextEmbedder } from './embedder.ts';
import { textProviderRetryMs } from './embeddingConfig.ts';
import { connectHttpEmbedder, httpEmbedderConfigFromEnv } from './httpEmbedder.ts';
import { HybridRelevance } from './hybridRelevance.ts';
import { LexicalScorer } from './lexical.ts';
import { storedScorer } from './meaningScorer.ts';
import { PassageVectors, type Passage } from './passageVectors.ts';
import type { VectorRefreshState } from './vectorRefresh.ts';
import { EmbeddingSimilarity, LexicalSimilarity, loadTextCorpus, type TextSimilarity } from './textSimilarity.ts';

/** What /health reports about text: the provider scoring matches now, and the dense provider's state. */
export interface TextStatus {
  /** The provider `get()` serves (pairing, talent, search). */
  matching: TextSimilarity['provider'] | 'not loaded';
  dense:
    | { status: 'up'; backend: TextEmbedder['backend']; model: string; dimensions: number; url?: string }
    | { status: 'off' | 'down' | 'not loaded'; reason: string };
  /** The stored passage vectors the request path reads (absent while no dense provider is up). */
  vectors?: VectorRefreshState;
}

/**
 * Chooses the text providers once per process. `get()`: embeddings when EMBED_MODEL_PATH names a
 * complete local model, otherwise the lexical scorer over the graph's own texts. `dense()`: the
 * embeddings server in EMBEDDINGS_URL (which `npm start` runs), else the local model, else none;
 * `hybrid()`: lexical and dense fused by rank, the scorer for free-text needs. All built on first use.
 */
export class TextServices {
  private similarity?: Promise<TextSimilarity>;
  private lexicalScorer?: Promise<LexicalSimilarity>;
  private denseEmbedder?: Promise<TextEmbedder | undefined>;
  private denseFailedAt = 0;
  private denseState: TextStatus['dense'] = { status: 'not loaded', reason: 'not asked for yet' };
  private matchingProvider: TextStatus['matching'] = 'not loaded';
  private vectors?: PassageVectors;

  constructor(
    private readonly graph: Graph,
    /** The passages whose vectors are stored (the matchers' research units, talents and topics: match/pairing/meaningPassages.ts). */
    private readonly passages: (graph: Graph) => Promise<Passage[]>,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly log: (line: string) => void = () => {},
  ) {}

  get(): Promise<TextSimilarity> {
    this.similarity ??= this.build();
    this.similarity.then(
      (s) => (this.matchingProvider = s.provider),
      () => (this.similarity = undefined),
    );
    return this.similarity;
  }

  /**
   * The dense embedder, or undefined (with the reason in `status()`) when none is configured or its
   * server does not answer; a failed server is asked again after textProviderRetryMs. Its first
   * connection starts storing the passage vectors in the background (`npm start` asks at start-up).
   */
  dense(): Promise<TextEmbedder | undefined> {
    if (this.denseEmbedder && this.denseState.status === 'down' && Date.now() - this.denseFailedAt > textProviderRetryMs) this.denseEmbedder = undefined;
    this.denseEmbedder ??= this.buildDense();
    return this.denseEmbedder;
  }

  /**
   * Lexical + dense ranking for free text over the stored passage vectors; answers lexically, saying
   * so, while dense is unavailable or the vectors are still being computed (never embeds passages on
   * the request path).
   */
  async hybrid(): Promise<HybridRelevance> {
    const dense = await this.dense();
    return new HybridRelevance(await this.lexical(), dense && this.vectors ? storedScorer(this.vectors) : undefined);
  }

  /** The stored passage vectors once the dense provider is up (ready or not: see their status). */
  async storedVectors(): Promise<PassageVectors | undefined> {
    return (await this.dense()) ? this.vectors : undefined;
  }

  /** After writes or an import: embed the passages whose text changed, in the background. */
  refreshVectors(): void {
    void this.vectors?.refresh();
  }

  /** Resolves when no refresh of the stored vectors is running (tests, the evaluation). */
  async vectorsSettled(): Promise<void> {
    await this.dense();
    await this.vectors?.settled();
  }

  /** Changes whenever the answers by meaning may change: dense up or down, a new set of stored vectors. */
  meaningVersion(): string {
    const s = this.vectors?.status();
    return `${this.denseState.status}:${s?.state ?? 'none'}:${this.vectors?.version ?? 0}`;
  }

  status(): TextStatus {
    return { matching: this.matchingProvider, dense: this.denseState, ...(this.vectors ? { vectors: this.vectors.status() } : {}) };
  }

  private lexical(): Promise<LexicalSimilarity> {
    this.lexicalScorer ??= loadTextCorpus(this.graph).then((corpus) => new LexicalSimilarity(new LexicalScorer(corpus)));
    this.lexicalScorer.catch(() => (this.lexicalScorer = undefined));
    return this.lexicalScorer;
  }

  private async build(): Promise<TextSimilarity> {
    const config = embedderConfigFromEnv(this.env);
    if (config) return new EmbeddingSimilarity(await loadEmbedder(config));
    return this.lexical();
  }

  private async buildDense(): Promise<TextEmbedder | undefined> {
    const http = httpEmbedderConfigFromEnv(this.env);
    const local = embedderConfigFromEnv(this.env);
    if (!http && !local) {
      this.denseState = { status: 'off', reason: 'neither EMBEDDINGS_URL nor EMBED_MODEL_PATH is set' };
      return undefined;
    }
    try {
      const embedder = http ? await connectHttpEmbedder(http) : await loadEmbedder(local!);
      this.denseState = { status: 'up', backend: embedder.backend, model: embedder.model, dimensions: embedder.dimensions, ...(http ? { url: http.url } : {}) };
      if (this.vectors?.embedder.model !== embedder.model) {
        this.vectors = new PassageVectors(this.graph, embedder, this.passages, this.log);
        void this.vectors.refresh();
      }
      return embedder;
    } catch (error) {
      // Expected failures (server absent, model incomplete) degrade to lexical; bugs still throw.
      if (!(error instanceof ChainMatchError)) throw error;
      this.denseState = { status: 'down', reason: error.message };
      this.denseFailedAt = Date.now();
      return undefined;
    }
  }
}
