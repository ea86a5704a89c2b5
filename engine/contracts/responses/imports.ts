import { z } from 'zod';
import { importEntities, importJobPhases, importJobStates } from '../imports.ts';

/** What the API sends after an import (docs/design.md §6): counts written, and what automatic attachment did. */
export const importReportResponse = z
  .strictObject({
    entity: z.enum(importEntities),
    format: z.enum(['csv', 'xlsx', 'jsonl', 'json']),
    rows: z.number().int().meta({ description: 'data rows read (1 for a chain template)' }),
    nodes: z.number().int(),
    relationships: z.number().int(),
    attached: z
      .array(z.strictObject({ id: z.string(), segmentId: z.string(), confidence: z.number() }))
      .meta({ description: 'enterprises attached to a segment automatically (IN_SEGMENT {inferred: true})' }),
    unattached: z.array(z.string()),
    review: z.array(z.string()).meta({ description: 'those of them now waiting in GET /attachments/review' }),
    unmatchedProducts: z.array(z.strictObject({ id: z.string(), products: z.array(z.string()) })),
    ms: z.number(),
  })
  .meta({ id: 'ImportReport' });

export type ImportReport = z.infer<typeof importReportResponse>;

/** A problem document as a failed job keeps it (RFC 9457 fields; at most 100 field issues). */
const jobProblemResponse = z
  .strictObject({
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.strictObject({ path: z.string(), message: z.string(), row: z.number().int().optional(), file: z.string().optional() })).optional(),
  })
  .meta({ id: 'ImportJobProblem' });

/**
 * An import job (POST /import/{entity} → 202, GET and DELETE /import/jobs/{id}): where it is, how far,
 * and when it has ended, its report or why it failed. Recorded in Neo4j too: it outlives a restart of the API.
 */
export const importJobResponse = z
  .strictObject({
    id: z.string(),
    entity: z.enum(importEntities),
    filename: z.string(),
    bytes: z.number().int(),
    state: z.enum(importJobStates),
    progress: z
      .strictObject({
        phase: z.enum(importJobPhases),
        done: z.number().int(),
        total: z.number().int(),
      })
      .meta({
        description:
          'checking: reading and validating the file; attach: firms attached to segments (firms done / total); write: elements written in the one transaction (done / total), uncommitted until the job succeeds',
      }),
    cancelRequested: z.boolean(),
    submittedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    report: importReportResponse.nullable().meta({ description: 'when succeeded: the same report a small import answers at once' }),
    problem: jobProblemResponse
      .nullable()
      .meta({ description: 'when failed: the problem document the import would have answered (400 invalid rows, 409 conflict, 503 database gone)' }),
  })
  .meta({ id: 'ImportJob' });

export type ImportJobView = z.infer<typeof importJobResponse>;
