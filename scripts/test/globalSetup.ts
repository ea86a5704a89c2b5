import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { remoteTargetFromEnv } from '../../engine/graph/connection.ts';
import { startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { freePort } from '../bench/freePort.ts';
import { startEmbeddings } from '../embeddings/startEmbeddings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jStartMs: number;
    /** Base URL of the run's embeddings server (as `npm start` runs it), or '' when it could not start. */
    embeddingsUrl: string;
    /** Why there is no server ('' when there is); tests skip on it only when python3 is missing. */
    embeddingsUnavailable: string;
    python3Missing: boolean;
  }
}

/**
 * Starts a throwaway embedded Neo4j (free port, temporary data folder) for the whole run, unless
 * NEO4J_URI names a server to test against, and the embeddings server (or uses EMBEDDINGS_URL).
 * Tests reach them through `inject('neo4jUri')` and `inject('embeddingsUrl')`.
 */
export default async function setup(project: TestProject) {
  // The embeddings server as `npm start` runs it (installed into .data/embeddings-venv on first use),
  // started beside Neo4j rather than after it.
  const embeddings = startEmbeddings({ log: (line) => process.stderr.write(`[embeddings] ${line}\n`) }).then((e) => {
    if (!e.url) process.stderr.write(`[embeddings] ${e.summary}\n`);
    project.provide('embeddingsUrl', e.url ?? '');
    project.provide('embeddingsUnavailable', e.url ? '' : (e.reason ?? e.summary));
    project.provide('python3Missing', Boolean(e.pythonMissing));
    return e;
  });
  const remote = remoteTargetFromEnv();
  if (remote) {
    project.provide('neo4jUri', remote.uri);
    project.provide('neo4jStartMs', 0);
    const { server } = await embeddings;
    return async () => server?.stop();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-test-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 512, heapMb: 2048 });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jStartMs', neo4j.startMs);
  const { server } = await embeddings;
  return async () => {
    await Promise.all([neo4j.stop(), server?.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
