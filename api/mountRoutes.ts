import { Router, type Request, type Response } from 'express';
import { InvalidInputError, type FieldIssue } from '../engine/index.ts';
import { sendProblem } from './problem.ts';
import { requestDeadline } from './requestTimeout.ts';
import type { Reply, RouteDefinition } from './route.ts';
import { sendTable } from './sendTable.ts';
import { fieldIssues } from './validate.ts';

export interface MountOptions {
  /**
   * Parse every JSON answer with its route's response schema and answer 500 (naming the fields) on a
   * mismatch: on in tests, so the contracts are held to what the engine really returns.
   */
  checkResponses: boolean;
}

/** `/chains/{id}/map` → `/chains/:id/map` (Express's way of naming a parameter). */
export const expressPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * Path, query and body are checked together, so one answer names every offending field; `detail`
 * says which parts were wrong ("invalid body", "invalid path and query").
 */
function parseRequest(route: RouteDefinition, req: Request) {
  const issues: FieldIssue[] = [];
  const wrong: string[] = [];
  const part = (schema: RouteDefinition['body'], value: unknown, where: 'path' | 'query' | 'body') => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    wrong.push(where);
    issues.push(...fieldIssues(result.error.issues, where));
    return undefined;
  };
  const params = part(route.params, req.params, 'path');
  const query = part(route.query, req.query, 'query');
  const body = part(route.body, req.body, 'body');
  if (wrong.length > 0) throw new InvalidInputError(`invalid ${wrong.join(' and ')}`, issues);
  return { params, query, body, req };
}

async function send(route: RouteDefinition, reply: Reply, req: Request, res: Response, options: MountOptions): Promise<void> {
  if (reply.kind === 'empty') {
    res.status(204).end();
    return;
  }
  if (reply.kind === 'table') return sendTable(res, reply.table, reply.format);
  if (reply.kind === 'workbook') {
    res.set('Content-Disposition', `attachment; filename="${reply.fallbackName}"; filename*=UTF-8''${encodeURIComponent(reply.filename)}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(reply.content);
    return;
  }
  const schema = reply.status === 202 ? route.accepted?.schema : 'schema' in route.response ? route.response.schema : undefined;
  if (options.checkResponses && schema) {
    const result = schema.safeParse(reply.body);
    if (!result.success) {
      return sendProblem(res, {
        type: 'about:blank',
        title: '响应不符合契约 Response does not match its contract',
        status: 500,
        detail: `${route.method.toUpperCase()} ${route.path}: the answer differs from its response schema (engine/contracts)`,
        instance: req.originalUrl,
        errors: fieldIssues(result.error.issues, 'response'),
      });
    }
  }
  if (reply.location) res.location(reply.location);
  if (reply.etag) res.set('ETag', reply.etag);
  if (reply.headers) res.set(reply.headers);
  res.status(reply.status).json(reply.body);
}

/**
 * An Express router serving the declared routes. Literal paths are mounted before parameterised
 * ones, so `/matches/stats` is never taken for `/matches/{id}` whatever the declaration order.
 */
export function mountRoutes(routes: RouteDefinition[], options: MountOptions): Router {
  const router = Router();
  const literalFirst = [...routes].sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')));
  for (const route of literalFirst) {
    const handlers = route.upload ? [route.upload] : [];
    router[route.method](expressPath(route.path), ...handlers, async (req: Request, res: Response) => {
      if (route.timeoutMs) requestDeadline(res)?.extend(route.timeoutMs);
      await send(route, await route.handler(parseRequest(route, req) as never), req, res, options);
    });
  }
  return router;
}
