import { Router } from 'express';
import { z } from 'zod';
import { chainIdParam, chainReport, exportFormatSchema, tableToXlsx, whatIfRequest, type ChainMatchEngine } from '../../engine/index.ts';
import { sendTable } from '../sendTable.ts';
import { listQuerySchema, page } from '../pagination.ts';
import { parse } from '../validate.ts';

/** /chains: the chain map, gaps, resilience and what-if (DESIGN §1). */
export function chainRoutes(engine: ChainMatchEngine): Router {
  const router = Router();
  const chainId = (params: unknown) => parse(z.strictObject({ id: chainIdParam }), params, 'path').id;
  const formatQuery = z.strictObject({ format: exportFormatSchema });

  router.get('/chains', async (req, res) => {
    res.json(page(await engine.listChains(), parse(listQuerySchema, req.query, 'query')));
  });
  router.get('/chains/:id/map', async (req, res) => {
    res.json(await engine.chainMap(chainId(req.params)));
  });
  router.get('/chains/:id/gaps', async (req, res) => {
    const { format } = parse(formatQuery, req.query, 'query');
    const id = chainId(req.params);
    if (format === 'json') res.json(await engine.gaps(id));
    // The report's gap sheet: the same rows, with the firms that are demo data marked.
    else await sendTable(res, (await chainReport(engine, id, { parts: ['gaps'] }))[0], format);
  });
  // The officer's chain report: map, gaps and top candidates, one sheet each.
  router.get('/chains/:id/report', async (req, res) => {
    const tables = await chainReport(engine, chainId(req.params));
    res.set('Content-Disposition', `attachment; filename="chain-report.xlsx"; filename*=UTF-8''${encodeURIComponent(`产业链报告-${req.params.id}.xlsx`)}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableToXlsx(tables));
  });
  router.get('/chains/:id/resilience', async (req, res) => {
    res.json(await engine.resilience(chainId(req.params)));
  });
  router.post('/chains/:id/what-if', async (req, res) => {
    res.json(await engine.whatIf(chainId(req.params), parse(whatIfRequest, req.body, 'body')));
  });
  return router;
}
