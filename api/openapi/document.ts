import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { RouteDefinition } from '../route.ts';
import { problemSchema } from './schemas.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });
const retryAfter = { 'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds' } };
const xlsx = { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string' as const, format: 'binary' } } };

const errorResponses = (route: RouteDefinition) => ({
  400: problem('请求参数无效 Invalid input: `errors[].path` names each offending field'),
  401: problem('需要 API 密钥 A key is required for this operation, or the key is unknown'),
  403: problem('权限不足 The key lacks the scope this operation needs'),
  404: problem('未找到 Not found'),
  ...(route.method !== 'get' ? { 413: problem('请求体过大 Body too large') } : {}),
  429: { ...problem('请求过于频繁 Rate limited'), headers: retryAfter },
  503: { ...problem('暂不可用 Neo4j unavailable or request timed out'), headers: retryAfter },
  ...Object.fromEntries((route.errors ?? []).map((e) => [e.status, problem(e.description)])),
});

/** The success answer as declared: JSON with its schema (and CSV/XLSX when exportable), an XLSX file, or nothing. */
function successResponse(route: RouteDefinition): Record<number, ResponseConfig> {
  const answer = route.response;
  if (answer.status === 204) return { 204: { description: answer.description ?? 'Done, no content' } };
  if ('workbook' in answer) return { 200: { description: answer.description ?? 'OK', content: xlsx } };
  const exports = answer.exportable ? { 'text/csv': { schema: { type: 'string' as const }, example: '\uFEFF排名,企业名称,…' }, ...xlsx } : {};
  const accepted: Record<number, ResponseConfig> = route.accepted
    ? { 202: { description: route.accepted.description, content: { 'application/json': { schema: route.accepted.schema } } } }
    : {};
  return {
    [answer.status]: {
      description: answer.description ?? (answer.status === 201 ? 'Created' : 'OK'),
      content: { 'application/json': { schema: answer.schema }, ...exports },
    },
    ...accepted,
  };
}

function requestBody(route: RouteDefinition) {
  if (route.upload) {
    return {
      required: true,
      content: {
        'multipart/form-data': { schema: { type: 'object' as const, properties: { file: { type: 'string' as const, format: 'binary' } }, required: ['file'] } },
      },
    };
  }
  return route.body ? { required: true, content: { 'application/json': { schema: route.body, example: route.bodyExample } } } : undefined;
}

/**
 * The OpenAPI 3.1 document, generated from the route declarations — the same zod schemas the routes
 * validate requests with and (in tests) check answers against. Served at /api/v1/openapi.json.
 */
export function openApiDocument(routes: RouteDefinition[], version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'API key: `Authorization: Bearer <key>` (or `X-API-Key`)',
  });
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: `需要权限 Needs the \`${route.scope}\` scope.`,
      tags: route.tags,
      security: [{ apiKey: [] }, {}],
      request: { params: route.params, query: route.query, headers: route.headers, body: requestBody(route) },
      responses: { ...successResponse(route), ...errorResponses(route) },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'ChainMatch API · 产业链图谱与精准匹配',
      version,
      description:
        'Chain maps and gaps, 强链/补链/延链 partner recommendation, school–enterprise pairing, talent, resources, search and import. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/api/v1' }],
  });
}
