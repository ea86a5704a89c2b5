import { StaleVersionError } from '../core/errors.ts';

/**
 * Optimistic concurrency for offers, demands and tracked matches (issue 15 F9): every write bumps a
 * `version` property in the same transaction, the API shows it as the ETag, and a client that sends
 * `If-Match` changes the record only if nobody wrote it since it read that version. Records written
 * before versions existed read as version 0.
 */
export function storedVersion(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Throws StaleVersionError (HTTP 412) when the client named a version other than the stored one. */
export function assertVersion(expected: number | undefined, current: number, what: string): void {
  if (expected === undefined || expected === current) return;
  throw new StaleVersionError(`${what} is at version ${current}, not ${expected}: it changed since you read it; reload and retry`, current);
}
