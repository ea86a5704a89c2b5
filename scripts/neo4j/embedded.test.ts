import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SetupError } from '../../engine/index.ts';
import { startEmbeddedNeo4j } from './embedded.ts';

describe('embedded Neo4j launcher', () => {
  it('refuses a second process on the same data folder with a clear message, and the first keeps working', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-lock-'));
    const first = await startEmbeddedNeo4j({ dataDir, boltPort: 17_891, pageCacheMb: 64, heapMb: 512 });
    try {
      const second = await startEmbeddedNeo4j({ dataDir, boltPort: 17_892, pageCacheMb: 64, heapMb: 512 }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(SetupError);
      expect((second as Error).message).toMatch(/in use by another Neo4j process/);
      expect(first.process.exitCode).toBeNull();
    } finally {
      await first.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two JVM starts (the second one fails on the lock): seconds alone, over a minute on a loaded 2-core CI.
  }, 300_000);

  it('says exactly what is missing when Java is not installed, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      encoding: 'utf8',
      env: { PATH: '/nonexistent', HOME: process.env.HOME, NEO4J_DATA_DIR: join(tmpdir(), 'chainmatch-nojava') },
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Java was not found');
    expect(run.stderr).toContain('NEO4J_URI');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
