import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { hashKey, type ApiConfig, type Scope } from './config.ts';
import { sendProblem } from './problem.ts';
import type { RouteDefinition } from './route.ts';

export interface Caller {
  /** The key's owner, or "anonymous": recorded as the actor of writes. */
  actor: string;
  scopes: Set<Scope>;
  keyed: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

const implied: Record<Scope, Scope[]> = { admin: ['admin', 'write', 'match', 'read'], write: ['write', 'read'], match: ['match', 'read'], read: ['read'] };

type ScopedRoute = Pick<RouteDefinition, 'method' | 'path' | 'scope'>;

/**
 * The scope a request needs is the one its route declares (api/routes/*, `defineRoute`): one
 * statement per route, enforced here before any body is read. Literal paths win over parameterised
 * ones, as in api/mountRoutes.ts. A path no route declares needs nothing here: it gets 404/405.
 */
export function declaredScope(routes: ScopedRoute[]): (method: string, path: string) => Scope | undefined {
  const matchers = [...routes]
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
    .map((r) => ({ method: r.method.toUpperCase(), pattern: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`), scope: r.scope }));
  return (method, path) => {
    const asked = method === 'HEAD' ? 'GET' : method;
    return matchers.find((m) => m.method === asked && m.pattern.test(path))?.scope;
  };
}

/** The API key a request presents (`Authorization: Bearer …` or `X-API-Key`), if any. */
export function presentedKey(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return req.get('x-api-key') ?? undefined;
}

/** Whether a key is one of the configured ones (compared by hash, in constant time). */
export function keyChecker(config: ApiConfig): (key: string) => boolean {
  const digests = config.keys.map((k) => Buffer.from(k.sha256, 'hex'));
  return (key) => {
    const digest = Buffer.from(hashKey(key), 'hex');
    return digests.some((d) => d.length === digest.length && timingSafeEqual(d, digest));
  };
}

/** Resolves the caller from the API key (if any) and enforces the route's scope: 401 without a needed key, 403 with the wrong one. */
export function authorise(config: ApiConfig, routes: ScopedRoute[]) {
  const scopeOf = declaredScope(routes);
  const keys = config.keys.map((k) => ({ ...k, digest: Buffer.from(k.sha256, 'hex') }));
  return (req: Request, res: Response, next: NextFunction) => {
    const key = presentedKey(req);
    // Credentials of another scheme (Basic …) are invalid credentials, not an anonymous request: served
    // as anonymous they were a way to get a fresh rate-limit bucket on every request.
    const header = req.get('authorization');
    if (header !== undefined && !header.startsWith('Bearer ')) {
      return sendProblem(
        res,
        {
          type: 'about:blank',
          title: '不支持的认证方式 Unsupported authorization',
          status: 401,
          detail: 'use "Authorization: Bearer <key>" or "X-API-Key: <key>"',
          instance: req.originalUrl,
        },
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    let caller: Caller = { actor: 'anonymous', scopes: new Set(config.openScopes.flatMap((s) => implied[s])), keyed: false };
    if (key !== undefined) {
      const digest = Buffer.from(hashKey(key), 'hex');
      const match = keys.find((k) => timingSafeEqual(k.digest, digest));
      if (!match)
        return sendProblem(
          res,
          { type: 'about:blank', title: '无效的 API 密钥 Invalid API key', status: 401, instance: req.originalUrl },
          { 'WWW-Authenticate': 'Bearer' },
        );
      caller = { actor: match.owner, scopes: new Set(match.scopes.flatMap((s) => implied[s])), keyed: true };
    }
    req.caller = caller;
    const needed = scopeOf(req.method, req.path);
    if (needed === undefined || caller.scopes.has(needed)) return next();
    if (!caller.keyed)
      return sendProblem(
        res,
        {
          type: 'about:blank',
          title: '需要 API 密钥 API key required',
          status: 401,
          detail: `this operation needs the "${needed}" scope`,
          instance: req.originalUrl,
        },
        { 'WWW-Authenticate': 'Bearer' },
      );
    return sendProblem(res, {
      type: 'about:blank',
      title: '权限不足 Forbidden',
      status: 403,
      detail: `the key of "${caller.actor}" lacks the "${needed}" scope`,
      instance: req.originalUrl,
    });
  };
}

/**
 * The identity that owns what this request writes (issue 15 F2): a key's owner, with admin rights if
 * the key has the admin scope. Without a key (only where writes are opened to everyone, e.g. local
 * development) the `X-Actor` header names the person, else "anonymous" — an unverified name, which is
 * why production keeps writes behind keys (docs/security.md).
 */
export function writerIdentity(req: Request): { name: string; admin: boolean } {
  if (req.caller?.keyed) return { name: req.caller.actor, admin: req.caller.scopes.has('admin') };
  const header = req.get('X-Actor')?.trim();
  return { name: header ? header.slice(0, 120) : 'anonymous', admin: false };
}

/**
 * The identity a read is answered for: a verified key's owner (and whether it is an admin), or none.
 * Owners and private notes are shown only to a verified owner or admin; `X-Actor` never unlocks them.
 */
export function readerIdentity(req: Request): { name: string; admin: boolean } | undefined {
  return req.caller?.keyed ? { name: req.caller.actor, admin: req.caller.scopes.has('admin') } : undefined;
}
