import express, { type Express } from 'express';
import { healthReport, type Graph } from '../engine/index.ts';

export interface AppContext {
  graph: Graph;
  /** Where the graph lives (no credentials), and whether this process started it. */
  graphUri: string;
  embedded: boolean;
  version: string;
}

/** The HTTP application: parse, call the engine, shape the response. No Cypher lives here. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', async (_req, res) => {
    const report = await healthReport(ctx.graph);
    res.status(report.status === 'ok' ? 200 : 503).json({
      ...report,
      service: 'chainmatch',
      version: ctx.version,
      neo4j: { ...report.neo4j, uri: ctx.graphUri, embedded: ctx.embedded },
    });
  });

  return app;
}
