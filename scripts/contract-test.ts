// `npm run test:contract`: schemathesis (all checks) against the live API's OpenAPI document, over a
// real Neo4j with the seed. Needs the `st` command: SCHEMATHESIS=/path/to/st or on PATH (.ci/run
// installs it into a virtual environment). Exit code is schemathesis's.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../api/app.ts';
import { apiConfigFromEnv, hashKey } from '../api/config.ts';
import { ensureSeeded } from '../seed/seedGraph.ts';
import { openGraph } from './runtime.ts';

// Request logs (every 4xx is a warning) would bury schemathesis's report: errors only.
process.env.LOG_LEVEL ??= 'error';
const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-contract-'));
const open = await openGraph({ dataDir, boltPort: 17_700 + Math.floor(Math.random() * 200), pageCacheMb: 512 });
let code = 1;
try {
  await ensureSeeded(open.graph);
  const key = randomBytes(16).toString('hex');
  const config = {
    ...apiConfigFromEnv({}),
    keys: [{ owner: 'schemathesis', sha256: hashKey(key), scopes: ['admin' as const] }],
    rateLimitPerMinute: 1_000_000,
  };
  const server = createApp({ graph: open.graph, graphUri: open.uri, embedded: true, version: 'contract', config }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const st = process.env.SCHEMATHESIS ?? 'st';
  const args = [
    'run',
    `${base}/api/v1/openapi.json`,
    '--url',
    `${base}/api/v1`,
    '--max-examples',
    process.env.CONTRACT_MAX_EXAMPLES ?? '15',
    '--generation-deterministic',
    '--request-timeout',
    '30',
    '-H',
    `Authorization: Bearer ${key}`,
    '--no-color',
    ...process.argv.slice(2),
  ];
  code = await new Promise<number>((resolve) => {
    const child = spawn(st, args, { stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`cannot run schemathesis ("${st}"): ${e.message}. Install it: python3 -m venv .venv && .venv/bin/pip install schemathesis`);
      resolve(2);
    });
    child.on('close', (c) => resolve(c ?? 1));
  });
  server.close();
} finally {
  await open.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
