import type { ChainMatchEngine, KnowledgeEngine, ResourcesEngine, ReviewQueue } from '../../engine/index.ts';
import type { RouteDefinition } from '../route.ts';
import { attachmentRoutes } from './attachments.ts';
import { chainRoutes } from './chains.ts';
import { importRoutes } from './importRoutes.ts';
import { knowledgeRoutes } from './knowledge.ts';
import { matchRoutes } from './match.ts';
import { matchTrackingRoutes } from './matches.ts';
import { meRoutes } from './me.ts';
import { overviewRoutes } from './overview.ts';
import { resourceRoutes } from './resources.ts';

export interface Engines {
  engine: ChainMatchEngine;
  knowledge: KnowledgeEngine;
  resources: ResourcesEngine;
  reviews: ReviewQueue;
}

/** Every route of /api/v1, each declared once (api/route.ts): the app serves these and documents these. */
export function allRoutes({ engine, knowledge, resources, reviews }: Engines): RouteDefinition[] {
  return [
    ...chainRoutes(engine),
    ...overviewRoutes(engine),
    ...matchRoutes(engine),
    ...knowledgeRoutes(knowledge),
    ...resourceRoutes(resources),
    ...matchTrackingRoutes(resources),
    ...importRoutes(engine, knowledge),
    ...attachmentRoutes(reviews),
    ...meRoutes(),
  ];
}
