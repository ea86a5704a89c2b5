// Drill (c), soak: the mixed read/match traffic profile of the benchmark against the API in a child
// process for N minutes: no errors, and resident memory at the end within 10 % of what it was after the
// warm-up. RSS is sampled every 5 s and compared as the floor (lowest reading) of the first and last
// quarter of the soak: a reading swings by ±15 % with V8's collections, and a leak is what raises the
// floor the collections come back to. Medians of three readings were not enough: a 1-minute soak read
// 660 → 742 MB (+12 %) while its floor went 655 → 648 MB (samples 667 655 661 765 661 661 658 675 732
// 653 653 648 742 744: two late peaks, no rise underneath). The warm-up must outlast the heap's
// growth to its working size: at the seed scale RSS climbs for ~2.5 min of this traffic, then stays
// level (measured: 190 → 410 MB by 150 s, 315–420 MB for the next 150 s).
import autocannon from 'autocannon';
import type { Graph } from '../../engine/index.ts';
import { startApiProcess } from '../bench/apiProcess.ts';
import { benchInputs } from '../bench/benchInputs.ts';
import { trafficProfiles } from '../bench/trafficProfiles.ts';
import type { Outcome } from './outcome.ts';

const drill = 'soak';
const floor = (xs: number[]) => Math.min(...xs);

export async function soakDrill(out: Outcome, graph: Graph, uri: string, options: { minutes: number; warmupS: number; connections: number }): Promise<void> {
  const api = await startApiProcess(uri);
  try {
    const mixed = trafficProfiles(await benchInputs(graph)).find((p) => p.name === 'mixed')!;
    const warm = await autocannon({ url: api.base, connections: options.connections, duration: options.warmupS, timeout: 10, requests: mixed.requests });
    out.info(drill, `warm-up ${options.warmupS} s: ${warm.requests.total} requests, RSS ${api.rssMb()} MB`);
    const samples: number[] = [api.rssMb()];
    const sampler = setInterval(() => samples.push(api.rssMb()), 5_000);
    const result = await autocannon({ url: api.base, connections: options.connections, duration: options.minutes * 60, timeout: 10, requests: mixed.requests });
    clearInterval(sampler);
    samples.push(api.rssMb());
    const quarter = Math.max(2, Math.floor(samples.length / 4));
    const [start, end] = [floor(samples.slice(0, quarter)), floor(samples.slice(-quarter))];
    const growth = (end - start) / start;
    out.info(
      drill,
      `${options.minutes} min of mixed traffic, ${options.connections} connections: ${result.requests.total} requests, ` +
        `${Math.round(result.requests.total / result.duration)} req/s, p99 ${result.latency.p99} ms; RSS samples (MB, every 5 s): ${samples.join(' ')}`,
    );
    const bad = result.errors + result.timeouts + result.non2xx;
    out.check(
      drill,
      'no errors under sustained mixed traffic',
      bad === 0 && result.requests.total > 0,
      `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; status codes ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])))}`,
    );
    out.check(
      drill,
      'RSS growth after warm-up < 10 %',
      growth < 0.1,
      `${(growth * 100).toFixed(1)} % (lowest reading of the first quarter ${start} MB → of the last quarter ${end} MB)`,
    );
    out.check(drill, 'the API process is still up', api.exited() === undefined);
  } finally {
    await api.stop();
  }
}
