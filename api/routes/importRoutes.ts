import type { RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import {
  importEntities, importLimits, InvalidInputError, importFile, recordChainHealth, type ChainMatchEngine, type KnowledgeEngine,
} from '../../engine/index.ts';
import * as s from '../../engine/contracts/responses/index.ts';
import { defineRoute, json } from '../route.ts';

export const importPathSchema = z.strictObject({ entity: z.enum(importEntities) });
/** A CSV/JSON file's text encoding when it is not UTF-8 (or UTF-16 with a BOM): declared, never guessed (issue 15 F5). */
const encodingSchema = z.enum(['utf-8', 'gb18030']).meta({ description: 'GB18030 for Excel "CSV" saved on Chinese Windows; also accepted as the form field "encoding"' });
export const importQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'jsonl', 'json']).optional(), encoding: encodingSchema.optional() });

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: importLimits.maxBytes, files: 1, fields: 5 } });
/**
 * Any malformed upload (no boundary, cut-off body, stray fields) is the client's to fix: 400, or 413
 * for a file over the limit — never a 500.
 */
const receive: RequestHandler = (req, res, next) =>
  upload.single('file')(req, res, (error?: unknown) => {
    if (!error || (error as { code?: string }).code === 'LIMIT_FILE_SIZE') return next(error);
    next(new InvalidInputError('the upload could not be read', [{ path: 'body.file', message: error instanceof Error ? error.message : String(error) }]));
  });

/**
 * POST /import/{entity}: one file (multipart field `file`), validated row by row, then written in one
 * transaction — a bad row anywhere writes nothing and every bad row is reported (row, field, reason).
 */
export function importRoutes(engine: ChainMatchEngine, knowledge: KnowledgeEngine) {
  return [
    defineRoute({
      method: 'post', path: '/import/{entity}', summary: '批量导入 Import a CSV, XLSX, JSON Lines or JSON file (all or nothing)', tags: ['import'], scope: 'write',
      params: importPathSchema, query: importQuerySchema, upload: receive,
      response: { status: 200, schema: s.importReportResponse },
      handler: async ({ params, query, req }) => {
        if (!req.file) throw new InvalidInputError('no file uploaded', [{ path: 'body.file', message: 'send the file as multipart/form-data field "file"' }]);
        const field = (req.body as { encoding?: unknown } | undefined)?.encoding;
        const declared = field === undefined ? undefined : encodingSchema.safeParse(field);
        if (declared && !declared.success) throw new InvalidInputError('invalid encoding', [{ path: 'body.encoding', message: 'utf-8 or gb18030' }]);
        const encoding = query.encoding ?? declared?.data;
        const report = await importFile(knowledge.graph, knowledge, { entity: params.entity, filename: req.file.originalname, content: req.file.buffer, format: query.format, encoding });
        // Imported firms, ties and templates change every cached snapshot and catalog.
        engine.invalidate();
        knowledge.invalidate();
        // The overview's history keeps the chains' health as each import left it; in the background, so
        // the answer does not wait for seven gap analyses (a failure is logged and retried by the daily record).
        recordChainHealth(engine).catch((error: unknown) => req.log?.warn({ err: error }, 'chain health after import not recorded'));
        return json(report);
      },
    }),
  ];
}
