import { z } from 'zod';

/**
 * A chain template: the segments of one industrial chain (上游/中游/下游), the products each
 * segment includes, and the two flow graphs between them (segment FEEDS segment, product
 * INPUT_TO product). Templates are data (seed/chains/*.json, or imported by users), validated here.
 */
export const stageSchema = z.enum(['upstream', 'midstream', 'downstream']);
export type Stage = z.infer<typeof stageSchema>;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,80}$/, 'lower-case letters, digits, "." and "-"');

export const productTemplateSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  description: z.string().default(''),
});

export const segmentTemplateSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  stage: stageSchema,
  /** Position along the chain, 1 = furthest upstream; used for layout and extension search. */
  order: z.number().int().min(1),
  description: z.string().min(1),
  /** Words a business-scope text uses for this segment; feeds automatic attachment (挂链). */
  keywords: z.array(z.string().min(1)).min(1),
  /** Shared technical vocabulary (Topic nodes) that enterprises here need and labs research. */
  topics: z.array(z.string().min(1)).min(1),
  products: z.array(productTemplateSchema).min(1),
});

export const chainTemplateSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    nameEn: z.string().min(1),
    /** true when the chain is not named by the source article but added to complete the seven. */
    assumed: z.boolean(),
    description: z.string().min(1),
    segments: z.array(segmentTemplateSchema).min(1),
    /** [fromSegmentId, toSegmentId]: the upstream segment feeds the downstream one. */
    feeds: z.array(z.tuple([idSchema, idSchema])),
    /** [fromProductId, toProductId]: the first product is an input to the second. */
    inputTo: z.array(z.tuple([idSchema, idSchema])),
  })
  .superRefine((chain, ctx) => {
    const segmentIds = new Set(chain.segments.map((s) => s.id));
    const productIds = new Set(chain.segments.flatMap((s) => s.products.map((p) => p.id)));
    chain.feeds.forEach(([from, to], i) => {
      for (const [end, id] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (!segmentIds.has(id)) ctx.addIssue({ code: 'custom', path: ['feeds', i], message: `${end} segment "${id}" is not in this chain` });
      }
    });
    chain.inputTo.forEach(([from, to], i) => {
      for (const [end, id] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (!productIds.has(id)) ctx.addIssue({ code: 'custom', path: ['inputTo', i], message: `${end} product "${id}" is not in this chain` });
      }
    });
  });

export type ChainTemplate = z.infer<typeof chainTemplateSchema>;
export type SegmentTemplate = z.infer<typeof segmentTemplateSchema>;
export type ProductTemplate = z.infer<typeof productTemplateSchema>;
