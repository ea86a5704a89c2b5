// `npm start`: the embedded Neo4j (or NEO4J_URI), schema, seed when the database lacks it, the API on :PORT.
import { readFileSync } from 'node:fs';
import { createApp } from '../api/app.ts';
import { ChainMatchError, SetupError } from '../engine/index.ts';
import { ensureSeeded } from '../seed/seedGraph.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals, openGraph } from './runtime.ts';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

async function main() {
  const started = Date.now();
  const open = await openGraph();
  closeOnSignals(open);
  console.log(`[neo4j] ${open.embedded ? `embedded, started in ${(open.embedded.startMs / 1000).toFixed(1)} s` : 'remote'} at ${open.uri}`);

  const bar = progressBar('[seed]');
  const report = await ensureSeeded(open.graph, { onProgress: bar.update });
  bar.stop();
  if (report) console.log(`[seed] loaded ${report.nodes} nodes + ${report.relationships} relationships in ${(report.ms / 1000).toFixed(1)} s (${report.elementsPerSecond} elements/s)`);
  else console.log('[seed] already loaded');

  const port = Number(process.env.PORT ?? 3000);
  const app = createApp({ graph: open.graph, graphUri: open.uri, embedded: Boolean(open.embedded), version });
  const host = process.env.HOST ?? '127.0.0.1';
  app.listen(port, host, () => {
    console.log(`[api] ChainMatch ${version} on http://localhost:${port} (health: /health) — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

main().catch((error: unknown) => {
  // Expected failures (no Java, no Maven, data folder in use) get one clear sentence, not a stack.
  if (error instanceof ChainMatchError) console.error(`\nChainMatch cannot start: ${error.message}\n`);
  else console.error(error);
  process.exit(error instanceof SetupError ? 2 : 1);
});
