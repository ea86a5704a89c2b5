import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { hashKey } from './config.ts';
import { presentedKey } from './auth.ts';
import { sendProblem } from './problem.ts';

/**
 * Per verified key, else per client address, a fixed one-minute window; 429 problem+json with
 * Retry-After. Only a key the server knows gets a bucket of its own: made-up credentials (a random
 * Bearer or Basic value on each request) share their address's bucket, so they cannot dodge the limit.
 */
export function perCallerRateLimit(perMinute: number, isKnownKey: (key: string) => boolean) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const key = presentedKey(req);
      return key !== undefined && isKnownKey(key) ? `key:${hashKey(key).slice(0, 16)}` : `ip:${ipKeyGenerator(req.ip ?? '0.0.0.0')}`;
    },
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      sendProblem(
        res,
        {
          type: 'about:blank',
          title: '请求过于频繁 Too many requests',
          status: 429,
          detail: `at most ${perMinute} requests per minute`,
          instance: req.originalUrl,
        },
        { 'Retry-After': String(seconds) },
      );
    },
  });
}
