import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const childScript = fileURLToPath(new URL('./apiChild.ts', import.meta.url));

export interface ApiProcess {
  pid: number;
  base: string;
  /** Resident set size of the server process, from /proc/<pid>/status (VmRSS), in MB. */
  rssMb(): number;
  /** Undefined while running; the exit code or signal once it ended. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** What the child reported once listening (its port, and whatever else the script sends). */
  started: Record<string, unknown>;
  /** Hits and misses of the server's result caches (partners; pairing and talent), asked over IPC. */
  cacheStats(): Promise<CacheStats>;
  /** The last lines the server logged (for diagnosing a failure). */
  logTail(): string;
  stop(): Promise<void>;
}

export interface CacheStats {
  partners: { hits: number; misses: number };
  knowledge: { hits: number; misses: number };
}

export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/**
 * Starts the API (api/app.ts) in a child Node process over the Neo4j at `neo4jUri`. Rate limiting is
 * lifted (a load test is one caller) and request logs are kept to warnings unless `env` says otherwise.
 */
export async function startApiProcess(
  neo4jUri: string,
  env: Record<string, string> = {},
  /** Another child script (it reports `{ port, … }` over IPC once listening), and how long its start may take. */
  options: { script?: string; startTimeoutMs?: number } = {},
): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', options.script ?? childScript], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NEO4J_URI: neo4jUri, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', ...env },
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 50) tail.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exit = { code, signal }), resolve())));
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const started = await new Promise<{ port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API process did not start within ${timeoutMs / 1000} s:\n${tail.join('')}`)), timeoutMs);
    child.once('message', (m: { port: number }) => (clearTimeout(timer), resolve(m)));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the API process exited (code ${code}) during start:\n${tail.join('')}`))));
  });
  return {
    pid: child.pid!,
    base: `http://127.0.0.1:${started.port}`,
    started,
    rssMb: () => rssMbOf(child.pid!),
    exited: () => exit,
    logTail: () => tail.join('').slice(-4000),
    cacheStats: () =>
      new Promise<CacheStats>((resolve, reject) => {
        // Generous: right after a load run the server may still be working off its backlog on a loaded machine.
        const timer = setTimeout(() => (child.off('message', answer), reject(new Error('no cache counters from the API process within 60 s'))), 60_000);
        const answer = (m: { type?: string } & CacheStats) => {
          if (m?.type !== 'cacheStats') return;
          clearTimeout(timer);
          child.off('message', answer);
          resolve({ partners: m.partners, knowledge: m.knowledge });
        };
        child.on('message', answer);
        child.send({ type: 'cacheStats' });
      }),
    async stop() {
      if (exit) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(killer);
    },
  };
}

/**
 * The API as a deployment serves it once started: the all-chains attachment classifier trained first
 * (as `npm start` warms it), so the load profiles measure serving, not a first training. Logs how long
 * the training took and on how many attached firms.
 */
export async function startServingApi(neo4jUri: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const api = await startApiProcess(neo4jUri, { ...env, CHAINMATCH_WARM_CLASSIFIER: '1' }, { startTimeoutMs: 15 * 60_000 });
  const { classifierWarmMs, classifierFirms } = api.started as { classifierWarmMs?: number; classifierFirms?: number };
  process.stderr.write(
    `  API started: classifier of all chains trained on ${classifierFirms} attached firms in ${((classifierWarmMs ?? 0) / 1000).toFixed(1)} s\n`,
  );
  return api;
}
