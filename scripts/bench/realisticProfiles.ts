import { ChainMatchEngine, type GraphBatch } from '../../engine/index.ts';
import { startServingApi } from './apiProcess.ts';
import { type RealisticLoadRow, runRealisticLoad } from './realisticLoad.ts';
import { realisticRequests } from './realisticTraffic.ts';
import type { ScratchNeo4j } from './scratchNeo4j.ts';
import { fitModes, universeFromBatch } from './trafficUniverse.ts';

/** More than a 20 s run at seed scale sends, so the stream rarely starts over (the row says if it did). */
const streamLength = 20_000;

/**
 * The `realistic` profiles: one API process with the result cache on (the product default), one with
 * CHAINMATCH_RESULT_CACHE=off. Each is first warmed for 5 s by a stream of the same distributions drawn
 * with another seed — a server that has been serving such traffic, not an empty cache, and not the
 * measured requests themselves — then measured on the seeded stream.
 */
export async function realisticProfiles(
  db: ScratchNeo4j,
  batch: GraphBatch,
  options: { seed: number; connections: number; durationS: number },
): Promise<RealisticLoadRow[]> {
  const universe = await fitModes(universeFromBatch(batch), new ChainMatchEngine(db.graph, { resultCache: false }));
  const stream = realisticRequests(universe, { seed: options.seed, count: streamLength });
  const warm = realisticRequests(universe, { seed: options.seed + 1, count: streamLength });
  const rows: RealisticLoadRow[] = [];
  for (const [name, cache] of [
    ['realistic', 'on'],
    ['realistic-uncached', 'off'],
  ] as const) {
    const api = await startServingApi(db.uri, { CHAINMATCH_RESULT_CACHE: cache });
    try {
      await runRealisticLoad(api, `${name} warm-up`, warm, { connections: options.connections, durationS: 5 });
      const row = await runRealisticLoad(api, name, stream, options);
      rows.push(row);
      const rate = row.cache.hitRate === null ? 'n/a' : `${(row.cache.hitRate * 100).toFixed(1)} %`;
      process.stderr.write(
        `  load ${name}: ${row.reqPerSec} req/s, p50 ${row.p50} / p95 ${row.p95} / p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors}, ` +
          `cache hits ${row.cache.hits} of ${row.cache.hits + row.cache.misses} lookups (${rate})${row.wrapped ? ', stream wrapped' : ''}\n`,
      );
    } finally {
      await api.stop();
    }
  }
  return rows;
}
