import type { NextFunction, Request, Response } from 'express';
import type { RouteDefinition } from './route.ts';
import { sendProblem } from './problem.ts';

/**
 * Which methods a path supports, from the declared routes: a literal route (/matches/stats) wins
 * over a parameterised one (/matches/{id}) that would also match it, as it does when routing.
 */
export function allowedMethods(routes: Pick<RouteDefinition, 'method' | 'path'>[]): (path: string) => string[] {
  const patterns = routes.map((r) => ({
    method: r.method.toUpperCase(),
    literal: !r.path.includes('{'),
    regex: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    path: r.path,
  }));
  return (path) => {
    const matching = patterns.filter((p) => p.regex.test(path));
    const literal = matching.filter((p) => p.literal);
    const chosen = literal.length > 0 ? literal : matching;
    const methods = [...new Set(chosen.map((p) => p.method))];
    return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  };
}

/** OPTIONS answers with the declared methods (Express would list every route pattern that matches). */
export function optionsRoute(routes: Pick<RouteDefinition, 'method' | 'path'>[]) {
  const allowed = allowedMethods(routes);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'OPTIONS') return next();
    const methods = allowed(req.path);
    if (methods.length === 0) return next();
    res
      .set('Allow', [...methods, 'OPTIONS'].join(', '))
      .status(204)
      .end();
  };
}

/** The v1 fallback: 405 with an Allow header when the path exists with other methods, else 404. */
export function unmatchedRoute(routes: Pick<RouteDefinition, 'method' | 'path'>[]) {
  const allowed = allowedMethods(routes);
  return (req: Request, res: Response) => {
    const methods = allowed(req.path);
    if (methods.length > 0) {
      res.set('Allow', methods.join(', '));
      return sendProblem(res, {
        type: 'about:blank',
        title: '方法不被允许 Method not allowed',
        status: 405,
        detail: `${req.method} is not supported here; use ${methods.join(', ')}`,
        instance: req.originalUrl,
      });
    }
    return sendProblem(res, {
      type: 'about:blank',
      title: '未找到 Not found',
      status: 404,
      detail: `no route ${req.method} ${req.path}`,
      instance: req.originalUrl,
    });
  };
}
