// Diagnosis for drill (b) (not part of `npm run drill`): the same API child and request kinds as
// databaseGone.ts, with Neo4j up throughout, in phases with and without the authenticated writes.
// Prints per kind the answers, median/max latency and no-answers, and the API process's CPU seconds,
// so a slowdown can be put on the writes themselves rather than on the database going away.
// `npx tsx scripts/drill/writesProbe.ts [--seconds 20]`
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { seedGraph } from '../../seed/seedGraph.ts';
import { seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { startApiProcess } from '../bench/apiProcess.ts';
import { cpuSecondsOf } from '../bench/cpuTime.ts';
import { sizingFor, startScratchNeo4j } from '../bench/scratchNeo4j.ts';
import { sleep, Traffic, type RequestKind, type Sample } from './traffic.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' } }, strict: true });
const seconds = Number(values.seconds);

const summary = (samples: Sample[]) => {
  const byKind = new Map<string, Sample[]>();
  for (const s of samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  return [...byKind]
    .map(([kind, xs]) => {
      const ms = xs
        .filter((s) => s.status > 0)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      const statuses = [...new Set(xs.map((s) => s.status))].join('/');
      return (
        `${kind}: ${xs.length} sent, status ${statuses}, median ${Math.round(ms[Math.floor(ms.length / 2)] ?? NaN)} ms, max ${Math.round(ms.at(-1) ?? NaN)} ms, ` +
        `no answer ${xs.filter((s) => s.status === 0).length}`
      );
    })
    .join('\n  ');
};

const db = await startScratchNeo4j('drill-writes-probe', sizingFor(seedEnterpriseCount()), { quiet: true });
try {
  await seedGraph(db.graph);
  const key = `probe_${randomBytes(12).toString('hex')}`;
  const api = await startApiProcess(db.uri, { CHAINMATCH_API_KEYS: `probe:${key}:admin` });
  try {
    const [{ owner }] = await db.graph.query<{ owner: string }>('MATCH (e:Enterprise {local: true}) RETURN e.id AS owner ORDER BY owner LIMIT 1');
    const [{ chain }] = await db.graph.query<{ chain: string }>('MATCH (c:Chain) RETURN c.id AS chain ORDER BY chain LIMIT 1');
    const run = randomBytes(4).toString('hex');
    const post = (body: unknown, auth = false): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    const reads: RequestKind[] = [
      { kind: 'gaps', make: () => ({ path: `/api/v1/chains/${chain}/gaps` }) },
      { kind: 'search', make: (i) => ({ path: `/api/v1/search?q=${encodeURIComponent(['电池', '芯片', '医药', '材料'][i % 4])}` }) },
      { kind: 'partners', make: (i) => ({ path: '/api/v1/match/partners', init: post({ chainId: i % 2 ? 'biomed' : 'ai', mode: 'fill', limit: 5 }) }) },
      { kind: 'health', make: () => ({ path: '/health' }) },
    ];
    const write: RequestKind = {
      kind: 'write',
      make: (i) => ({
        path: '/api/v1/offers',
        init: post({ id: `probe-${run}-${i}`, ownerId: owner, kind: 'talent', title: `探针供给 ${i}`, description: 'probe' }, true),
      }),
    };
    for (const k of reads) {
      const { path, init } = k.make(1_000_000);
      const res = await fetch(api.base + path, { ...init, signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
    }
    for (const [name, kinds] of [
      ['reads only', reads],
      ['reads + writes', [...reads, write]],
      ['reads only, again', reads],
    ] as const) {
      const cpu = cpuSecondsOf(api.pid);
      const traffic = new Traffic(api.base, [...kinds], { intervalMs: 50, timeoutMs: 30_000 });
      traffic.start();
      await sleep(seconds * 1000);
      await traffic.stop();
      console.log(
        `${name} (${seconds} s at 20 requests/s, answers awaited): API CPU ${(cpuSecondsOf(api.pid) - cpu).toFixed(1)} s\n  ${summary(traffic.samples)}`,
      );
    }
  } finally {
    await api.stop();
  }
} finally {
  await db.dispose();
}
