import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem.ts';

interface Deadline {
  /** When the request will be answered 503 if nothing else has answered it (epoch ms). */
  at: number;
  /** Aborted when that 503 is sent: work started for this request must stop then, or never start. */
  signal: AbortSignal;
  /** Moves the deadline to `ms` from now, if that is later (a route declared to take longer). */
  extend(ms: number): void;
}

/** The deadline the timeout middleware set for this request (none outside it, e.g. in unit tests). */
export function requestDeadline(res: Response): Deadline | undefined {
  return res.locals.deadline as Deadline | undefined;
}

/**
 * Answers 503 problem+json when a request runs past the limit, so a slow query never hangs a client.
 * Issue 15 F4: a 503 told an importer "failed, retry" while the import went on and landed minutes
 * later. So the deadline is published (`requestDeadline`): long work either answers before it (imports
 * become jobs and answer 202 in time) or stops when its signal aborts.
 */
export function requestTimeout(ms: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout;
    const arm = (after: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!res.headersSent) {
          controller.abort();
          sendProblem(
            res,
            { type: 'about:blank', title: '请求超时 Request timed out', status: 503, detail: `no answer within ${after} ms`, instance: req.originalUrl },
            { 'Retry-After': '5' },
          );
        }
      }, after);
    };
    const deadline: Deadline = {
      at: Date.now() + ms,
      signal: controller.signal,
      extend: (longer) => {
        if (Date.now() + longer <= deadline.at || controller.signal.aborted) return;
        deadline.at = Date.now() + longer;
        arm(longer);
      },
    };
    res.locals.deadline = deadline;
    arm(ms);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
