import { z } from 'zod';
import { nextCursor, signalScoreSchema } from './shared.ts';

/** What the API sends for automatic attachment (自动挂链) and its review queue (待审挂链, issue 12 item 4). */

/** Why a segment was suggested: the firm's products, the words and the attached firms that decided it. */
export const suggestionEvidenceSchema = z
  .strictObject({
    products: z.array(z.string()),
    words: z.array(z.string()),
    similarFirms: z.array(z.strictObject({ id: z.string(), name: z.string(), similarity: z.number().min(0).max(1) })),
  })
  .meta({ id: 'SuggestionEvidence' });

export const attachmentDecisionSchema = z
  .enum(['attach', 'review', 'reject'])
  .meta({ id: 'AttachmentDecision', description: 'attach: an import writes it; review: it waits for a person (GET /attachments/review); reject: neither' });

const suggestionCore = {
  segmentId: z.string(),
  segmentName: z.string(),
  chainId: z.string(),
  chainName: z.string(),
  confidence: z.number().min(0).max(1).meta({ description: 'calibrated probability that this segment is right' }),
  decision: attachmentDecisionSchema,
  evidence: suggestionEvidenceSchema,
};
export const segmentSuggestionSchema = z
  .strictObject({
    ...suggestionCore,
    score: z.number().meta({ description: "the model's combined score; orders the list, not a probability" }),
    signals: z.array(signalScoreSchema),
  })
  .meta({ id: 'SegmentSuggestion' });
export const classifyResponse = z
  .strictObject({
    items: z.array(segmentSuggestionSchema),
    textProvider: z.enum(['lexical', 'hybrid']).meta({
      description:
        "lexical: words, products and similar firms; hybrid: also by meaning (the firm's embedding against the attached firms', when the embeddings server is up and their vectors are stored)",
    }),
    trainedOn: z.number().int().min(0).meta({ description: 'attached firms the classifier learned from; 0 means it compared with segment words only' }),
  })
  .meta({ id: 'SegmentSuggestions' });

/** A suggestion as the review queue keeps it (no score or signals). */
export const reviewSuggestionSchema = z.strictObject(suggestionCore).meta({ id: 'ReviewSuggestion' });
const reviewFirm = z.strictObject({ id: z.string(), name: z.string() });
export const queuedFirmSchema = z
  .strictObject({ firm: reviewFirm, queuedAt: z.string(), suggestions: z.array(reviewSuggestionSchema).max(3) })
  .meta({ id: 'QueuedFirm' });
export const reviewQueueResponse = z.strictObject({ items: z.array(queuedFirmSchema), total: z.number().int(), nextCursor }).meta({ id: 'ReviewQueue' });
export const reviewOutcomeResponse = z
  .strictObject({
    firm: reviewFirm,
    action: z.enum(['confirm', 'reassign', 'reject']),
    status: z.enum(['confirmed', 'reassigned', 'rejected']),
    segmentId: z.string().nullable().meta({ description: 'the segment the firm now sits in (IN_SEGMENT, not inferred); null after a rejection' }),
    decidedBy: z.string(),
    decidedAt: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ReviewOutcome' });

export type SegmentSuggestion = z.infer<typeof segmentSuggestionSchema>;
export type ClassifyResult = z.infer<typeof classifyResponse>;
export type ReviewSuggestion = z.infer<typeof reviewSuggestionSchema>;
export type QueuedFirm = z.infer<typeof queuedFirmSchema>;
export type ReviewPage = z.infer<typeof reviewQueueResponse>;
export type ReviewOutcome = z.infer<typeof reviewOutcomeResponse>;
