import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import {
  importEntities,
  importJobLimits,
  importLimits,
  ImportJobRecords,
  ImportQueue,
  InvalidInputError,
  importFile,
  recordChainHealth,
  UnavailableError,
  type Admission,
  type ChainMatchEngine,
  type ImportJob,
  type ImportJobRecord,
  type KnowledgeEngine,
  type RunImport,
} from '../../engine/index.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { writerIdentity } from '../auth.ts';
import { sendProblem } from '../problem.ts';
import { requestDeadline } from '../requestTimeout.ts';
import { defineRoute, type Reply } from '../route.ts';
import { fileSha256, hashingUpload, idempotencyHeaders, idempotencyKeyOf, requestFingerprint } from './importIdempotency.ts';
import { importJobRoutes, jobPath, jobView } from './importJobRoutes.ts';

export const importPathSchema = z.strictObject({ entity: z.enum(importEntities) });
/** A CSV/JSON file's text encoding when it is not UTF-8 (or UTF-16 with a BOM): declared, never guessed (issue 15 F5). */
const encodingSchema = z
  .enum(['utf-8', 'gb18030'])
  .meta({ description: 'GB18030 for Excel "CSV" saved on Chinese Windows; also accepted as the form field "encoding"' });
export const importQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'jsonl', 'json']).optional(), encoding: encodingSchema.optional() });

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: importLimits.maxBytes, files: 1, fields: 5 } });

interface UploadState {
  admission?: Admission;
  existing?: ImportJob;
  /** A job of this key that a previous run of the API finished (kept in Neo4j), when memory has none. */
  stored?: ImportJobRecord;
  key?: string;
  /** With a key: what the request asked, hashed (importIdempotency.ts), kept with the job. */
  fingerprint?: string;
}
const uploadState = (res: Response) => res.locals as UploadState;

/** Multer's failures: a file over the limit stays 413 (problem.ts); any other malformed upload is 400. */
const uploadError = (error: unknown) =>
  !error || (error as { code?: string }).code === 'LIMIT_FILE_SIZE'
    ? error
    : new InvalidInputError('the upload could not be read', [{ path: 'body.file', message: error instanceof Error ? error.message : String(error) }]);

const keyProblem = (status: 409 | 422, title: string, message: string, instance: string) => ({
  type: 'about:blank',
  title,
  status,
  instance,
  detail: message,
  errors: [{ path: 'header.Idempotency-Key', message }],
});

/**
 * Before a byte of the upload is read: a repeated Idempotency-Key finds its job — the body is then
 * read only to hash it, and a different file or parameters under the same key is 422 (the IETF
 * idempotency-key draft); the same ones get the job's answer. Otherwise the upload needs a place in the
 * queue: none free is 429 with Retry-After, so concurrent uploads never buffer more than the queue
 * holds; the first upload with this key still being received is 409. Then the file is received: any
 * malformed upload (no boundary, cut-off body, stray fields) is 400, a file over the limit 413.
 */
function receive(queue: ImportQueue, records: () => ImportJobRecords): RequestHandler {
  return (req, res, next) => {
    const state = uploadState(res);
    try {
      state.key = idempotencyKeyOf(req);
    } catch (error) {
      return next(error);
    }
    const owner = writerIdentity(req);
    const key = state.key;
    state.existing = key === undefined ? undefined : queue.byIdempotencyKey(owner, key);
    const stored = key === undefined || state.existing ? Promise.resolve(undefined) : records().byIdempotencyKey(owner.name, key);
    stored.then((record) => {
      state.stored = record;
      const fingerprint = state.existing ? state.existing.fingerprint : record?.fingerprint;
      if (state.existing || record) return repeat(fingerprint);
      admitted();
    }, next);

    /** A repeat of a key with a job: hashed, not kept; the same request is answered by the handler with that job. */
    const repeat = (fingerprint: string | undefined) =>
      hashingUpload.single('file')(req, res, (error?: unknown) => {
        if (error || !req.file) return next(uploadError(error));
        if (requestFingerprint(req, fileSha256(req.file)) === fingerprint) return next();
        sendProblem(
          res,
          keyProblem(
            422,
            '幂等键已用于另一请求 Idempotency-Key reused with a different request',
            'this Idempotency-Key was used with a different file or parameters; send a new key for a new import',
            req.originalUrl,
          ),
        );
      });

    const admitted = () => {
      const admission = queue.admit(key === undefined ? undefined : { owner: owner.name, key });
      if (admission === 'in-flight') {
        return sendProblem(
          res,
          keyProblem(
            409,
            '同一幂等键的请求正在处理 A request with this Idempotency-Key is in progress',
            'the first upload with this Idempotency-Key is still being received; retry when it has been answered',
            req.originalUrl,
          ),
        );
      }
      if (admission === 'full') {
        return sendProblem(
          res,
          {
            type: 'about:blank',
            title: '导入队列已满 Import queue full',
            status: 429,
            instance: req.originalUrl,
            detail: `${importJobLimits.maxRunning} import(s) running and ${importJobLimits.maxQueued} waiting; retry later`,
          },
          { 'Retry-After': String(importJobLimits.retryAfterS) },
        );
      }
      state.admission = admission;
      // Released here unless the upload became a job (submit takes it over; releasing twice is harmless).
      res.once('close', () => admission.release());
      upload.single('file')(req, res, (error?: unknown) => {
        if (!error && key !== undefined && req.file) state.fingerprint = requestFingerprint(req, fileSha256(req.file));
        next(uploadError(error));
      });
    };
  };
}

/** Waits for `work`, but never past the request's deadline less its margin (a 503 must not go out for a job that runs). */
async function withinDeadline(res: Response, work: Promise<unknown>, atMostMs: number): Promise<void> {
  const deadline = requestDeadline(res);
  const waitMs = Math.max(0, Math.min(atMostMs, deadline ? deadline.at - Date.now() - importJobLimits.deadlineMarginMs : atMostMs));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
  clearTimeout(timer);
}

/**
 * The answer for a job: a small file waits for its job (never past the request's deadline, so a
 * timeout never reports as failed an import that then lands) and answers as an import always did —
 * 200 with the report, or the problem of its failure; otherwise, and for larger files, 202 with the
 * job and its address in `Location`. Every answer names the job (`Content-Location`). Before it
 * answers, the job's record in Neo4j says what the answer says (queued or running for a 202, ended
 * for the rest), within the same deadline: so a process killed just after answering leaves a record
 * a restarted one reads back (`GET /import/jobs/{id}`), not a 404 or a finished job read as interrupted.
 */
async function answer(job: ImportJob, res: Response, recorded: { queued: Promise<void>; ended: Promise<void> }): Promise<Reply> {
  const where = jobPath(job.id);
  if (job.bytes <= importJobLimits.syncMaxBytes) {
    await withinDeadline(res, job.settled, importJobLimits.syncWaitMs);
    if (job.state === 'succeeded' || job.state === 'failed') await withinDeadline(res, recorded.ended, importJobLimits.syncWaitMs);
    if (job.state === 'succeeded') return { kind: 'json', status: 200, body: job.report, headers: { 'Content-Location': where } };
    if (job.state === 'failed') throw job.error;
  }
  await withinDeadline(res, recorded.queued, importJobLimits.syncWaitMs);
  return { kind: 'json', status: 202, body: jobView(job), location: where, headers: { 'Content-Location': where } };
}

/** A repeat of a job a previous run of the API finished: its report when it succeeded on a small file, as the first answer was; else the job. */
function answerStored({ id, view }: ImportJobRecord): Reply {
  const where = jobPath(id);
  if (view.state === 'succeeded' && view.bytes <= importJobLimits.syncMaxBytes)
    return { kind: 'json', status: 200, body: view.report, headers: { 'Content-Location': where } };
  return { kind: 'json', status: 202, body: view, location: where, headers: { 'Content-Location': where } };
}

/**
 * POST /import/{entity}: one file (multipart field `file`), validated row by row, then written in one
 * transaction — a bad row anywhere writes nothing and every bad row is reported (row, field, reason).
 * Every import runs as a job in the queue (engine/import/jobs); see `answer` for when the report
 * comes at once. GET and DELETE /import/jobs/{id} follow and cancel the job.
 */
export function importRoutes(engine: ChainMatchEngine, knowledge: KnowledgeEngine) {
  const run: RunImport = async (input, signal, onProgress) => {
    const report = await importFile(knowledge.graph, knowledge, { ...input, signal, onProgress });
    // Imported firms, ties and templates change every cached snapshot and catalog.
    engine.invalidate();
    knowledge.invalidate();
    // The overview's history keeps the chains' health as each import left it; in the background, so
    // the job does not wait for seven gap analyses (a failure is logged and retried by the daily record).
    recordChainHealth(engine).catch((error: unknown) => input.log?.(error, 'chain health after import not recorded'));
    return report;
  };
  const queue = new ImportQueue(run);
  // Made when first used: the declarations are also built without engines (for the OpenAPI document).
  let made: ImportJobRecords | undefined;
  const records = () => (made ??= new ImportJobRecords(engine.graph));
  return [
    defineRoute({
      method: 'post',
      path: '/import/{entity}',
      tags: ['import'],
      scope: 'write',
      summary: '批量导入 Import a CSV, XLSX, JSON Lines or JSON file (all or nothing); header Idempotency-Key: the same key returns the same job',
      params: importPathSchema,
      query: importQuerySchema,
      headers: idempotencyHeaders,
      upload: receive(queue, records),
      response: {
        status: 200,
        schema: s.importReportResponse,
        description: `A file of at most ${importJobLimits.syncMaxBytes / 1024} KB imported within ${importJobLimits.syncWaitMs / 1000} s: its report`,
      },
      accepted: { schema: s.importJobResponse, description: 'A larger file, or one still running: the job, to follow at `Location` (GET /import/jobs/{id})' },
      errors: [
        { status: 409, description: '同一幂等键的请求正在处理 The first request with this Idempotency-Key is still being uploaded' },
        {
          status: 422,
          description: '幂等键已用于另一请求 This Idempotency-Key was used with a different file or parameters (`errors[].path` is `header.Idempotency-Key`)',
        },
      ],
      handler: async ({ params, query, req }) => {
        const res = req.res!;
        const state = uploadState(res);
        if (!req.file) throw new InvalidInputError('no file uploaded', [{ path: 'body.file', message: 'send the file as multipart/form-data field "file"' }]);
        const field = (req.body as { encoding?: unknown } | undefined)?.encoding;
        const declared = field === undefined ? undefined : encodingSchema.safeParse(field);
        if (declared && !declared.success) throw new InvalidInputError('invalid encoding', [{ path: 'body.encoding', message: 'utf-8 or gb18030' }]);
        if (state.existing) return answer(state.existing, res, { queued: Promise.resolve(), ended: Promise.resolve() });
        if (state.stored) return answerStored(state.stored);
        // Answered 503 already (the upload was slower than the request timeout): start nothing.
        if (requestDeadline(res)?.signal.aborted) throw new UnavailableError('the request timed out before the import was queued');
        const job = queue.submit(
          state.admission!,
          writerIdentity(req).name,
          {
            entity: params.entity,
            filename: req.file.originalname.slice(0, 200),
            content: req.file.buffer,
            format: query.format,
            encoding: query.encoding ?? declared?.data,
            log: (error, message) => req.log?.warn({ err: error }, message),
          },
          state.key === undefined ? undefined : { key: state.key, fingerprint: state.fingerprint! },
        );
        // Kept in Neo4j when queued and when it ends, so that a restart of the API never loses it silently.
        // Not awaited here: between the deadline check above and `answer` nothing may wait, or a 503 could
        // go out for a job that then runs (F4); `answer` waits for them within the deadline. The record of
        // the end never overwrites a later one's.
        const record = () =>
          records()
            .save(job, jobView(job))
            .catch((error: unknown) => req.log?.warn({ err: error }, 'import job not recorded'));
        const queued = record();
        const ended = job.settled.then(record);
        return answer(job, res, { queued, ended });
      },
    }),
    ...importJobRoutes(queue, records),
  ];
}
