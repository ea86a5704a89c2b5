/**
 * Imports as jobs (issue 15 items 2–3, F4): how many run at once, how many wait, how long a finished
 * job is kept, and when an upload is answered at once rather than with 202 and a job to poll.
 *
 * Memory budget: an upload is held in memory from the moment it is admitted until its job ends, and
 * no more than `maxRunning + maxQueued` uploads are admitted at a time (an upload is admitted before its
 * body is read, so six large uploads at once cannot all be buffered). With 20 MB per file that is at
 * most 5 × 20 MB = 100 MB of files, plus one import's parse (the running one): the API's budget under
 * the malicious-upload drill is stated in scripts/drill/maliciousUpload.ts (RSS under 1.5 GB).
 */
export const importJobLimits = {
  /** One import is one write transaction over the whole file; two at once only contend for 2 cores and Neo4j's locks. */
  maxRunning: 1,
  /** Admitted uploads waiting for the running one; beyond this, 429 with Retry-After. */
  maxQueued: 4,
  /** Finished jobs kept for their reports (the oldest are dropped first)… */
  maxFinishedKept: 200,
  /** …and for at most this long after they end. */
  finishedTtlMs: 60 * 60 * 1000,
  /** Files up to this size are answered with the report itself (200) when they finish in time. */
  syncMaxBytes: 256 * 1024,
  /**
   * How long a small file's request waits for its job before answering 202 instead; never longer than
   * the request's deadline less `deadlineMarginMs`, so the client is never told "timed out" about work
   * that then goes on (F4). Long, as answers were before jobs: a small import with firms to classify
   * took over 25 s on the shared 2-core machine while seven other test files ran.
   */
  syncWaitMs: 28_000,
  deadlineMarginMs: 2_000,
  /** Retry-After (seconds) on a 429 when the queue is full: about one import's time. */
  retryAfterS: 10,
  /** An Idempotency-Key header: printable ASCII, at most this long. */
  maxIdempotencyKeyChars: 200,
};
