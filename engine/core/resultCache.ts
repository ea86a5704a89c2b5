/**
 * Answers of the deterministic matchers, remembered per version of the data they were computed
 * from. The version is the object holding that data — a chain snapshot, a research catalog — so
 * when it is reloaded (after a write through the engine, or its TTL) the old answers go with it and
 * nothing is ever served from data older than what an uncached call would read. The same request on
 * the same version gets the same answer object; callers must not change it.
 *
 * Why: an officer's gap panel, the viewer going back and forth, an API client polling — the same
 * questions recur, and a partners answer at 100k enterprises costs ~60 ms of Neo4j and CPU time
 * that a lookup does not. `CHAINMATCH_RESULT_CACHE=off` turns it off (the benchmark measures both).
 */
export class ResultCache {
  private readonly byVersion = new WeakMap<object, Map<string, Promise<unknown>>>();
  // Counted so a load test can say how much of its traffic the cache answered (scripts/bench).
  private hits = 0;
  private misses = 0;

  constructor(
    readonly enabled = resultCacheEnabled(),
    private readonly maxPerVersion = 512,
  ) {}

  get<T>(version: object, request: unknown, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) {
      this.misses++;
      return compute();
    }
    let answers = this.byVersion.get(version);
    if (!answers) this.byVersion.set(version, (answers = new Map()));
    const key = stableKey(request);
    const hit = answers.get(key);
    if (hit) {
      this.hits++;
      // Least recently used goes first: re-insert to move this one to the end.
      answers.delete(key);
      answers.set(key, hit);
      return hit as Promise<T>;
    }
    this.misses++;
    const value = compute();
    answers.set(key, value);
    if (answers.size > this.maxPerVersion) answers.delete(answers.keys().next().value!);
    // A failure (bad input, database gone) is never remembered.
    value.catch(() => answers.get(key) === value && answers.delete(key));
    return value;
  }

  /** Lookups since start: answered from memory, or computed (off, every lookup is a miss). */
  stats(): ResultCacheStats {
    return { hits: this.hits, misses: this.misses };
  }
}

export interface ResultCacheStats {
  hits: number;
  misses: number;
}

export function resultCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.CHAINMATCH_RESULT_CACHE ?? 'on') !== 'off';
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one request. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
