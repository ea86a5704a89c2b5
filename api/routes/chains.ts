import { Router } from 'express';
import { z } from 'zod';
import { chainIdParam, whatIfRequest, type ChainMatchEngine } from '../../engine/index.ts';
import { listQuerySchema, page } from '../pagination.ts';
import { parse } from '../validate.ts';

/** /chains: the chain map, gaps, resilience and what-if (DESIGN §1). */
export function chainRoutes(engine: ChainMatchEngine): Router {
  const router = Router();
  const chainId = (params: unknown) => parse(z.strictObject({ id: chainIdParam }), params, 'path').id;

  router.get('/chains', async (req, res) => {
    res.json(page(await engine.listChains(), parse(listQuerySchema, req.query, 'query')));
  });
  router.get('/chains/:id/map', async (req, res) => {
    res.json(await engine.chainMap(chainId(req.params)));
  });
  router.get('/chains/:id/gaps', async (req, res) => {
    res.json(await engine.gaps(chainId(req.params)));
  });
  router.get('/chains/:id/resilience', async (req, res) => {
    res.json(await engine.resilience(chainId(req.params)));
  });
  router.post('/chains/:id/what-if', async (req, res) => {
    res.json(await engine.whatIf(chainId(req.params), parse(whatIfRequest, req.body, 'body')));
  });
  return router;
}
