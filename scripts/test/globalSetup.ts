import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { remoteTargetFromEnv } from '../../engine/graph/connection.ts';
import { startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { freePort } from '../bench/freePort.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jStartMs: number;
  }
}

/**
 * Starts a throwaway embedded Neo4j (free port, temporary data folder) for the whole run, unless
 * NEO4J_URI names a server to test against. Tests reach it through `inject('neo4jUri')`.
 */
export default async function setup(project: TestProject) {
  const remote = remoteTargetFromEnv();
  if (remote) {
    project.provide('neo4jUri', remote.uri);
    project.provide('neo4jStartMs', 0);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-test-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 512, heapMb: 2048 });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jStartMs', neo4j.startMs);
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
