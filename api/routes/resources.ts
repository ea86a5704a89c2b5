import {
  createDemandRequest,
  createOfferRequest,
  eventPlanRequest,
  listResourcesQuery,
  resourceAssignRequest,
  resourceIdParam,
  resourceMatchRequest,
  updateResourceRequest,
  type ResourcesEngine,
} from '../../engine/index.ts';
import { readerIdentity, writerIdentity } from '../auth.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { created, defineRoute, json, noContent } from '../route.ts';
import { ifMatchVersion, withETag } from '../versions.ts';

const tags = ['resources'];
const location = (collection: string, id: string) => `/api/v1/${collection}/${encodeURIComponent(id)}`;
// Only the owner or an admin may change or delete (403); If-Match names the version read (412 when stale).
const stale = [{ status: 412, description: '版本已变更 Precondition failed: the record changed since the version named in If-Match' }];

/** /offers and /demands (CRUD, validated per kind), and /match/resources, /match/resources/assign, /match/event (docs/design.md §4). */
export function resourceRoutes(resources: ResourcesEngine) {
  return [
    defineRoute({
      method: 'post',
      path: '/offers',
      summary: '发布资源供给 Create an offer',
      tags,
      scope: 'write',
      body: createOfferRequest,
      bodyExample: {
        kind: 'site',
        ownerId: 'park.qixia-hi-tech',
        title: 'GMP标准厂房 3号楼',
        description: '洁净车间，满足GMP要求',
        areaM2: 3200,
        floorLoadKnM2: 8,
        certifications: ['GMP'],
        price: 35,
        capacity: 1,
      },
      response: { status: 201, schema: s.offerResponse },
      handler: async ({ body, req }) => {
        const offer = await resources.createOffer(body, writerIdentity(req));
        return withETag(created(offer, location('offers', offer.id)), offer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/offers',
      summary: '资源供给列表 List offers',
      tags,
      scope: 'read',
      query: listResourcesQuery,
      response: { status: 200, schema: s.offerPageResponse },
      handler: async ({ query, req }) => json(await resources.listOffers(query, readerIdentity(req))),
    }),
    defineRoute({
      method: 'get',
      path: '/offers/{id}',
      summary: '资源供给 One offer',
      tags,
      scope: 'read',
      params: resourceIdParam,
      response: { status: 200, schema: s.offerResponse },
      handler: async ({ params, req }) => {
        const offer = await resources.getOffer(params.id, readerIdentity(req));
        return withETag(json(offer), offer);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/offers/{id}',
      summary: '修改资源供给 Update an offer',
      tags,
      scope: 'write',
      params: resourceIdParam,
      body: updateResourceRequest,
      bodyExample: { price: 32 },
      response: { status: 200, schema: s.offerResponse },
      errors: stale,
      handler: async ({ params, body, req }) => {
        const offer = await resources.updateOffer(params.id, body, writerIdentity(req), ifMatchVersion(req));
        return withETag(json(offer), offer);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/offers/{id}',
      summary: '删除资源供给 Delete an offer',
      tags,
      scope: 'write',
      params: resourceIdParam,
      response: { status: 204 },
      errors: stale,
      handler: async ({ params, req }) => {
        await resources.deleteOffer(params.id, writerIdentity(req), ifMatchVersion(req));
        return noContent();
      },
    }),

    defineRoute({
      method: 'post',
      path: '/demands',
      summary: '发布资源需求 Create a demand',
      tags,
      scope: 'write',
      body: createDemandRequest,
      bodyExample: {
        kind: 'site',
        ownerId: '91320113MA1XXXXXXX',
        title: '原料药扩产生产基地',
        description: '需要GMP厂房',
        minAreaM2: 2000,
        idealAreaM2: 3000,
        requiredCertifications: ['GMP'],
        maxPrice: 40,
      },
      response: { status: 201, schema: s.demandResponse },
      handler: async ({ body, req }) => {
        const demand = await resources.createDemand(body, writerIdentity(req));
        return withETag(created(demand, location('demands', demand.id)), demand);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/demands',
      summary: '资源需求列表 List demands',
      tags,
      scope: 'read',
      query: listResourcesQuery,
      response: { status: 200, schema: s.demandPageResponse },
      handler: async ({ query, req }) => json(await resources.listDemands(query, readerIdentity(req))),
    }),
    defineRoute({
      method: 'get',
      path: '/demands/{id}',
      summary: '资源需求 One demand',
      tags,
      scope: 'read',
      params: resourceIdParam,
      response: { status: 200, schema: s.demandResponse },
      handler: async ({ params, req }) => {
        const demand = await resources.getDemand(params.id, readerIdentity(req));
        return withETag(json(demand), demand);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/demands/{id}',
      summary: '修改资源需求 Update a demand',
      tags,
      scope: 'write',
      params: resourceIdParam,
      body: updateResourceRequest,
      bodyExample: { maxPrice: 45 },
      response: { status: 200, schema: s.demandResponse },
      errors: stale,
      handler: async ({ params, body, req }) => {
        const demand = await resources.updateDemand(params.id, body, writerIdentity(req), ifMatchVersion(req));
        return withETag(json(demand), demand);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/demands/{id}',
      summary: '删除资源需求 Delete a demand',
      tags,
      scope: 'write',
      params: resourceIdParam,
      response: { status: 204 },
      errors: stale,
      handler: async ({ params, req }) => {
        await resources.deleteDemand(params.id, writerIdentity(req), ifMatchVersion(req));
        return noContent();
      },
    }),

    defineRoute({
      method: 'post',
      path: '/match/resources',
      summary: '资源供需匹配 Ranked feasible offers for a demand (or demands for an offer)',
      tags: ['match'],
      scope: 'match',
      body: resourceMatchRequest,
      bodyExample: { demandId: 'demand.00001', limit: 5 },
      response: { status: 200, schema: s.resourceMatchResponse },
      handler: async ({ body }) => json(await resources.matchResources(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/match/resources/assign',
      summary: '全局最优分配 Global assignment of all open demands',
      tags: ['match'],
      scope: 'match',
      body: resourceAssignRequest,
      bodyExample: { kinds: ['site'], objective: 'total-fit' },
      response: { status: 200, schema: s.assignmentResponse },
      handler: async ({ body }) => json(await resources.assign(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/match/event',
      summary: '对接会排程 Plan a matchmaking event',
      tags: ['match'],
      scope: 'match',
      body: eventPlanRequest,
      bodyExample: { enterprises: [{ id: '91320113MA1XXXXXXX', slots: 3 }], researchUnits: [{ id: 'ru.njnu-env', slots: 4 }] },
      response: { status: 200, schema: s.eventPlanResponse },
      handler: async ({ body }) => json(await resources.planEvent(body)),
    }),
  ];
}
