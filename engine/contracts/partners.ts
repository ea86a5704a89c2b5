import { z } from 'zod';
import { enterpriseTagSchema, enterpriseSizeSchema } from '../model/enterprise.ts';

export const partnerRequestSchema = z.strictObject({
  chainId: z.string().min(1).max(80),
  segmentId: z.string().min(1).max(120).optional(),
  /** fill = 补链 (missing/broken segments), strengthen = 强链 (weak), extend = 延链 (extension). */
  mode: z.enum(['fill', 'strengthen', 'extend']),
  limit: z.number().int().min(1).max(100).default(10),
  filters: z
    .strictObject({
      tags: z.array(enterpriseTagSchema).max(10).optional(),
      /** Full or short names: 江苏 matches 江苏省. */
      provinces: z.array(z.string().min(1).max(20)).max(40).optional(),
      minSize: enterpriseSizeSchema.optional(),
      excludeIds: z.array(z.string().min(1).max(40)).max(500).optional(),
      excludeKeywords: z.array(z.string().min(1).max(40)).max(50).optional(),
      includeIntermediaries: z.boolean().optional(),
    })
    .default({}),
});
export type PartnerRequestBody = z.infer<typeof partnerRequestSchema>;

export const exportFormatSchema = z.enum(['json', 'csv', 'xlsx']).default('json');
