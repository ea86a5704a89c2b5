// Drill (f), Neo4j killed (issue 15 item 7): the API as `npm start` runs it — the embedded Neo4j under
// its supervisor in the API's process (supervisedApiChild.ts) — and the JVM killed with SIGKILL under
// traffic. Nobody restarts anything: the supervisor must, and /health must come back to 200 by itself
// and say what happened (restarts 1, last exit SIGKILL). Drill (b) covers the API's answers while the
// database is away (503 within 1 s, acknowledged writes kept); this one, that it comes back unaided.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess } from '../bench/apiProcess.ts';
import { freePort } from '../bench/freePort.ts';
import type { Outcome } from './outcome.ts';
import { send, sleep, Traffic, type Sample } from './traffic.ts';

const drill = 'Neo4j killed';
const childScript = fileURLToPath(new URL('./supervisedApiChild.ts', import.meta.url));

interface Health {
  status: string;
  neo4j: { supervision?: { state: string; restarts: number; lastExit: { signal: string | null } | null } };
}

export async function neo4jKilledDrill(out: Outcome, options: { recoveryLimitS: number }): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chainmatch-drill-killed-'));
  const api = await startApiProcess(
    '',
    { DRILL_NEO4J_DIR: dataDir, DRILL_NEO4J_PORT: String(await freePort()), NEO4J_URI: '' },
    { script: childScript, startTimeoutMs: 180_000 },
  );
  try {
    const jvmPid = api.started.jvmPid as number;
    const health = async (): Promise<{ status: number; body?: Health; ms: number }> => {
      const started = performance.now();
      try {
        const res = await fetch(`${api.base}/health`, { signal: AbortSignal.timeout(5_000) });
        return { status: res.status, body: (await res.json()) as Health, ms: performance.now() - started };
      } catch {
        return { status: 0, ms: performance.now() - started };
      }
    };
    // The first /health on a fresh JVM counts every label cold: 15 s on the shared machine. Wait for it.
    let first = await health();
    for (const until = Date.now() + 120_000; first.status !== 200 && Date.now() < until; first = await health()) await sleep(1_000);
    out.check(
      drill,
      'healthy before the kill',
      first.status === 200 && first.body?.neo4j.supervision?.state === 'up',
      `HTTP ${first.status}, supervision ${JSON.stringify(first.body?.neo4j.supervision)}`,
    );

    const traffic = new Traffic(
      api.base,
      [
        { kind: 'search', make: (i) => ({ path: `/api/v1/search?q=${encodeURIComponent(['电池', '芯片'][i % 2])}` }) },
        { kind: 'chains', make: () => ({ path: '/api/v1/chains' }) },
      ],
      { intervalMs: 100, timeoutMs: 10_000 },
    );
    traffic.start();
    await sleep(2_000);
    const killedAt = Date.now();
    process.kill(jvmPid, 'SIGKILL');
    out.info(drill, `kill -9 ${jvmPid} (the embedded Neo4j's JVM)`);

    // /health polled every 250 ms until it answers 200 again, by itself.
    const polls: { at: number; status: number; state?: string; ms: number }[] = [];
    let back: Health | undefined;
    while (Date.now() - killedAt < options.recoveryLimitS * 1000) {
      const h = await health();
      polls.push({ at: Date.now() - killedAt, status: h.status, state: h.body?.neo4j.supervision?.state, ms: h.ms });
      if (h.status === 200 && polls.some((p) => p.status !== 200)) {
        back = h.body;
        break;
      }
      await sleep(250);
    }
    const recoveredAt = back ? polls[polls.length - 1].at : undefined;
    const upAgain = polls.find((p) => p.state === 'up' && polls.some((q) => q.at < p.at && q.state === 'restarting'));
    out.info(
      drill,
      `/health first said "up" again ${upAgain ? `${(upAgain.at / 1000).toFixed(1)} s` : 'never'} after the kill (the supervisor's backoff, then the JVM's start)`,
    );
    await sleep(2_000);
    await traffic.stop();

    const down = polls.filter((p) => p.status !== 200);
    out.info(
      drill,
      `/health while down: ${down.length} polls, ${[...new Set(down.map((p) => `${p.status} ${p.state ?? ''}`))].join(', ')}; slowest ${Math.round(Math.max(0, ...down.map((p) => p.ms)))} ms`,
    );
    out.check(
      drill,
      '/health says 503 "restarting" while the JVM is down',
      down.some((p) => p.status === 503 && p.state === 'restarting'),
      `${down.length} polls not 200`,
    );
    out.check(
      drill,
      `/health is 200 again within ${options.recoveryLimitS} s, with no one restarting anything`,
      recoveredAt !== undefined,
      recoveredAt !== undefined
        ? `${(recoveredAt / 1000).toFixed(1)} s after the kill`
        : `still ${polls[polls.length - 1]?.status} after ${options.recoveryLimitS} s`,
    );
    out.check(
      drill,
      '/health reports the restart and the SIGKILL',
      back?.neo4j.supervision?.restarts === 1 && back.neo4j.supervision.lastExit?.signal === 'SIGKILL',
      JSON.stringify(back?.neo4j.supervision ?? null),
    );
    out.check(drill, 'the API process did not crash', api.exited() === undefined, api.exited() ? JSON.stringify(api.exited()) : `RSS ${api.rssMb()} MB`);
    const samples = traffic.samples;
    const after = recoveredAt !== undefined ? samples.filter((s) => s.sentAt >= killedAt + recoveredAt) : [];
    const during = samples.filter((s) => s.sentAt >= killedAt && (recoveredAt === undefined || s.sentAt < killedAt + recoveredAt));
    out.info(drill, `traffic during the outage: ${describe(during)}`);
    const unanswered = during.filter((s) => s.status === 0).map((s) => ((s.sentAt - killedAt) / 1000).toFixed(1));
    if (unanswered.length) out.info(drill, `no answer within 10 s for requests sent ${unanswered[0]}–${unanswered[unanswered.length - 1]} s after the kill`);
    out.check(drill, 'traffic after recovery is answered 2xx', after.length > 0 && after.every((s) => s.status >= 200 && s.status < 300), describe(after));
    const probe = await send(api.base, { kind: 'search', make: () => ({ path: '/api/v1/search?q=电池' }) }, 0, 5_000);
    out.check(drill, 'a search after recovery is answered', probe.status === 200, `HTTP ${probe.status} in ${Math.round(probe.ms)} ms`);
  } finally {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function describe(samples: Sample[]): string {
  const byStatus = new Map<number, number>();
  for (const s of samples) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  return `${samples.length} requests; ${[...byStatus].map(([k, n]) => `${k || 'no answer'}: ${n}`).join(', ')}; slowest ${Math.round(Math.max(0, ...samples.map((s) => s.ms)))} ms`;
}
