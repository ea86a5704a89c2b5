// `npm run bench [-- --scales seed,10000,100000] [--big] [--runs N] [--duration S] [--connections C]
//                 [--skip queries,api,realistic,assignment,embeddings] [--out bench-results.json]`
// For each scale: a fresh embedded Neo4j in a temporary folder; the seed graph of that many enterprises
// loaded by the project's loader and, into a second fresh database, by LOAD CSV … IN TRANSACTIONS;
// endpoint latency over HTTP; the API under autocannon load in a child process. Then the global
// assignment and the embedder. Prints a table and writes bench-results.json. Seeded throughout.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateBatch } from '../../engine/index.ts';
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { seedRunId } from '../../seed/seedGraph.ts';
import { startServingApi } from './apiProcess.ts';
import { assignmentBench, type AssignmentRow } from './assignmentBench.ts';
import { benchInputs } from './benchInputs.ts';
import { embeddingBench, type EmbeddingRow } from './embeddingBench.ts';
import { bulkBenchFromEnterprises, bulkLoadBench, type BulkLoadBenchResult } from './bulkLoadBench.ts';
import { loadBench, type LoadBenchResult } from './loadBench.ts';
import { runLoad, type LoadTestRow } from './loadTest.ts';
import { machineInfo, machineLoad, type MachineInfo } from './machine.ts';
import { queryBench, type QueryBenchResult } from './queryBench.ts';
import { sizingFor, type Neo4jSizing, type ScratchNeo4j } from './scratchNeo4j.ts';
import { printReport, targetChecks } from './report.ts';
import { trafficProfiles, uncachedMatchProfile } from './trafficProfiles.ts';
import { realisticProfiles } from './realisticProfiles.ts';
import type { RealisticLoadRow } from './realisticLoad.ts';

export interface ScaleResult {
  label: string;
  enterprises: number;
  scaleFactor: number;
  sizing: Neo4jSizing;
  generateMs: number;
  /** Machine load when the scale started and when it ended (other work on a shared machine). */
  machineLoad: { start: ReturnType<typeof machineLoad>; end?: ReturnType<typeof machineLoad> };
  partnerChains?: { fill: string[]; strengthen: string[] };
  /** The online loader against LOAD CSV (scales under bulkBenchFromEnterprises) … */
  load?: LoadBenchResult;
  /** … or the bulk path against the importer alone (from it). */
  bulk?: BulkLoadBenchResult;
  queries?: QueryBenchResult;
  api?: LoadTestRow[];
  /** Requests drawn from officers' and API clients' distributions, with the result cache on and off. */
  realistic?: RealisticLoadRow[];
}

export interface BenchResults {
  date: string;
  machine: MachineInfo;
  options: Record<string, unknown>;
  scales: ScaleResult[];
  assignment?: AssignmentRow[];
  embeddings?: EmbeddingRow[];
}

// Request logs of the in-process server would cost as much as some requests; warnings and errors only.
process.env.LOG_LEVEL ??= 'warn';
// Latencies measure the computation, so the in-process server runs without the result cache (repeated
// requests would otherwise be lookups). The load runs use the product default (cache on), plus one
// run of the match profile without it.
process.env.CHAINMATCH_RESULT_CACHE = 'off';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: 'seed,10000,100000' },
    big: { type: 'boolean', default: false },
    runs: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    skip: { type: 'string', default: '' },
    seed: { type: 'string', default: '201412' },
    out: { type: 'string', default: 'bench-results.json' },
  },
  strict: true,
});
const positive = (name: string, raw: string) => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return n;
};
const skip = new Set(values.skip.split(',').filter(Boolean));
const seedCount = seedEnterpriseCount();
const scaleLabels = [...values.scales.split(',').filter(Boolean), ...(values.big ? ['1000000'] : [])];
const options = {
  scales: scaleLabels,
  runs: positive('runs', values.runs),
  warmup: positive('warmup', values.warmup),
  durationS: positive('duration', values.duration),
  connections: positive('connections', values.connections),
  seed: positive('seed', values.seed),
  skip: [...skip],
};

let current: ScratchNeo4j | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void (current?.dispose() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

const results: BenchResults = { date: new Date().toISOString(), machine: await machineInfo(), options, scales: [] };

for (const label of scaleLabels) {
  const enterprises = label === 'seed' ? seedCount : positive('scales', label);
  const scaleFactor = label === 'seed' ? 1 : enterprises / seedCount;
  process.stderr.write(`\n[bench] scale ${label}: ${enterprises} enterprises (×${scaleFactor.toFixed(2)})\n`);
  const startLoad = machineLoad();
  const t = performance.now();
  const batch = await validateBatch(buildSeed({ scale: scaleFactor, seed: options.seed }));
  const generateMs = Math.round(performance.now() - t);
  const sizing = sizingFor(enterprises);
  const loaded =
    enterprises >= bulkBenchFromEnterprises
      ? await bulkLoadBench(batch, sizing).then(({ result, db }) => ({ db, fields: { bulk: result } }))
      : await loadBench(batch, sizing, seedRunId({ scale: scaleFactor, seed: options.seed })).then(({ result, db }) => ({ db, fields: { load: result } }));
  const db = (current = loaded.db);
  try {
    results.machine.neo4j ??= (await machineInfo(db.graph)).neo4j;
    const scale: ScaleResult = { label, enterprises, scaleFactor, sizing, generateMs, machineLoad: { start: startLoad }, ...loaded.fields };
    results.scales.push(scale);
    const inputs = await benchInputs(db.graph);
    scale.partnerChains = { fill: inputs.fillChains, strengthen: inputs.strengthenChains };
    if (!skip.has('queries')) scale.queries = await queryBench(db.graph, inputs, { runs: options.runs, warmup: options.warmup });
    if (!skip.has('api')) {
      const profiles = trafficProfiles(inputs);
      const match = profiles.find((p) => p.name === 'match')!;
      scale.api = [];
      for (const [cache, runs] of [
        ['on', profiles],
        ['off', [{ ...match, name: uncachedMatchProfile }]],
      ] as const) {
        const api = await startServingApi(db.uri, { CHAINMATCH_RESULT_CACHE: cache });
        try {
          // Warm the server (JIT, caches, connection pool) before the first RSS reading.
          await runLoad(
            api,
            profiles.find((p) => p.name === 'mixed')!,
            { connections: options.connections, durationS: 5 },
          );
          for (const profile of runs) {
            const row = await runLoad(api, profile, { connections: options.connections, durationS: options.durationS });
            scale.api.push(row);
            process.stderr.write(
              `  load ${profile.name}: ${row.reqPerSec} req/s, p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors}, RSS ${row.rssBeforeMb} → ${row.rssAfterMb} MB\n`,
            );
          }
        } finally {
          await api.stop();
        }
      }
    }
    const loadOptions = { seed: options.seed, connections: options.connections, durationS: options.durationS };
    if (!skip.has('realistic')) scale.realistic = await realisticProfiles(db, batch, loadOptions);
    scale.machineLoad.end = machineLoad();
  } finally {
    await db.dispose();
    current = undefined;
  }
  writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
}

if (!skip.has('assignment')) {
  process.stderr.write('\n[bench] assignment\n');
  results.assignment = await assignmentBench();
}
if (!skip.has('embeddings')) {
  process.stderr.write('\n[bench] embeddings\n');
  const firms = buildSeed().nodes.find((g) => g.label === 'Enterprise')!.rows;
  const texts = firms.slice(0, 2048).map((f) => `${f.name} ${f.description}`);
  results.embeddings = await embeddingBench(texts);
}

const checks = targetChecks(results);
writeFileSync(values.out, JSON.stringify({ ...results, targets: checks }, null, 2) + '\n');
printReport(results, checks);
console.log(`\nwritten ${values.out}`);
