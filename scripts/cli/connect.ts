import { Graph, createDriver, ensureSchema } from '../../engine/index.ts';
import { defaultEmbeddedOptions } from '../neo4j/embedded.ts';
import { openGraph, type OpenGraph } from '../runtime.ts';
import { runningDatabase } from './pidFile.ts';

/**
 * The graph a CLI command works on: the server NEO4J_URI names; else the embedded database a
 * `chainmatch db start` keeps running (found by its pid file, on NEO4J_BOLT_PORT); else an embedded
 * database started for this one command and stopped after it.
 */
export async function connectGraph(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<OpenGraph> {
  if (!env.NEO4J_URI && runningDatabase(env) !== undefined) {
    const uri = `bolt://127.0.0.1:${defaultEmbeddedOptions(env).boltPort}`;
    const graph = new Graph(createDriver({ uri }));
    await graph.driver.verifyConnectivity();
    await ensureSchema(graph);
    return { graph, uri, close: () => graph.close() };
  }
  if (!env.NEO4J_URI) log('[neo4j] starting the embedded database for this command (`chainmatch db start` keeps one running)');
  return openGraph({ log });
}
