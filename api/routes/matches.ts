import { listMatchesQuery, matchIdParam, matchStatsQuery, matchTransitionRequest, recordMatchRequest, type ResourcesEngine } from '../../engine/index.ts';
import { actorOf } from '../actor.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { created, defineRoute, json, table } from '../route.ts';

const tags = ['tracking'];
const conflict = [{ status: 409, description: '状态冲突 Conflict: the lifecycle does not allow this move' }];

/** /matches: recommendations people acted on, their lifecycle and audit trail, and what outcomes say about the signals (DESIGN §7). */
export function matchTrackingRoutes(resources: ResourcesEngine) {
  return [
    defineRoute({
      method: 'post', path: '/matches', summary: '记录对接 Record a recommendation somebody acted on', tags, scope: 'write', body: recordMatchRequest,
      response: { status: 201, schema: s.trackedMatchResponse }, errors: conflict,
      handler: async ({ body, req }) => {
        const match = await resources.recordMatch(body, actorOf(req));
        return created(match, `/api/v1/matches/${encodeURIComponent(match.id)}`);
      },
    }),
    defineRoute({
      method: 'get', path: '/matches', summary: '对接记录 List tracked matches', tags, scope: 'read', query: listMatchesQuery,
      response: { status: 200, schema: s.trackedMatchListResponse, exportable: true },
      handler: async ({ query: { format, ...query } }) => (format === 'json' ? json(await resources.listMatches(query)) : table(await resources.matchTable(query), format)),
    }),
    defineRoute({
      method: 'get', path: '/matches/stats', summary: '采纳统计 Acceptance per signal', tags, scope: 'read', query: matchStatsQuery,
      response: { status: 200, schema: s.matchStatsResponse },
      handler: async ({ query }) => json(await resources.matchStats(query.kind)),
    }),
    defineRoute({
      method: 'get', path: '/matches/{id}', summary: '对接详情 One tracked match', tags, scope: 'read', params: matchIdParam,
      response: { status: 200, schema: s.trackedMatchResponse },
      handler: async ({ params }) => json(await resources.getMatch(params.id)),
    }),
    defineRoute({
      method: 'patch', path: '/matches/{id}', summary: '更新对接状态 Move a match through its lifecycle', tags, scope: 'write', params: matchIdParam,
      body: matchTransitionRequest, bodyExample: { status: 'contacted', note: '已电话联系' },
      response: { status: 200, schema: s.trackedMatchResponse }, errors: conflict,
      handler: async ({ params, body, req }) => json(await resources.updateMatch(params.id, body, actorOf(req))),
    }),
  ];
}
