// `npm start`: the embedded Neo4j (or NEO4J_URI), schema, seed when the database lacks it, the API on :PORT.
import { readFileSync } from 'node:fs';
import { createApp, servingEngines } from '../api/app.ts';
import { apiConfigFromEnv, ensureLocalAdminKey } from '../api/config.ts';
import { ChainMatchError, SetupError, startHealthRecorder } from '../engine/index.ts';
import { ensureSeeded } from '../seed/seedGraph.ts';
import { startEmbeddings } from './embeddings/startEmbeddings.ts';
import { progressBar } from './progress.ts';
import { closeOnSignals, openGraph } from './runtime.ts';
import { ensureViewerBuilt } from './viewerBuild.ts';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

async function main() {
  const started = Date.now();
  await ensureViewerBuilt();
  // The embeddings server starts beside Neo4j; it never fails the start (no python3, pip error, no
  // answer in time, CHAINMATCH_EMBEDDINGS=off: one log line, and text matching stays lexical).
  const embeddingsStarting = startEmbeddings();
  const open = await openGraph({}, { supervise: true });
  const embeddings = await embeddingsStarting;
  console.log(`[embeddings] ${embeddings.summary}`);
  if (embeddings.url) process.env.EMBEDDINGS_URL = embeddings.url;
  closeOnSignals({ close: async () => void (await Promise.all([open.close(), embeddings.server?.stop()])) });
  console.log(`[neo4j] ${open.embedded ? `embedded, started in ${(open.embedded.startMs / 1000).toFixed(1)} s` : 'remote'} at ${open.uri}`);

  const bar = progressBar('[seed]');
  const report = await ensureSeeded(open.graph, { onProgress: bar.update });
  bar.stop();
  if (report)
    console.log(
      `[seed] loaded ${report.nodes} nodes + ${report.relationships} relationships in ${(report.ms / 1000).toFixed(1)} s (${report.elementsPerSecond} elements/s)`,
    );
  else console.log('[seed] already loaded');

  const port = Number(process.env.PORT ?? 3000);
  // The dense provider's first connection (below) stores the passage vectors in the background; it logs when they are ready.
  const { engine, knowledge } = servingEngines(open.graph, { log: (line) => console.log(`[text] ${line}`) });
  // Train the attachment classifier of all chains now (in a worker thread: the API answers meanwhile).
  const classifierStart = Date.now();
  knowledge.warmClassifier().then(
    (firms) => console.log(`[classify] trained on ${firms} attached firms in ${((Date.now() - classifierStart) / 1000).toFixed(1)} s`),
    (e: unknown) => console.error('[classify]', e),
  );
  // Read the research catalog and pairing's pool of firms now, too (in the background: the API answers meanwhile).
  const researchStart = Date.now();
  knowledge.warmResearch().then(
    (firms) => console.log(`[pairing] research catalog and ${firms} retrievable firms read in ${((Date.now() - researchStart) / 1000).toFixed(1)} s`),
    (e: unknown) => console.error('[pairing]', e),
  );
  // Build the text scorer (corpus or model) now rather than on the first pairing request.
  knowledge.text.get().then(
    (t) => console.log(`[text] provider: ${t.provider}`),
    (e: unknown) => console.error('[text]', e),
  );
  knowledge.text.dense().then(
    (d) =>
      console.log(
        d
          ? `[text] dense provider: ${d.model} (${d.backend}, ${d.dimensions} dimensions)`
          : `[text] no dense provider: ${knowledge.text.status().dense.status}`,
      ),
    (e: unknown) => console.error('[text]', e),
  );
  const config = apiConfigFromEnv();
  if (config.keys.length === 0) {
    // No keys configured: a local admin key, so writes and match tracking work out of the box.
    const { key, entry } = ensureLocalAdminKey('.data/api-keys.json');
    config.keys.push(entry);
    if (key) console.log(`[auth] created a local admin API key (only its hash is stored in .data/api-keys.json): ${key}`);
    else console.log('[auth] using the local admin key whose hash is in .data/api-keys.json');
  }
  // The district overview's history: one health record per chain and day (and after each import, by the API).
  startHealthRecorder(engine, { onError: (e: unknown) => console.error('[history]', e instanceof Error ? e.message : e) });
  const app = createApp({
    graph: open.graph,
    graphUri: open.uri,
    embedded: Boolean(open.embedded),
    supervision: open.supervision,
    version,
    engine,
    knowledge,
    config,
  });
  const host = process.env.HOST ?? '127.0.0.1';
  app.listen(port, host, () => {
    console.log(
      `[api] ChainMatch ${version} on http://localhost:${port} (viewer: /, health: /health) — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

main().catch((error: unknown) => {
  // Expected failures (no Java, no Maven, data folder in use) get one clear sentence, not a stack.
  if (error instanceof ChainMatchError) console.error(`\nChainMatch cannot start: ${error.message}\n`);
  else console.error(error);
  process.exit(error instanceof SetupError ? 2 : 1);
});
