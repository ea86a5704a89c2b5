import { Router, type Request } from 'express';
import {
  createDemandRequest, createOfferRequest, eventPlanRequest, listResourcesQuery, resourceAssignRequest, resourceIdParam, resourceMatchRequest,
  updateResourceRequest, type ResourcesEngine,
} from '../../engine/index.ts';
import { parse } from '../validate.ts';

/**
 * Who is writing, recorded with every write: the owner of the API key (api/auth.ts). Without a key
 * (only where writes are opened to everyone, e.g. local development) the `X-Actor` header names
 * the person, else "anonymous"; a keyed caller cannot claim another name with it.
 */
export function actorOf(req: Request): string {
  if (req.caller?.keyed) return req.caller.actor;
  const header = req.get('X-Actor')?.trim();
  return header ? header.slice(0, 120) : 'anonymous';
}

/** /offers and /demands (CRUD, validated per kind), and /match/resources, /match/resources/assign, /match/event (DESIGN §4). */
export function resourceRoutes(resources: ResourcesEngine): Router {
  const router = Router();
  const id = (req: Request) => parse(resourceIdParam, req.params, 'path').id;

  router.post('/offers', async (req, res) => {
    const offer = await resources.createOffer(parse(createOfferRequest, req.body, 'body'), actorOf(req));
    res.status(201).location(`/api/v1/offers/${encodeURIComponent(offer.id)}`).json(offer);
  });
  router.get('/offers', async (req, res) => {
    res.json(await resources.listOffers(parse(listResourcesQuery, req.query, 'query')));
  });
  router.get('/offers/:id', async (req, res) => {
    res.json(await resources.getOffer(id(req)));
  });
  router.patch('/offers/:id', async (req, res) => {
    res.json(await resources.updateOffer(id(req), parse(updateResourceRequest, req.body, 'body'), actorOf(req)));
  });
  router.delete('/offers/:id', async (req, res) => {
    await resources.deleteOffer(id(req), actorOf(req));
    res.status(204).end();
  });

  router.post('/demands', async (req, res) => {
    const demand = await resources.createDemand(parse(createDemandRequest, req.body, 'body'), actorOf(req));
    res.status(201).location(`/api/v1/demands/${encodeURIComponent(demand.id)}`).json(demand);
  });
  router.get('/demands', async (req, res) => {
    res.json(await resources.listDemands(parse(listResourcesQuery, req.query, 'query')));
  });
  router.get('/demands/:id', async (req, res) => {
    res.json(await resources.getDemand(id(req)));
  });
  router.patch('/demands/:id', async (req, res) => {
    res.json(await resources.updateDemand(id(req), parse(updateResourceRequest, req.body, 'body'), actorOf(req)));
  });
  router.delete('/demands/:id', async (req, res) => {
    await resources.deleteDemand(id(req), actorOf(req));
    res.status(204).end();
  });

  router.post('/match/resources', async (req, res) => {
    res.json(await resources.matchResources(parse(resourceMatchRequest, req.body, 'body')));
  });
  router.post('/match/resources/assign', async (req, res) => {
    res.json(await resources.assign(parse(resourceAssignRequest, req.body, 'body')));
  });
  router.post('/match/event', async (req, res) => {
    res.json(await resources.planEvent(parse(eventPlanRequest, req.body, 'body')));
  });
  return router;
}
