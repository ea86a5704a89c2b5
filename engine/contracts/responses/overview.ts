import { z } from 'zod';

/**
 * The answer of GET /overview (engine/overview/districtOverview.ts): the OpenAPI document states it, the
 * tests parse every answer with it, and the viewer takes its types from it. Strict, as every contract:
 * a field the engine adds must be added here, so clients learn of it from the document.
 */
const classCounts = z.strictObject({
  missing: z.number(),
  broken: z.number(),
  weak: z.number(),
  extension: z.number(),
  healthy: z.number(),
  absent: z.number(),
});
const count = z.number().optional();
const gapClass = z.enum(['missing', 'broken', 'weak', 'extension', 'healthy', 'absent']);

const overviewRow = z.strictObject({
  chain: z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() }),
  counts: classCounts.meta({ description: 'Segments per class, as GapReport.summary' }),
  atStake: z.number().meta({ description: '亿元: Σ priority of the chain’s gaps (missing, broken, weak); the list is sorted on it, largest first' }),
  atStakeByClass: z
    .strictObject({ missing: z.number(), broken: z.number(), weak: z.number() })
    .meta({ description: '亿元: atStake split by class; the parts add up to it' }),
  unmetDemand: z.number().meta({ description: '亿元: Σ local demand left unmet (demand − local capacity) over the gaps' }),
  extensionOutput: z.number().meta({ description: '亿元: Σ adjacent local output of the 延链 opportunities (their own measure, not in atStake)' }),
  localFirms: z.number(),
  outsideDependence: z.number().nullable().meta({ description: 'Share of local demand met from outside, weighted by segment demand; null without demand' }),
  partyCoverage: z.number().nullable().meta({ description: 'Share of local firms with a party organisation; null without local firms' }),
  demo: z.boolean().meta({ description: 'Some of the chain’s local firms are demo data (the seed)' }),
  trend: z
    .array(z.strictObject({ day: z.string(), atStake: z.number(), gaps: z.number() }))
    .meta({ description: 'One point per recorded day (YYYY-MM-DD, Asia/Shanghai), oldest first; the last is today’s live figure' }),
  since: z.string().nullable().meta({ description: 'The day compared with: the oldest record of the window before today; null when there is none' }),
  changes: z
    .array(z.strictObject({ segmentId: z.string(), name: z.string(), nameEn: z.string(), from: gapClass.nullable(), to: gapClass }))
    .meta({ description: 'Segments whose class differs today from `since`' }),
  matchesMoved: z
    .strictObject({ proposed: count, contacted: count, agreed: count, declined: count })
    .nullable()
    .meta({ description: 'Recommendations of the chain recorded or moved since `since`, by the status they reached; null without `since`' }),
  firmsAdded: z.number().nullable().meta({ description: 'Local firms today minus on `since` (net); null without `since`' }),
});

export const districtOverviewResponse = z
  .strictObject({
    day: z.string(),
    trendDays: z.number(),
    chains: z.array(overviewRow),
    demo: z.boolean(),
  })
  .meta({ id: 'DistrictOverview' });

export type DistrictOverviewResponse = z.infer<typeof districtOverviewResponse>;
export type OverviewRowResponse = DistrictOverviewResponse['chains'][number];
