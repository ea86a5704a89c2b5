import { districtOverview, districtOverviewResponse, type ChainMatchEngine } from '../../engine/index.ts';
import { z } from 'zod';
import { defineRoute, json } from '../route.ts';

/** No parameters: an unknown one is a 400 naming it, not silently ignored. */
const noQuery = z.strictObject({});

/** /overview: the district overview (区级总览) — every chain's gaps, 亿元 at stake, trend and what changed (issue 16). */
export function overviewRoutes(engine: ChainMatchEngine) {
  return [
    defineRoute({
      method: 'get',
      path: '/overview',
      summary: '区级总览 District overview: every chain by demand at stake, with its trend and class changes',
      tags: ['chains'],
      scope: 'read',
      query: noQuery,
      response: { status: 200, schema: districtOverviewResponse },
      handler: async () => json(await districtOverview(engine)),
    }),
  ];
}
