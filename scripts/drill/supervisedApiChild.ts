// The API as `npm start` runs it — in one process with the embedded Neo4j under its supervisor — for
// drill (f). Started by neo4jKilled.ts with DRILL_NEO4J_DIR and DRILL_NEO4J_PORT; reports its port and
// the JVM's pid over IPC, and stops both when its parent goes away.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app.ts';
import { apiConfigFromEnv } from '../../api/config.ts';
import { createDriver, ensureSchema, Graph } from '../../engine/index.ts';
import { superviseEmbeddedNeo4j } from '../neo4j/supervisor.ts';

if (!process.send || !process.env.DRILL_NEO4J_DIR) throw new Error('supervisedApiChild runs under neo4jKilled.ts');
const neo4j = await superviseEmbeddedNeo4j(
  {
    dataDir: process.env.DRILL_NEO4J_DIR,
    boltPort: Number(process.env.DRILL_NEO4J_PORT),
    heapMb: 512,
    pageCacheMb: 128,
    log: (l) => process.stderr.write(`${l}\n`),
  },
  // The policy npm start uses (restartPolicy.ts): the drill measures what a deployment would see.
);
const graph = new Graph(createDriver({ uri: neo4j.uri }));
await ensureSchema(graph);
const server = createApp({
  graph,
  graphUri: neo4j.uri,
  embedded: true,
  supervision: () => neo4j.status(),
  version: 'drill',
  config: apiConfigFromEnv(),
}).listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port, jvmPid: neo4j.current().process.pid });
});

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  server.close(() => void graph.close().finally(() => neo4j.stop().finally(() => process.exit(0))));
  setTimeout(() => process.exit(0), 20_000).unref();
};
process.on('SIGTERM', close);
process.on('disconnect', close);
