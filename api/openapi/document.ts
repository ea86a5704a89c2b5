import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { RouteDoc } from './routes.ts';
import { problemSchema } from './schemas.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

const errorResponses = (route: RouteDoc) => ({
  400: problem('请求参数无效 Invalid input: `errors[].path` names each offending field'),
  401: problem('需要 API 密钥 A key is required for this operation, or the key is unknown'),
  403: problem('权限不足 The key lacks the scope this operation needs'),
  404: problem('未找到 Not found'),
  ...(route.method !== 'get' ? { 413: problem('请求体过大 Body too large') } : {}),
  429: { ...problem('请求过于频繁 Rate limited'), headers: { 'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds' } } },
  503: { ...problem('暂不可用 Neo4j unavailable or request timed out'), headers: { 'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds' } } },
  ...Object.fromEntries((route.extraStatuses ?? []).map((s) => [s, problem(s === 409 ? '状态冲突 Conflict' : 'See detail')])),
});

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with, so the
 * contract cannot drift from the checks. Served at /api/v1/openapi.json.
 */
export function openApiDocument(routes: RouteDoc[], version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'API key: `Authorization: Bearer <key>` (or `X-API-Key`)' });
  for (const route of routes) {
    const formats = route.exportable
      ? {
          'text/csv': { schema: { type: 'string' as const }, example: '\uFEFF排名,企业名称,…' },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string' as const, format: 'binary' } },
        }
      : {};
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      tags: [route.tag],
      security: [{ apiKey: [] }, {}],
      request: {
        params: route.params,
        query: route.query,
        body: route.upload
          ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } } }
          : route.body
            ? { required: true, content: { 'application/json': { schema: route.body, example: route.bodyExample } } }
            : undefined,
      },
      responses: {
        [route.status ?? 200]:
          route.status === 204
            ? { description: 'Done, no content' }
            : route.xlsxOnly
              ? { description: 'OK', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string' as const, format: 'binary' } } } }
              : { description: route.status === 201 ? 'Created' : 'OK', content: { 'application/json': { schema: route.response }, ...formats } },
        ...errorResponses(route),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'ChainMatch API · 产业链图谱与精准匹配',
      version,
      description: 'Chain maps and gaps, 强链/补链/延链 partner recommendation, school–enterprise pairing, talent, resources, search and import. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/api/v1' }],
  });
}
