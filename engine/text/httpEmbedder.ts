/**
 * An embeddings provider for the OpenAI-compatible `POST /v1/embeddings` that local model servers share
 * (the one `npm start` runs, scripts/embeddings/; or a deployment's own server named by EMBEDDINGS_URL). Same
 * TextEmbedder interface as the in-process transformers.js provider, so callers do not fork.
 */
import { createHash } from 'node:crypto';
import { UnavailableError } from '../core/errors.ts';
import { httpEmbedderDefaults, type E5PrefixMode } from './embeddingConfig.ts';
import type { EmbedRole, TextEmbedder } from './embedder.ts';

export interface HttpEmbedderOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:8123 (with or without a trailing /v1). */
  url: string;
  model?: string;
  batchSize?: number;
  timeoutMs?: number;
  cacheEntries?: number;
  e5Prefix?: E5PrefixMode;
}

/** EMBEDDINGS_URL (+ EMBEDDINGS_MODEL, EMBEDDINGS_E5_PREFIX); undefined when no server is named. */
export function httpEmbedderConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpEmbedderOptions | undefined {
  if (!env.EMBEDDINGS_URL) return undefined;
  const prefix = env.EMBEDDINGS_E5_PREFIX;
  if (prefix !== undefined && !['input_type', 'inline', 'none'].includes(prefix)) {
    throw new RangeError(`EMBEDDINGS_E5_PREFIX must be input_type, inline or none, got "${prefix}"`);
  }
  return { url: env.EMBEDDINGS_URL, model: env.EMBEDDINGS_MODEL || undefined, e5Prefix: prefix as E5PrefixMode | undefined };
}

/** The endpoint for a base URL, whether it was given as http://host:port or http://host:port/v1. */
export function embeddingsEndpoint(url: string): string {
  const base = url.replace(/\/+$/, '');
  return /\/v1$/.test(base) ? `${base}/embeddings` : `${base}/v1/embeddings`;
}

/**
 * Connects to the server and asks it for one vector, so a dead URL fails here — with an
 * UnavailableError naming the URL — rather than on a user's first request.
 */
export async function connectHttpEmbedder(options: HttpEmbedderOptions): Promise<HttpEmbedder> {
  const embedder = new HttpEmbedder(options);
  const [probe] = await embedder.embed(['维度'], 'query');
  embedder.dimensions = probe.length;
  return embedder;
}

export class HttpEmbedder implements TextEmbedder {
  readonly provider = 'embedding' as const;
  readonly backend = 'http' as const;
  readonly model: string;
  readonly endpoint: string;
  /** Known after the first answer (connectHttpEmbedder probes it). */
  dimensions = 0;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly cacheEntries: number;
  private readonly e5Prefix: E5PrefixMode;
  // Map keeps insertion order, so re-inserting on a hit and deleting the first key is an LRU.
  private readonly cache = new Map<string, Float32Array>();
  /** Served from the cache vs asked of the server, since start (tests and the eval report them). */
  readonly stats = { hits: 0, misses: 0, requests: 0 };

  constructor(options: HttpEmbedderOptions) {
    this.endpoint = embeddingsEndpoint(options.url);
    this.model = options.model ?? httpEmbedderDefaults.model;
    this.batchSize = options.batchSize ?? httpEmbedderDefaults.batchSize;
    this.timeoutMs = options.timeoutMs ?? httpEmbedderDefaults.timeoutMs;
    this.cacheEntries = options.cacheEntries ?? httpEmbedderDefaults.cacheEntries;
    this.e5Prefix = options.e5Prefix ?? httpEmbedderDefaults.e5Prefix;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    if (!Number.isInteger(this.cacheEntries) || this.cacheEntries < 0)
      throw new RangeError(`cacheEntries must be a non-negative integer, got ${this.cacheEntries}`);
  }

  async embed(texts: string[], role: EmbedRole = 'passage'): Promise<Float32Array[]> {
    const keys = texts.map((t) => this.cacheKey(t, role));
    const out: (Float32Array | undefined)[] = keys.map((k) => this.cached(k));
    const missing = [...new Set(texts.filter((_, i) => !out[i]))];
    this.stats.hits += texts.length - texts.filter((_, i) => !out[i]).length;
    this.stats.misses += missing.length;
    const fresh = new Map<string, Float32Array>();
    for (let i = 0; i < missing.length; i += this.batchSize) {
      const batch = missing.slice(i, i + this.batchSize);
      const vectors = await this.request(batch, role);
      batch.forEach((t, j) => {
        fresh.set(t, vectors[j]);
        this.remember(this.cacheKey(t, role), vectors[j]);
      });
    }
    return texts.map((t, i) => out[i] ?? fresh.get(t)!);
  }

  /** sha256 of model, role and text: long texts are not kept twice, and roles never share a vector. */
  private cacheKey(text: string, role: EmbedRole): string {
    return createHash('sha256').update(`${this.model}\n${role}\n${text}`).digest('base64');
  }

  private cached(key: string): Float32Array | undefined {
    const v = this.cache.get(key);
    if (v) {
      this.cache.delete(key);
      this.cache.set(key, v);
    }
    return v;
  }

  private remember(key: string, vector: Float32Array): void {
    if (this.cacheEntries === 0) return;
    this.cache.set(key, vector);
    if (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
  }

  private async request(texts: string[], role: EmbedRole): Promise<Float32Array[]> {
    const body: Record<string, unknown> = {
      model: this.model,
      input: this.e5Prefix === 'inline' ? texts.map((t) => `${role}: ${t}`) : texts,
      encoding_format: 'float',
    };
    if (this.e5Prefix === 'input_type') body.input_type = role;
    this.stats.requests++;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : causeOf(error);
      throw new UnavailableError(`embeddings server ${this.endpoint} is unavailable: ${reason}`, { cause: error });
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      throw new UnavailableError(`embeddings server ${this.endpoint} answered ${response.status}: ${detail}`);
    }
    const json = (await response.json().catch(() => undefined)) as { data?: { index?: number; embedding?: unknown }[] } | undefined;
    const data = json?.data;
    if (!Array.isArray(data) || data.length !== texts.length) {
      throw new UnavailableError(`embeddings server ${this.endpoint} returned ${Array.isArray(data) ? data.length : 'no'} vectors for ${texts.length} texts`);
    }
    // OpenAI's API may return items out of order; `index` says which input each belongs to.
    const ordered = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return ordered.map((item) => {
      if (!Array.isArray(item.embedding) || item.embedding.length === 0) {
        throw new UnavailableError(`embeddings server ${this.endpoint} returned a malformed vector (ask for encoding_format "float")`);
      }
      return normalise(Float32Array.from(item.embedding as number[]));
    });
  }
}

/** L2-normalised in place: servers differ on whether they normalise, and callers rely on dot = cosine. */
function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

/** fetch() hides the socket error (ECONNREFUSED…) in `cause`. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
