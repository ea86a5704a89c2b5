import { UnavailableError } from '../core/errors.ts';

/** Driver errors that mean the server cannot be reached (not that the query was wrong). */
export function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
}

export class GraphUnavailableError extends UnavailableError {
  constructor() {
    super('Neo4j cannot be reached; retry shortly.');
  }
}

/**
 * A circuit breaker in front of Neo4j. Once a call finds the server gone, every call in flight is
 * rejected at once and new calls fail immediately, so callers can answer "unavailable" within
 * milliseconds instead of waiting for connect timeouts and retries. A probe (a real query) runs in
 * the background until the server answers again; then calls go through as before, with no restart.
 */
export class Availability {
  private openSince: number | undefined;
  private closed = false;
  private readonly inFlight = new Set<(error: Error) => void>();

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly options: { probeEveryMs: number; probeTimeoutMs: number } = { probeEveryMs: 250, probeTimeoutMs: 2_000 },
  ) {}

  get available(): boolean {
    return this.openSince === undefined;
  }

  /** Runs `call` unless the breaker is open; a connection loss opens it and fails every call in flight. */
  guard<T>(call: () => Promise<T>): Promise<T> {
    if (!this.available) return Promise.reject(new GraphUnavailableError());
    return new Promise<T>((resolve, reject) => {
      this.inFlight.add(reject);
      call()
        .then(resolve, (error: unknown) => {
          if (isConnectionLoss(error)) {
            this.trip();
            reject(new GraphUnavailableError());
          } else reject(error);
        })
        .finally(() => this.inFlight.delete(reject));
    });
  }

  /** Opens the breaker: calls in flight fail now, and the probe starts. */
  trip(): void {
    if (!this.available || this.closed) return;
    this.openSince = Date.now();
    for (const reject of this.inFlight) reject(new GraphUnavailableError());
    this.inFlight.clear();
    void this.probeUntilBack();
  }

  /** Stops probing (the driver is being closed). */
  close(): void {
    this.closed = true;
  }

  private async probeUntilBack(): Promise<void> {
    while (!this.closed && !this.available) {
      await sleep(this.options.probeEveryMs);
      if (this.closed) return;
      try {
        await withTimeout(this.probe(), this.options.probeTimeoutMs);
        this.openSince = undefined;
      } catch {
        // still gone; try again after the interval
      }
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
