// The API in a process of its own, for load tests and drills: the load generator and the server must not
// share a thread. Started by apiProcess.ts with NEO4J_URI set; reports its port over IPC and exits when
// its parent goes away (the IPC channel closes), so no orphan keeps serving.
import type { AddressInfo } from 'node:net';
import { createApp, servingEngines } from '../../api/app.ts';
import { apiConfigFromEnv } from '../../api/config.ts';
import { createDriver, Graph, remoteTargetFromEnv } from '../../engine/index.ts';

// NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE come along with the URI: a remote server may need them.
const target = remoteTargetFromEnv();
if (!target || !process.send) throw new Error('apiChild runs under apiProcess.ts with NEO4J_URI set');
const graph = new Graph(createDriver(target), target.database);
// The engines createApp would make by default, held here so the load test can read their result caches' counters.
const { engine, knowledge } = servingEngines(graph);
const app = createApp({ graph, graphUri: target.uri, embedded: false, version: 'bench', config: apiConfigFromEnv(), engine, knowledge });
// As `npm start` does, the benchmark's server trains the all-chains classifier (and reads the research catalog) before it is measured
// (CHAINMATCH_WARM_CLASSIFIER, set by startServingApi); drills start without it, as before.
const warmStart = Date.now();
const warmed = process.env.CHAINMATCH_WARM_CLASSIFIER === '1' ? (await Promise.all([knowledge.warmClassifier(), knowledge.warmResearch()]))[0] : undefined;
const classifierWarmMs = warmed === undefined ? undefined : Date.now() - warmStart;
const server = app.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port, classifierWarmMs, classifierFirms: warmed });
});

// Over IPC, not HTTP: the counters are a bench diagnostic, so the API grows no route for them.
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'cacheStats') process.send!({ type: 'cacheStats', partners: engine.resultCacheStats(), knowledge: knowledge.resultCacheStats() });
});

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  server.close(() => graph.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', close);
process.on('disconnect', close);
