import { z } from 'zod';
import { enterpriseSizeSchema, enterpriseTagSchema } from '../../model/enterprise.ts';
import { gapActionSchema, gapClassSchema, priorityBasisSchema } from './chains.ts';
import { demoFlag, explanationResponse, textProviderSchema } from './shared.ts';

/** What the API sends for 强链/补链/延链 partner recommendation (docs/design.md §2). */

export const partnerTargetSchema = z
  .strictObject({
    segmentId: z.string(),
    name: z.string(),
    class: gapClassSchema,
    priority: z.number().nullable(),
    priorityBasis: priorityBasisSchema.nullable(),
  })
  .meta({ id: 'PartnerTarget' });

export const partnerCandidateSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    local: z.boolean(),
    province: z.string(),
    city: z.string(),
    size: enterpriseSizeSchema.nullable(),
    tags: z.array(enterpriseTagSchema),
    demo: demoFlag,
    segmentId: z.string().meta({ description: 'the gap segment this candidate answers' }),
    segmentName: z.string(),
    score: z.number(),
    explanation: explanationResponse,
  })
  .meta({ id: 'PartnerCandidate' });

export const dominantFirmSchema = z
  .strictObject({ segmentId: z.string(), id: z.string(), name: z.string(), demo: demoFlag, share: z.number(), note: z.string() })
  .meta({
    id: 'DominantFirm',
    description: '强链: the local firm a concentrated segment hangs on — never its own remedy, so left out of the candidates and named here',
  });

export const partnerResponse = z
  .strictObject({
    chainId: z.string(),
    mode: gapActionSchema,
    targets: z.array(partnerTargetSchema),
    candidates: z.array(partnerCandidateSchema).meta({ description: 'ordered by score, highest first' }),
    dominantFirms: z.array(dominantFirmSchema),
    diversity: z.strictObject({ lambda: z.number(), leftOut: z.number().int() }).meta({
      description:
        'MMR chooses who enters the list (candidates are in score order); leftOut: candidates scoring above the lowest listed that were left out as near-copies',
    }),
    excludedByKeyword: z.number().int(),
    excludedAsUnrelated: z.number().int(),
    noCandidates: z.strictObject({ reason: z.enum(['no-target-segment', 'no-candidate-in-segment']), message: z.string() }).optional(),
    textProvider: textProviderSchema,
  })
  .meta({ id: 'PartnerResult' });

export type PartnerTarget = z.infer<typeof partnerTargetSchema>;
export type PartnerCandidate = z.infer<typeof partnerCandidateSchema>;
export type DominantFirm = z.infer<typeof dominantFirmSchema>;
export type PartnerResult = z.infer<typeof partnerResponse>;
