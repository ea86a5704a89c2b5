import { createHash } from 'node:crypto';
import type { Graph } from '../graph/graph.ts';
import { passageVectorConfig } from './embeddingConfig.ts';
import type { EmbedRole, TextEmbedder } from './embedder.ts';
import { ensureVectorIndex, type EmbeddedLabel } from './vectorIndex.ts';
import { type RefreshedVectors, VectorRefresh } from './vectorRefresh.ts';

/** One text to keep a vector of, on the node it describes. */
export interface Passage {
  label: EmbeddedLabel;
  id: string;
  text: string;
  /** How an e5 model reads it: a topic name is embedded as a query (it is as short as a need). */
  role: EmbedRole;
}

export interface StoreReport {
  embedded: number;
  unchanged: number;
  ms: number;
}

/** What keys a stored vector: model, role and text. A node whose hash still matches is never embedded again. */
export function passageHash(model: string, role: EmbedRole, text: string): string {
  return createHash('sha256').update(`${model}\n${role}\n${text}`).digest('hex').slice(0, 32);
}

/**
 * Embeds the passages whose node lacks a vector of that very text (by hash) and stores vector and hash
 * on the node (`embedding`, `embeddingHash`), batched; keeps one cosine vector index per label.
 */
export async function storePassages(
  graph: Graph,
  embedder: TextEmbedder,
  passages: Passage[],
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<StoreReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? passageVectorConfig.writeBatch;
  let embedded = 0;
  let unchanged = 0;
  const labels = [...new Set(passages.map((p) => p.label))];
  const stale: (Passage & { hash: string })[] = [];
  for (const label of labels) {
    await ensureVectorIndex(graph, label, embedder.dimensions);
    const mine = passages.filter((p) => p.label === label);
    const stored = new Map(
      (
        await graph.query<{ id: string; hash: string | null }>(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, n.embeddingHash AS hash`, {
          ids: mine.map((p) => p.id),
        })
      ).map((r) => [r.id, r.hash]),
    );
    for (const p of mine) {
      const hash = passageHash(embedder.model, p.role, p.text);
      if (stored.get(p.id) === hash) unchanged++;
      else stale.push({ ...p, hash });
    }
  }
  for (let i = 0; i < stale.length; i += batchSize) {
    const chunk = stale.slice(i, i + batchSize);
    const vectors = new Map<Passage, Float32Array>();
    for (const role of ['query', 'passage'] as const) {
      const ofRole = chunk.filter((p) => p.role === role);
      if (ofRole.length > 0)
        (
          await embedder.embed(
            ofRole.map((p) => p.text),
            role,
          )
        ).forEach((v, j) => vectors.set(ofRole[j], v));
    }
    for (const label of new Set(chunk.map((p) => p.label))) {
      const rows = chunk.filter((p) => p.label === label).map((p) => ({ id: p.id, hash: p.hash, vector: Array.from(vectors.get(p)!) }));
      await graph.write((tx) =>
        tx.run(
          `UNWIND $rows AS row MATCH (n:${label} {id: row.id})
           CALL db.create.setNodeVectorProperty(n, 'embedding', row.vector)
           SET n.embeddingHash = row.hash`,
          { rows },
        ),
      );
    }
    embedded += chunk.length;
    options.onProgress?.(embedded, stale.length);
  }
  return { embedded, unchanged, ms: Date.now() - started };
}

/** Every stored vector of the given labels, by its hash (text, role and model in one key). */
export async function loadStoredVectors(graph: Graph, labels: readonly EmbeddedLabel[]): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  for (const label of labels) {
    const rows = await graph.query<{ hash: string; vector: number[] }>(
      `MATCH (n:${label}) WHERE n.embeddingHash IS NOT NULL AND n.embedding IS NOT NULL RETURN n.embeddingHash AS hash, n.embedding AS vector`,
    );
    for (const r of rows) out.set(r.hash, Float32Array.from(r.vector));
  }
  return out;
}

/**
 * The passages the request path scores against, stored in Neo4j and held in memory. `refresh()` runs
 * in the background (after start, after each import): it embeds only what changed, then swaps the
 * in-memory set. Lookups never embed: a passage without a vector is a miss, and the caller answers lexically.
 */
export class PassageVectors extends VectorRefresh {
  private vectors = new Map<string, Float32Array>();
  /** Hits by role and text, so a request hashes each catalog text once per refresh, not once per request. */
  private byText = new Map<string, Float32Array>();
  /** Bumped each time a refresh lands: answers cached under an older version are not served. */
  version = 0;

  constructor(
    private readonly graph: Graph,
    readonly embedder: TextEmbedder,
    private readonly sources: (graph: Graph) => Promise<Passage[]>,
    log: (line: string) => void = () => {},
  ) {
    super('passage vectors', log);
  }

  get(role: EmbedRole, text: string): Float32Array | undefined {
    const key = `${role}\n${text}`;
    const known = this.byText.get(key);
    if (known) return known;
    const v = this.vectors.get(passageHash(this.embedder.model, role, text));
    // Only stored texts are remembered: the map is bounded by the vectors themselves.
    if (v) this.byText.set(key, v);
    return v;
  }

  protected async store(): Promise<RefreshedVectors> {
    const passages = await this.sources(this.graph);
    const report = await storePassages(this.graph, this.embedder, passages);
    const labels = [...new Set(passages.map((p) => p.label))];
    this.vectors = await loadStoredVectors(this.graph, labels);
    this.byText = new Map();
    this.version++;
    return { state: 'ready', vectors: this.vectors.size, embedded: report.embedded, ms: report.ms };
  }
}
