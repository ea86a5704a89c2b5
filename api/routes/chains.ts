import { z } from 'zod';
import { chainIdParam, chainReport, exportFormatSchema, tableToXlsx, whatIfRequest, type ChainMatchEngine } from '../../engine/index.ts';
import { exportLangSchema } from '../../engine/contracts/messages/message.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { listQuerySchema, page } from '../pagination.ts';
import { defineRoute, json, table, workbook } from '../route.ts';

const chainPath = z.strictObject({ id: chainIdParam });
// `lang`: the export's language (zh default, en); JSON answers ignore it.
const formatQuery = z.strictObject({ format: exportFormatSchema, lang: exportLangSchema });
const langQuery = z.strictObject({ lang: exportLangSchema });
const tags = ['chains'];

/** /chains: the chain map, gaps, resilience and what-if (docs/design.md §1). */
export function chainRoutes(engine: ChainMatchEngine) {
  return [
    defineRoute({
      method: 'get',
      path: '/chains',
      summary: '产业链列表 List chains',
      tags,
      scope: 'read',
      query: listQuerySchema,
      response: { status: 200, schema: s.chainListResponse },
      handler: async ({ query }) => json(page(await engine.listChains(), query)),
    }),
    defineRoute({
      method: 'get',
      path: '/chains/{id}/map',
      summary: '产业链图谱 Chain map with figures and health per segment',
      tags,
      scope: 'read',
      params: chainPath,
      response: { status: 200, schema: s.chainMapResponse },
      handler: async ({ params }) => json(await engine.chainMap(params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/chains/{id}/gaps',
      summary: '缺链分析 Gaps: missing, broken, weak, extension',
      tags,
      scope: 'read',
      params: chainPath,
      query: formatQuery,
      response: { status: 200, schema: s.gapReportResponse, exportable: true },
      handler: async ({ params, query }) =>
        query.format === 'json'
          ? json(await engine.gaps(params.id))
          : // The report's gap sheet: the same rows, with the firms that are demo data marked.
            table((await chainReport(engine, params.id, { parts: ['gaps'], lang: query.lang }))[0], query.format),
    }),
    // The officer's chain report: map, gaps and top candidates, one sheet each.
    defineRoute({
      method: 'get',
      path: '/chains/{id}/report',
      summary: '产业链报告 Chain report as XLSX: map, gaps, top candidates (one sheet each)',
      tags,
      scope: 'read',
      params: chainPath,
      query: langQuery,
      response: { status: 200, workbook: true },
      handler: async ({ params, query }) =>
        workbook(
          await tableToXlsx(await chainReport(engine, params.id, { lang: query.lang })),
          query.lang === 'en' ? `chain-report-${params.id}.xlsx` : `产业链报告-${params.id}.xlsx`,
          'chain-report.xlsx',
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/chains/{id}/resilience',
      summary: '单点风险 Single points of failure',
      tags,
      scope: 'read',
      params: chainPath,
      response: { status: 200, schema: s.resilienceResponse },
      handler: async ({ params }) => json(await engine.resilience(params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/chains/{id}/what-if',
      summary: '假设分析 Gap table before and after attracting or losing firms',
      tags,
      scope: 'match',
      params: chainPath,
      body: whatIfRequest,
      bodyExample: { add: ['91320113MA1XXXXXXX'], remove: [] },
      response: { status: 200, schema: s.whatIfResponse },
      handler: async ({ params, body }) => json(await engine.whatIf(params.id, body)),
    }),
  ];
}
