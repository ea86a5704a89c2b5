import { listMatchesQuery, matchIdParam, matchStatsQuery, matchTransitionRequest, recordMatchRequest, type ResourcesEngine } from '../../engine/index.ts';
import { readerIdentity, writerIdentity } from '../auth.ts';
import { exportLangSchema } from '../../engine/contracts/messages/message.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { created, defineRoute, json, table } from '../route.ts';
import { ifMatchVersion, withETag } from '../versions.ts';

const tags = ['tracking'];
const conflict = [{ status: 409, description: '状态冲突 Conflict: the lifecycle does not allow this move' }];

/** /matches: recommendations people acted on, their lifecycle and audit trail, and what outcomes say about the signals (docs/design.md §7). */
export function matchTrackingRoutes(resources: ResourcesEngine) {
  return [
    defineRoute({
      method: 'post',
      path: '/matches',
      summary: '记录对接 Record a recommendation somebody acted on',
      tags,
      scope: 'write',
      body: recordMatchRequest,
      response: { status: 201, schema: s.trackedMatchResponse },
      errors: conflict,
      handler: async ({ body, req }) => {
        const match = await resources.recordMatch(body, writerIdentity(req));
        return withETag(created(match, `/api/v1/matches/${encodeURIComponent(match.id)}`), match);
      },
    }),
    // overdue=true: the open follow-ups past their due date in the district's clock (逾期跟进), as JSON or as an export.
    defineRoute({
      method: 'get',
      path: '/matches',
      summary: '对接记录 List tracked matches (overdue=true: overdue follow-ups)',
      tags,
      scope: 'read',
      query: listMatchesQuery.extend({ lang: exportLangSchema }),
      response: { status: 200, schema: s.trackedMatchListResponse, exportable: true },
      // Owners and notes only for the owner's key and admins (issue 15 F2), in exports too.
      // `lang` (zh default, en): the export's language; JSON answers ignore it.
      handler: async ({ query: { format, lang, ...query }, req }) =>
        format === 'json'
          ? json(await resources.listMatches(query, readerIdentity(req)))
          : table(await resources.matchTable(query, readerIdentity(req), lang), format),
    }),
    defineRoute({
      method: 'get',
      path: '/matches/stats',
      summary: '采纳统计 Acceptance per signal',
      tags,
      scope: 'read',
      query: matchStatsQuery,
      response: { status: 200, schema: s.matchStatsResponse },
      handler: async ({ query }) => json(await resources.matchStats(query.kind)),
    }),
    defineRoute({
      method: 'get',
      path: '/matches/{id}',
      summary: '对接详情 One tracked match',
      tags,
      scope: 'read',
      params: matchIdParam,
      response: { status: 200, schema: s.trackedMatchResponse },
      handler: async ({ params, req }) => {
        const match = await resources.getMatch(params.id, readerIdentity(req));
        return withETag(json(match), match);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/matches/{id}',
      summary: '更新对接状态或跟进截止日期 Move a match through its lifecycle and/or set its follow-up due date',
      tags,
      scope: 'write',
      params: matchIdParam,
      body: matchTransitionRequest,
      bodyExample: { status: 'contacted', note: '已电话联系', dueDate: '2026-12-31' },
      response: { status: 200, schema: s.trackedMatchResponse },
      errors: [...conflict, { status: 412, description: '版本已变更 Precondition failed: If-Match names an older version' }],
      // Only the owner or an admin moves a match (403); agreeing checks the offer's capacity in the same transaction (409).
      handler: async ({ params, body, req }) => {
        const match = await resources.updateMatch(params.id, body, writerIdentity(req), ifMatchVersion(req));
        return withETag(json(match), match);
      },
    }),
  ];
}
