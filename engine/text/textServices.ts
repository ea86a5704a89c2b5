import type { Graph } from '../graph/graph.ts';
import { embedderConfigFromEnv, loadEmbedder } from './embedder.ts';
import { LexicalScorer } from './lexical.ts';
import { EmbeddingSimilarity, LexicalSimilarity, loadTextCorpus, type TextSimilarity } from './textSimilarity.ts';

/**
 * Chooses the text provider once per process: embeddings when EMBED_MODEL_PATH names a complete
 * local model, otherwise the lexical scorer over the graph's own texts. Both are built on first use.
 */
export class TextServices {
  private similarity?: Promise<TextSimilarity>;

  constructor(private readonly graph: Graph, private readonly env: NodeJS.ProcessEnv = process.env) {}

  get(): Promise<TextSimilarity> {
    this.similarity ??= this.build();
    this.similarity.catch(() => (this.similarity = undefined));
    return this.similarity;
  }

  private async build(): Promise<TextSimilarity> {
    const config = embedderConfigFromEnv(this.env);
    if (config) return new EmbeddingSimilarity(await loadEmbedder(config));
    return new LexicalSimilarity(new LexicalScorer(await loadTextCorpus(this.graph)));
  }
}
