import { z } from 'zod';
import { reviewDecisionRequest, reviewFirmParam, reviewListQuery } from '../../engine/index.ts';
import type { RouteDoc } from './routes.ts';
import { open, reviewSuggestion } from './schemas.ts';

const firm = z.object({ id: z.string(), name: z.string() });
const queuedFirm = open({ firm, queuedAt: z.string(), suggestions: z.array(reviewSuggestion).max(3) }, 'QueuedFirm');
const outcome = open(
  {
    firm,
    action: z.enum(['confirm', 'reassign', 'reject']),
    status: z.enum(['confirmed', 'reassigned', 'rejected']),
    segmentId: z.string().nullable().meta({ description: 'the segment the firm now sits in (IN_SEGMENT, not inferred); null after a rejection' }),
    decidedBy: z.string(),
    decidedAt: z.string(),
    note: z.string().nullable(),
  },
  'ReviewOutcome',
);

/** The attachment review queue (待审挂链, issue 12 item 4), documented like the core routes. */
export const attachmentRouteDocs: RouteDoc[] = [
  {
    method: 'get', path: '/attachments/review', summary: '待审挂链 Firms waiting for a person to confirm their segment, oldest first, with the top-3 suggestions and evidence', tag: 'attachments',
    query: reviewListQuery, response: open({ items: z.array(queuedFirm), total: z.number().int(), nextCursor: z.string().nullable() }, 'ReviewQueue'),
  },
  {
    method: 'post', path: '/attachments/review/{firmId}', summary: '审核挂链 Confirm a suggestion, reassign to another segment, or reject (write scope); confirmed answers become training data', tag: 'attachments',
    params: reviewFirmParam, body: reviewDecisionRequest, bodyExample: { action: 'confirm', segmentId: 'biomed.api' }, response: outcome, extraStatuses: [409],
  },
];
