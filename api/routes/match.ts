import { Router } from 'express';
import { z } from 'zod';
import { exportFormatSchema, partnerRequestSchema, partnerTable, type ChainMatchEngine } from '../../engine/index.ts';
import { sendTable } from '../sendTable.ts';
import { parse } from '../validate.ts';

/** /match: recommendations with explanations. */
export function matchRoutes(engine: ChainMatchEngine): Router {
  const router = Router();
  router.post('/match/partners', async (req, res) => {
    const { format } = parse(z.strictObject({ format: exportFormatSchema }), req.query, 'query');
    const result = await engine.partners(parse(partnerRequestSchema, req.body, 'body'));
    if (format === 'json') res.json(result);
    else await sendTable(res, partnerTable(result), format);
  });
  return router;
}
