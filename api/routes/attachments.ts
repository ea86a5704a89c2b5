import { Router } from 'express';
import { reviewDecisionRequest, reviewFirmParam, reviewListQuery, type ReviewQueue } from '../../engine/index.ts';
import { parse } from '../validate.ts';
import { actorOf } from './resources.ts';

/** /attachments/review: firms the classifier would not attach on its own, and a person's answer for each (待审挂链). */
export function attachmentRoutes(reviews: ReviewQueue): Router {
  const router = Router();
  router.get('/attachments/review', async (req, res) => {
    res.json(await reviews.list(parse(reviewListQuery, req.query, 'query')));
  });
  // A write (the scope check in auth.ts): the answer is recorded with the key's owner as who decided.
  router.post('/attachments/review/:firmId', async (req, res) => {
    const { firmId } = parse(reviewFirmParam, req.params, 'path');
    res.json(await reviews.decide(firmId, parse(reviewDecisionRequest, req.body, 'body'), actorOf(req)));
  });
  return router;
}
