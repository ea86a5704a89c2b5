// Drill (b), database gone: the API runs in a child process against an embedded Neo4j started here;
// under traffic Neo4j is stopped — every answer must then be a 503 problem+json with Retry-After within
// 1 s, and the API must not crash or hang — then started again on the same folder and port: the API
// must recover without a restart, and every write it acknowledged before must still be there.
import { randomBytes } from 'node:crypto';
import type { Graph } from '../../engine/index.ts';
import { startApiProcess } from '../bench/apiProcess.ts';
import { cpuSecondsOf } from '../bench/cpuTime.ts';
import type { ScratchNeo4j } from '../bench/scratchNeo4j.ts';
import type { Outcome } from './outcome.ts';
import { sampleActivity } from './serverActivity.ts';
import { send, sleep, Traffic, type RequestKind, type Sample } from './traffic.ts';

const drill = 'database gone';

function describe(samples: Sample[]): string {
  const byStatus = new Map<string, number>();
  for (const s of samples) byStatus.set(`${s.kind} ${s.status || 'no answer'}`, (byStatus.get(`${s.kind} ${s.status || 'no answer'}`) ?? 0) + 1);
  const worst = samples.reduce((m, s) => Math.max(m, s.ms), 0);
  return `${samples.length} answers, slowest ${Math.round(worst)} ms; ${[...byStatus].map(([k, n]) => `${k}: ${n}`).join(', ')}`;
}

export async function databaseGoneDrill(
  out: Outcome,
  db: ScratchNeo4j,
  options: { upMs: number; downMs: number; afterMs: number },
): Promise<{ writtenOfferIds: string[] }> {
  const key = `drill_${randomBytes(12).toString('hex')}`;
  const api = await startApiProcess(db.uri, { CHAINMATCH_API_KEYS: `drill:${key}:admin` });
  const pid = api.pid;
  try {
    const [{ owner }] = await db.graph.query<{ owner: string }>('MATCH (e:Enterprise {local: true}) RETURN e.id AS owner ORDER BY owner LIMIT 1');
    const [{ chain }] = await db.graph.query<{ chain: string }>('MATCH (c:Chain) RETURN c.id AS chain ORDER BY chain LIMIT 1');
    const run = randomBytes(4).toString('hex');
    const offerBody = (i: number) => ({ id: `drill-${run}-${i}`, ownerId: owner, kind: 'talent', title: `演练供给 ${i}`, description: 'database-gone drill' });

    // Is there a write endpoint to check acknowledged writes with?
    const probe = await fetch(`${api.base}/api/v1/offers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(offerBody(-1)),
    });
    const probeText = await probe.text();
    const writes = probe.status === 201;
    if (!writes) out.info(drill, `POST /api/v1/offers answered ${probe.status} (${probeText.slice(0, 200)}): acknowledged writes are not checked`);

    const post = (path: string, body: unknown, auth = false): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    const kinds: RequestKind[] = [
      { kind: 'gaps', make: () => ({ path: `/api/v1/chains/${chain}/gaps` }) },
      { kind: 'search', make: (i) => ({ path: `/api/v1/search?q=${encodeURIComponent(['电池', '芯片', '医药', '材料'][i % 4])}` }) },
      {
        kind: 'partners',
        make: (i) => ({ path: '/api/v1/match/partners', init: post('/api/v1/match/partners', { chainId: i % 2 ? 'biomed' : 'ai', mode: 'fill', limit: 5 }) }),
      },
      { kind: 'health', make: () => ({ path: '/health' }) },
      ...(writes
        ? [{ kind: 'write', make: (i: number) => ({ path: '/api/v1/offers', init: post('/api/v1/offers', offerBody(i), true), writeId: offerBody(i).id }) }]
        : []),
    ];
    // Warm up: each kind once, answered 2xx, so the first cold snapshot load does not straddle the stop.
    for (const k of kinds) {
      const { path, init } = k.make(1_000_000);
      const res = await fetch(api.base + path, { ...init, signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`warm-up ${k.kind}: HTTP ${res.status}`);
    }
    // 20 requests per second, open loop: a request that hangs does not hold the next one back.
    const traffic = new Traffic(api.base, kinds, { intervalMs: 50, timeoutMs: 30_000 });
    const rssBefore = api.rssMb();
    traffic.start();
    await sleep(options.upMs);
    const stopAsked = Date.now();
    await db.stop();
    const stopped = Date.now();
    out.info(drill, `Neo4j stopped (SIGTERM → exit) in ${stopped - stopAsked} ms under traffic`);
    await sleep(options.downMs);
    const restartAsked = Date.now();
    await db.restart();
    const ready = Date.now();
    out.info(drill, `Neo4j started again on the same folder and port in ${ready - restartAsked} ms`);

    // Recovered: the first search (a full-text query, never cached) sent after Neo4j is ready that is answered 2xx.
    const search = kinds.find((k) => k.kind === 'search')!;
    let recovered: number | undefined;
    const probes: Sample[] = [];
    // Why a recovery is slow, when it is: what Neo4j is running meanwhile and how busy the API process is.
    const activity = sampleActivity(db.graph, 5_000);
    const apiCpuAtReady = cpuSecondsOf(pid);
    for (let i = 0; Date.now() - ready < 60_000; i++) {
      const probe = await send(api.base, search, i, 5_000);
      probes.push(probe);
      if (probe.status >= 200 && probe.status < 300) {
        recovered = probe.sentAt;
        break;
      }
      await sleep(100);
    }
    const recoveryS = (Date.now() - ready) / 1000;
    const apiCpuS = cpuSecondsOf(pid) - apiCpuAtReady;
    const seen = await activity.stop();
    await sleep(options.afterMs);
    await traffic.stop();
    const rssAfter = api.rssMb();

    const samples = traffic.samples;
    // Before the stop: what was answered before Neo4j was asked to stop.
    const up = samples.filter((s) => s.sentAt + s.ms < stopAsked);
    const straddling = samples.filter((s) => s.sentAt < stopAsked && s.sentAt + s.ms >= stopAsked);
    const stopping = samples.filter((s) => s.sentAt >= stopAsked && s.sentAt < stopped);
    const down = samples.filter((s) => s.sentAt >= stopped && s.sentAt < restartAsked);
    const after = recovered ? samples.filter((s) => s.sentAt >= recovered!) : [];
    out.info(drill, `before the stop: ${describe(up)}`);
    out.info(drill, `sent before the stop, answered after: ${describe(straddling)}`);
    out.info(drill, `sent while Neo4j shut down: ${describe(stopping)}`);
    out.info(drill, `sent while Neo4j was down: ${describe(down)}`);
    out.info(drill, `sent after recovery: ${describe(after)}`);

    const all2xx = (xs: Sample[]) => xs.length > 0 && xs.every((s) => s.status >= 200 && s.status < 300);
    out.check(drill, 'traffic before the stop is answered 2xx', all2xx(up), describe(up));
    // /api/v1 answers problem+json; /health answers its JSON status document, with 503 and Retry-After too.
    const unavailable = (s: Sample) => s.status === 503 && s.retryAfter !== null && (s.problemJson || s.kind === 'health');
    // gaps may still come from the engine's snapshot cache (2xx): an honest answer too.
    const cached = down.filter((s) => s.status >= 200 && s.status < 300);
    const wrong = down.filter((s) => !unavailable(s) && !(s.status >= 200 && s.status < 300));
    out.check(
      drill,
      'while down, every answer is 503 (problem+json) with Retry-After, or a 2xx from cache',
      down.length > 0 && wrong.length === 0,
      wrong.length
        ? describe(wrong)
        : `${down.length - cached.length} × 503, ${cached.length} × 2xx from cache (${[...new Set(cached.map((s) => s.kind))].join(', ') || 'none'})`,
    );
    const slow = down.filter((s) => s.ms > 1000);
    out.check(
      drill,
      'while down, every answer comes within 1 s',
      down.length > 0 && slow.length === 0,
      slow.length
        ? `${slow.length} of ${down.length} took longer; slowest ${Math.round(Math.max(...slow.map((s) => s.ms)))} ms (${[...new Set(slow.map((s) => s.kind))].join(', ')})`
        : `slowest ${Math.round(Math.max(...down.map((s) => s.ms)))} ms`,
    );
    const firstUnavailable = down.find(unavailable);
    out.check(
      drill,
      'the first 503 is answered within 1 s of Neo4j going away',
      firstUnavailable !== undefined && firstUnavailable.sentAt + firstUnavailable.ms - stopped <= 1000,
      firstUnavailable ? `${Math.round(firstUnavailable.sentAt + firstUnavailable.ms - stopped)} ms after the JVM exited` : 'no 503 at all',
    );
    out.check(
      drill,
      'the API process did not crash',
      api.exited() === undefined && api.pid === pid,
      api.exited() ? JSON.stringify(api.exited()) : `pid ${pid} alive, RSS ${rssBefore} → ${rssAfter} MB`,
    );
    out.info(drill, `recovery probes (GET /search, 5 s timeout): ${probes.map((p) => `${p.status || 'timeout'}/${Math.round(p.ms)} ms`).join(', ')}`);
    out.info(
      drill,
      `while recovering (${recoveryS.toFixed(0)} s): API process CPU ${apiCpuS.toFixed(1)} s; Neo4j's open transactions every 5 s: ` +
        seen
          .map(
            (x) => `${(x.atMs / 1000).toFixed(0)} s: ${x.activity.open} open, oldest ${x.activity.oldestMs} ms [${x.activity.byQuery.slice(0, 4).join('; ')}]`,
          )
          .join(' | '),
    );
    out.check(
      drill,
      'the API recovers without a restart',
      recovered !== undefined,
      recovered ? `first 2xx search sent ${recovered - ready} ms after Neo4j was ready` : 'not within 60 s',
    );
    out.check(drill, 'after recovery every answer is 2xx', all2xx(after), describe(after));

    let writtenOfferIds: string[] = [];
    if (writes) {
      const acknowledged = samples.filter((s) => s.writeId && s.status === 201).map((s) => s.writeId!);
      const attempted = samples.filter((s) => s.writeId).map((s) => s.writeId!);
      const present = await presentOffers(db.graph, `drill-${run}-`);
      const lost = acknowledged.filter((id) => !present.has(id));
      const ackedBeforeStop = samples.filter((s) => s.writeId && s.status === 201 && s.sentAt < stopAsked).length;
      out.check(
        drill,
        'every acknowledged write is present after the restart',
        lost.length === 0,
        `${acknowledged.length} acknowledged (${ackedBeforeStop} before the stop), ${lost.length} lost; ${attempted.length - acknowledged.length} refused; ${present.size - acknowledged.length - 1} present without acknowledgement`,
      );
      writtenOfferIds = [...present];
    } else {
      out.info(drill, 'acknowledged writes: not applicable (no write endpoint)');
    }
    return { writtenOfferIds };
  } finally {
    await api.stop();
  }
}

async function presentOffers(graph: Graph, prefix: string): Promise<Set<string>> {
  const rows = await graph.query<{ id: string }>('MATCH (o:Offer) WHERE o.id STARTS WITH $prefix RETURN o.id AS id', { prefix });
  return new Set(rows.map((r) => r.id));
}
