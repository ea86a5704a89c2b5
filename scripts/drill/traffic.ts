/** One kind of request the drills send, built per call. */
export interface RequestKind {
  kind: string;
  /** Whether the request writes (its 2xx is an acknowledgement that must survive). */
  writes?: boolean;
  make(i: number): { path: string; init?: RequestInit; writeId?: string };
}

export interface Sample {
  kind: string;
  sentAt: number;
  ms: number;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  problemJson: boolean;
  retryAfter: string | null;
  error?: string;
  writeId?: string;
}

/**
 * Closed-loop traffic: `workers` loops, each sending the kinds round-robin with a short pause, every
 * answer recorded with when it was sent and how long it took. A request without an answer within
 * `timeoutMs` is recorded as status 0 (the API hung).
 */
export class Traffic {
  readonly samples: Sample[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private counter = 0;

  constructor(private readonly base: string, private readonly kinds: RequestKind[], private readonly options: { workers: number; pauseMs: number; timeoutMs: number }) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.workers }, (_, w) => this.loop(w));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(worker: number): Promise<void> {
    for (let round = worker; this.running; round++) {
      const kind = this.kinds[round % this.kinds.length];
      const { path, init, writeId } = kind.make(this.counter++);
      const sentAt = Date.now();
      const started = performance.now();
      try {
        const res = await fetch(this.base + path, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs) });
        await res.arrayBuffer();
        this.samples.push({
          kind: kind.kind, sentAt, ms: performance.now() - started, status: res.status, writeId,
          problemJson: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'), retryAfter: res.headers.get('retry-after'),
        });
      } catch (error) {
        this.samples.push({ kind: kind.kind, sentAt, ms: performance.now() - started, status: 0, problemJson: false, retryAfter: null, error: (error as Error).message, writeId });
      }
      await new Promise((r) => setTimeout(r, this.options.pauseMs));
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
