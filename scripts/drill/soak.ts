// Drill (c), soak: the mixed read/match traffic profile of the benchmark against the API in a child
// process for N minutes: no errors, and resident memory after the run within 10 % of what it was after
// the warm-up (a leak grows it steadily; a bounded cache does not).
import autocannon from 'autocannon';
import type { Graph } from '../../engine/graph/graph.ts';
import { startApiProcess } from '../bench/apiProcess.ts';
import { benchInputs } from '../bench/benchInputs.ts';
import { trafficProfiles } from '../bench/trafficProfiles.ts';
import type { Outcome } from './outcome.ts';

const drill = 'soak';

export async function soakDrill(out: Outcome, graph: Graph, uri: string, options: { minutes: number; warmupS: number; connections: number }): Promise<void> {
  const api = await startApiProcess(uri);
  try {
    const mixed = trafficProfiles(await benchInputs(graph)).find((p) => p.name === 'mixed')!;
    await autocannon({ url: api.base, connections: options.connections, duration: options.warmupS, requests: mixed.requests });
    const baseline = api.rssMb();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(api.rssMb()), 5_000);
    const result = await autocannon({ url: api.base, connections: options.connections, duration: options.minutes * 60, timeout: 10, requests: mixed.requests });
    clearInterval(sampler);
    const end = api.rssMb();
    const growth = (end - baseline) / baseline;
    out.info(drill, `${options.minutes} min of mixed traffic, ${options.connections} connections: ${result.requests.total} requests, ` +
      `${Math.round(result.requests.total / result.duration)} req/s, p99 ${result.latency.p99} ms; RSS ${baseline} MB after warm-up, ${end} MB at the end, max ${Math.max(...samples, end)} MB`);
    const bad = result.errors + result.timeouts + result.non2xx;
    out.check(drill, 'no errors under sustained mixed traffic', bad === 0 && result.requests.total > 0,
      `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; status codes ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])))}`);
    out.check(drill, 'RSS growth after warm-up < 10 %', growth < 0.1, `${(growth * 100).toFixed(1)} % (${baseline} → ${end} MB)`);
    out.check(drill, 'the API process is still up', api.exited() === undefined);
  } finally {
    await api.stop();
  }
}
