import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDriver, ensureSchema, Graph } from '../../engine/index.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../neo4j/embedded.ts';
import { freePort } from './freePort.ts';

export interface Neo4jSizing {
  heapMb: number;
  pageCacheMb: number;
}

/**
 * Heap and page cache for a graph of `enterprises` (24 GB machine, 2 cores). The store of 100k
 * enterprises (~650k elements) is ~0.5 GB on disk, so the page cache holds all of it at every scale;
 * the heap covers 10k-row transactions and the full-text index writers.
 */
export function sizingFor(enterprises: number): Neo4jSizing {
  if (enterprises <= 20_000) return { heapMb: 2048, pageCacheMb: 1024 };
  if (enterprises <= 200_000) return { heapMb: 4096, pageCacheMb: 2048 };
  return { heapMb: 8192, pageCacheMb: 6144 };
}

/** A throwaway embedded Neo4j: own temporary home, free Bolt port, schema ensured. */
export interface ScratchNeo4j {
  home: string;
  port: number;
  uri: string;
  sizing: Neo4jSizing;
  neo4j: EmbeddedNeo4j;
  graph: Graph;
  /** Stops the JVM (the store can be reopened with `restart`). */
  stop(): Promise<void>;
  /** Starts Neo4j again on the same home and port (after `stop`). */
  restart(): Promise<void>;
  /** Stops everything and deletes the home. */
  dispose(): Promise<void>;
}

export async function startScratchNeo4j(name: string, sizing: Neo4jSizing, options: { home?: string; quiet?: boolean } = {}): Promise<ScratchNeo4j> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), `chainmatch-${name}-`));
  const port = await freePort();
  const log = options.quiet ? () => undefined : (line: string) => process.stderr.write(line + '\n');
  const start = () => startEmbeddedNeo4j({ dataDir: home, boltPort: port, heapMb: sizing.heapMb, pageCacheMb: sizing.pageCacheMb, log });
  let neo4j = await start();
  const graph = new Graph(createDriver({ uri: neo4j.uri }));
  await ensureSchema(graph);
  let disposed = false;
  const scratch: ScratchNeo4j = {
    home,
    port,
    uri: neo4j.uri,
    sizing,
    neo4j,
    graph,
    async stop() {
      await neo4j.stop();
    },
    async restart() {
      neo4j = await start();
      scratch.neo4j = neo4j;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await graph.close().catch(() => undefined);
      await neo4j.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  return scratch;
}
