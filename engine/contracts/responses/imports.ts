import { z } from 'zod';
import { importEntities } from '../../import/importFile.ts';

/** What the API sends after an import (docs/design.md §6): counts written, and what automatic attachment did. */
export const importReportResponse = z
  .strictObject({
    entity: z.enum(importEntities),
    format: z.enum(['csv', 'xlsx', 'jsonl', 'json']),
    rows: z.number().int().meta({ description: 'data rows read (1 for a chain template)' }),
    nodes: z.number().int(), relationships: z.number().int(),
    attached: z.array(z.strictObject({ id: z.string(), segmentId: z.string(), confidence: z.number() })).meta({ description: 'enterprises attached to a segment automatically (IN_SEGMENT {inferred: true})' }),
    unattached: z.array(z.string()),
    review: z.array(z.string()).meta({ description: 'those of them now waiting in GET /attachments/review' }),
    unmatchedProducts: z.array(z.strictObject({ id: z.string(), products: z.array(z.string()) })),
    ms: z.number(),
  })
  .meta({ id: 'ImportReport' });

export type ImportReport = z.infer<typeof importReportResponse>;
