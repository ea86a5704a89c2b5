import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { hashKey } from './config.ts';
import { sendProblem } from './problem.ts';

/** Per key (or per client address without one), a fixed one-minute window; 429 problem+json with Retry-After. */
export function perCallerRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const key = req.get('authorization')?.replace(/^Bearer\s+/, '') ?? req.get('x-api-key');
      return key ? `key:${hashKey(key).slice(0, 16)}` : `ip:${ipKeyGenerator(req.ip ?? '0.0.0.0')}`;
    },
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      sendProblem(res, { type: 'about:blank', title: '请求过于频繁 Too many requests', status: 429, detail: `at most ${perMinute} requests per minute`, instance: req.originalUrl }, { 'Retry-After': String(seconds) });
    },
  });
}
