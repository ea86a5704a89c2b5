import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded.ts';
import { neo4jRestartPolicy } from './restartPolicy.ts';

/** What /health reports of the embedded database's supervision. */
export interface SupervisionStatus {
  state: 'up' | 'restarting' | 'stopped';
  /** Restarts since this process started it. */
  restarts: number;
  /** The last unexpected exit: exit code or signal, and when. */
  lastExit: { code: number | null; signal: string | null; at: string } | null;
  /** The error of the last failed restart attempt, while restarting. */
  lastError: string | null;
}

export interface SupervisedNeo4j {
  uri: string;
  dataDir: string;
  status(): SupervisionStatus;
  /** The JVM running now (changes after each restart). */
  current(): EmbeddedNeo4j;
  stop(): Promise<void>;
}

/**
 * Starts the embedded Neo4j and keeps it running: when the JVM exits without being asked to (a
 * crash, an OOM kill, `kill -9`), it is started again on the same data folder and port, after a
 * backoff (restartPolicy.ts), with one log line per event. The driver reconnects by itself
 * to the same URI; the Graph's breaker closes once Neo4j answers again.
 */
export async function superviseEmbeddedNeo4j(options: EmbeddedOptions, policy = neo4jRestartPolicy): Promise<SupervisedNeo4j> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  let running = await startEmbeddedNeo4j(options);
  const status: SupervisionStatus = { state: 'up', restarts: 0, lastExit: null, lastError: null };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const attempt = async (delayMs: number) => {
    if (stopped) return;
    try {
      running = await startEmbeddedNeo4j(options);
      if (stopped) return void (await running.stop());
      status.state = 'up';
      status.restarts++;
      status.lastError = null;
      log(`neo4j: restarted (restart ${status.restarts}, ${running.startMs} ms)`);
      watch(running);
    } catch (error) {
      status.lastError = (error as Error).message.split('\n')[0];
      const next = Math.min(delayMs * policy.factor, policy.maxDelayMs);
      log(`neo4j: restart failed (${status.lastError}); next attempt in ${next / 1000} s`);
      timer = setTimeout(() => void attempt(next), next);
    }
  };
  const watch = (instance: EmbeddedNeo4j) => {
    instance.process.once('exit', (code, signal) => {
      if (stopped || instance !== running) return;
      status.state = 'restarting';
      status.lastExit = { code, signal, at: new Date().toISOString() };
      log(`neo4j: exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${policy.firstDelayMs / 1000} s`);
      timer = setTimeout(() => void attempt(policy.firstDelayMs), policy.firstDelayMs);
    });
  };
  watch(running);

  return {
    uri: running.uri,
    dataDir: options.dataDir,
    status: () => ({ ...status }),
    current: () => running,
    async stop() {
      stopped = true;
      status.state = 'stopped';
      clearTimeout(timer);
      await running.stop();
    },
  };
}
