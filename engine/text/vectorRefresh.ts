/** What a background store of vectors reports (/health): under way, done (how many kept, how many embedded now), or failed. */
export type VectorRefreshState =
  { state: 'computing'; since: number } | { state: 'ready'; vectors: number; embedded: number; ms: number } | { state: 'failed'; reason: string };

export type RefreshedVectors = Extract<VectorRefreshState, { state: 'ready' }>;

/**
 * A background job that embeds and stores the vectors of some texts (the matchers' passages, the
 * attachment's training firms), never two runs at once: `refresh()` while one runs asks for one more
 * run after it, however often it is asked meanwhile, so a burst of imports costs at most two runs and
 * the last sees the last write. A failed run keeps the vectors there are; the next refresh tries again.
 */
export abstract class VectorRefresh {
  private current?: Promise<void>;
  private again = false;
  private lastState: VectorRefreshState = { state: 'computing', since: Date.now() };

  protected constructor(
    /** What the log lines call it ("passage vectors", …). */
    private readonly what: string,
    protected readonly log: (line: string) => void,
  ) {}

  /** Embeds and stores what changed since the last run. */
  protected abstract store(): Promise<RefreshedVectors>;

  refresh(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.run().finally(() => {
      this.current = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.current;
  }

  /** Resolves when no refresh is running or queued (tests, the evaluation). */
  async settled(): Promise<void> {
    while (this.current) await this.current;
  }

  status(): VectorRefreshState {
    return this.lastState;
  }

  private async run(): Promise<void> {
    if (this.lastState.state !== 'computing') this.lastState = { state: 'computing', since: Date.now() };
    try {
      const done = (this.lastState = await this.store());
      this.log(`${this.what} ready: ${done.vectors} stored, ${done.embedded} embedded now, ${(done.ms / 1000).toFixed(1)} s`);
    } catch (error) {
      this.lastState = { state: 'failed', reason: (error as Error).message.slice(0, 300) };
      this.log(`${this.what} not refreshed: ${this.lastState.reason}`);
    }
  }
}
