// Latency of the API's query endpoints against the graph NEO4J_URI or the embedded default holds:
// `npx tsx scripts/bench/queryLatency.ts [--runs N]`. Requests go over real HTTP to an in-process server.
// `npm run bench` measures the same on fresh graphs of each scale (scripts/bench/bench.ts).
import { numberFlags } from '../args.ts';
import { openGraph } from '../runtime.ts';
import { postJson, startTestServer } from '../test/testServer.ts';
import { measureLatency } from './endpointLatency.ts';

const runs = numberFlags(['runs'] as const).runs ?? 50;
const open = await openGraph();
const api = await startTestServer(open.graph);
const chains = ['biomed', 'ai', 'electronics', 'equipment', 'nev', 'materials', 'green'];

async function measure(name: string, call: (i: number) => Promise<Response>) {
  console.log(JSON.stringify(await measureLatency(name, call, { runs, warmup: 3 })));
}

await measure('GET /chains/{id}/gaps', (i) => fetch(`${api.base}/api/v1/chains/${chains[i % chains.length]}/gaps`));
// 补链 has targets only where a segment is missing: the chains with planted gaps.
const withGaps = ['biomed', 'ai'];
await measure('POST /match/partners (fill)', (i) =>
  postJson(`${api.base}/api/v1/match/partners`, { chainId: withGaps[i % withGaps.length], mode: 'fill', limit: 10 }),
);
await measure('POST /match/partners (strengthen)', (i) =>
  postJson(`${api.base}/api/v1/match/partners`, { chainId: chains[i % chains.length], mode: 'strengthen', limit: 10 }),
);
await api.close();
await open.close();
