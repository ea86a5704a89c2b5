// Partner requests without the result cache, one at a time, in process (issue 17 item 3).
//
//   node --import tsx scripts/bench/partnersProbe.ts --serve [--home DIR]     embedded Neo4j with the seed; prints its URI, runs until stopped
//   node --import tsx scripts/bench/partnersProbe.ts --uri bolt://… [--count 200] [--seed 201412] [--rounds 2]
//        [--engine DIR] [--out answers.json] [--compare answers.json]
//
// The requests are realisticTraffic's `partners` draw (what officers send) over the seed's universe. Every
// chain snapshot is loaded before timing, so the figures are the ranking alone (a snapshot is built once
// per data version, not per request). `--engine DIR` ranks with another checkout's engine/ (e.g. HEAD's,
// unpacked with `git archive`), so before and after run in the same window on the same database.
// `--out` writes every answer; `--compare` checks them against a file written before a change (ids,
// scores, reasons, paths: the whole answer). A CPU profile: run with `node --cpu-prof --cpu-prof-dir DIR`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildSeed } from '../../seed/generate/buildSeed.ts';
import { ensureSeeded } from '../../seed/seedGraph.ts';
import { percentiles } from './percentiles.ts';
import { realisticRequests, type DrawnRequest } from './realisticTraffic.ts';
import { sizingFor, startScratchNeo4j } from './scratchNeo4j.ts';
import { fitModes, universeFromBatch } from './trafficUniverse.ts';
import { machineLoad } from './machine.ts';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    home: { type: 'string' },
    uri: { type: 'string' },
    engine: { type: 'string', default: resolve(import.meta.dirname, '../..') },
    count: { type: 'string', default: '200' },
    seed: { type: 'string', default: '201412' },
    rounds: { type: 'string', default: '2' },
    out: { type: 'string' },
    compare: { type: 'string' },
    queries: { type: 'boolean', default: false },
  },
});

if (values.serve) {
  const db = await startScratchNeo4j('partners-probe', sizingFor(5_000), { home: values.home, quiet: true });
  await ensureSeeded(db.graph);
  console.log(db.uri);
  const stop = () => void db.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 60_000);
} else {
  if (!values.uri) throw new Error('--uri (or --serve) is required');
  // The engine under test, loaded from its own folder: every class the probe uses comes from it.
  const engineModule = (await import(pathToFileURL(resolve(values.engine, 'engine/index.ts')).href)) as typeof import('../../engine/index.ts');
  const { ChainMatchEngine, Graph, createDriver } = engineModule;
  const graph = new Graph(createDriver({ uri: values.uri }));
  // Snapshots kept for the whole run: each round reads one data version (the 30 s TTL would start new
  // snapshots, and with them cold per-snapshot tables, at arbitrary points of a round).
  const engine = new ChainMatchEngine(graph, { resultCache: false, snapshotTtlMs: 3_600_000 });
  // --queries: wall time and count per Cypher query (by its first words), to tell Neo4j's share from ours.
  const queryTimes = new Map<string, { n: number; ms: number }>();
  if (values.queries) {
    const query = graph.query.bind(graph);
    graph.query = async (cypher, params) => {
      const t = performance.now();
      try {
        return await query(cypher, params);
      } finally {
        const key = cypher.replace(/\s+/g, ' ').slice(0, 70);
        const entry = queryTimes.get(key) ?? queryTimes.set(key, { n: 0, ms: 0 }).get(key)!;
        entry.n++;
        entry.ms += performance.now() - t;
      }
    };
  }
  const universe = await fitModes(universeFromBatch(buildSeed()), engine);
  const requests: DrawnRequest[] = [];
  const count = Number(values.count);
  // The full stream, filtered: the partner requests are the ones the mixed traffic would send.
  for (const r of realisticRequests(universe, { seed: Number(values.seed), count: count * 8 }))
    if (r.endpoint === 'partners' && requests.length < count) requests.push(r);
  for (const c of universe.chains) await engine.snapshots.get(c.id);

  type Body = Parameters<typeof engine.partners>[0];
  const answers: unknown[] = [];
  let times: number[] = [];
  // CPU time of this process per request (user + system): what the machine's load does not inflate.
  let cpu: number[] = [];
  const rounds = Number(values.rounds);
  // Round 1 meets cold per-snapshot tables and JIT; every round is printed, the last one in detail.
  for (let round = 0; round < rounds; round++) {
    if (round > 0) {
      const q = percentiles(times);
      const u = percentiles(cpu);
      console.log(`round ${round}: p50 ${q.p50} / p95 ${q.p95} / max ${q.max} ms (CPU p50 ${u.p50} / p95 ${u.p95} ms), load ${machineLoad().loadAverage1m}`);
    }
    times = [];
    cpu = [];
    queryTimes.clear();
    for (const r of requests) {
      const t = performance.now();
      const c = process.cpuUsage();
      const answer = await engine.partners(r.body as Body);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (round === rounds - 1) answers.push(answer);
    }
  }
  const p = percentiles(times);
  const u = percentiles(cpu);
  const slowest = times
    .map((ms, i) => ({ ms: Math.round(ms), cpu: Math.round(cpu[i]), body: requests[i].body }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  console.log(`round ${rounds}: p50 ${p.p50} / p95 ${p.p95} / max ${p.max} ms (CPU p50 ${u.p50} / p95 ${u.p95} ms), load ${machineLoad().loadAverage1m}`);
  console.log(
    JSON.stringify({ engine: values.engine, requests: requests.length, load: machineLoad(), p50: p.p50, p95: p.p95, max: p.max, cpuP50: u.p50, cpuP95: u.p95 }),
  );
  for (const s of slowest) console.log(`  ${s.ms} ms (CPU ${s.cpu} ms)  ${JSON.stringify(s.body)}`);
  for (const [key, { n, ms }] of queryTimes) console.log(`  query ×${n}, ${Math.round(ms)} ms in all: ${key}`);
  if (values.out) writeFileSync(values.out, JSON.stringify(answers) + '\n');
  if (values.compare) {
    const before = JSON.parse(readFileSync(values.compare, 'utf8')) as unknown[];
    const differ = answers.map((a, i) => (JSON.stringify(a) === JSON.stringify(before[i]) ? -1 : i)).filter((i) => i >= 0);
    console.log(differ.length === 0 && before.length === answers.length ? `same answers: ${answers.length}` : `DIFFERENT answers: ${differ.join(', ')}`);
    if (differ.length > 0) process.exitCode = 1;
  }
  await graph.close();
}
