import { z } from 'zod';
import { proxyReasons } from '../../chain/capacity.ts';
import { stageSchema } from '../../model/chainTemplate.ts';
import { demoFlag, nextCursor } from './shared.ts';

/** What the API sends for the chain operations (docs/design.md §1): chain list, map, gaps, resilience, what-if. */

export const chainRefSchema = z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() }).meta({ id: 'ChainRef' });

export const chainSummarySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    assumed: z.boolean().meta({ description: 'a chain the district did not name but the data suggests' }),
    description: z.string(),
    segments: z.number().int(),
    localFirms: z.number().int(),
  })
  .meta({ id: 'ChainSummary' });
export const chainListResponse = z.strictObject({ items: z.array(chainSummarySchema), nextCursor }).meta({ id: 'ChainList' });

export const gapClassSchema = z.enum(['missing', 'broken', 'weak', 'extension', 'healthy', 'absent']);
export const gapActionSchema = z.enum(['fill', 'strengthen', 'extend']);
export const priorityBasisSchema = z.enum(['unmetDemand', 'demandAtStake', 'adjacentLocalOutput']);
const scaleProxies = Object.keys(proxyReasons) as [keyof typeof proxyReasons, ...(keyof typeof proxyReasons)[]];
export const scaleProxySchema = z.enum(scaleProxies);
/** A reason code, or (when revenue was missing) the proxy the figures rest on, in Chinese (按企业规模估算 …). */
export const gapReasonSchema = z.enum([
  'no-local-firm',
  'local-chain-cut',
  'shortfall',
  'outside-dependence',
  'single-supplier',
  'below-chain-norm',
  'downstream-of-local',
  'upstream-of-local',
  ...(Object.values(proxyReasons) as (typeof proxyReasons)[keyof typeof proxyReasons][]),
]);

const firmFigure = {
  id: z.string(),
  name: z.string(),
  value: z.number().meta({ description: '亿元' }),
  basis: z.enum(['revenue', ...scaleProxies]).meta({ description: 'what the value rests on: the firm’s revenue, or the proxy it was estimated from' }),
  demo: demoFlag,
};
const metricsCore = {
  segmentId: z.string(),
  localFirmCount: z.number().int(),
  localCapacity: z.number(),
  localDemand: z.number(),
  unmetDemand: z.number(),
  shortfall: z.number(),
  n1Shortfall: z.number(),
  outsideDependence: z.number(),
  observedOutsideShare: z.number().nullable(),
  demandAtStake: z.number().meta({ description: '亿元: the local demand exposed to this segment’s weakness (the priority of a 强链 gap)' }),
  hhi: z.number().nullable(),
  topFirmShare: z.number().nullable(),
  partyCoverage: z.number().nullable(),
  capacityVsChainMedian: z.number().nullable(),
  estimated: z.boolean(),
  estimatedBy: z.array(scaleProxySchema),
};
/** The figures behind a segment's class, each traceable to the graph (the firms that carry them). */
export const segmentMetricsSchema = z
  .strictObject({
    ...metricsCore,
    evidence: z.strictObject({
      topFirms: z.array(z.strictObject(firmFigure)),
      demandFrom: z.array(z.strictObject({ ...firmFigure, segmentId: z.string() })),
      outsideSuppliers: z.array(z.strictObject({ id: z.string(), name: z.string(), demo: demoFlag, to: z.string(), toName: z.string(), sharePct: z.number() })),
    }),
  })
  .meta({ id: 'SegmentMetrics' });

const segmentGapCore = {
  segmentId: z.string(),
  name: z.string(),
  nameEn: z.string().meta({ description: "The segment's English name; '' when the template has none" }),
  stage: stageSchema,
  order: z.number().int(),
  class: gapClassSchema,
  action: gapActionSchema.nullable(),
  priority: z.number().nullable().meta({
    description:
      '亿元, in the unit of priorityBasis; null for healthy and absent segments. Gaps rank on it together; extensions are a separate list (docs/matching.md, "Gap priority")',
  }),
  priorityBasis: priorityBasisSchema.nullable(),
  score: z.number().meta({ description: '0–1 within its own list (priority / the largest of that list): for bars only' }),
  priorityParts: z.strictObject({ shortfall: z.number(), n1Shortfall: z.number(), outsideDependence: z.number(), adjacentLocalOutput: z.number() }),
  reasons: z.array(gapReasonSchema),
};
export const segmentGapSchema = z.strictObject({ ...segmentGapCore, metrics: segmentMetricsSchema }).meta({ id: 'SegmentGap' });

export const mapSegmentSchema = z
  .strictObject({
    ...segmentGapCore,
    description: z.string(),
    products: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    metrics: z.strictObject(metricsCore),
  })
  .meta({ id: 'MapSegment' });
export const chainMapResponse = z
  .strictObject({
    chain: chainRefSchema,
    segments: z.array(mapSegmentSchema),
    feeds: z.array(z.strictObject({ from: z.string(), to: z.string(), localDemand: z.number().meta({ description: '亿元 flowing along the FEEDS edge' }) })),
    totals: z.strictObject({ localFirms: z.number().int(), localCapacity: z.number(), byClass: z.partialRecord(gapClassSchema, z.number().int()) }),
  })
  .meta({ id: 'ChainMap' });

export const gapReportResponse = z
  .strictObject({
    chain: chainRefSchema,
    gaps: z.array(segmentGapSchema),
    extensions: z.array(segmentGapSchema),
    summary: z.partialRecord(gapClassSchema, z.number().int()).meta({ description: 'segments per class' }),
  })
  .meta({ id: 'GapReport' });

export const singlePointOfFailureSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    demo: demoFlag,
    segmentIds: z.array(z.string()),
    wouldEmpty: z.array(z.string()).meta({ description: 'segments with local demand where it is the only local firm' }),
    soleSourceCustomers: z.array(z.string()),
    uncoveredDemand: z.number().meta({ description: '亿元 of local demand it alone covers' }),
  })
  .meta({ id: 'SinglePointOfFailure' });
export const resilienceResponse = z
  .strictObject({ chain: chainRefSchema, singlePointsOfFailure: z.array(singlePointOfFailureSchema) })
  .meta({ id: 'Resilience' });

const whatIfFigures = z.strictObject({
  class: gapClassSchema,
  priority: z.number().nullable(),
  demandAtStake: z.number(),
  localFirmCount: z.number().int(),
  localCapacity: z.number(),
});
export const whatIfRowSchema = z
  .strictObject({ segmentId: z.string(), name: z.string(), before: whatIfFigures, after: whatIfFigures, changed: z.boolean() })
  .meta({ id: 'WhatIfRow' });
export const whatIfResponse = z
  .strictObject({ chain: chainRefSchema, rows: z.array(whatIfRowSchema), added: z.array(z.string()), removed: z.array(z.string()) })
  .meta({ id: 'WhatIf' });

export type ChainSummary = z.infer<typeof chainSummarySchema>;
export type ChainRef = z.infer<typeof chainRefSchema>;
export type GapClass = z.infer<typeof gapClassSchema>;
export type GapAction = z.infer<typeof gapActionSchema>;
export type SegmentGap = z.infer<typeof segmentGapSchema>;
export type MapSegment = z.infer<typeof mapSegmentSchema>;
export type ChainMap = z.infer<typeof chainMapResponse>;
export type GapReport = z.infer<typeof gapReportResponse>;
export type SinglePointOfFailure = z.infer<typeof singlePointOfFailureSchema>;
export type ResilienceReport = z.infer<typeof resilienceResponse>;
export type WhatIfRow = z.infer<typeof whatIfRowSchema>;
export type WhatIfResult = z.infer<typeof whatIfResponse>;
