import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import {
  ChainMatchEngine,
  dataVersionCheck,
  DataVersionWatch,
  healthReport,
  KnowledgeEngine,
  ResourcesEngine,
  ReviewQueue,
  type Graph,
} from '../engine/index.ts';
import { authorise, keyChecker } from './auth.ts';
import { apiConfigFromEnv, type ApiConfig } from './config.ts';
import { docsRoutes } from './docsPage.ts';
import { requestLogging } from './logging.ts';
import { optionsRoute, unmatchedRoute } from './methodNotAllowed.ts';
import { mountRoutes } from './mountRoutes.ts';
import { openApiDocument } from './openapi/document.ts';
import { problemHandler, sendProblem } from './problem.ts';
import { perCallerRateLimit } from './rateLimit.ts';
import { requestTimeout } from './requestTimeout.ts';
import { allRoutes } from './routes/allRoutes.ts';
import { viewerRoutes } from './viewer.ts';

export interface AppContext {
  graph: Graph;
  /** Where the graph lives (no credentials), and whether this process started it. */
  graphUri: string;
  embedded: boolean;
  /** The embedded database's supervisor (npm start): up, or restarting after it died — /health says which. */
  supervision?: () => {
    state: 'up' | 'restarting' | 'stopped';
    restarts: number;
    lastExit: { code: number | null; signal: string | null; at: string } | null;
    lastError: string | null;
  };
  version: string;
  config?: ApiConfig;
  engine?: ChainMatchEngine;
  knowledge?: KnowledgeEngine;
  resources?: ResourcesEngine;
  reviews?: ReviewQueue;
  /**
   * Parse every JSON answer with its route's response schema; a mismatch is a 500 naming the fields.
   * Default: on under NODE_ENV=test (vitest), off in production (the parse costs time on every answer).
   */
  checkResponses?: boolean;
}

/**
 * The HTTP application: parse, authorise, call the engine, shape the response. No Cypher lives here.
 * Order matters: security headers and logs first, then limits and keys, then routes, then errors.
 */
/**
 * The engines of a process that serves the API: it watches the data version, so its snapshots, catalog and
 * classifier scopes live until a write (dataVersionCheck.cacheTtlMs), not 30 s. createApp's defaults,
 * `npm start` and the benchmark's API process all build them here.
 */
export function servingEngines(graph: Graph, options: { log?: (line: string) => void } = {}) {
  return {
    engine: new ChainMatchEngine(graph, { snapshotTtlMs: dataVersionCheck.cacheTtlMs }),
    knowledge: new KnowledgeEngine(graph, { ttlMs: dataVersionCheck.cacheTtlMs, log: options.log }),
  };
}

export function createApp(ctx: AppContext): Express {
  const config = ctx.config ?? apiConfigFromEnv();
  const served = ctx.engine && ctx.knowledge ? undefined : servingEngines(ctx.graph);
  const engine = ctx.engine ?? served!.engine;
  const knowledge = ctx.knowledge ?? served!.knowledge;
  const resources = ctx.resources ?? new ResourcesEngine(ctx.graph);
  // A person's attachment changes the classifier's training data and the chains' membership.
  const reviews = ctx.reviews ?? new ReviewQueue(ctx.graph, [knowledge, engine]);
  // Writes through another API process over this database: drop what this one keeps (docs/scaling.md).
  const dataVersion = new DataVersionWatch(
    (work) => ctx.graph.read(work),
    () => {
      engine.invalidate();
      knowledge.invalidate();
    },
  );
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'connect-src': ["'self'"] } },
      crossOriginEmbedderPolicy: false,
    }),
  );
  if (config.corsOrigins.length > 0)
    app.use(cors({ origin: config.corsOrigins, exposedHeaders: ['Retry-After', 'X-Request-Id', 'Content-Disposition', 'ETag'] }));
  app.use(requestLogging());
  app.use(requestTimeout(config.requestTimeoutMs));

  app.get('/health', async (_req, res) => {
    const report = await healthReport(ctx.graph, knowledge);
    res
      .status(report.status === 'ok' ? 200 : 503)
      .set(report.status === 'ok' ? {} : { 'Retry-After': '5' })
      .json({
        ...report,
        service: 'chainmatch',
        version: ctx.version,
        neo4j: { ...report.neo4j, uri: ctx.graphUri, embedded: ctx.embedded, ...(ctx.supervision ? { supervision: ctx.supervision() } : {}) },
      });
  });
  // Readiness: the process can serve (Neo4j reachable); liveness is that it answers at all.
  app.get('/ready', async (_req, res) => {
    const report = await healthReport(ctx.graph);
    if (report.status === 'ok') res.json({ ready: true });
    else sendProblem(res, { type: 'about:blank', title: '未就绪 Not ready', status: 503, detail: report.neo4j.error }, { 'Retry-After': '5' });
  });

  const routes = allRoutes({ engine, knowledge, resources, reviews });
  const document = openApiDocument(routes, ctx.version);
  app.get('/api/v1/openapi.json', (_req, res) => res.json(document));
  app.use(docsRoutes());

  const v1 = express.Router();
  v1.use(optionsRoute(routes));
  v1.use(perCallerRateLimit(config.rateLimitPerMinute, keyChecker(config)));
  v1.use(authorise(config, routes));
  v1.use(express.json({ limit: config.jsonBodyLimit }));
  // Before any answer from the caches; a failed check (database gone) lets the route answer as it would.
  v1.use(
    (_req, _res, next) =>
      void dataVersion.fresh().then(
        () => next(),
        () => next(),
      ),
  );
  v1.use(mountRoutes(routes, { checkResponses: ctx.checkResponses ?? process.env.NODE_ENV === 'test' }));
  v1.use(unmatchedRoute(routes));
  app.use('/api/v1', v1);
  app.use(viewerRoutes());
  app.use(problemHandler);
  return app;
}
