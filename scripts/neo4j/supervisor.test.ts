import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDriver } from '../../engine/index.ts';
import { freePort } from '../bench/freePort.ts';
import { superviseEmbeddedNeo4j } from './supervisor.ts';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('supervised embedded Neo4j', () => {
  it('comes back by itself after kill -9, with its data, and says so', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-supervise-'));
    const lines: string[] = [];
    const options = { dataDir, boltPort: await freePort(), pageCacheMb: 64, heapMb: 512, log: (l: string) => lines.push(l) };
    const neo4j = await superviseEmbeddedNeo4j(options, { firstDelayMs: 200, factor: 2, maxDelayMs: 2_000 });
    const driver = createDriver({ uri: neo4j.uri });
    try {
      await driver.executeQuery("CREATE (:SupervisorProbe {id: 'kept'})");
      const first = neo4j.current().process;
      first.kill('SIGKILL');
      await until(() => (neo4j.status().state === 'restarting' ? true : undefined), 10_000);
      expect(neo4j.status().lastExit).toMatchObject({ signal: 'SIGKILL' });

      await until(() => (neo4j.status().state === 'up' ? true : undefined), 180_000);
      expect(neo4j.current().process).not.toBe(first);
      expect(neo4j.status().restarts).toBe(1);
      const kept = await until(
        async () => Number((await driver.executeQuery("MATCH (n:SupervisorProbe {id: 'kept'}) RETURN count(n) AS n")).records[0].get('n')),
        30_000,
      );
      expect(kept).toBe(1);
      expect(lines.some((l) => l.startsWith('neo4j: exited unexpectedly (SIGKILL)'))).toBe(true);
      expect(lines.some((l) => l.startsWith('neo4j: restarted (restart 1'))).toBe(true);
    } finally {
      await driver.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(neo4j.status().state).toBe('stopped');
  });
});
