import { Cached } from './core/cached.ts';
import { embeddingText } from './classify/firmTerms.ts';
import { FirmVectors } from './classify/firmVectors.ts';
import { classifyWorkersEnabled, SegmentAttachment } from './classify/segmentAttachment.ts';
import type { Classification, ClassifyInput, ClassifyOptions } from './classify/suggestion.ts';
import type { Graph } from './graph/graph.ts';
import { meaningPassages } from './match/pairing/meaningPassages.ts';
import { warmNeedPool } from './match/pairing/needPool.ts';
import { loadResearchCatalog } from './match/pairing/researchCatalog.ts';
import { rankPairs, type PairingRequest, type PairingResponse } from './match/pairing/rankPairs.ts';
import { rankTalent, type TalentRequest } from './match/talent/rankTalent.ts';
import { warmMatchers } from './match/warmMatchers.ts';
import { ResultCache, resultCacheEnabled, type ResultCacheStats } from './core/resultCache.ts';
import { getEntity, getNeighbourhood } from './search/neighbourhood.ts';
import { nearestByMeaning } from './search/meaningSearch.ts';
import { searchEntities, type SearchRequest, type SearchResponse } from './search/searchEntities.ts';
import type { TextEmbedder } from './text/embedder.ts';
import { TextServices } from './text/textServices.ts';

/**
 * The operations of the second user group and of exploring: school–enterprise pairing, talent
 * matching, search, entity neighbourhoods and automatic segment attachment (docs/design.md §3, §5, §6).
 */
export class KnowledgeEngine {
  readonly text: TextServices;
  private readonly research: Cached<Awaited<ReturnType<typeof loadResearchCatalog>>>;
  private readonly attachment: SegmentAttachment;
  /** The attachment training firms' vectors: started by the first classification while the dense provider is up. */
  private firmVectors?: FirmVectors;
  private readonly log: (line: string) => void;

  private readonly answers: ResultCache;
  private researchInUse = false;

  constructor(
    readonly graph: Graph,
    options: { ttlMs?: number; env?: NodeJS.ProcessEnv; resultCache?: boolean; log?: (line: string) => void } = {},
  ) {
    this.log = options.log ?? (() => {});
    this.text = new TextServices(graph, meaningPassages, options.env, options.log);
    this.answers = new ResultCache(options.resultCache ?? resultCacheEnabled(options.env));
    // Each catalog's pool of retrievable firms starts loading with it (needPool.ts), off the request path.
    this.research = new Cached(async () => {
      this.researchInUse = true;
      const catalog = await loadResearchCatalog(graph);
      void warmNeedPool(graph, catalog);
      return catalog;
    }, options.ttlMs);
    this.attachment = new SegmentAttachment(graph, { ttlMs: options.ttlMs, inWorkers: classifyWorkersEnabled(options.env) });
  }

  // Pairing and talent answers are kept per research catalog: a reloaded catalog starts afresh.
  // A need in words is ranked by words and meaning when the dense provider is up (issue 18).
  async pairSchoolEnterprise(request: PairingRequest): Promise<PairingResponse> {
    const catalog = await this.research.get();
    const hybrid = request.text !== undefined && request.textRole !== 'capability' ? await this.text.hybrid() : undefined;
    // Keyed by the state of meaning too: a lexical answer given while the server was down or the stored
    // vectors were being computed is not kept once they are there.
    return this.answers.get(catalog, { pair: request, meaning: this.text.meaningVersion() }, async () =>
      rankPairs(this.graph, catalog, await this.text.get(), request, hybrid),
    );
  }

  async matchTalent(request: TalentRequest) {
    const catalog = await this.research.get();
    const hybrid = request.text !== undefined ? await this.text.hybrid() : undefined;
    return this.answers.get(catalog, { talent: request, meaning: this.text.meaningVersion() }, async () =>
      rankTalent(this.graph, catalog, await this.text.get(), request, hybrid),
    );
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const vectors = await this.text.storedVectors();
    return searchEntities(this.graph, await this.text.get(), request, (q, types, k) => nearestByMeaning(this.graph, vectors, q, types, k));
  }

  entity(id: string) {
    return getEntity(this.graph, id);
  }

  neighbourhood(id: string, depth: 1 | 2, limit: number) {
    return getNeighbourhood(this.graph, id, depth, limit);
  }

  /**
   * Automatic attachment: the scope's segments ranked for a firm, learned from its attached firms — by
   * words, products and neighbours, and by meaning too when the dense provider is up and every firm the
   * scope learns from has a stored vector (firmVectors.ts). Otherwise, or when the firm cannot be
   * embedded now, the lexical classifier answers and `textProvider` says so.
   */
  async classify(input: ClassifyInput, options: ClassifyOptions = {}): Promise<Classification> {
    const embedder = await this.text.dense();
    if (embedder && this.firmVectors?.embedder.model !== embedder.model)
      this.firmVectors = new FirmVectors(this.graph, embedder, () => this.attachment.refresh(), this.log);
    if (embedder) this.firmVectors!.want(options.chainIds);
    const scope = await this.attachment.scope(options.chainIds, embedder?.model);
    if (scope.dense) {
      // The firm is embedded while its other signals are computed (two processes, two cores).
      const embedding = this.embedFirm(embedder!, input);
      const answer = scope.suggest(input, options, embedding);
      if (await embedding) return { items: await answer, textProvider: 'hybrid', trainedOn: scope.trainedOn };
      answer.catch(() => undefined); // It fails without the embedding: the lexical classifier answers.
    }
    const lexical = scope.dense ? await this.attachment.scope(options.chainIds) : scope;
    return { items: await lexical.suggest(input, options), textProvider: 'lexical', trainedOn: lexical.trainedOn };
  }

  private embedFirm(embedder: TextEmbedder, input: ClassifyInput): Promise<Float32Array | undefined> {
    return embedder.embed([embeddingText(input)], 'passage').then(
      ([v]) => v,
      (error: Error) => void this.log(`classification by meaning unavailable, answered lexically: ${error.message.slice(0, 200)}`),
    );
  }

  /** Resolves when the attachment firms' vectors are stored (tests, the evaluation); at once when none are computed. */
  async firmVectorsSettled(): Promise<void> {
    await this.firmVectors?.settled();
  }

  /** Hits and misses of the pairing and talent answers kept in memory (read by the load test). */
  resultCacheStats(): ResultCacheStats {
    return this.answers.stats();
  }

  /**
   * Trains the classifier of all chains now, in its worker, rather than on the first classification (a
   * server start). Resolves with the attached firms it learned from.
   */
  async warmClassifier(): Promise<number> {
    // The scope the first classification will ask for: keyed by the embedding model when the server is up.
    return (await this.attachment.scope(undefined, (await this.text.dense())?.model)).trainedOn;
  }

  /**
   * Loads the research catalog, what the matchers compute per catalog (match/warmMatchers.ts) and its
   * pool of retrievable firms now (a server start, after an import), rather than on the first requests.
   * Resolves with the firms in the pool (0 when it is not read: too many firms).
   */
  async warmResearch(): Promise<number> {
    const catalog = await this.research.get();
    const [, pool] = await Promise.all([warmMatchers(catalog, await this.text.get()), warmNeedPool(this.graph, catalog)]);
    return pool?.profiles.size ?? 0;
  }

  /** The attachment classifiers: ready scopes, trainings under way, the training firms' vectors when computed (for /health). */
  classifierStatus() {
    return { ...this.attachment.status(), ...(this.firmVectors ? { firmVectors: this.firmVectors.status() } : {}) };
  }

  /** Lets the attachment classifiers' worker threads go. */
  close(): void {
    this.attachment.close();
  }

  invalidate(): void {
    this.research.invalidate();
    // As chain snapshots (SnapshotCache): a catalog in use loads again at once, in the background, with
    // its pool, so the first pairing after an import waits for a load under way or done, not a cold one.
    if (this.researchInUse) this.warmResearch().catch(() => undefined);
    this.attachment.invalidate();
    // Passages whose text changed (new units, topics, expertise) and new training firms are embedded in the background.
    this.text.refreshVectors();
    void this.firmVectors?.refresh();
  }
}
