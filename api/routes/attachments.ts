import { reviewDecisionRequest, reviewFirmParam, reviewListQuery, type ReviewQueue } from '../../engine/index.ts';
import { actorOf } from '../actor.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { defineRoute, json } from '../route.ts';

/** /attachments/review: firms the classifier would not attach on its own, and a person's answer for each (待审挂链, issue 12 item 4). */
export function attachmentRoutes(reviews: ReviewQueue) {
  return [
    defineRoute({
      method: 'get',
      path: '/attachments/review',
      summary: '待审挂链 Firms waiting for a person to confirm their segment, oldest first, with the top-3 suggestions and evidence',
      tags: ['attachments'],
      scope: 'read',
      query: reviewListQuery,
      response: { status: 200, schema: s.reviewQueueResponse },
      handler: async ({ query }) => json(await reviews.list(query)),
    }),
    // A write: the answer is recorded with the key's owner as who decided.
    defineRoute({
      method: 'post',
      path: '/attachments/review/{firmId}',
      summary: '审核挂链 Confirm a suggestion, reassign to another segment, or reject (write scope); confirmed answers become training data',
      tags: ['attachments'],
      scope: 'write',
      params: reviewFirmParam,
      body: reviewDecisionRequest,
      bodyExample: { action: 'confirm', segmentId: 'biomed.api' },
      response: { status: 200, schema: s.reviewOutcomeResponse },
      errors: [{ status: 409, description: '状态冲突 Conflict' }],
      handler: async ({ params, body, req }) => json(await reviews.decide(params.firmId, body, actorOf(req))),
    }),
  ];
}
