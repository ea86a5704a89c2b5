import { z } from 'zod';
import {
  chainIdParam, classifyRequestSchema, exportFormatSchema, entityIdParam, neighbourhoodQuerySchema, pairingRequestSchema, partnerRequestSchema, searchQuerySchema, talentRequestSchema, whatIfRequest,
} from '../../engine/index.ts';
import { listQuerySchema } from '../pagination.ts';
import * as s from './schemas.ts';

/** One documented route: the same zod schemas the route validates with, plus a Chinese example. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  response: z.ZodType;
  /** The list can also be downloaded with ?format=csv|xlsx. */
  exportable?: boolean;
  /** Extra success or error statuses the route may answer. */
  extraStatuses?: number[];
  /** The success status (default 200; 201 for creations, 204 for deletions). */
  status?: 200 | 201 | 204;
  /** A file upload (multipart/form-data field `file`) instead of a JSON body. */
  upload?: boolean;
  /** The answer is an XLSX file only. */
  xlsxOnly?: boolean;
}

const chainPath = z.strictObject({ id: chainIdParam });

export const coreRoutes: RouteDoc[] = [
  { method: 'get', path: '/chains', summary: '产业链列表 List chains', tag: 'chains', query: listQuerySchema, response: s.chainListResponse },
  { method: 'get', path: '/chains/{id}/map', summary: '产业链图谱 Chain map with figures and health per segment', tag: 'chains', params: chainPath, response: s.chainMapResponse },
  { method: 'get', path: '/chains/{id}/gaps', summary: '缺链分析 Gaps: missing, broken, weak, extension', tag: 'chains', params: chainPath, query: z.strictObject({ format: exportFormatSchema }), response: s.gapReportResponse, exportable: true },
  { method: 'get', path: '/chains/{id}/report', summary: '产业链报告 Chain report as XLSX: map, gaps, top candidates (one sheet each)', tag: 'chains', params: chainPath, response: s.xlsxFile, xlsxOnly: true },
  { method: 'get', path: '/chains/{id}/resilience', summary: '单点风险 Single points of failure', tag: 'chains', params: chainPath, response: s.resilienceResponse },
  {
    method: 'post', path: '/chains/{id}/what-if', summary: '假设分析 Gap table before and after attracting or losing firms', tag: 'chains', params: chainPath,
    body: whatIfRequest, bodyExample: { add: ['91320113MA1XXXXXXX'], remove: [] }, response: s.whatIfResponse,
  },
  {
    method: 'post', path: '/match/partners', summary: '强链/补链/延链 招商候选 Partner recommendation', tag: 'match', body: partnerRequestSchema,
    bodyExample: { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 10, filters: { provinces: ['江苏省', '上海市'], tags: ['high-tech'] } },
    // 409: the mode does not fit the segment (强链 where no local firm is); the problem names the mode that does (`suggestion`).
    response: s.partnerResponse, exportable: true, extraStatuses: [409],
  },
  {
    method: 'post', path: '/match/school-enterprise', summary: '校企合作匹配 School–enterprise pairing', tag: 'match', body: pairingRequestSchema,
    bodyExample: { text: '需要土壤修复和地下水修复方面的技术支持', limit: 5 }, response: s.pairingResponse,
  },
  { method: 'post', path: '/match/talent', summary: '人才匹配 Talent for an enterprise or a need', tag: 'match', body: talentRequestSchema, bodyExample: { text: '制剂工艺与一致性评价', limit: 5 }, response: s.talentResponse },
  { method: 'get', path: '/search', summary: '全文检索 Chinese full-text search over every entity', tag: 'explore', query: searchQuerySchema, response: s.searchResponse },
  { method: 'get', path: '/entities/{id}', summary: '实体详情 One entity', tag: 'explore', params: entityIdParam, response: s.entityResponse },
  { method: 'get', path: '/entities/{id}/neighbourhood', summary: '关系邻域 A node’s neighbourhood (depth 1–2)', tag: 'explore', params: entityIdParam, query: neighbourhoodQuerySchema, response: s.neighbourhoodResponse },
  {
    method: 'post', path: '/classify/segments', summary: '自动挂链 Rank segments for a described firm (optionally within chainIds): calibrated confidence, attach/review/reject decision and evidence per suggestion', tag: 'explore', body: classifyRequestSchema,
    bodyExample: { name: '南京某某新材料有限公司', products: ['正极材料'], description: '锂电池正极材料的研发与生产', chainIds: ['nev'] }, response: s.classifyResponse,
  },
];
