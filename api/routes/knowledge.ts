import { Router } from 'express';
import {
  classifyRequestSchema, entityIdParam, neighbourhoodQuerySchema, pairingRequestSchema, searchQuerySchema, talentRequestSchema, type KnowledgeEngine,
} from '../../engine/index.ts';
import { parse } from '../validate.ts';

/** Pairing, talent, search, exploring and automatic attachment (DESIGN §3, §5, §6). */
export function knowledgeRoutes(knowledge: KnowledgeEngine): Router {
  const router = Router();
  router.post('/match/school-enterprise', async (req, res) => {
    res.json(await knowledge.pairSchoolEnterprise(parse(pairingRequestSchema, req.body, 'body')));
  });
  router.post('/match/talent', async (req, res) => {
    res.json(await knowledge.matchTalent(parse(talentRequestSchema, req.body, 'body')));
  });
  router.get('/search', async (req, res) => {
    res.json(await knowledge.search(parse(searchQuerySchema, req.query, 'query')));
  });
  router.get('/entities/:id', async (req, res) => {
    res.json(await knowledge.entity(parse(entityIdParam, req.params, 'path').id));
  });
  router.get('/entities/:id/neighbourhood', async (req, res) => {
    const { id } = parse(entityIdParam, req.params, 'path');
    const { depth, limit } = parse(neighbourhoodQuerySchema, req.query, 'query');
    res.json(await knowledge.neighbourhood(id, depth as 1 | 2, limit));
  });
  router.post('/classify/segments', async (req, res) => {
    const { limit, chainIds, ...input } = parse(classifyRequestSchema, req.body, 'body');
    res.json(await knowledge.classify(input, { limit, chainIds }));
  });
  return router;
}
