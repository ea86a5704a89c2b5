import type { Request } from 'express';
import { InvalidInputError } from '../engine/index.ts';
import type { Reply } from './route.ts';

/**
 * Optimistic concurrency over HTTP (issue 15 F9; docs/security.md): offers, demands and tracked
 * matches answer with `ETag: "<version>"`; PATCH and DELETE take `If-Match` and answer 412 when the
 * record moved on. If-Match is optional (no 428): a PATCH merges field by field under a lock anyway.
 */
export const etagOf = (version: number) => `"${version}"`;

/** A JSON reply that also carries the record's ETag. */
export function withETag(reply: Reply, record: { version: number }): Reply {
  return reply.kind === 'json' ? { ...reply, etag: etagOf(record.version) } : reply;
}

/** The version `If-Match` names (`"3"` or `W/"3"`), undefined when absent or `*`; 400 naming the header when it is no ETag of ours. */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.get('If-Match')?.trim();
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header);
  if (!match) throw new InvalidInputError('invalid If-Match', [{ path: 'header.If-Match', message: 'the ETag of the record as this API sent it, e.g. "3"' }]);
  return Number(match[1]);
}
