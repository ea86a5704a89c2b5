import { ApiError } from '../api/apiError.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { fieldOfPath } from './boardFields.ts';

/**
 * What the board says about a failed write: a sentence for the whole form (by HTTP status, in the
 * user's words) and the API's own messages beside the fields they name.
 */
export interface BoardProblem {
  message: MessageKey;
  /** The API's title and detail, shown under the sentence for whoever needs the particulars. */
  detail: string;
  byField: Map<string, string[]>;
}

const byStatus: Record<number, MessageKey> = {
  400: 'board.problem.invalid',
  401: 'board.problem.signIn',
  403: 'board.problem.forbidden',
  404: 'board.problem.notFound',
  409: 'board.problem.conflict',
  412: 'board.problem.stale',
  429: 'board.problem.busy',
};

export function boardProblem(error: unknown): BoardProblem {
  if (!(error instanceof ApiError))
    return { message: 'board.problem.other', detail: error instanceof Error ? error.message : String(error), byField: new Map() };
  const byField = new Map<string, string[]>();
  for (const issue of error.fieldErrors) {
    const field = fieldOfPath(issue.path);
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  // an unknown owner or park is a 404 naming the field: a mistake in the form, not a missing record
  const message =
    error.status === 404 && byField.size > 0
      ? 'board.problem.invalid'
      : (byStatus[error.status] ?? (error.status === 0 ? 'board.problem.network' : 'board.problem.other'));
  return { message, detail: [error.title, error.detail].filter(Boolean).join(' — '), byField };
}
