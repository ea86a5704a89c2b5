import { randomUUID } from 'node:crypto';
import { importJobLimits } from '../../config/importJobs.ts';
import type { ImportReport } from '../importFile.ts';
import type { ImportPhase } from '../tableSpec.ts';
import type { ImportJob, ImportJobInput, JobViewer } from './importJob.ts';

/** Runs one import: the queue passes the signal that cancels it and a progress callback. */
export type RunImport = (input: ImportJobInput, signal: AbortSignal, onProgress: JobProgress) => Promise<ImportReport>;
type JobProgress = (phase: ImportPhase, done: number, total: number) => void | Promise<void>;

/**
 * The import runs in the API's own thread, and its steps (classifying firm after firm) await only
 * promises that are already resolved: without a pause, timers and other requests wait until it ends
 * (a 4 s request deadline fired after 30 s). So a progress report yields to the event loop when the
 * last pause is longer ago than this.
 */
const yieldEveryMs = 50;

/** A place in the queue, taken before an upload is read and handed to the job it becomes (or released). */
export interface Admission {
  release(): void;
}

interface Entry {
  job: ImportJob;
  input?: ImportJobInput;
  controller: AbortController;
  settle: () => void;
}

/**
 * Import jobs in memory: at most `maxRunning` run at once, at most `maxQueued` wait, finished ones are
 * kept (with their reports) up to `maxFinishedKept` and `finishedTtlMs`. What outlives a restart of
 * the API process is each job's record in Neo4j (importJobRecords.ts, written by the API): a finished
 * job answers from it, a queued or running one — its transaction rolled back by Neo4j when the
 * connection dropped — answers failed, interrupted.
 */
export class ImportQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, string>();
  /** Idempotency keys whose upload is being received: a second request with one is refused (409), not made a second job. */
  private readonly receiving = new Set<string>();
  private readonly waiting: Entry[] = [];
  private running = 0;
  private admitted = 0;

  constructor(
    private readonly run: RunImport,
    private readonly limits = importJobLimits,
    private readonly now = () => Date.now(),
  ) {}

  /**
   * A place for one upload; `full` when running, waiting and admitted uploads fill the queue (429);
   * `in-flight` when an upload with the same caller and Idempotency-Key is still being received (409):
   * two requests at once with one key would otherwise both become jobs.
   */
  admit(idempotency?: { owner: string; key: string }): Admission | 'full' | 'in-flight' {
    this.prune();
    const reserved = idempotency && keyOf(idempotency.owner, idempotency.key);
    if (reserved !== undefined && this.receiving.has(reserved)) return 'in-flight';
    if (this.admitted + this.waiting.length + this.running >= this.limits.maxRunning + this.limits.maxQueued) return 'full';
    this.admitted++;
    if (reserved !== undefined) this.receiving.add(reserved);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.admitted--;
        if (reserved !== undefined) this.receiving.delete(reserved);
      },
    };
  }

  /** The caller's job submitted under this Idempotency-Key, if it is still kept. */
  byIdempotencyKey(viewer: JobViewer, key: string): ImportJob | undefined {
    this.prune();
    const id = this.byKey.get(keyOf(viewer.name, key));
    return id ? this.entries.get(id)?.job : undefined;
  }

  /** Queues an admitted upload as a job; the admission passes to it. */
  submit(admission: Admission, owner: string, input: ImportJobInput, idempotency?: { key: string; fingerprint: string }): ImportJob {
    const idempotencyKey = idempotency?.key;
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const job: ImportJob = {
      id: randomUUID(),
      owner,
      idempotencyKey,
      fingerprint: idempotency?.fingerprint,
      entity: input.entity,
      filename: input.filename,
      bytes: input.content.length,
      state: 'queued',
      progress: { phase: 'queued', done: 0, total: 0 },
      submittedAt: new Date(this.now()),
      cancelRequested: false,
      settled,
    };
    const entry: Entry = { job, input, controller: new AbortController(), settle };
    this.entries.set(job.id, entry);
    if (idempotencyKey !== undefined) this.byKey.set(keyOf(owner, idempotencyKey), job.id);
    this.waiting.push(entry);
    admission.release();
    this.pump();
    return job;
  }

  /** The job, for its owner or an admin; anyone else is told nothing about it (undefined → 404). */
  find(id: string, viewer: JobViewer): ImportJob | undefined {
    this.prune();
    const job = this.entries.get(id)?.job;
    return job && (viewer.admin || job.owner === viewer.name) ? job : undefined;
  }

  /**
   * Cancels a job: a waiting one ends at once; a running one is aborted — its write transaction rolls
   * back — and this waits (up to `waitMs`) for it to end, so the answer says how it ended: `cancelled`,
   * or `succeeded` when its commit came first. A finished job is returned as it is.
   */
  async cancel(id: string, viewer: JobViewer, waitMs = 5_000): Promise<ImportJob | undefined> {
    const job = this.find(id, viewer);
    if (!job) return undefined;
    const entry = this.entries.get(id)!;
    if (job.state === 'queued') {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      job.cancelRequested = true;
      this.finish(entry, 'cancelled');
    } else if (job.state === 'running') {
      job.cancelRequested = true;
      entry.controller.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([job.settled, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
    }
    return job;
  }

  /** Jobs waiting and running now (for tests and the drill). */
  load(): { running: number; queued: number; admitted: number; kept: number } {
    return { running: this.running, queued: this.waiting.length, admitted: this.admitted, kept: this.entries.size };
  }

  private pump(): void {
    while (this.running < this.limits.maxRunning && this.waiting.length > 0) void this.start(this.waiting.shift()!);
  }

  private async start(entry: Entry): Promise<void> {
    const { job } = entry;
    this.running++;
    job.state = 'running';
    job.startedAt = new Date(this.now());
    job.progress = { phase: 'checking', done: 0, total: 0 };
    try {
      let paused = Date.now();
      job.report = await this.run(entry.input!, entry.controller.signal, (phase, done, total) => {
        job.progress = { phase, done, total };
        if (Date.now() - paused < yieldEveryMs) return;
        paused = Date.now();
        return new Promise<void>((resolve) => setImmediate(resolve));
      });
      this.finish(entry, 'succeeded');
    } catch (error) {
      if (entry.controller.signal.aborted) this.finish(entry, 'cancelled');
      else {
        job.error = error;
        this.finish(entry, 'failed');
      }
    } finally {
      this.running--;
      this.pump();
    }
  }

  private finish(entry: Entry, state: 'succeeded' | 'failed' | 'cancelled'): void {
    const { job } = entry;
    job.state = state;
    job.finishedAt = new Date(this.now());
    if (state === 'succeeded') job.progress = { ...job.progress, phase: 'done', done: job.progress.total };
    // The file is not needed any more: a kept job holds its report only.
    entry.input = undefined;
    entry.settle();
    this.prune();
  }

  /** Drops finished jobs past their TTL, then the oldest beyond the number kept. */
  private prune(): void {
    const finished = [...this.entries.values()].filter((e) => e.job.finishedAt !== undefined);
    const expired = this.now() - this.limits.finishedTtlMs;
    const over = finished.length - this.limits.maxFinishedKept;
    finished
      .sort((a, b) => a.job.finishedAt!.getTime() - b.job.finishedAt!.getTime())
      .forEach((e, i) => {
        if (i < over || e.job.finishedAt!.getTime() < expired) this.drop(e.job);
      });
  }

  private drop(job: ImportJob): void {
    this.entries.delete(job.id);
    if (job.idempotencyKey !== undefined) this.byKey.delete(keyOf(job.owner, job.idempotencyKey));
  }
}

const keyOf = (owner: string, key: string) => `${owner}\n${key}`;
