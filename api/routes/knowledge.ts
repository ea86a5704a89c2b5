import {
  attachmentService,
  classifyRequestSchema,
  entityIdParam,
  neighbourhoodQuerySchema,
  pairingRequestSchema,
  searchQuerySchema,
  talentRequestSchema,
  type KnowledgeEngine,
} from '../../engine/index.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { defineRoute, json } from '../route.ts';

/** Pairing, talent, search, exploring and automatic attachment (docs/design.md §3, §5, §6). */
export function knowledgeRoutes(knowledge: KnowledgeEngine) {
  return [
    defineRoute({
      method: 'post',
      path: '/match/school-enterprise',
      summary: '校企合作匹配 School–enterprise pairing',
      tags: ['match'],
      scope: 'match',
      body: pairingRequestSchema,
      bodyExample: { text: '需要土壤修复和地下水修复方面的技术支持', limit: 5 },
      response: { status: 200, schema: s.pairingResponse },
      handler: async ({ body }) => json(await knowledge.pairSchoolEnterprise(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/match/talent',
      summary: '人才匹配 Talent for an enterprise or a need',
      tags: ['match'],
      scope: 'match',
      body: talentRequestSchema,
      bodyExample: { text: '制剂工艺与一致性评价', limit: 5 },
      response: { status: 200, schema: s.talentResponse },
      handler: async ({ body }) => json(await knowledge.matchTalent(body)),
    }),
    defineRoute({
      method: 'get',
      path: '/search',
      summary: '全文检索 Chinese full-text search over every entity',
      tags: ['explore'],
      scope: 'read',
      query: searchQuerySchema,
      response: { status: 200, schema: s.searchResponse },
      handler: async ({ query }) => json(await knowledge.search(query)),
    }),
    defineRoute({
      method: 'get',
      path: '/entities/{id}',
      summary: '实体详情 One entity',
      tags: ['explore'],
      scope: 'read',
      params: entityIdParam,
      response: { status: 200, schema: s.entityResponse },
      handler: async ({ params }) => json(await knowledge.entity(params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/entities/{id}/neighbourhood',
      summary: '关系邻域 A node’s neighbourhood (depth 1–2)',
      tags: ['explore'],
      scope: 'read',
      params: entityIdParam,
      query: neighbourhoodQuerySchema,
      response: { status: 200, schema: s.neighbourhoodResponse },
      handler: async ({ params, query }) => json(await knowledge.neighbourhood(params.id, query.depth as 1 | 2, query.limit)),
    }),
    defineRoute({
      method: 'post',
      path: '/classify/segments',
      summary:
        '自动挂链 Rank segments for a described firm (optionally within chainIds): calibrated confidence, attach/review/reject decision and evidence per suggestion',
      tags: ['explore'],
      scope: 'match',
      body: classifyRequestSchema,
      bodyExample: { name: '南京某某新材料有限公司', products: ['正极材料'], description: '锂电池正极材料的研发与生产', chainIds: ['nev'] },
      response: { status: 200, schema: s.classifyResponse },
      // The first classification of a scope (or the first after an import) waits for its classifier to train:
      // half a minute at a few thousand firms, longer on a busy machine. Worth waiting for, unlike a 503.
      timeoutMs: attachmentService.trainingWaitMs,
      handler: async ({ body: { limit, chainIds, ...input } }) => json(await knowledge.classify(input, { limit, chainIds })),
    }),
  ];
}
