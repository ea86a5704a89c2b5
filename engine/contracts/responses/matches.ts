import { z } from 'zod';
import { matchStatusSchema } from '../../model/nodes.ts';
import { matchKindSchema } from '../matches.ts';
import { demoFlag, explanationResponse, nextCursor } from './shared.ts';

/**
 * What the API sends for outcome tracking (docs/design.md §7). Who recorded and moved a match, and the
 * notes, are shown to its owner and admins only (issue 15 F2).
 */

export const matchHistoryEntrySchema = z
  .strictObject({
    from: matchStatusSchema.nullable(),
    to: matchStatusSchema,
    actor: z.string().optional().meta({ description: 'who moved it (the API key’s owner); left out where the caller may not see it' }),
    at: z.string(),
    note: z.string().nullable().optional().meta({ description: 'left out where the caller may not see it' }),
  })
  .meta({ id: 'MatchHistoryEntry' });

export const trackedMatchResponse = z
  .strictObject({
    id: z.string(),
    kind: matchKindSchema,
    status: matchStatusSchema,
    subjectId: z.string(),
    subjectName: z.string(),
    candidateId: z.string(),
    candidateName: z.string(),
    chainId: z.string().nullable(),
    score: z.number(),
    units: z.number().int(),
    explanation: explanationResponse,
    dueDate: z.string().nullable().meta({ description: 'the day the next follow-up is due (YYYY-MM-DD), or null' }),
    overdue: z.boolean().meta({ description: '逾期: still open (proposed, contacted) and due before today in the district’s clock' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().optional().meta({ description: 'who recorded it; left out where the caller may not see it' }),
    version: z.number().int().min(0).meta({ description: 'bumped by every change; the ETag' }),
    history: z.array(matchHistoryEntrySchema),
    subjectDemo: demoFlag,
    candidateDemo: demoFlag,
    demo: demoFlag.meta({ description: '演示数据: the subject or the candidate is demo data (subjectDemo || candidateDemo)' }),
  })
  .meta({ id: 'TrackedMatch' });
export const trackedMatchListResponse = z.strictObject({ items: z.array(trackedMatchResponse), nextCursor }).meta({ id: 'TrackedMatchList' });

export const signalAcceptanceSchema = z
  .strictObject({
    signal: z.string(),
    agreed: z.strictObject({ n: z.number().int(), mean: z.number().nullable() }),
    declined: z.strictObject({ n: z.number().int(), mean: z.number().nullable() }),
    lift: z.number().nullable().meta({ description: 'agreed mean − declined mean' }),
    acceptanceWhenHigh: z.number().nullable(),
    acceptanceWhenLow: z.number().nullable(),
    weight: z.number(),
    adjustedWeight: z.number(),
  })
  .meta({ id: 'SignalAcceptance' });
export const kindAcceptanceSchema = z
  .strictObject({
    kind: z.string(),
    total: z.number().int(),
    byStatus: z.record(matchStatusSchema, z.number().int()),
    acceptanceRate: z.number().nullable().meta({ description: 'agreed / (agreed + declined); null before any decision' }),
    signals: z.array(signalAcceptanceSchema),
    weights: z.record(z.string(), z.number()).meta({ description: 'the weights outcome learning suggests (the base weights until enough outcomes)' }),
    adjusted: z.boolean(),
    adjustmentNote: z.string(),
  })
  .meta({ id: 'KindAcceptance' });
export const matchStatsResponse = z.strictObject({ kinds: z.array(kindAcceptanceSchema) }).meta({ id: 'MatchStats' });

export type MatchHistoryEntry = z.infer<typeof matchHistoryEntrySchema>;
export type MatchRecord = z.infer<typeof trackedMatchResponse>;
export type MatchPage = z.infer<typeof trackedMatchListResponse>;
export type KindAcceptance = z.infer<typeof kindAcceptanceSchema>;
export type MatchStats = z.infer<typeof matchStatsResponse>;
