import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDriver, SetupError, UnavailableError } from '../../engine/index.ts';
import { ensureJars, launcherClassPath } from './jars.ts';
import { checkJava, javaCommand } from './prerequisites.ts';

export interface EmbeddedOptions {
  /** Folder for Neo4j's data and logs (ignored by git). */
  dataDir: string;
  boltPort: number;
  pageCacheMb?: number;
  heapMb?: number;
  /** How long to wait for the readiness line and a verified Bolt connection. */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  dataDir: string;
  /** Milliseconds from spawn to a verified Bolt connection. */
  startMs: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The JVM flags Neo4j 5's own start script passes (reflection into NIO for Netty and the page cache). */
const jvmOpens = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export function defaultEmbeddedOptions(env: NodeJS.ProcessEnv = process.env): EmbeddedOptions {
  return {
    dataDir: resolve(env.NEO4J_DATA_DIR ?? '.data/neo4j'),
    boltPort: Number(env.NEO4J_BOLT_PORT ?? 7687),
    pageCacheMb: Number(env.NEO4J_PAGECACHE_MB ?? 1024),
    heapMb: Number(env.NEO4J_HEAP_MB ?? 2048),
  };
}

function logTail(dataDir: string, lines = 25): string {
  for (const file of ['logs/debug.log', 'logs/neo4j.log']) {
    const path = join(dataDir, file);
    if (existsSync(path)) return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }
  return '(no Neo4j log was written)';
}

/**
 * Starts Neo4j Community embedded in a child JVM with Bolt on 127.0.0.1, and resolves once the
 * driver's verifyConnectivity() succeeds. A second start on the same data folder fails with a
 * clear message (Neo4j holds a store lock), never with a corrupted store.
 */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  checkJava();
  await ensureJars(log);
  mkdirSync(options.dataDir, { recursive: true });
  const heap = options.heapMb ?? 2048;
  const started = Date.now();
  const child = spawn(
    javaCommand(),
    [
      `-Xms${Math.min(heap, 512)}m`,
      `-Xmx${heap}m`,
      '-XX:+UseG1GC',
      ...jvmOpens,
      '-cp',
      launcherClassPath(),
      'chainmatch.EmbeddedNeo4j',
      options.dataDir,
      String(options.boltPort),
      String(options.pageCacheMb ?? 1024),
      '--exit-with-parent',
    ],
    // stdin stays open as a lifeline: when this process dies, the JVM sees EOF and shuts down.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  const timeoutMs = options.startTimeoutMs ?? 120_000;

  const stderrTail: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderrTail.push(chunk.toString());
    if (stderrTail.length > 20) stderrTail.shift();
  });

  await new Promise<void>((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new UnavailableError(`Neo4j did not become ready within ${timeoutMs / 1000} s. Tail of its log:\n${logTail(options.dataDir)}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const error = /CHAINMATCH_NEO4J_ERROR (.*)/.exec(out);
      if (error) {
        clearTimeout(timer);
        reject(new SetupError(`Neo4j could not start: ${error[1]}`));
      } else if (out.includes('CHAINMATCH_NEO4J_READY')) {
        clearTimeout(timer);
        resolvePromise();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new SetupError(`Neo4j exited during start-up (code ${code}). ${stderrTail.join('').slice(-2000)}\nTail of its log:\n${logTail(options.dataDir)}`));
    });
  });

  const driver = createDriver({ uri });
  try {
    await driver.verifyConnectivity();
  } finally {
    await driver.close();
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      // SIGTERM runs the launcher's shutdown hook, which checkpoints and releases the store lock.
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolveStop();
      });
      child.kill('SIGTERM');
    }));
  child.removeAllListeners('exit');
  return { uri, dataDir: options.dataDir, startMs: Date.now() - started, process: child, stop };
}
