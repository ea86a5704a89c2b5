import { z } from 'zod';
import { exportFormatSchema, partnerExport, partnerRequestSchema, type ChainMatchEngine } from '../../engine/index.ts';
import { exportLangSchema } from '../../engine/contracts/messages/message.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { defineRoute, json, table } from '../route.ts';

/** /match/partners: 强链/补链/延链 recommendations with explanations. */
export function matchRoutes(engine: ChainMatchEngine) {
  return [
    defineRoute({
      method: 'post',
      path: '/match/partners',
      summary: '强链/补链/延链 招商候选 Partner recommendation',
      tags: ['match'],
      scope: 'match',
      query: z.strictObject({ format: exportFormatSchema, lang: exportLangSchema }),
      body: partnerRequestSchema,
      bodyExample: { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 10, filters: { provinces: ['江苏省', '上海市'], tags: ['high-tech'] } },
      response: { status: 200, schema: s.partnerResponse, exportable: true },
      // The mode does not fit the segment (强链 where no local firm is); the problem names the mode that does (`suggestion`).
      errors: [{ status: 409, description: '状态冲突 Conflict: the mode does not fit the segment; `suggestion` names the one that does' }],
      handler: async ({ query, body }) => {
        // An export states the chain, mode and filters it answers above its rows (partnerExport).
        return query.format === 'json' ? json(await engine.partners(body)) : table(await partnerExport(engine, body, query.lang), query.format);
      },
    }),
  ];
}
