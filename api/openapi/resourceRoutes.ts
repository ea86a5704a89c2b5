import { z } from 'zod';
import {
  createDemandRequest, createOfferRequest, eventPlanRequest, listMatchesQuery, listResourcesQuery, matchIdParam, matchStatsQuery, matchTransitionRequest,
  recordMatchRequest, resourceAssignRequest, resourceIdParam, resourceMatchRequest, updateResourceRequest,
} from '../../engine/index.ts';
import { importPathSchema, importQuerySchema } from '../routes/importRoutes.ts';
import type { RouteDoc } from './routes.ts';
import { demoFlag, explanationSchema, open } from './schemas.ts';

const resource = open({ id: z.string(), kind: z.string(), title: z.string(), status: z.string() }, 'Resource');
const resourceList = open({ items: z.array(resource), nextCursor: z.string().nullable() }, 'ResourceList');
const match = open({
  id: z.string(), kind: z.string(), status: z.string(), subjectId: z.string(), candidateId: z.string(), history: z.array(z.looseObject({})),
  subjectDemo: demoFlag, candidateDemo: demoFlag, demo: demoFlag.meta({ description: '演示数据: the subject or the candidate is demo data (subjectDemo || candidateDemo)' }),
}, 'TrackedMatch');

/** Resources (DESIGN §4), outcome tracking (§7) and import (§6), documented like the core routes. */
export const resourceRouteDocs: RouteDoc[] = [
  { method: 'post', path: '/offers', summary: '发布资源供给 Create an offer', tag: 'resources', body: createOfferRequest, status: 201, response: resource,
    bodyExample: { kind: 'site', ownerId: 'park.qixia-hi-tech', title: 'GMP标准厂房 3号楼', description: '洁净车间，满足GMP要求', areaM2: 3200, floorLoadKnM2: 8, certifications: ['GMP'], price: 35, capacity: 1 } },
  { method: 'get', path: '/offers', summary: '资源供给列表 List offers', tag: 'resources', query: listResourcesQuery, response: resourceList },
  { method: 'get', path: '/offers/{id}', summary: '资源供给 One offer', tag: 'resources', params: resourceIdParam, response: resource },
  { method: 'patch', path: '/offers/{id}', summary: '修改资源供给 Update an offer', tag: 'resources', params: resourceIdParam, body: updateResourceRequest, bodyExample: { price: 32 }, response: resource },
  { method: 'delete', path: '/offers/{id}', summary: '删除资源供给 Delete an offer', tag: 'resources', params: resourceIdParam, status: 204, response: resource },
  { method: 'post', path: '/demands', summary: '发布资源需求 Create a demand', tag: 'resources', body: createDemandRequest, status: 201, response: resource,
    bodyExample: { kind: 'site', ownerId: '91320113MA1XXXXXXX', title: '原料药扩产生产基地', description: '需要GMP厂房', minAreaM2: 2000, idealAreaM2: 3000, requiredCertifications: ['GMP'], maxPrice: 40 } },
  { method: 'get', path: '/demands', summary: '资源需求列表 List demands', tag: 'resources', query: listResourcesQuery, response: resourceList },
  { method: 'get', path: '/demands/{id}', summary: '资源需求 One demand', tag: 'resources', params: resourceIdParam, response: resource },
  { method: 'patch', path: '/demands/{id}', summary: '修改资源需求 Update a demand', tag: 'resources', params: resourceIdParam, body: updateResourceRequest, bodyExample: { maxPrice: 45 }, response: resource },
  { method: 'delete', path: '/demands/{id}', summary: '删除资源需求 Delete a demand', tag: 'resources', params: resourceIdParam, status: 204, response: resource },
  { method: 'post', path: '/match/resources', summary: '资源供需匹配 Ranked feasible offers for a demand (or demands for an offer)', tag: 'match', body: resourceMatchRequest, bodyExample: { demandId: 'demand.00001', limit: 5 },
    response: open({ direction: z.enum(['offers-for-demand', 'demands-for-offer']), candidates: z.array(z.looseObject({ score: z.number(), explanation: explanationSchema })), feasible: z.number(), excludedBy: z.array(z.looseObject({ constraint: z.string(), count: z.number() })) }, 'ResourceMatches') },
  { method: 'post', path: '/match/resources/assign', summary: '全局最优分配 Global assignment of all open demands', tag: 'match', body: resourceAssignRequest, bodyExample: { kinds: ['site'], objective: 'total-fit' },
    response: open({
      summary: open({
        openDemands: z.number().int(), served: z.number().int(), partiallyServed: z.number().int(),
        infeasible: z.number().int().meta({ description: 'no open offer passes the hard constraints (or every pair that does was declined): `unmet`, each naming the excluding constraint' }),
        lostToCompetition: z.number().int().meta({ description: 'feasible offers exist but went to others: `unassigned`, each naming the winners (`takenBy`)' }),
      }, 'AssignmentSummary').meta({ description: 'served + infeasible + lostToCompetition = openDemands' }),
      assignments: z.array(z.looseObject({})), unmet: z.array(z.looseObject({})), unassigned: z.array(z.looseObject({ takenBy: z.array(z.looseObject({})) })),
    }, 'ResourceAssignment') },
  { method: 'post', path: '/match/event', summary: '对接会排程 Plan a matchmaking event', tag: 'match', body: eventPlanRequest, bodyExample: { enterprises: [{ id: '91320113MA1XXXXXXX', slots: 3 }], researchUnits: [{ id: 'ru.njnu-env', slots: 4 }] },
    response: open({ meetings: z.array(z.looseObject({})) }, 'EventPlan') },
  { method: 'post', path: '/matches', summary: '记录对接 Record a recommendation somebody acted on', tag: 'tracking', body: recordMatchRequest, status: 201, response: match, extraStatuses: [409] },
  { method: 'get', path: '/matches', summary: '对接记录 List tracked matches', tag: 'tracking', query: listMatchesQuery, response: open({ items: z.array(match), nextCursor: z.string().nullable() }, 'TrackedMatchList'), exportable: true },
  { method: 'get', path: '/matches/stats', summary: '采纳统计 Acceptance per signal', tag: 'tracking', query: matchStatsQuery, response: open({}, 'MatchStats') },
  { method: 'get', path: '/matches/{id}', summary: '对接详情 One tracked match', tag: 'tracking', params: matchIdParam, response: match },
  { method: 'patch', path: '/matches/{id}', summary: '更新对接状态 Move a match through its lifecycle', tag: 'tracking', params: matchIdParam, body: matchTransitionRequest, bodyExample: { status: 'contacted', note: '已电话联系' }, response: match, extraStatuses: [409] },
  { method: 'post', path: '/import/{entity}', summary: '批量导入 Import a CSV, XLSX, JSON Lines or JSON file (all or nothing)', tag: 'import', params: importPathSchema, query: importQuerySchema, upload: true,
    response: open({ entity: z.string(), rows: z.number(), nodes: z.number(), relationships: z.number() }, 'ImportReport') },
];
