import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { pino } from 'pino';

/** Structured JSON logs with a request id per request (taken from X-Request-Id or made up, and echoed back). */
export function requestLogging(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')) {
  const logger = pino({ level, base: { service: 'chainmatch' }, redact: ['req.headers.authorization', 'req.headers["x-api-key"]'] });
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
}
