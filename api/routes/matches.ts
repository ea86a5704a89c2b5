import { Router } from 'express';
import { listMatchesQuery, matchIdParam, matchStatsQuery, matchTransitionRequest, recordMatchRequest, type ResourcesEngine } from '../../engine/index.ts';
import { sendTable } from '../sendTable.ts';
import { parse } from '../validate.ts';
import { actorOf } from './resources.ts';

/** /matches: recommendations people acted on, their lifecycle and audit trail, and what outcomes say about the signals (DESIGN §7). */
export function matchTrackingRoutes(resources: ResourcesEngine): Router {
  const router = Router();

  router.post('/matches', async (req, res) => {
    const match = await resources.recordMatch(parse(recordMatchRequest, req.body, 'body'), actorOf(req));
    res.status(201).location(`/api/v1/matches/${encodeURIComponent(match.id)}`).json(match);
  });
  router.get('/matches', async (req, res) => {
    const { format, ...query } = parse(listMatchesQuery, req.query, 'query');
    if (format === 'json') res.json(await resources.listMatches(query));
    else await sendTable(res, await resources.matchTable(query), format);
  });
  // Before /matches/:id, so "stats" is not taken for an id.
  router.get('/matches/stats', async (req, res) => {
    res.json(await resources.matchStats(parse(matchStatsQuery, req.query, 'query').kind));
  });
  router.get('/matches/:id', async (req, res) => {
    res.json(await resources.getMatch(parse(matchIdParam, req.params, 'path').id));
  });
  router.patch('/matches/:id', async (req, res) => {
    const { id } = parse(matchIdParam, req.params, 'path');
    res.json(await resources.updateMatch(id, parse(matchTransitionRequest, req.body, 'body'), actorOf(req)));
  });
  return router;
}
