import type { ImportJobPhase, ImportJobState } from '../../contracts/imports.ts';
import type { ImportReport } from '../importFile.ts';
import type { ImportFormat } from '../readTable.ts';
import type { TextEncoding } from '../decodeText.ts';

/** What a job imports: the uploaded file as the request gave it. */
export interface ImportJobInput {
  entity: string;
  filename: string;
  content: Buffer;
  format?: ImportFormat;
  encoding?: TextEncoding;
  /** Where work the import leaves for the background (the chains' health record) reports a failure. */
  log?: (error: unknown, message: string) => void;
}

/** Who asks: a job is seen and cancelled by its submitter or an admin only. */
export interface JobViewer {
  name: string;
  admin: boolean;
}

/** One import job, as the queue keeps it (the file is dropped once the job ends). */
export interface ImportJob {
  id: string;
  owner: string;
  idempotencyKey?: string;
  /**
   * With an Idempotency-Key: a hash of what the request asked (entity, format, encoding, file name and
   * content), so the same key with another file is refused rather than answered with this job.
   */
  fingerprint?: string;
  entity: string;
  filename: string;
  bytes: number;
  state: ImportJobState;
  progress: { phase: ImportJobPhase; done: number; total: number };
  submittedAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  /** DELETE was asked while the job ran: it ends cancelled unless its write had already committed. */
  cancelRequested: boolean;
  report?: ImportReport;
  /** Why a failed job failed (the import's own error: invalid rows, a conflict, the database gone). */
  error?: unknown;
  /** Resolves when the job has ended, whatever the outcome. */
  settled: Promise<void>;
}
