import { createHash } from 'node:crypto';
import type { Request } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { importJobLimits, importLimits, InvalidInputError } from '../../engine/index.ts';

/**
 * The Idempotency-Key header of `POST /import/{entity}` (IETF draft-ietf-httpapi-idempotency-key-header):
 * declared here once — the OpenAPI document lists it from this schema and the route checks the header
 * with it. Printable ASCII, bounded.
 */
export const idempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(importJobLimits.maxIdempotencyKeyChars)
    .regex(/^[\x21-\x7e]+$/)
    .optional()
    .meta({
      description:
        `1–${importJobLimits.maxIdempotencyKeyChars} printable ASCII characters. The same key from the same caller returns the same job while it is kept ` +
        '(no second import); with a different file or parameters it is 422; while the first request with it is still being uploaded, 409.',
    }),
});

/** The Idempotency-Key header, if sent; anything the schema refuses is a 400 naming it. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const parsed = idempotencyHeaders.shape['Idempotency-Key'].safeParse(req.get('Idempotency-Key'));
  if (!parsed.success) {
    throw new InvalidInputError('invalid Idempotency-Key', [
      { path: 'header.Idempotency-Key', message: `1–${importJobLimits.maxIdempotencyKeyChars} printable ASCII characters` },
    ]);
  }
  return parsed.data;
}

/** A file received by `hashingUpload`: its size and SHA-256, the bytes themselves dropped. */
interface HashedFile {
  size: number;
  sha256: string;
}

/**
 * Multer storage that keeps nothing but a hash: a repeated upload (its key already has a job) is read
 * only to compare it with the first, so it costs no memory and takes no place in the queue.
 */
const hashingStorage: multer.StorageEngine = {
  _handleFile(_req, file, callback) {
    const hash = createHash('sha256');
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    file.stream.once('error', callback);
    file.stream.once('end', () => callback(null, { size, sha256: hash.digest('hex') } as HashedFile & Partial<Express.Multer.File>));
  },
  _removeFile(_req, _file, callback) {
    callback(null);
  },
};

export const hashingUpload = multer({ storage: hashingStorage, limits: { fileSize: importLimits.maxBytes, files: 1, fields: 5 } });

/**
 * What an import request asks, as one hash: entity, format, encoding (query or form field), file name
 * and the file's SHA-256. Taken from the raw request, before validation, the same way for the first
 * request and for every repeat — the multipart boundary, which changes on every send, is not part of it.
 */
export function requestFingerprint(req: Request, fileSha256: string): string {
  const field = (req.body as { encoding?: unknown } | undefined)?.encoding;
  const asked = [req.params.entity, req.query.format ?? null, req.query.encoding ?? null, field ?? null, req.file?.originalname ?? null, fileSha256];
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}

/** The SHA-256 of a file multer received: from the bytes in memory, or as `hashingUpload` computed it. */
export function fileSha256(file: Express.Multer.File): string {
  const hashed = (file as Partial<HashedFile>).sha256;
  return hashed ?? createHash('sha256').update(file.buffer).digest('hex');
}
