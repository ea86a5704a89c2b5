import type { ErrorRequestHandler, Response } from 'express';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  problemLimits,
  StaleVersionError,
  UnavailableError,
  UnknownReferenceError,
  type FieldIssue,
} from '../engine/index.ts';

/** RFC 9457 problem details; `errors` names every offending field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldIssue[];
  /** With a 409: the request that would make sense instead (e.g. `{ "mode": "fill" }`). */
  suggestion?: Record<string, string>;
}

export function sendProblem(res: Response, problem: Problem, headers: Record<string, string> = {}): void {
  res
    .status(problem.status)
    .set({ 'Content-Type': 'application/problem+json', ...headers })
    .send(JSON.stringify(problem));
}

/** Driver errors that mean "the database is not reachable now", not "your request is wrong". */
function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError');
}

/**
 * Problem documents list at most problemLimits.maxIssues field issues and say how many there were
 * (issue 15 F3; item 2: also for JSON bodies, e.g. a list of 10,000 bad elements), and a message
 * never echoes more than a short prefix of user text.
 */
export function boundedIssues(detail: string, issues: FieldIssue[]): { detail: string; errors: FieldIssue[] } {
  const cut = (text: string) => (text.length > problemLimits.maxMessageChars ? `${text.slice(0, problemLimits.maxMessageChars)}…` : text);
  const errors = issues.slice(0, problemLimits.maxIssues).map((i) => ({ ...i, path: cut(i.path), message: cut(i.message) }));
  const more = issues.length - errors.length;
  return { detail: more > 0 ? `${detail}; ${issues.length} problems, the first ${errors.length} listed` : detail, errors };
}

/** The problem document for an error of the engine (or of the upload), or undefined for an unexpected one (500). */
export function problemOf(error: unknown, instance?: string): { problem: Problem; headers?: Record<string, string> } | undefined {
  if (error instanceof InvalidInputError)
    return { problem: { type: 'about:blank', title: '请求参数无效 Invalid input', status: 400, instance, ...boundedIssues(error.message, error.issues) } };
  if (error instanceof UnknownReferenceError)
    return {
      problem: {
        type: 'about:blank',
        title: '引用的对象不存在 Referenced entity not found',
        status: 404,
        instance,
        ...boundedIssues(error.message, error.issues),
      },
    };
  if (error instanceof ForbiddenError) return { problem: { type: 'about:blank', title: '无权修改 Forbidden', status: 403, detail: error.message, instance } };
  // The current version travels as the ETag, so a client can reload and retry (api/versions.ts).
  if (error instanceof StaleVersionError)
    return {
      problem: { type: 'about:blank', title: '版本已变更 Precondition failed', status: 412, detail: error.message, instance },
      headers: { ETag: `"${error.current}"` },
    };
  if (error instanceof NotFoundError) return { problem: { type: 'about:blank', title: '未找到 Not found', status: 404, detail: error.message, instance } };
  if (error instanceof ConflictError) {
    return {
      problem: {
        type: 'about:blank',
        title: '状态冲突 Conflict',
        status: 409,
        detail: error.message,
        instance,
        ...(error.issues.length > 0 && { errors: error.issues.slice(0, problemLimits.maxIssues) }),
        ...(error.suggestion && { suggestion: error.suggestion }),
      },
    };
  }
  if (error instanceof UnavailableError || isDatabaseDown(error)) {
    return {
      problem: {
        type: 'about:blank',
        title: '图数据库暂不可用 Graph database unavailable',
        status: 503,
        detail: 'Neo4j cannot be reached; retry shortly.',
        instance,
      },
      headers: { 'Retry-After': '5' },
    };
  }
  // Upload limits (multer) are the client's to fix: 413 for a file too large, 400 for the rest.
  const code = (error as { code?: string }).code;
  if ((error as { name?: string }).name === 'MulterError') {
    return {
      problem: {
        type: 'about:blank',
        title: code === 'LIMIT_FILE_SIZE' ? '文件过大 File too large' : '上传无效 Bad upload',
        status: code === 'LIMIT_FILE_SIZE' ? 413 : 400,
        detail: (error as Error).message,
        instance,
        errors: [{ path: 'body.file', message: (error as Error).message }],
      },
    };
  }
  // Body-parser errors carry their own 4xx status (malformed JSON 400, too large 413).
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      problem: {
        type: 'about:blank',
        title: status === 413 ? '请求体过大 Payload too large' : '请求无效 Bad request',
        status,
        detail: status === 413 ? 'The request body exceeds the limit.' : 'The request body could not be parsed.',
        instance,
      },
    };
  }
  return undefined;
}

/** Maps the engine's typed errors to HTTP once; anything unexpected is a 500 without internals. */
export const problemHandler: ErrorRequestHandler = (error, req, res, next) => {
  // A timed-out request has already been answered; let Express close the socket.
  if (res.headersSent) return next(error);
  const known = problemOf(error, req.originalUrl);
  if (known) return sendProblem(res, known.problem, known.headers);
  req.log?.error?.({ err: error }, 'unhandled error');
  return sendProblem(res, { type: 'about:blank', title: '服务器内部错误 Internal error', status: 500, instance: req.originalUrl });
};
