/**
 * A value loaded on demand and kept: catalogs and chain snapshots that every request reads but that
 * change only on writes. After `ttlMs` the old value is still served while one refresh runs in the
 * background (stale-while-revalidate), so no request pays for a reload that the cache can hide; a
 * failed load is never kept. `invalidate()` after writes through the engine forces the next read
 * to wait for fresh data.
 */
export class Cached<T> {
  private current?: { at: number; value: Promise<T> };
  private refreshing?: Promise<T>;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs = 30_000,
  ) {}

  get(): Promise<T> {
    if (!this.current) return this.reload();
    if (Date.now() - this.current.at >= this.ttlMs && !this.refreshing) {
      const next = this.load();
      this.refreshing = next;
      // A refresh started before invalidate() read data older than the write that invalidated: dropped.
      next.then(
        () => {
          if (this.refreshing !== next) return;
          this.current = { at: Date.now(), value: next };
          this.refreshing = undefined;
        },
        () => this.refreshing === next && (this.refreshing = undefined),
      );
    }
    return this.current.value;
  }

  invalidate(): void {
    this.current = undefined;
    this.refreshing = undefined;
  }

  private reload(): Promise<T> {
    const value = this.load();
    const entry = { at: Date.now(), value };
    this.current = entry;
    value.catch(() => {
      if (this.current === entry) this.current = undefined;
    });
    return value;
  }
}
