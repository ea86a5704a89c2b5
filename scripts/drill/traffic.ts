/** One kind of request the drills send, built per call. */
export interface RequestKind {
  kind: string;
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

/** Sends one request and records the answer; never throws. */
export async function send(base: string, kind: RequestKind, i: number, timeoutMs: number): Promise<Sample> {
  const { path, init, writeId } = kind.make(i);
  const sentAt = Date.now();
  const started = performance.now();
  try {
    const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return {
      kind: kind.kind,
      sentAt,
      ms: performance.now() - started,
      status: res.status,
      writeId,
      problemJson: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'),
      retryAfter: res.headers.get('retry-after'),
    };
  } catch (error) {
    const ms = performance.now() - started;
    return { kind: kind.kind, sentAt, ms, status: 0, problemJson: false, retryAfter: null, error: (error as Error).message, writeId };
  }
}

/**
 * Open-loop traffic: one request every `intervalMs`, the kinds in turn, whether or not earlier ones
 * have been answered — so a slow or hung API cannot slow the traffic down and hide itself. Every answer
 * is recorded with when it was sent and how long it took; no answer within `timeoutMs` is status 0.
 */
export class Traffic {
  readonly samples: Sample[] = [];
  private timer?: NodeJS.Timeout;
  private readonly pending = new Set<Promise<void>>();
  private counter = 0;

  constructor(
    private readonly base: string,
    private readonly kinds: RequestKind[],
    private readonly options: { intervalMs: number; timeoutMs: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      const i = this.counter++;
      const p: Promise<void> = send(this.base, this.kinds[i % this.kinds.length], i, this.options.timeoutMs).then((s) => {
        this.samples.push(s);
        this.pending.delete(p);
      });
      this.pending.add(p);
    }, this.options.intervalMs);
  }

  /** Stops sending and waits for every outstanding answer. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.pending]);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
