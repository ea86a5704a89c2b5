import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem.ts';

/** Answers 503 problem+json when a request runs past the limit, so a slow query never hangs a client. */
export function requestTimeout(ms: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) {
        sendProblem(res, { type: 'about:blank', title: '请求超时 Request timed out', status: 503, detail: `no answer within ${ms} ms`, instance: req.originalUrl }, { 'Retry-After': '5' });
      }
    }, ms);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
