import { z } from 'zod';
import { explanationResponse } from './shared.ts';

/** What the API sends for a matchmaking event plan (对接会, docs/design.md §4). */
export const eventMeetingSchema = z
  .strictObject({
    round: z.number().int().min(1),
    enterprise: z.strictObject({ id: z.string(), name: z.string() }),
    researchUnit: z.strictObject({ id: z.string(), name: z.string(), university: z.string().nullable() }),
    fit: z.number(),
    explanation: explanationResponse,
  })
  .meta({ id: 'EventMeeting' });
export const eventPlanResponse = z
  .strictObject({
    fit: z.string().meta({ description: 'which fit scored the pairs' }),
    objective: z.enum(['total-fit', 'coverage']),
    rounds: z.number().int(),
    meetings: z.array(eventMeetingSchema).meta({ description: 'by round; nobody meets twice in a round, and no pair meets twice' }),
    totalFit: z.number(),
    greedyTotalFit: z.number().meta({ description: 'the first-come greedy schedule’s total, for comparison' }),
    idle: z.array(z.strictObject({ id: z.string(), name: z.string(), side: z.enum(['enterprise', 'researchUnit']), freeSlots: z.number().int() })),
    candidatePairs: z.number().int(),
    solver: z.looseObject({ name: z.string(), status: z.string(), ms: z.number() }),
  })
  .meta({ id: 'EventPlan' });

export type EventPlan = z.infer<typeof eventPlanResponse>;
