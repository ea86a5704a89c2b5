import { z } from 'zod';
import { cursorSchema } from '../search/cursor.ts';

/** Request shapes of the attachment review queue (待审挂链); the API validates with these and nothing else. */
const nodeId = z.string().min(1).max(120);

export const reviewListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorSchema.optional(),
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;

export const reviewFirmParam = z.strictObject({ firmId: nodeId });

const note = z.string().trim().max(500).optional();

/**
 * A person's answer for one queued firm. `confirm` takes one of the firm's suggestions (the top one
 * when `segmentId` is left out); `reassign` names any other segment; `reject` leaves the firm
 * unattached. One branch per action, so the contract says which fields each needs.
 */
export const reviewDecisionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm'), segmentId: nodeId.optional(), note }),
  z.strictObject({ action: z.literal('reassign'), segmentId: nodeId, note }),
  z.strictObject({ action: z.literal('reject'), note }),
]);
export type ReviewDecisionRequest = z.infer<typeof reviewDecisionRequest>;
export type ReviewAction = ReviewDecisionRequest['action'];
