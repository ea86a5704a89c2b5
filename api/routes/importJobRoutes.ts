import type { Request } from 'express';
import { z } from 'zod';
import { ConflictError, NotFoundError, type ImportJob, type ImportJobRecords, type ImportQueue, type JobViewer } from '../../engine/index.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { writerIdentity } from '../auth.ts';
import { problemOf } from '../problem.ts';
import { defineRoute, json } from '../route.ts';

export const jobPath = (id: string) => `/api/v1/import/jobs/${id}`;
const jobParams = z.strictObject({ id: z.uuid() });

/**
 * Who may see a job: a verified key's owner (an admin sees all); without a key, the writer named by
 * X-Actor only where writes are open to everyone (as for the records it writes). An anonymous reader
 * sees no job: X-Actor is not trusted for reading (docs/security.md).
 */
export function jobViewer(req: Request): JobViewer | undefined {
  if (req.caller?.keyed || req.caller?.scopes.has('write')) return writerIdentity(req);
  return undefined;
}

/** A job as the API shows it; a failed job carries the problem document its import would have answered. */
export function jobView(job: ImportJob): s.ImportJobView {
  const known = job.state === 'failed' ? problemOf(job.error) : undefined;
  const problem =
    job.state !== 'failed'
      ? null
      : known
        ? { title: known.problem.title, status: known.problem.status, detail: known.problem.detail, errors: known.problem.errors }
        : { title: '服务器内部错误 Internal error', status: 500 };
  return {
    id: job.id,
    entity: job.entity as s.ImportJobView['entity'],
    filename: job.filename,
    bytes: job.bytes,
    state: job.state,
    progress: job.progress,
    cancelRequested: job.cancelRequested,
    submittedAt: job.submittedAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    report: job.report ?? null,
    problem,
  };
}

const notFound = (id: string) => new NotFoundError('import job', id);

/**
 * GET /import/jobs/{id} (state, progress, report) and DELETE /import/jobs/{id} (cancel). A job not in
 * this process's memory may be one a previous run of the API recorded (finished, or stopped by the
 * restart and so failed): answered from its record in Neo4j, to its owner and admins alone as well.
 */
export function importJobRoutes(queue: ImportQueue, records: () => ImportJobRecords) {
  const recorded = async (id: string, viewer: JobViewer) => {
    const record = await records().find(id);
    return record && (viewer.admin || record.owner === viewer.name) ? record.view : undefined;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/import/jobs/{id}',
      summary: '导入任务进度 An import job: state, progress and, once finished, its report',
      tags: ['import'],
      scope: 'read',
      params: jobParams,
      response: { status: 200, schema: s.importJobResponse, description: 'The job; only its submitter (or an admin) sees it, anyone else gets 404' },
      handler: async ({ params, req }) => {
        const viewer = jobViewer(req);
        if (!viewer) throw notFound(params.id);
        const job = queue.find(params.id, viewer);
        const view = job ? jobView(job) : await recorded(params.id, viewer);
        if (!view) throw notFound(params.id);
        return json(view);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/import/jobs/{id}',
      summary: '取消导入任务 Cancel an import job: nothing of it is written',
      tags: ['import'],
      scope: 'write',
      params: jobParams,
      response: {
        status: 200,
        schema: s.importJobResponse,
        description: 'The job after the cancellation: `cancelled`, or `succeeded` when its write had committed first',
      },
      errors: [{ status: 409, description: '任务已结束 The job had already succeeded or failed: nothing to cancel' }],
      handler: async ({ params, req }) => {
        const viewer = jobViewer(req);
        if (!viewer) throw notFound(params.id);
        // A job only recorded has ended: in a previous run of the API, or stopped by its restart.
        const before = queue.find(params.id, viewer) ?? (await recorded(params.id, viewer));
        if (!before) throw notFound(params.id);
        if (before.state === 'succeeded' || before.state === 'failed') throw new ConflictError(`the import job has already ${before.state}; nothing to cancel`);
        if (!('settled' in before)) return json(before);
        const job = await queue.cancel(params.id, viewer);
        if (!job) throw notFound(params.id);
        return json(jobView(job));
      },
    }),
  ];
}
