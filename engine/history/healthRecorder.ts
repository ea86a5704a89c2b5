import { recordChainHealth, type ChainHealthReader } from './chainHealthStore.ts';
import { healthDay } from './healthDay.ts';
import { historyConfig } from './historyConfig.ts';

/**
 * Keeps one health record per chain and day while the process runs: records at start, then wakes every
 * `historyConfig.recorderTickMs` and records again only when the district's day has changed. Part of
 * the engine's lifecycle (started beside the engine, stopped on shutdown), never done per request.
 * With several API copies each records the same day; MERGE on (chainId, day) keeps one node.
 * A failed write (database down) is reported and retried at the next tick.
 */
export function startHealthRecorder(
  engine: ChainHealthReader,
  options: { tickMs?: number; now?: () => Date; onError?: (error: unknown) => void } = {},
): { stop: () => void; recorded: () => string | null } {
  const now = options.now ?? (() => new Date());
  let lastDay: string | null = null;
  let running = false;
  const tick = async () => {
    const day = healthDay(now());
    if (day === lastDay || running) return;
    running = true;
    try {
      await recordChainHealth(engine, now());
      lastDay = day;
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.tickMs ?? historyConfig.recorderTickMs);
  timer.unref(); // the recorder never keeps a process alive on its own
  void tick();
  return { stop: () => clearInterval(timer), recorded: () => lastDay };
}
