import express, { type Express } from 'express';
import { ChainMatchEngine, healthReport, type Graph } from '../engine/index.ts';
import { problemHandler, sendProblem } from './problem.ts';
import { chainRoutes } from './routes/chains.ts';
import { matchRoutes } from './routes/match.ts';

export interface AppContext {
  graph: Graph;
  /** Where the graph lives (no credentials), and whether this process started it. */
  graphUri: string;
  embedded: boolean;
  version: string;
  engine?: ChainMatchEngine;
}

/** The HTTP application: parse, call the engine, shape the response. No Cypher lives here. */
export function createApp(ctx: AppContext): Express {
  const engine = ctx.engine ?? new ChainMatchEngine(ctx.graph);
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.get('/health', async (_req, res) => {
    const report = await healthReport(ctx.graph);
    res.status(report.status === 'ok' ? 200 : 503).json({
      ...report,
      service: 'chainmatch',
      version: ctx.version,
      neo4j: { ...report.neo4j, uri: ctx.graphUri, embedded: ctx.embedded },
    });
  });

  const v1 = express.Router();
  v1.use(chainRoutes(engine));
  v1.use(matchRoutes(engine));
  v1.use((req, res) => sendProblem(res, { type: 'about:blank', title: '未找到 Not found', status: 404, detail: `no route ${req.method} ${req.path}`, instance: req.originalUrl }));
  app.use('/api/v1', v1);
  app.use(problemHandler);
  return app;
}
