import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { pino } from 'pino';
import { logFormat, readableLogStream } from './logLine.ts';

/**
 * Request logs with a request id per request (taken from X-Request-Id or made up, and echoed back):
 * structured JSON for production and files, one readable line per request at a terminal (logLine.ts).
 */
export function requestLogging(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')) {
  const options = { level, base: { service: 'chainmatch' }, redact: ['req.headers.authorization', 'req.headers["x-api-key"]'] };
  const logger = logFormat() === 'line' ? pino(options, readableLogStream()) : pino(options);
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
