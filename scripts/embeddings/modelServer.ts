import { spawn, type ChildProcess } from 'node:child_process';
import { UnavailableError } from '../../engine/index.ts';
import { freePort } from '../bench/freePort.ts';

export interface EmbeddingServer {
  /** Base URL for EMBEDDINGS_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  startMs: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a local OpenAI-compatible embeddings server as a child on a free loopback port and resolves
 * once it has embedded a probe text. Its stdin is kept open as a lifeline (the servers exit on EOF),
 * so it ends with this process even on SIGKILL, like the Neo4j launcher.
 */
export async function startModelServer(options: {
  name: string;
  command: string;
  /** The arguments, given the port chosen. */
  args: (port: number) => string[];
  env?: NodeJS.ProcessEnv;
  port?: number;
  timeoutMs?: number;
}): Promise<EmbeddingServer> {
  const port = options.port ?? (await freePort());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = Date.now();
  const child = spawn(options.command, options.args(port), { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
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
      throw new UnavailableError(`${options.name} exited during start-up (${child.exitCode ?? child.signalCode}): ${output.trim().slice(-500)}`);
    }
    if (await answers(url)) return { url, startMs: Date.now() - started, process: child, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new UnavailableError(`${options.name} did not answer on ${url} within ${timeoutMs / 1000} s: ${output.trim().slice(-500)}`);
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
