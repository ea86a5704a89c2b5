import { z } from 'zod';
import { confidenceLevels } from '../config/scoring/confidence.ts';
import { calendarDate } from '../core/calendarDate.ts';
import { matchStatusSchema } from '../model/nodes.ts';
import { messageSchema } from './messages/message.ts';
import { exportFormatSchema } from './partners.ts';

/** Request shapes of outcome tracking (docs/design.md §7); the API validates with these and nothing else. */
const nodeId = z.string().min(1).max(120);

/** The matchers whose recommendations can be recorded. */
export const matchKindSchema = z.enum(['partner', 'pairing', 'talent', 'resource', 'event']);
export type MatchKind = z.infer<typeof matchKindSchema>;

/**
 * When the next follow-up is due: a real calendar day as YYYY-MM-DD, checked as import dates are
 * (engine/core/calendarDate.ts: 2026-02-30 is refused). A day of the district's calendar: the match is
 * overdue from the next district day on while it is still open.
 */
export const dueDateSchema = z
  .string()
  .max(10)
  .refine((day) => calendarDate(day) === day, 'a real calendar day as YYYY-MM-DD, e.g. 2026-12-31')
  .meta({ description: '跟进截止日期: a real calendar day, YYYY-MM-DD', example: '2026-12-31' });

const pathNodeSchema = z.strictObject({ id: nodeId, label: z.string().min(1).max(40), name: z.string().max(400), nameEn: z.string().max(400).optional() });
const pathRelationshipSchema = z.strictObject({ type: z.string().min(1).max(40), from: nodeId, to: nodeId });

/** The shared Explanation (engine/match/explanation.ts) as a snapshot a client sends back. */
export const explanationSchema = z.strictObject({
  signals: z
    .array(
      z.strictObject({
        signal: z.string().min(1).max(40),
        value: z.number().min(0).max(1),
        weight: z.number().min(0).max(1),
        contribution: z.number().min(0).max(1),
        detail: z.string().max(1000),
        // The detail and reason as messages, so a tracked match reads in the user's language (issue 16).
        detailParts: z.array(messageSchema).max(8).optional(),
      }),
    )
    .max(30),
  paths: z
    .array(
      z.strictObject({ signal: z.string().min(1).max(40), nodes: z.array(pathNodeSchema).max(12), relationships: z.array(pathRelationshipSchema).max(12) }),
    )
    .max(40),
  confidence: z.enum(confidenceLevels),
  reason: z.string().max(2000),
  reasonParts: z.array(messageSchema).max(16).optional(),
});

export const recordMatchRequest = z.strictObject({
  kind: matchKindSchema,
  /** What the recommendation was for (a demand, a segment, an enterprise's need) and whom it recommended. */
  subjectId: nodeId,
  candidateId: nodeId,
  subjectName: z.string().max(200).optional(),
  candidateName: z.string().max(200).optional(),
  chainId: z.string().min(1).max(80).nullable().optional(),
  score: z.number().min(0).max(1),
  /** Resource matches: units of the offer the match takes. */
  units: z.number().int().min(1).max(10_000).default(1),
  explanation: explanationSchema,
  note: z.string().max(1000).optional(),
  dueDate: dueDateSchema.optional(),
});
export type RecordMatchRequest = z.infer<typeof recordMatchRequest>;

export const matchTransitionRequest = z
  .strictObject({
    /** Any status may be asked for; the lifecycle (engine/tracking/lifecycle.ts) refuses what the current one does not allow, with 409. */
    status: matchStatusSchema.optional(),
    /** A note goes into the history with a status change. */
    note: z.string().max(1000).optional(),
    /** Sets the follow-up's due date; null clears it. */
    dueDate: dueDateSchema.nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.dueDate !== undefined, { path: ['status'], message: 'name a status or a dueDate (null clears it)' })
  .refine((b) => b.note === undefined || b.status !== undefined, { path: ['note'], message: 'a note goes with a status change' });
export type MatchTransitionRequest = z.infer<typeof matchTransitionRequest>;

export const matchIdParam = z.strictObject({ id: nodeId });

export const listMatchesQuery = z.strictObject({
  status: matchStatusSchema.optional(),
  kind: matchKindSchema.optional(),
  chainId: z.string().min(1).max(80).optional(),
  /** `true`: only open matches (proposed, contacted) whose due date is before today in the district's clock. */
  overdue: z.enum(['true', 'false']).optional().meta({ description: '逾期跟进: true lists open matches whose dueDate is before today (district time)' }),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,400}$/, 'the nextCursor of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  format: exportFormatSchema,
});
export type ListMatchesQuery = z.infer<typeof listMatchesQuery>;

export const matchStatsQuery = z.strictObject({ kind: matchKindSchema.optional() });
