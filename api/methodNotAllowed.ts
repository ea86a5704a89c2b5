import type { Request, Response } from 'express';
import type { RouteDoc } from './openapi/routes.ts';
import { sendProblem } from './problem.ts';

/**
 * The v1 fallback: 405 with an Allow header when the path exists with other methods, else 404.
 * The documented routes are the list of what exists, so the two cannot disagree.
 */
export function unmatchedRoute(routes: RouteDoc[]) {
  const patterns = routes.map((r) => ({ method: r.method.toUpperCase(), regex: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`) }));
  return (req: Request, res: Response) => {
    const allowed = [...new Set(patterns.filter((p) => p.regex.test(req.path)).map((p) => p.method))];
    if (allowed.length > 0) {
      res.set('Allow', allowed.join(', '));
      return sendProblem(res, { type: 'about:blank', title: '方法不被允许 Method not allowed', status: 405, detail: `${req.method} is not supported here; use ${allowed.join(', ')}`, instance: req.originalUrl });
    }
    return sendProblem(res, { type: 'about:blank', title: '未找到 Not found', status: 404, detail: `no route ${req.method} ${req.path}`, instance: req.originalUrl });
  };
}
