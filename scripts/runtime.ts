import { createDriver, ensureSchema, Graph, remoteTargetFromEnv } from '../engine/index.ts';
import { defaultEmbeddedOptions, startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './neo4j/embedded.ts';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j, type SupervisionStatus } from './neo4j/supervisor.ts';

export interface OpenGraph {
  graph: Graph;
  /** Set when this process started the embedded database (and so must stop it). */
  embedded?: EmbeddedNeo4j;
  /** Where the graph lives, without credentials. */
  uri: string;
  /** With `supervise`: whether the embedded database is up or being restarted after it died (for /health). */
  supervision?: () => SupervisionStatus;
  close(): Promise<void>;
}

/**
 * Opens the graph the run model asks for: the server named by NEO4J_URI when set, otherwise the
 * embedded Neo4j started here — under a supervisor that starts it again if it dies, when `supervise`
 * (the long-running API; a one-shot script just fails). Either way the schema is ensured before returning.
 */
export async function openGraph(overrides: Partial<EmbeddedOptions> = {}, options: { supervise?: boolean } = {}): Promise<OpenGraph> {
  const remote = remoteTargetFromEnv();
  let embedded: EmbeddedNeo4j | undefined;
  let supervised: SupervisedNeo4j | undefined;
  let graph: Graph;
  if (remote) {
    const driver = createDriver(remote);
    await driver.verifyConnectivity();
    graph = new Graph(driver, remote.database);
  } else if (options.supervise) {
    supervised = await superviseEmbeddedNeo4j({ ...defaultEmbeddedOptions(), ...overrides });
    embedded = supervised.current();
    graph = new Graph(createDriver({ uri: supervised.uri }));
  } else {
    embedded = await startEmbeddedNeo4j({ ...defaultEmbeddedOptions(), ...overrides });
    graph = new Graph(createDriver({ uri: embedded.uri }));
  }
  await ensureSchema(graph);
  return {
    graph,
    embedded,
    uri: remote?.uri ?? embedded!.uri,
    supervision: supervised ? () => supervised.status() : undefined,
    async close() {
      await graph.close();
      await (supervised ?? embedded)?.stop();
    },
  };
}

/** Stops `open` on exit signals exactly once, then exits. */
export function closeOnSignals(open: { close(): Promise<void> }): void {
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      open.close().finally(() => process.exit(0));
    });
  }
}
