import type { ProblemBody } from './types.ts';

/** A failed API call, carrying the problem+json the API sent (or one made up for network failures). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }

  static fromProblem(status: number, problem: ProblemBody): ApiError {
    return new ApiError(problem.status ?? status, problem.title, problem.detail, problem.errors ?? []);
  }
}

/** Reads a problem+json body; anything else becomes a problem titled with the HTTP status. */
export function problemFromBody(status: number, statusText: string, contentType: string, body: string): ApiError {
  if (/json/.test(contentType)) {
    try {
      const parsed = JSON.parse(body) as Partial<ProblemBody>;
      if (parsed && typeof parsed.title === 'string') return ApiError.fromProblem(status, parsed as ProblemBody);
    } catch {
      // fall through to the plain form
    }
  }
  return new ApiError(status, `HTTP ${status}${statusText ? ` ${statusText}` : ''}`, body.trim().slice(0, 300) || undefined);
}

/** The file name from a Content-Disposition header, preferring the UTF-8 `filename*` form. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // malformed escape: use the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}
