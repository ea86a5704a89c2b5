import { performance } from 'node:perf_hooks';
import { percentiles } from './percentiles.ts';

export interface LatencyRow {
  endpoint: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Calls `call(i)` `warmup` times unmeasured (plans, caches, JIT), then `runs` times one after another,
 * timing each from send to the last byte of the body. A non-2xx answer fails the measurement.
 */
export async function measureLatency(
  endpoint: string,
  call: (i: number) => Promise<Response | unknown>,
  options: { runs: number; warmup?: number },
): Promise<LatencyRow> {
  const finish = async (result: Response | unknown, i: number) => {
    if (result instanceof Response) {
      const body = await result.arrayBuffer();
      if (!result.ok) throw new Error(`${endpoint} (call ${i}): HTTP ${result.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    }
  };
  for (let i = 0; i < (options.warmup ?? 5); i++) await finish(await call(i), i);
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    await finish(await call(i), i);
    samples.push(performance.now() - started);
  }
  const mean = Math.round((samples.reduce((a, b) => a + b, 0) / samples.length) * 10) / 10;
  return { endpoint, ...percentiles(samples), mean };
}
